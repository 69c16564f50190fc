/**
 * Spreading a large `check` over threads, one per core (this one and workers): reading, parsing, hashing and
 * anchoring a thousand sidecars is CPU work that one JavaScript thread does serially. Each
 * worker runs the same single-thread code (run-sidecars.ts) on an interleaved share of the
 * files and sends back plain reports. Not used for --fix-anchors (writes stay in one thread)
 * or for short lists, where starting a thread costs more than it saves.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { setUserFileLimitMb, userFileLimit, type UserFileLimit } from '../../core/files/limits';
import type { FileProblems } from '../../core/workspace/load-config';
import type { FileReport } from './formats';
import { checkSidecarPaths, type SidecarsResult } from './run-sidecars';

/**
 * Below this many sidecars one thread is as fast: a worker takes ~0.1 s to start, and a clean
 * sidecar proven from its bytes costs little (on 2 cores at rest, one thread matched two on 1,000
 * sidecars for a third less CPU; two were 15% faster on 3,000).
 */
export const MIN_SIDECARS_FOR_WORKERS = 2000;

const JOB = 'legal-annotator-check';

interface Job {
  kind: typeof JOB;
  sidecars: string[];
  configs: string[];
  /** The run's --max-file-size: a worker's module state starts from the defaults. */
  fileLimit: UserFileLimit;
}

interface JobResult {
  reports: FileReport[];
  configFiles: FileProblems[];
}

/**
 * Threads for a large check: one per core that other work leaves free (the load average of the
 * last minute counts the busy ones), at least this one, at most 8. On a saturated machine a
 * worker only adds its start-up (compiling the bundle again) to work no free core would run sooner.
 */
export function threadCount(load = loadavg()[0], cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, cores, Math.ceil(cores - load)));
}

/**
 * Checks the sidecars in `threads` threads: this one and `threads - 1` workers started from
 * `script` (the CLI's own bundle), each on every `threads`-th file.
 */
export async function checkInWorkers(script: string, sidecars: readonly string[], configs: readonly string[], threads: number, execArgv?: string[]): Promise<SidecarsResult> {
  const shares = Array.from({ length: threads }, (_, t) => sidecars.filter((_, i) => i % threads === t));
  const here = async (share: string[]): Promise<JobResult> => {
    const result = await checkSidecarPaths(share, configs, false);
    return { reports: result.outcomes.map((o) => o.report), configFiles: result.configFiles };
  };
  const results = await Promise.all(shares.map((share, t) => (t === 0 ? here(share) : runWorker(script, { kind: JOB, sidecars: share, configs: [...configs], fileLimit: userFileLimit() }, execArgv))));
  const outcomes = sidecars.map((_, i) => ({ report: results[i % threads].reports[Math.floor(i / threads)] }));
  return { outcomes, configFiles: results.flatMap((r) => r.configFiles) };
}

function runWorker(script: string, job: Job, execArgv?: string[]): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job, ...(execArgv ? { execArgv } : {}) });
    worker.once('message', (result: JobResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a check worker exited with code ${code}`));
    });
  });
}

/** In a worker started by checkInWorkers: runs its job and returns true; elsewhere false. */
export function runAsCheckWorker(): boolean {
  const job = workerData as Job | undefined;
  if (isMainThread || job?.kind !== JOB || !parentPort) return false;
  const port = parentPort;
  setUserFileLimitMb(job.fileLimit.mb, job.fileLimit.raise);
  void checkSidecarPaths(job.sidecars, job.configs, false).then((result) => {
    const reply: JobResult = { reports: result.outcomes.map((o) => o.report), configFiles: result.configFiles };
    port.postMessage(reply);
  });
  return true;
}
