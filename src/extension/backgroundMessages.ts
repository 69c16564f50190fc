/** The messages between the extension host and its background worker (background.ts, backgroundWorker.ts). */
import type { JobName } from './backgroundJobs';

/** Extension host to worker: run a job, or drop one not started yet. */
export type ToWorker = { id: number; job: JobName; input: unknown } | { id: number; cancel: true };

/** Worker to extension host: a job's value, or its error. */
export type FromWorker = { id: number; value: unknown } | { id: number; error: { name: string; message: string; stack?: string } };
