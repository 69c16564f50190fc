/**
 * Entry of the background worker thread (bundled as dist/worker.js, started by background.ts):
 * runs the jobs of backgroundJobs.ts one at a time, in the order asked. Between two jobs it
 * returns to its event loop, so a cancellation that arrived meanwhile drops a job not started
 * yet; a running job finishes and the extension host ignores its result.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runJob, type JobName } from './backgroundJobs';
import type { FromWorker, ToWorker } from './backgroundMessages';

interface Queued {
  id: number;
  job: JobName;
  input: unknown;
}

/** Nice value of this thread: on a busy machine the extension host's own thread goes first. */
const WORKER_NICENESS = 10;

/**
 * Lowers this thread's scheduling priority where the system allows one thread's (Linux: the
 * thread id from /proc/thread-self, given to setpriority); elsewhere the worker keeps the process's.
 */
function yieldToTheExtensionHost(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, WORKER_NICENESS);
  } catch {
    // Not Linux, or not allowed: the same priority as the extension host.
  }
}

yieldToTheExtensionHost();

const queue: Queued[] = [];
let draining = false;

function reply(message: FromWorker): void {
  // A Uint32Array's buffer is moved, not copied.
  const transfer = 'value' in message && message.value instanceof Uint32Array ? [message.value.buffer as ArrayBuffer] : [];
  parentPort?.postMessage(message, transfer);
}

async function drain(): Promise<void> {
  const next = queue.shift();
  if (!next) {
    draining = false;
    return;
  }
  try {
    reply({ id: next.id, value: await runJob(next.job, next.input as never) });
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
    reply({ id: next.id, error: { name, message, ...(stack ? { stack } : {}) } });
  }
  scheduleDrain();
}

/** Runs the next job once the event loop has read the messages that arrived (cancellations among them). */
function scheduleDrain(): void {
  // drain() answers every job's failure itself: a rejection here is a bug, reported as the worker's error.
  setImmediate(() => drain().catch((error: unknown) => setImmediate(() => { throw error; })));
}

parentPort?.on('message', (message: ToWorker) => {
  if ('cancel' in message) {
    const index = queue.findIndex((q) => q.id === message.id);
    if (index >= 0) queue.splice(index, 1);
    return;
  }
  queue.push(message);
  if (!draining) {
    draining = true;
    scheduleDrain();
  }
});
