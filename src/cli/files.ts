import { readTextFile } from '../core/files/read-text-file';
import { CliError } from './output';

/** A source read; with keepBytes, also its text's UTF-8 bytes (`bytes`) and where they start in the file (`bytesStart`, past a BOM). */
export type SourceRead = { ok: true; text: string; bytes?: Uint8Array; bytesStart?: number } | { ok: false; reason: string };

/** UTF-8's byte order mark, which a source's text leaves out. */
const UTF8_BOM_BYTES = 3;

/**
 * Reads a source text (and with `keepBytes` its UTF-8 bytes). A path that cannot be read (gone since it was listed, no permission)
 * stops the command (CliError, exit 2); a file that is not UTF-8 text, is over the size bound
 * (--max-file-size) or is not a regular file (a FIFO, a device) is returned as skipped with the
 * reason.
 */
export async function readSourceFile(path: string, options: { keepBytes?: boolean } = {}): Promise<SourceRead> {
  const read = await readTextFile(path, { kind: 'source', keepBytes: options.keepBytes });
  if (read.ok) {
    if (!read.raw) return { ok: true, text: read.text };
    const bytesStart = read.hadBom ? UTF8_BOM_BYTES : 0;
    return { ok: true, text: read.text, bytes: read.raw.subarray(bytesStart), bytesStart };
  }
  // Not text, over the size bound, or a FIFO or device: reported and skipped, never read.
  if (read.failure === 'not-text' || read.failure === 'too-large' || read.failure === 'not-regular') return { ok: false, reason: read.reason };
  throw new CliError(`${path}: ${read.reason}`);
}
