/**
 * `scan`'s second thread: the claims of a large source are detected in a worker thread while this
 * thread finds and prints its entities. The JSON prints every entity of a file before any claim,
 * so the worker's claims wait, packed (packed-claims.ts), until the entities are printed.
 *
 * Memory: this thread holds the text it decoded; the worker holds no copy of it. It is handed the
 * bytes this thread read (transferred, not copied), takes their CRC-32 and lets them go, then reads
 * the file again a section at a time (byte-sections.ts) and checks that what it read is what this
 * thread read (the same length and CRC-32). So the source is held twice only while it is read and
 * decoded, as without the worker. A file changed meanwhile, a worker that cannot start or that
 * fails: the claims are detected in this thread, as for a small source, and `--verbose` says why.
 *
 * The worker is the CLI's own bundle (dist/cli.js), started with a job that main.ts recognises,
 * as `check`'s workers are: the packages need no file of their own for it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { detectClaimsInBytes, type ByteSource } from '../../core/claims/byte-sections';
import { ClaimPacker, ClaimUnpacker, type ClaimPack } from '../../core/claims/packed-claims';
import type { Claim } from '../../core/claims/types';
import type { Taxonomy } from '../../core/taxonomy/taxonomy';

/** Below this many bytes a source's claims are detected in this thread: starting the worker (compiling the bundle again) costs more than it saves. */
export const CLAIMS_WORKER_MIN_BYTES = 8 * 1024 * 1024;

const JOB = 'legal-annotator-scan-claims';
/** Integers per pack sent to this thread (4 MB): few messages, each small beside the source. */
const PACK_INTS = 1 << 20;

interface ClaimsRequest {
  id: number;
  /** The source file, and where its text's bytes start in it (past a BOM). */
  path: string;
  bytesStart: number;
  /** The text's bytes as this thread read them: the worker keeps only their length and CRC-32. */
  bytes?: Uint8Array;
  taxonomy: Taxonomy;
}

type ClaimsReply =
  | { id: number; kind: 'pack'; pack: ClaimPack }
  | { id: number; kind: 'done'; statesLaw: readonly boolean[] }
  /** The worker did not detect them: this thread must (the file changed, an error). */
  | { id: number; kind: 'in-thread'; reason: string };

/** The claims of one source: packed by the worker, or to be detected in this thread, and why. */
export type WorkerClaims = { kind: 'packed'; packs: ClaimPack[]; statesLaw: readonly boolean[] } | { kind: 'in-thread'; reason: string };

/** A source's claims being detected by the worker. */
export interface PendingClaims {
  result(): Promise<WorkerClaims>;
}

/** The claims the worker packed, unpacked a few at a time as they are printed (code points, texts sliced from `text`). */
export function* unpackedSections(text: string, { packs, statesLaw }: Extract<WorkerClaims, { kind: 'packed' }>): Generator<Claim[], void, undefined> {
  const unpacker = new ClaimUnpacker(text, statesLaw);
  // Each pack is let go once unpacked.
  for (let pack = packs.shift(); pack; pack = packs.shift()) yield* unpacker.unpack(pack);
}

/**
 * The worker thread that detects claims for one `scan` run, one source after the other. It is
 * started on the first large source and ended by `close`.
 */
export class ClaimsWorker {
  private worker: Worker | undefined;
  private failure: string | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { packs: ClaimPack[]; settle: (claims: WorkerClaims) => void }>();

  constructor(private readonly script: string, private readonly execArgv?: string[]) {}

  /**
   * Starts detecting the claims of the source at `path`, whose text's bytes this thread read as
   * `bytes`, from `bytesStart` in the file. The bytes are transferred: `bytes` is empty afterwards.
   */
  detect(path: string, bytes: Uint8Array, bytesStart: number, taxonomy: Taxonomy): PendingClaims {
    const id = this.nextId++;
    let settled: WorkerClaims | undefined;
    const done = new Promise<WorkerClaims>((resolve) => {
      const settle = (claims: WorkerClaims): void => {
        settled = claims;
        this.pending.delete(id);
        resolve(claims);
      };
      this.pending.set(id, { packs: [], settle });
      const worker = this.started();
      if (!worker) return settle({ kind: 'in-thread', reason: `the worker thread did not start (${this.failure})` });
      if (typeof crc32 !== 'function') return settle({ kind: 'in-thread', reason: `Node ${process.version} has no zlib.crc32 (Node 20.15 or later)` });
      try {
        const request: ClaimsRequest = { id, path, bytesStart, bytes, taxonomy };
        worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
      } catch (error) {
        settle({ kind: 'in-thread', reason: `the source could not be handed to the worker thread (${(error as Error).message})` });
      }
    });
    return { result: () => (settled ? Promise.resolve(settled) : done) };
  }

  /** Ends the worker thread, if it was started. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private started(): Worker | undefined {
    if (this.worker || this.failure) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { kind: JOB }, ...(this.execArgv ? { execArgv: this.execArgv } : {}) });
      worker.on('message', (reply: ClaimsReply) => this.received(reply));
      worker.on('error', (error) => this.failed(`the worker thread failed: ${error.message}`));
      worker.on('exit', (code) => this.failed(`the worker thread exited with code ${code}`));
      this.worker = worker;
    } catch (error) {
      this.failure = (error as Error).message;
    }
    return this.worker;
  }

  private received(reply: ClaimsReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    if (reply.kind === 'pack') job.packs.push(reply.pack);
    else if (reply.kind === 'done') job.settle({ kind: 'packed', packs: job.packs, statesLaw: reply.statesLaw });
    else job.settle({ kind: 'in-thread', reason: reply.reason });
  }

  /** The worker is gone: what it had not finished is detected in this thread. */
  private failed(reason: string): void {
    this.failure ??= reason;
    this.worker = undefined;
    for (const job of [...this.pending.values()]) job.settle({ kind: 'in-thread', reason });
  }
}

/** In a worker started by ClaimsWorker: serves its requests and returns true; elsewhere false. */
export function runAsScanClaimsWorker(): boolean {
  const job = workerData as { kind?: string } | undefined;
  if (isMainThread || job?.kind !== JOB || !parentPort) return false;
  const port = parentPort;
  port.on('message', (request: ClaimsRequest) => {
    // The bytes' length and CRC-32, and the bytes let go before the work starts.
    const bytes = request.bytes ?? new Uint8Array(0);
    const expected = { length: bytes.length, crc: crc32(bytes) };
    request.bytes = undefined;
    setImmediate(() => detectAndSend(port, request, expected));
  });
  return true;
}

function detectAndSend(port: MessagePort, { id, path, bytesStart, taxonomy }: ClaimsRequest, expected: { length: number; crc: number }): void {
  const send = (reply: ClaimsReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  let file: FileBytes | undefined;
  try {
    file = new FileBytes(path, bytesStart, expected.length);
    const packer = new ClaimPacker();
    const sendPack = (): void => {
      const pack = packer.take();
      send({ id, kind: 'pack', pack }, [pack.ints.buffer as ArrayBuffer]);
    };
    const sections = detectClaimsInBytes(file, { taxonomy });
    for (let next = sections.next(); ; next = sections.next()) {
      if (next.done) {
        if (!file.readAsExpected(expected.crc)) send({ id, kind: 'in-thread', reason: 'the file changed while scan read it' });
        else {
          sendPack();
          send({ id, kind: 'done', statesLaw: next.value.statesLaw });
        }
        return;
      }
      packer.add(next.value);
      if (packer.size >= PACK_INTS) sendPack();
    }
  } catch (error) {
    send({ id, kind: 'in-thread', reason: `the worker thread failed: ${(error as Error).message}` });
  } finally {
    file?.close();
  }
}

/**
 * A source's text bytes read from its file as the detection needs them, with the CRC-32 of every
 * byte read once, in order: what tells that the file still holds what the main thread read.
 */
class FileBytes implements ByteSource {
  private readonly fd: number;
  private crc = 0;
  /** Bytes [0, checked) are in `crc`. */
  private checked = 0;

  constructor(path: string, private readonly start: number, readonly length: number) {
    this.fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(this.fd);
    if (!stat.isFile() || stat.size !== start + length) {
      this.close();
      throw new Error('the file changed since it was read');
    }
  }

  read(from: number, to: number): Buffer {
    if (from > this.checked) throw new Error(`bytes read out of order (${from} after ${this.checked})`);
    const bytes = Buffer.allocUnsafe(to - from);
    for (let filled = 0; filled < bytes.length; ) {
      const read = readSync(this.fd, bytes, filled, bytes.length - filled, this.start + from + filled);
      if (read === 0) throw new Error('the file changed since it was read (it is shorter)');
      filled += read;
    }
    if (to > this.checked) {
      this.crc = crc32(bytes.subarray(this.checked - from), this.crc);
      this.checked = to;
    }
    return bytes;
  }

  /** Whether every byte was read, none follows, and their CRC-32 is `crc`. */
  readAsExpected(crc: number): boolean {
    return this.checked === this.length && this.crc === crc && readSync(this.fd, Buffer.alloc(1), 0, 1, this.start + this.length) === 0;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // a file only read loses nothing when closing fails
    }
  }
}
