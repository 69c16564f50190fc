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
import { detectClaimsInBytes, type ByteDetection, type ByteSource, type SectionControl } from '../../core/claims/byte-sections';
import { ClaimPacker, ClaimUnpacker, PACK_INTS, type ClaimPack } from '../../core/claims/packed-claims';
import { detectRest, type RestClaims, type WorkerProgress } from './scan-claims-rest';
import type { Claim } from '../../core/claims/types';
import type { Taxonomy } from '../../core/taxonomy/taxonomy';

/** Below this many bytes a source's claims are detected in this thread: starting the worker (compiling the bundle again) costs more than it saves. */
export const CLAIMS_WORKER_MIN_BYTES = 8 * 1024 * 1024;

const JOB = 'legal-annotator-scan-claims';
/** Bytes read at a time for the CRC-32 of what the detection did not read (the main thread took over the rest). */
const CRC_CHUNK_BYTES = 1 << 20;

interface ClaimsRequest {
  id: number;
  /** The source file, and where its text's bytes start in it (past a BOM). */
  path: string;
  bytesStart: number;
  /** The text's bytes as this thread read them: the worker keeps only their length and CRC-32. */
  bytes?: Uint8Array;
  taxonomy: Taxonomy;
  /** Int32 [the section the worker is at, where it is to stop] (UTF-16), shared with this thread (SectionShare). */
  share: SharedArrayBuffer;
}

/** Where the worker is in a text and where this thread asks it to stop, shared between the two threads. */
class SectionShare implements SectionControl, WorkerProgress {
  static readonly NOWHERE = 0x7fffffff;
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    this.cells = new Int32Array(this.buffer);
    if (!buffer) Atomics.store(this.cells, 1, SectionShare.NOWHERE);
  }

  reached(utf16: number): void {
    Atomics.store(this.cells, 0, utf16);
  }

  at(): number {
    return Atomics.load(this.cells, 0);
  }

  stopAt(): number {
    return Atomics.load(this.cells, 1);
  }

  stop(utf16: number): void {
    Atomics.store(this.cells, 1, utf16);
  }
}

type ClaimsReply =
  | { id: number; kind: 'pack'; pack: ClaimPack }
  | { id: number; kind: 'done'; detection: ByteDetection }
  /** The worker did not detect them: this thread must (the file changed, an error). */
  | { id: number; kind: 'in-thread'; reason: string };

/**
 * The claims of one source: packed by the worker up to `detection.end`, and those of the rest
 * that this thread detected (`rest`); or to be detected in this thread, and why.
 */
export type WorkerClaims =
  | { kind: 'packed'; packs: ClaimPack[]; detection: ByteDetection; rest?: RestClaims }
  | { kind: 'in-thread'; reason: string };

/** A source's claims being detected by the worker. */
export interface PendingClaims {
  /**
   * The claims, once the worker is done. Called when this thread is free (its entities printed):
   * while the worker is still far from the end of `text`, this thread detects the second half of
   * what is left (scan-claims-rest.ts), and the worker stops where that half starts.
   */
  result(text: string, taxonomy: Taxonomy): Promise<WorkerClaims>;
}

/** The claims, unpacked a few at a time as they are printed (code points, texts sliced from `text`): the worker's, then the rest's. */
export function* unpackedSections(text: string, { packs, detection, rest }: Extract<WorkerClaims, { kind: 'packed' }>): Generator<Claim[], void, undefined> {
  const unpacker = new ClaimUnpacker(text, rest ? rest.statesLaw(detection) : detection.statesLaw);
  // Each pack is let go once unpacked.
  for (let pack = packs.shift(); pack; pack = packs.shift()) yield* unpacker.unpack(pack);
  if (!rest) return;
  // The rest from where the worker stopped: past the place this thread asked for if it had gone further.
  const restUnpacker = new ClaimUnpacker(text);
  for (let pack = rest.packs.shift(); pack; pack = rest.packs.shift()) yield* restUnpacker.unpack(pack, undefined, detection.end);
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
    const share = new SectionShare();
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
        const request: ClaimsRequest = { id, path, bytesStart, bytes, taxonomy, share: share.buffer };
        worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
      } catch (error) {
        settle({ kind: 'in-thread', reason: `the source could not be handed to the worker thread (${(error as Error).message})` });
      }
    });
    return {
      result: async (text, taxonomy) => {
        if (settled) return settled;
        const rest = detectRest(text, taxonomy, share);
        const claims = await done;
        return claims.kind === 'packed' && rest ? { ...claims, rest } : claims;
      },
    };
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
    else if (reply.kind === 'done') job.settle({ kind: 'packed', packs: job.packs, detection: reply.detection });
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

function detectAndSend(port: MessagePort, { id, path, bytesStart, taxonomy, share }: ClaimsRequest, expected: { length: number; crc: number }): void {
  const send = (reply: ClaimsReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  let file: FileBytes | undefined;
  try {
    file = new FileBytes(path, bytesStart, expected.length);
    const packer = new ClaimPacker();
    const sendPack = (): void => {
      const pack = packer.take();
      send({ id, kind: 'pack', pack }, [pack.ints.buffer as ArrayBuffer]);
    };
    const sections = detectClaimsInBytes(file, { taxonomy }, undefined, new SectionShare(share));
    for (let next = sections.next(); ; next = sections.next()) {
      if (next.done) {
        if (!file.readAsExpected(expected.crc)) send({ id, kind: 'in-thread', reason: 'the file changed while scan read it' });
        else {
          sendPack();
          send({ id, kind: 'done', detection: next.value });
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

  /** Whether the file holds the bytes expected: their CRC-32 `crc` (those not read yet read now, for it), and none after them. */
  readAsExpected(crc: number): boolean {
    for (let at = this.checked; at < this.length; at = this.checked) this.read(at, Math.min(this.length, at + CRC_CHUNK_BYTES));
    return this.crc === crc && readSync(this.fd, Buffer.alloc(1), 0, 1, this.start + this.length) === 0;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // a file only read loses nothing when closing fails
    }
  }
}
