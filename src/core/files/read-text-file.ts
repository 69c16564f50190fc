/**
 * Reading a text file of the workspace (a source, a sidecar, a config, a taxonomy, an import):
 * the one place that opens such a file. It is opened without blocking and checked to be a
 * regular file before a byte is read, so a FIFO, a device or a folder is refused with a reason
 * instead of hanging or streaming forever; the bytes are decoded strictly (decodeSourceText).
 */
import { constants, promises as fs } from 'node:fs';
import { decodeSourceText } from '../text/decode';
import { errnoWords } from './errno';
import { maxBytesFor, tooLargeReason, type FileKind } from './limits';

export type TextFileFailure =
  /** There is no such file (or a folder on its path is missing). */
  | 'missing'
  /** A folder, FIFO, socket or device. */
  | 'not-regular'
  /** Larger than the bound asked for. */
  | 'too-large'
  /** Not UTF-8 text (binary, UTF-16, invalid bytes). */
  | 'not-text'
  /** Permission or another error of the file system. */
  | 'unreadable';

export type TextFileRead =
  | { ok: true; text: string; hadBom: boolean; bytes: number }
  | { ok: false; failure: TextFileFailure; reason: string; code?: string };

export interface ReadTextOptions {
  /** The kind of file, whose size bound applies (limits.ts); checked before reading. */
  kind?: FileKind;
  /** Refuse a file larger than this many bytes instead (checked before reading). */
  maxBytes?: number;
}

/** What an error of the file system means to the user, e.g. "permission denied (EACCES)". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  const words = errnoWords(code);
  return words ? `cannot be read: ${words} (${code})` : `cannot be read (${code ?? (error as Error).message})`;
}

function failed(error: unknown): TextFileRead {
  const code = (error as NodeJS.ErrnoException).code;
  const failure: TextFileFailure = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'not-regular' : 'unreadable';
  return { ok: false, failure, reason: describeFsError(error), ...(code ? { code } : {}) };
}

/** Why `stat` is not a regular file, in words, or undefined when it is one. */
export function notRegularReason(stat: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file; it is not read';
  if (stat.isSocket()) return 'is a socket, not a regular file; it is not read';
  return 'is a device or other special file, not a regular file; it is not read';
}

/** Reads and strictly decodes a regular text file (symbolic links followed); never throws. */
export async function readTextFile(path: string, options: ReadTextOptions = {}): Promise<TextFileRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failed(error);
  }
  try {
    const stat = await handle.stat();
    const notRegular = notRegularReason(stat);
    if (notRegular) return { ok: false, failure: 'not-regular', reason: notRegular };
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
      return { ok: false, failure: 'too-large', reason: `is ${stat.size} bytes, more than the ${options.maxBytes} bytes allowed; it is not read` };
    }
    if (options.kind !== undefined && stat.size > maxBytesFor(options.kind)) {
      return { ok: false, failure: 'too-large', reason: tooLargeReason(options.kind, stat.size) };
    }
    const bytes = await handle.readFile();
    const decoded = decodeSourceText(bytes);
    return decoded.ok ? { ok: true, text: decoded.text, hadBom: decoded.hadBom, bytes: bytes.length } : { ok: false, failure: 'not-text', reason: decoded.reason };
  } catch (error) {
    return failed(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
