import { readTextFile } from '../core/files/read-text-file';
import { CliError } from './output';

/** A source read; with keepBytes, also its text's UTF-8 bytes (`bytes`) and where they start in the file (`bytesStart`, past a BOM). */
export type SourceRead = { ok: true; text: string; bytes?: Uint8Array; bytesStart?: number } | { ok: false; reason: string };

/**
 * Reads a source text (and with `keepBytes` its UTF-8 bytes). A path that cannot be read (gone since it was listed, no permission)
 * stops the command (CliError, exit 2); a file that is not UTF-8 text, is over the size bound
 * (--max-file-size) or is not a regular file (a FIFO, a device) is returned as skipped with the
 * reason.
 */
export async function readSourceFile(path: string, options: { keepBytes?: boolean } = {}): Promise<SourceRead> {
  const read = await readTextFile(path, { kind: 'source', keepBytes: options.keepBytes });
  if (read.ok) {
    if (!read.body) return { ok: true, text: read.text };
    // The text's bytes end the file: they start where the BOM, if any, ends.
    return { ok: true, text: read.text, bytes: read.body, bytesStart: read.bytes - read.body.length };
  }
  // Not text, over the size bound, or a FIFO or device: reported and skipped, never read.
  if (read.failure === 'not-text' || read.failure === 'too-large' || read.failure === 'not-regular') return { ok: false, reason: read.reason };
  throw new CliError(`${path}: ${read.reason}`);
}
