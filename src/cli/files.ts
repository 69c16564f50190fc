import { promises as fs } from 'node:fs';
import { decodeSourceText } from '../core/text/decode';
import { CliError } from './output';

export type SourceRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a source text. A path that cannot be read (gone since it was listed, a folder,
 * no permission) stops the command (CliError, exit 2); a file that is not UTF-8 text is
 * returned as skipped with the reason.
 */
export async function readSourceFile(path: string): Promise<SourceRead> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new CliError(`${path}: ${describeFsError(error)}`);
  }
  const decoded = decodeSourceText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: decoded.reason };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
