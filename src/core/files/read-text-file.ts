/**
 * Reading a text file of the workspace (a source, a sidecar, a config, a taxonomy, an import):
 * the one place that opens such a file. It is opened without blocking and checked to be a
 * regular file before a byte is read, so a FIFO, a device or a folder is refused with a reason
 * instead of hanging or streaming forever; the bytes are checked strictly (checkUtf8Text) and decoded.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';
import { checkUtf8Text } from '../text/decode';
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
  | { ok: true; text: string; hadBom: boolean; bytes: number; body?: Buffer }
  | { ok: false; failure: TextFileFailure; reason: string; code?: string };

export interface ReadTextOptions {
  /** The kind of file, whose size bound applies (limits.ts); checked before reading. */
  kind?: FileKind;
  /** Refuse a file larger than this many bytes instead (checked before reading). */
  maxBytes?: number;
  /** Return the text's UTF-8 bytes too (`body`, the BOM left out): a reader that hands them on (`scan`'s claims worker) need not encode the text again. */
  keepBytes?: boolean;
}

/** What an error of the file system means to the user, e.g. "permission denied (EACCES)". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  const words = errnoWords(code);
  return words ? `cannot be read: ${words} (${code})` : `cannot be read (${code ?? (error as Error).message})`;
}

function failed(error: unknown): Extract<TextFileRead, { ok: false }> {
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
  return textOf(await readTextBytes(path, options), options);
}

/**
 * readTextFile without the decoding: the same refusals and failures, and the checked bytes. For
 * a reader that can work on the bytes (a large sidecar scanned by `tag`, sidecar-scan.ts).
 */
export async function readTextBytes(path: string, options: ReadTextOptions = {}): Promise<TextBytesRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failed(error);
  }
  try {
    return statRefusal(await handle.stat(), options) ?? checkedBytes(await handle.readFile());
  } catch (error) {
    return failed(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readTextFile with blocking calls: the same checks and results. For a command that reads
 * thousands of files one after the other (check), where handing each call to the thread pool
 * and back costs more than the read itself.
 */
export function readTextFileSync(path: string, options: ReadTextOptions = {}): TextFileRead {
  return textOf(readTextBytesSync(path, options), options);
}

/** A checked read decoded: the one way both readers turn bytes into text. */
function textOf(read: TextBytesRead, options: ReadTextOptions): TextFileRead {
  if (!read.ok) return read;
  return { ok: true, text: read.body.toString('utf8'), hadBom: read.hadBom, bytes: read.raw.length, ...(options.keepBytes ? { body: read.body } : {}) };
}

/** A text file read and checked as readTextFileSync does, not decoded: its bytes (`raw`) and the text's (`body`, the BOM left out). */
export type TextBytesRead =
  | { ok: true; raw: Buffer; body: Buffer; hadBom: boolean }
  | Extract<TextFileRead, { ok: false }>;

/**
 * readTextFileSync without the decoding: the same refusals and failures, in the same words (UTF-8
 * checked too), and the bytes. For a reader that compares bytes and decodes only when it must
 * (check's sources, anchoring/utf8-source.ts).
 */
export function readTextBytesSync(path: string, options: ReadTextOptions = {}): TextBytesRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failed(error);
  }
  try {
    const stat = fstatSync(fd);
    return statRefusal(stat, options) ?? checkedBytes(readToEnd(fd, stat.size));
  } catch (error) {
    return failed(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a file only read cannot lose anything
    }
  }
}

/** Why a file of this kind and size is not read, or undefined. */
function statRefusal(stat: Stats, options: ReadTextOptions): Extract<TextFileRead, { ok: false }> | undefined {
  const notRegular = notRegularReason(stat);
  if (notRegular) return { ok: false, failure: 'not-regular', reason: notRegular };
  if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
    return { ok: false, failure: 'too-large', reason: `is ${stat.size} bytes, more than the ${options.maxBytes} bytes allowed; it is not read` };
  }
  if (options.kind !== undefined && stat.size > maxBytesFor(options.kind)) {
    return { ok: false, failure: 'too-large', reason: tooLargeReason(options.kind, stat.size) };
  }
  return undefined;
}

function checkedBytes(raw: Buffer): TextBytesRead {
  const checked = checkUtf8Text(raw);
  if (!checked.ok) return { ok: false, failure: 'not-text', reason: checked.reason };
  return { ok: true, raw, body: Buffer.from(checked.body.buffer, checked.body.byteOffset, checked.body.byteLength), hadBom: checked.hadBom };
}

/** Reused by readToEnd to find the end of a file (a read of 0 bytes), or what it gained since its fstat. */
const PROBE = Buffer.allocUnsafe(64 * 1024);

/** The bytes of an open file of `size` bytes up to its end, read on as FileHandle.readFile does when it grew meanwhile. */
function readToEnd(fd: number, size: number): Buffer {
  const first = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, first, filled, size - filled, null);
    if (read === 0) return first.subarray(0, filled);
    filled += read;
  }
  const pieces = [first];
  for (let read = readSync(fd, PROBE, 0, PROBE.length, null); read > 0; read = readSync(fd, PROBE, 0, PROBE.length, null)) {
    pieces.push(Buffer.from(PROBE.subarray(0, read)));
  }
  return pieces.length === 1 ? first : Buffer.concat(pieces);
}
