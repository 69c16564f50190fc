/**
 * Which files `check` looks at: each PATH argument is a folder (walked for sidecars and
 * configs), a sidecar, a config, or a source (its sidecar is checked). A PATH that does not
 * exist or cannot be read stops the command (exit 2): a typo must not pass CI as "clean".
 */
import { promises as fs } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../../core/sidecar/model';
import { CONFIG_FILE_NAME } from '../../core/workspace/workspace-config';
import { statPathArgument, walkFolder } from '../source-paths';

export interface CheckTargets {
  /** Absolute paths, sorted. */
  sidecars: string[];
  configs: string[];
  /** Sources given on the command line that have no sidecar (nothing to check; said on stderr). */
  sourcesWithoutSidecar: string[];
  /** The PATHs given that are folders, as given. */
  folders: string[];
}

export async function collectTargets(paths: readonly string[]): Promise<CheckTargets> {
  const sidecars = new Set<string>();
  const configs = new Set<string>();
  const sourcesWithoutSidecar: string[] = [];
  const folders: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const stat = await statPathArgument(given, path);
    if (stat.isDirectory()) {
      folders.push(given);
      const found = await walk(path, given);
      found.forEach((file) => (basename(file) === CONFIG_FILE_NAME ? configs : sidecars).add(file));
    } else if (basename(path) === CONFIG_FILE_NAME) {
      configs.add(path);
    } else if (path.endsWith(SIDECAR_SUFFIX)) {
      sidecars.add(path);
    } else {
      const sidecar = sidecarPathFor(path);
      if (await exists(sidecar)) sidecars.add(sidecar);
      else sourcesWithoutSidecar.push(given);
    }
  }
  return { sidecars: [...sidecars].sort(), configs: [...configs].sort(), sourcesWithoutSidecar, folders };
}

/**
 * The `folders` (as given) under which none of `found` (absolute paths) lies: said on standard
 * error, so that a job pointed at the wrong folder does not pass as clean unseen.
 */
export function foldersWithNothing(folders: readonly string[], found: readonly string[]): string[] {
  const empty: string[] = [];
  for (const given of folders) {
    const folder = resolve(given);
    const prefix = folder.endsWith(sep) ? folder : `${folder}${sep}`;
    if (!found.some((path) => path.startsWith(prefix))) empty.push(given);
  }
  return empty;
}

function walk(folder: string, given: string): Promise<string[]> {
  return walkFolder(folder, given, { dot: true, accept: (path) => path.endsWith(SIDECAR_SUFFIX) || basename(path) === CONFIG_FILE_NAME });
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}
