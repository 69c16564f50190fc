/**
 * The incidents file on disk, written the way sidecars are: under the same cross-process lock
 * (a `.incidents.yaml.lock` file beside it, sidecar-lock.ts), read under the lock, written
 * atomically (temporary file, fsync, rename), never through a symbolic link, never when it
 * was read with errors.
 */
import { readTextFile } from '../files/read-text-file';
import { writeAtomically, writeTargetRefusal } from '../files/atomic-write';
import { withSidecarLock, type SidecarLockOptions } from '../sidecar/sidecar-lock';
import type { Problem } from '../problems/problem';
import { incidentsFileText, newIncidentsDocument, parseIncidents, type IncidentsDocument } from './incidents-io';

export class IncidentsWriteRefused extends Error {
  override name = 'IncidentsWriteRefused';
}

/** Reads and parses the incidents file; `undefined` when it does not exist. An unreadable file comes back with that error and is never written over. */
export async function readIncidentsFile(path: string): Promise<IncidentsDocument | undefined> {
  const read = await readTextFile(path, { kind: 'config' });
  if (read.ok) return parseIncidents((read.hadBom ? '\uFEFF' : '') + read.text);
  if (read.failure === 'missing') return undefined;
  const problem: Problem = { code: read.failure === 'not-text' ? 'encoding' : 'unreadable-file', severity: 'error', message: `the file ${read.reason}`, line: 1, column: 1 };
  return { ...parseIncidents(''), problems: [problem], writable: false, file: undefined };
}

export interface IncidentsWriteOptions extends SidecarLockOptions {
  /**
   * Writes the new text in place of the atomic write, still under the lock (the editor writes
   * through the file's open document, so its undo works); `before` is the text read.
   */
  write?: (path: string, text: string, before: string) => Promise<void>;
}

/**
 * The one locked read-modify-write of the incidents file: `edit` gets the file as it is now (a
 * new, empty one when it does not exist) and returns the document to write, or undefined to
 * write nothing. Returns what was written (or read).
 */
export function editIncidentsFile(path: string, edit: (doc: IncidentsDocument) => IncidentsDocument | undefined, options?: IncidentsWriteOptions): Promise<IncidentsDocument> {
  return withSidecarLock(path, async () => {
    const refusal = await writeTargetRefusal(path);
    if (refusal) throw new IncidentsWriteRefused(`${path} ${refusal}`);
    const current = (await readIncidentsFile(path)) ?? newIncidentsDocument();
    if (!current.writable) {
      const first = current.problems.find((p) => p.severity === 'error');
      throw new IncidentsWriteRefused(`refusing to write ${path}: it has errors${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`);
    }
    const next = edit(current);
    if (next && next.text !== current.text) await (options?.write ?? writeAtomically)(path, incidentsFileText(next), incidentsFileText(current));
    return next ?? current;
  }, options);
}
