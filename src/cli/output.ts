import { fstatSync, writeSync } from 'node:fs';
import { visibleControls, visibleControlsInDocument } from '../core/text/visible';
import { painter } from './colour';

/** Where the CLI writes: injected so tests run commands in-process and read what they printed. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Whether standard output and standard error are terminals (colour depends on it); absent: neither. */
  isTTY?: { out: boolean; err: boolean };
  /** Whether `out` and `err` may carry ANSI colour: decided by runCli (see colour.ts); absent: no colour. */
  colour?: { out: boolean; err: boolean };
  /** True once the reader of standard output has gone (`scan ... | head`): commands stop early. */
  readonly closed?: boolean;
  /**
   * Resolves once standard output has passed on what was written, if its buffer is full (a reader
   * slower than the command); absent: at once. Long outputs wait on it, so that what a slow reader
   * has not taken yet never piles up in memory.
   */
  drained?(): Promise<void>;
}

/** How the CLI was started, for commands that start worker threads of it. */
export interface CliContext {
  /** The CLI's own script (dist/cli.js); without it `check` stays in one thread. */
  workerScript?: string;
  /** Node options for the workers (tests running TypeScript pass tsx's loader). */
  workerExecArgv?: string[];
  /** Smallest source whose claims `scan` detects in a worker thread; default CLAIMS_WORKER_MIN_BYTES (tests pass 0). */
  claimsWorkerMinBytes?: number;
  /** Threads for `check`, whatever the number of sidecars and the load (tests pass 2); default: MIN_SIDECARS_FOR_WORKERS and threadCount. */
  checkThreads?: number;
  /** The environment read for NO_COLOR and FORCE_COLOR; absent: none is set. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard input, for `scan -`; absent: the process's. */
  stdin?: NodeJS.ReadableStream;
}

/**
 * The process's standard output and error. A reader that goes away (`| head -1`) makes the next
 * write fail with EPIPE, emitted as an 'error' event that would otherwise crash the CLI with a
 * stack trace: it is caught here, for every command, and later writes are dropped.
 */
export function processOutput(): CliOutput {
  let closed = false;
  const quietOnClosedPipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  };
  process.stdout.on('error', quietOnClosedPipe);
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const toFile = stdoutIsFile();
  return {
    out: (text) => {
      if (closed) return;
      if (toFile) writeToFile(text);
      else process.stdout.write(text);
    },
    err: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
    isTTY: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
    get closed() {
      return closed;
    },
    drained: () => (closed || !process.stdout.writableNeedDrain ? Promise.resolve() : untilDrained(process.stdout)),
  };
}

const STDOUT_FD = 1;

/**
 * Whether standard output is a file or a device such as /dev/null, not a terminal, pipe or socket.
 * Node writes such output synchronously, but through a Buffer made for every write (a Writable
 * decodes strings first), which costs more than the write itself (a 200 MB source's `scan` prints
 * some 750 MB of JSON): the CLI writes it with fs.writeSync instead, string as it is. A failed
 * write (disk full, ulimit -f) then throws in the command, which says it in one line.
 */
function stdoutIsFile(): boolean {
  try {
    const stat = fstatSync(STDOUT_FD);
    return stat.isFile() || (stat.isCharacterDevice() && process.stdout.isTTY !== true);
  } catch {
    return false;
  }
}

/** Up to this many UTF-16 units, a write is encoded into the kept buffer (3 bytes a unit at most: 3 MB). */
const KEPT_UNITS = 1 << 20;
/**
 * The bytes of a write to a file, kept for the next: encoding a string into it gives their count,
 * which tells a short write, where Buffer.byteLength was a second pass over the string (it took
 * longer than the write itself over the 750 MB of JSON of a 200 MB source's `scan`).
 */
let kept = Buffer.alloc(0);

function encoded(text: string): Buffer {
  if (text.length > KEPT_UNITS) return Buffer.from(text, 'utf8');
  if (kept.length < 3 * text.length) kept = Buffer.allocUnsafe(3 * text.length);
  return kept.subarray(0, kept.write(text, 0, 'utf8'));
}

function writeToFile(text: string): void {
  try {
    const bytes = encoded(text);
    const written = writeSync(STDOUT_FD, bytes);
    // A short write (the file-size limit or the disk reached): the rest is written until the
    // write that fails, so the command says so instead of ending with its output cut.
    if (written < bytes.length) writeRest(bytes, written);
  } catch (error) {
    // Named, for the one line that says it (fs-errors.ts).
    if (error instanceof Error) Object.assign(error, { path: 'standard output' });
    throw error;
  }
}

function writeRest(bytes: Buffer, from: number): void {
  for (let offset = from; offset < bytes.length;) {
    const written = writeSync(STDOUT_FD, bytes, offset);
    if (written === 0) throw Object.assign(new Error('no byte could be written'), { code: 'EIO' });
    offset += written;
  }
}

/** Resolves on the stream's next 'drain', or when it fails or closes (a reader gone: nothing more will drain). */
function untilDrained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/** Exit codes of every command (BRIEF, section 2). */
export const EXIT = {
  ok: 0,
  /** Problems found (check), or some files skipped (scan). */
  problems: 1,
  /** Could not run: bad usage, missing or unreadable path. */
  cannotRun: 2,
} as const;

/**
 * Bad usage or an input that stops the command, exit 2: one line, or one line for each of
 * several (the folders of a walk that cannot be listed).
 */
export class CliError extends Error {
  readonly lines: readonly string[];

  constructor(message: string | readonly string[]) {
    const lines = typeof message === 'string' ? [message] : message;
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/**
 * Prints one error or refusal line, `legal-annotator COMMAND: message`, on standard error, its
 * prefix red when standard error gets colour: every command's exit-2 errors and exit-1
 * refusals go through here, so they look alike. Several lines are printed one under another.
 */
export function printError(output: CliOutput, command: string | undefined, message: string | readonly string[]): void {
  const prefix = painter(output.colour?.err)('red', `legal-annotator${command ? ` ${command}` : ''}:`);
  const lines = typeof message === 'string' ? [message] : message;
  // Control characters from file names and file contents are escaped, a newline too: each line stays one line.
  output.err(`${prefix} ${lines.map(visibleControls).join('\n')}\n`);
}

/**
 * Prints a line on standard error that is not an error (a file tagged, skipped or left out, a
 * warning), its control characters escaped as printError's: one line, whatever a name holds.
 */
export function printNote(output: CliOutput, line: string): void {
  output.err(`${visibleControls(line)}\n`);
}

/**
 * Prints a document (Markdown, HTML, CSV, JSON) on standard output: on a terminal its control
 * characters but line breaks and tabs are escaped, so a note's escape sequence cannot drive the
 * terminal; into a pipe or a file it is the data, byte for byte.
 */
export function printDocument(output: CliOutput, text: string): void {
  output.out(output.isTTY?.out ? visibleControlsInDocument(text) : text);
}
