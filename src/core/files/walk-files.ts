/**
 * Walking a folder for the files a command works on (check's sidecars and configs, scan's
 * sources). Symbolic links to folders are not followed: a link may lead out of the workspace
 * (`ln -s / root` would make a walk read the whole file system) or back into it (`up -> ..`
 * would count every file again, for ever), and git stores a link as a link, so the tree walked
 * is the repository's own. A link to a file is listed like a file: reading follows it, and the
 * writers refuse to write through it. Every name is taken as it is (a newline in a name
 * included), and a folder that cannot be read is reported, never silently skipped.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describeFsError } from './read-text-file';

export interface WalkOptions {
  /** Folder names never entered (e.g. node_modules, .git). */
  skipFolders?: readonly string[];
  /** Whether names starting with a dot (files and folders) are walked. */
  dot?: boolean;
  /** Which files to list, by their `/`-separated path relative to the walked folder. */
  accept: (relativePath: string) => boolean;
}

export interface WalkResult {
  /** Absolute paths of the accepted files, sorted. */
  files: string[];
  /** Folders that could not be listed, with the reason. */
  unreadable: { path: string; reason: string }[];
  /** Symbolic links to folders met on the way, not followed. */
  linkedFolders: string[];
}

export async function walkFiles(root: string, options: WalkOptions): Promise<WalkResult> {
  const skip = new Set(options.skipFolders ?? []);
  const result: WalkResult = { files: [], unreadable: [], linkedFolders: [] };
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      result.unreadable.push({ path: folder, reason: describeFsError(error).replace(/^cannot be read/, 'cannot be listed') });
      continue;
    }
    for (const entry of entries) {
      if (options.dot === false && entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) pending.push(path);
        continue;
      }
      if (entry.isSymbolicLink() && (await isFolder(path))) {
        result.linkedFolders.push(path);
        continue;
      }
      if (options.accept(relative(root, path).split(sep).join('/'))) result.files.push(path);
    }
  }
  result.files.sort();
  result.unreadable.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.linkedFolders.sort();
  return result;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}
