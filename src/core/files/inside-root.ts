/**
 * Whether a path lies inside a workspace root once symbolic links are resolved: the one test
 * every write outside the editor (exports, imports, --fix-anchors) and every read of a path a
 * file names (incidents' evidence) passes, so a linked folder cannot lead out of the workspace.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The real path of `path`'s nearest existing ancestor folder, joined with the rest. */
async function realFolderOf(path: string): Promise<string> {
  let folder = dirname(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(await fs.realpath(folder), ...rest.reverse());
    } catch {
      const parent = dirname(folder);
      if (parent === folder) return resolve(folder, ...rest.reverse());
      rest.push(basename(folder));
      folder = parent;
    }
  }
}

/** `path` with the symbolic links of its existing folders resolved (the file itself as named). */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  return join(await realFolderOf(absolute), basename(absolute));
}

/** Whether `path` lies inside `root` once the symbolic links of its existing folders are resolved. */
export async function isInsideRoot(path: string, root: string): Promise<boolean> {
  const [folder, realRoot] = await Promise.all([realFolderOf(resolve(path)), fs.realpath(root).catch(() => resolve(root))]);
  return relativeInside(realRoot, folder) !== undefined;
}

/**
 * `path` relative to `root`, '/' between folders ('' for the root itself), when it lies inside
 * the root as written (no links resolved); undefined when it climbs out or lies elsewhere. A
 * name that only begins with two dots ('..notes.txt') is inside.
 */
export function relativeInside(root: string, path: string): string | undefined {
  const inside = relative(root, path);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
