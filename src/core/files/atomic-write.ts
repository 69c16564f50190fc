/**
 * Writing a file atomically: a temporary file in the same folder, fsync, rename. A crash leaves
 * the old file or the new one, never half of one. The rename replaces whatever is at the path,
 * so a symbolic link or a special file there is refused first: replacing a link would silently
 * detach the file it points to (which may lie outside the workspace).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { notRegularReason } from './read-text-file';

export class FileWriteRefused extends Error {
  override name = 'FileWriteRefused';
}

/**
 * Why the file at `path` must not be replaced by a write: it is a symbolic link or not a regular
 * file. Undefined when it is a regular file or does not exist yet.
 */
export async function writeTargetRefusal(path: string): Promise<string | undefined> {
  let stat;
  try {
    stat = await fs.lstat(path);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) {
    const target = await fs.readlink(path).catch(() => '?');
    return `is a symbolic link (to ${target}); only a regular file is written, never through a link: replace the link with a copy of the file`;
  }
  return notRegularReason(stat);
}

/**
 * Writes `content` to `path` atomically, keeping the file's mode; refuses a link or special file
 * (FileWriteRefused). A string is written as UTF-8; a list of byte chunks is written one after
 * the other (a large file changed in one place: its bytes as read around the new ones).
 */
export async function writeAtomically(path: string, content: string | readonly Uint8Array[]): Promise<void> {
  const refusal = await writeTargetRefusal(path);
  if (refusal) throw new FileWriteRefused(`${path} ${refusal}`);
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o777;
  } catch {
    // a new file: default mode
  }
  const handle = await fs.open(temporary, 'wx', mode);
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    // Each writeFile goes on from where the previous one ended, writing its whole chunk.
    else for (const chunk of content) await handle.writeFile(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw naming(error, path);
  }
  await handle.close();
  try {
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** An error of a write through a file handle names no file: name the one being written. */
function naming(error: unknown, path: string): unknown {
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno === 'object' && errno.code !== undefined && errno.path === undefined) {
    errno.path = path;
    errno.syscall ??= 'write';
  }
  return error;
}

/** Makes the rename itself durable where the platform allows fsync on a folder (not Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: some file systems refuse fsync on a directory
  }
}
