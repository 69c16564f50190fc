/**
 * The background worker: one worker thread (dist/worker.js, backgroundWorker.ts) that runs the
 * extension's heavy pure jobs (backgroundJobs.ts) so that the extension host's thread, which every
 * extension of the window shares, never blocks for long: VS Code calls a host that leaves a request
 * waiting a few seconds unresponsive, and on a loaded machine a second of CPU takes that long.
 *
 * Started on the first job. A job cancelled through its token rejects at once with
 * CancellationError (a job not started yet is dropped by the worker; a running one finishes and
 * its result is ignored). When the worker cannot be started or dies, the jobs it held run again on
 * the extension host's thread, as do all later jobs after MAX_WORKER_FAILURES: slower, never lost.
 */
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { runJob, type JobInput, type JobName, type JobOutput } from './backgroundJobs';
import type { FromWorker, ToWorker } from './backgroundMessages';
import type { Log } from './log';

/** The worker's bundle, beside the extension's (esbuild.js, .vscodeignore). */
export const WORKER_BUNDLE = 'dist/worker.js';
const MAX_WORKER_FAILURES = 3;

interface Pending {
  job: JobName;
  input: unknown;
  settle(outcome: { value: unknown } | { error: unknown }): void;
}

export class BackgroundWork implements vscode.Disposable {
  private worker: Worker | undefined;
  private failures = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  /** Jobs answered by the worker, and jobs run on the extension host's thread instead (tests read them). */
  readonly jobs = { byWorker: 0, onHost: 0 };

  constructor(private readonly workerFile: string, private readonly log: Log) {}

  /** Whether jobs run on the worker thread (false once it failed MAX_WORKER_FAILURES times). */
  get usesWorker(): boolean {
    return this.failures < MAX_WORKER_FAILURES;
  }

  run<N extends JobName>(job: N, input: JobInput<N>, token?: vscode.CancellationToken): Promise<JobOutput<N>> {
    if (token?.isCancellationRequested) return Promise.reject(new vscode.CancellationError());
    const worker = this.started();
    if (!worker) return this.runOnHost(job, input);
    const id = this.nextId++;
    return new Promise<JobOutput<N>>((resolve, reject) => {
      const cancelled = token?.onCancellationRequested(() => {
        if (!this.pending.delete(id)) return;
        cancelled?.dispose();
        this.worker?.postMessage({ id, cancel: true } satisfies ToWorker);
        reject(new vscode.CancellationError());
      });
      this.pending.set(id, {
        job,
        input,
        settle: (outcome) => {
          cancelled?.dispose();
          if ('value' in outcome) resolve(outcome.value as JobOutput<N>);
          else reject(outcome.error);
        },
      });
      worker.postMessage({ id, job, input } satisfies ToWorker);
    });
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) this.log.fireAndForget('stopping the background worker', worker.terminate());
    for (const pending of this.pending.values()) pending.settle({ error: new vscode.CancellationError() });
    this.pending.clear();
  }

  private started(): Worker | undefined {
    if (this.worker || this.disposed || !this.usesWorker) return this.worker;
    try {
      const worker = new Worker(this.workerFile, { name: 'legal-annotator background' });
      worker.on('message', (message: FromWorker) => this.answered(message));
      worker.on('error', (error) => this.failed(worker, error));
      worker.on('exit', (code) => this.failed(worker, new Error(`the background worker exited with code ${code}`)));
      // The extension host may exit while the worker is idle.
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.failed(undefined, error);
    }
    return this.worker;
  }

  private answered(message: FromWorker): void {
    const pending = this.pending.get(message.id);
    // Cancelled meanwhile: the result is stale.
    if (!pending) return;
    this.pending.delete(message.id);
    this.jobs.byWorker++;
    if ('value' in message) pending.settle({ value: message.value });
    else pending.settle({ error: workerError(message.error) });
  }

  /** The worker died or could not start: its jobs run again here; a later job starts a new worker, up to MAX_WORKER_FAILURES. */
  private failed(worker: Worker | undefined, error: unknown): void {
    if (this.disposed || (worker && worker !== this.worker)) return;
    this.worker = undefined;
    if (worker) this.log.fireAndForget('stopping the failed background worker', worker.terminate());
    this.failures++;
    const fallback = this.usesWorker ? 'its jobs run again on the extension host' : 'from now on jobs run on the extension host';
    this.log.error(`background worker (${this.workerFile}) failed; ${fallback}`, error);
    const orphans = [...this.pending.values()];
    this.pending.clear();
    for (const { job, input, settle } of orphans) {
      this.runOnHost(job, input as never).then((value) => settle({ value }), (jobError: unknown) => settle({ error: jobError }));
    }
  }

  private runOnHost<N extends JobName>(job: N, input: JobInput<N>): Promise<JobOutput<N>> {
    this.jobs.onHost++;
    return runJob(job, input);
  }
}

/** The worker's error as an Error here, with its name (SidecarEditError...) and the worker's stack. */
function workerError({ name, message, stack }: { name: string; message: string; stack?: string }): Error {
  const error = new Error(message);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}
