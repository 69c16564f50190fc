import { readTextFile } from '../core/files/read-text-file';
import { CliError } from './output';

export type SourceRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a source text. A path that cannot be read (gone since it was listed, a folder,
 * no permission) stops the command (CliError, exit 2); a file that is not UTF-8 text is
 * returned as skipped with the reason.
 */
export async function readSourceFile(path: string): Promise<SourceRead> {
  const read = await readTextFile(path);
  if (read.ok) return { ok: true, text: read.text };
  if (read.failure === 'not-text') return { ok: false, reason: read.reason };
  throw new CliError(`${path}: ${read.reason}`);
}
