/**
 * Sidecar files on disk. Writes are atomic (a temporary file in the same folder, fsync, rename:
 * a crash leaves the old file or the new one, never half of one) and serialised per path (two
 * quick edits from the editor and the CLI's `tag` in one process cannot interleave or lose one).
 * Across processes, every read-modify-write goes through `editSidecarFile`, which holds the
 * sidecar's lock (sidecar-lock.ts) from the read to the end of the write.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeSourceText } from '../text/decode';
import { SIDECAR_SUFFIX, sourceNameFor } from './model';
import { parseSidecar, sidecarFileText, type SidecarDocument } from './sidecar-io';
import { withSidecarLock, type SidecarLockOptions } from './sidecar-lock';

export class SidecarWriteRefused extends Error {
  override name = 'SidecarWriteRefused';
}

/**
 * Why the sidecar at `sidecarPath` (shown as `name`), whose `source` is `named`, must not be
 * written: it names another file than its own name says (a copied or renamed sidecar), so its
 * tags point into that file. Undefined when the two agree.
 */
export function otherSourceRefusal(sidecarPath: string, named: string | undefined, name: string = sidecarPath): string | undefined {
  const expected = sourceNameFor(basename(sidecarPath));
  if (named === undefined || !expected || named === expected) return undefined;
  return `its sidecar ${name} belongs to another file: it says "source: ${named}", not ${expected}, so its tags point into ${named}; nothing was written (rename the sidecar to ${named}${SIDECAR_SUFFIX}, or correct "source")`;
}

/** Reads and parses a sidecar; `undefined` when the file does not exist. */
export async function readSidecarFile(path: string): Promise<SidecarDocument | undefined> {
  const read = await readSidecarText(path);
  if (read === undefined) return undefined;
  return 'fileText' in read ? parseSidecar(read.fileText) : notUtf8(read.reason);
}

/** The file's text (BOM kept), or why it is not UTF-8; `undefined` when it does not exist. */
async function readSidecarText(path: string): Promise<{ fileText: string } | { reason: string } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const decoded = decodeSourceText(bytes);
  return decoded.ok ? { fileText: (decoded.hadBom ? '\uFEFF' : '') + decoded.text } : { reason: decoded.reason };
}

/** Not UTF-8: report it and make sure nobody writes over the bytes we could not read. */
function notUtf8(reason: string): SidecarDocument {
  const empty = parseSidecar('');
  return { ...empty, writable: false, sidecar: undefined, problems: [{ code: 'encoding', severity: 'error', message: `the file ${reason}`, line: 1, column: 1 }] };
}

/** What an edit decides: the document to write (none: nothing is written) and what the caller gets back. */
export interface SidecarEditOutcome<T> {
  write?: SidecarDocument;
  value: T;
}

/**
 * The one locked read-modify-write of a sidecar: takes its lock (waiting at most
 * `options.waitMs`, else SidecarLockTimeout and nothing written), reads the file under the lock
 * (`undefined` when it does not exist), applies `edit`, writes its result atomically, releases.
 * `edit` sees the file as it is now, so another process's write just before is never lost.
 */
export function editSidecarFile<T>(path: string, edit: (doc: SidecarDocument | undefined) => SidecarEditOutcome<T> | Promise<SidecarEditOutcome<T>>, options?: SidecarLockOptions): Promise<T> {
  return withSidecarLock(path, async () => {
    const outcome = await edit(await readSidecarFile(path));
    if (outcome.write) await writeSidecarFile(path, outcome.write);
    return outcome.value;
  }, options);
}

const queues = new Map<string, Promise<void>>();

/**
 * Writes a sidecar document atomically, after any write to the same path still in flight.
 * It takes no lock: a writer that read the file first goes through `editSidecarFile`. Refuses (rejects with SidecarWriteRefused) a document that was read with errors.
 */
export function writeSidecarFile(path: string, doc: Pick<SidecarDocument, 'text' | 'hadBom' | 'writable' | 'problems'>): Promise<void> {
  if (!doc.writable) {
    const first = doc.problems.find((p) => p.severity === 'error');
    return Promise.reject(new SidecarWriteRefused(`refusing to write ${path}: it has errors${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`));
  }
  const key = resolve(path);
  const text = sidecarFileText(doc);
  const previous = queues.get(key) ?? Promise.resolve();
  // A failed write must not block the ones queued after it: each gets its own result.
  const next = previous.catch(() => undefined).then(() => writeAtomically(key, text));
  queues.set(key, next);
  const cleanup = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(cleanup, cleanup);
  return next;
}

export async function writeAtomically(path: string, text: string): Promise<void> {
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
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
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
