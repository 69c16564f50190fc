/**
 * Sidecar files on disk. Writes are atomic (a temporary file in the same folder, fsync, rename:
 * a crash leaves the old file or the new one, never half of one) and serialised per path (two
 * quick edits from the editor and the CLI's `tag` in one process cannot interleave or lose one).
 * Across processes, every read-modify-write goes through `editSidecarFile`, which holds the
 * sidecar's lock (sidecar-lock.ts) from the read to the end of the write.
 */
import { resolve } from 'node:path';
import { writeAtomically, writeTargetRefusal } from '../files/atomic-write';
import { readTextBytes } from '../files/read-text-file';
import { UTF8_BOM_LENGTH } from '../text/decode';
import { editBase, parseSidecar, parseSidecarBytes, sidecarFileText, type ReadOptions, type SidecarDocument } from './sidecar-io';
import { withSidecarLock, type SidecarLockOptions } from './sidecar-lock';

export class SidecarWriteRefused extends Error {
  override name = 'SidecarWriteRefused';
}

export { writeAtomically } from '../files/atomic-write';

/**
 * Why the sidecar at `path` must not be written: it is a symbolic link (an atomic write would
 * replace the link, and the file it points to, perhaps outside the workspace, would silently stop
 * being the sidecar) or not a regular file. Undefined when it is a regular file or does not exist.
 */
export async function sidecarTargetRefusal(path: string): Promise<string | undefined> {
  const refusal = await writeTargetRefusal(path);
  return refusal && `its sidecar ${path} ${refusal}`;
}

/**
 * Reads and parses a sidecar; `undefined` when the file does not exist. A file that is not a
 * regular file, cannot be read or is not UTF-8 comes back as a document with that error, which
 * nothing writes over. `options` as parseSidecar's.
 */
export async function readSidecarFile(path: string, options?: ReadOptions): Promise<SidecarDocument | undefined> {
  const read = await readTextBytes(path, { kind: 'sidecar' });
  if (!read.ok) {
    if (read.failure === 'missing') return undefined;
    return unreadable(read.failure === 'not-text' ? 'encoding' : 'unreadable-file', `the file ${read.reason}`);
  }
  const scanned = options?.scanEntries ? parseSidecarBytes(read.body, read.hadBom) : undefined;
  if (scanned) {
    fileBytes.set(scanned, read.raw);
    return scanned;
  }
  const text = read.body.toString('utf8');
  const doc = parseSidecar((read.hadBom ? '\uFEFF' : '') + text, options);
  if (doc.text === text) fileBytes.set(doc, read.raw);
  return doc;
}

/** A sidecar that could not be read: report why and make sure nobody writes over its bytes. */
function unreadable(code: string, message: string): SidecarDocument {
  const empty = parseSidecar('');
  return { ...empty, writable: false, sidecar: undefined, problems: [{ code, severity: 'error', message, line: 1, column: 1 }] };
}

/** What an edit decides: the document to write (none: nothing is written) and what the caller gets back. */
export interface SidecarEditOutcome<T> {
  write?: SidecarDocument;
  value: T;
}

/** How editSidecarFile waits for the lock, and reads the file under it (parseSidecar's options). */
export interface SidecarEditOptions extends SidecarLockOptions {
  read?: ReadOptions;
}

/**
 * The one locked read-modify-write of a sidecar: takes its lock (waiting at most
 * `options.waitMs`, else SidecarLockTimeout and nothing written), reads the file under the lock
 * (`undefined` when it does not exist; `options.read` says how), applies `edit`, writes its result atomically, releases.
 * `edit` sees the file as it is now, so another process's write just before is never lost.
 * A sidecar that is a link or not a regular file is refused (SidecarWriteRefused) before it is read.
 */
export function editSidecarFile<T>(path: string, edit: (doc: SidecarDocument | undefined) => SidecarEditOutcome<T> | Promise<SidecarEditOutcome<T>>, options?: SidecarEditOptions): Promise<T> {
  return withSidecarLock(path, async () => {
    const refusal = await sidecarTargetRefusal(path);
    if (refusal) throw new SidecarWriteRefused(refusal);
    const outcome = await edit(await readSidecarFile(path, options?.read));
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
  const content = unchangedBytesAround(doc) ?? sidecarFileText(doc);
  const previous = queues.get(key) ?? Promise.resolve();
  // A failed write must not block the ones queued after it: each gets its own result.
  const next = previous.catch(() => undefined).then(() => writeAtomically(key, content));
  queues.set(key, next);
  const cleanup = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(cleanup, cleanup);
  return next;
}

/** The bytes each document read by readSidecarFile was decoded from (its BOM included). */
const fileBytes = new WeakMap<SidecarDocument, Buffer>();

/**
 * The bytes of `doc` as chunks, when it is one text edit away from a document read from disk:
 * the file's bytes before the edit, the edit's text encoded, the file's bytes after it. The same
 * bytes as encoding the whole text (a test compares them) without building 23 MB of string and
 * buffer again for a tag appended to a large sidecar. Undefined otherwise.
 */
export function unchangedBytesAround(doc: Pick<SidecarDocument, 'hadBom'>): Uint8Array[] | undefined {
  const base = editBase(doc);
  const bytes = base && fileBytes.get(base.previous);
  if (!base || !bytes || base.previous.hadBom !== doc.hadBom) return undefined;
  const { previous, edit } = base;
  const bom = previous.hadBom ? UTF8_BOM_LENGTH : 0;
  if (base.bytes) return [bytes.subarray(0, bom + base.bytes.start), Buffer.from(edit.newText, 'utf8'), bytes.subarray(bom + base.bytes.end)];
  // A file of as many bytes as characters is all ASCII: its offsets in bytes are those in characters.
  const ascii = bytes.length - bom === previous.text.length;
  const start = bom + (ascii ? edit.start : Buffer.byteLength(previous.text.slice(0, edit.start)));
  const end = start + (ascii ? edit.end - edit.start : Buffer.byteLength(previous.text.slice(edit.start, edit.end)));
  return [bytes.subarray(0, start), Buffer.from(edit.newText, 'utf8'), bytes.subarray(end)];
}
