import { readTextFile } from '../core/files/read-text-file';
import { CliError } from './output';

export type SourceRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a source text. A path that cannot be read (gone since it was listed, no permission)
 * stops the command (CliError, exit 2); a file that is not UTF-8 text, is over the size bound
 * (--max-file-size) or is not a regular file (a FIFO, a device) is returned as skipped with the
 * reason.
 */
export async function readSourceFile(path: string): Promise<SourceRead> {
  const read = await readTextFile(path, { kind: 'source' });
  if (read.ok) return { ok: true, text: read.text };
  // Not text, over the size bound, or a FIFO or device: reported and skipped, never read.
  if (read.failure === 'not-text' || read.failure === 'too-large' || read.failure === 'not-regular') return { ok: false, reason: read.reason };
  throw new CliError(`${path}: ${read.reason}`);
}
