import { promises as fs } from 'node:fs';
import { decodeSourceText } from '../core/text/decode';
import { CliError } from './output';

export type SourceRead = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a source text. A missing path, a directory or an unreadable file stops the command
 * (CliError, exit 2); a file that is not UTF-8 text is returned as skipped with the reason.
 */
/** Throws a CliError (exit 2) naming `path` when it does not exist or is a folder. */
export async function assertSourceFile(path: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    throw new CliError(`${path}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) throw new CliError(`${path}: is a directory; give the files to scan`);
}

export async function readSourceFile(path: string): Promise<SourceRead> {
  await assertSourceFile(path);
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
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
