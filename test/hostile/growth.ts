/**
 * Growth checks: how the time of some work grows from size n to 4n, in place of a bound in
 * milliseconds, which a busy machine breaks and a fast one hides. Linear work takes about 4 times
 * as long at 4n (a little more for n log n, or when the larger input leaves the CPU's caches),
 * quadratic work 16 times; the check fails at MAX_GROWTH_RATIO and above, between the two.
 *
 * - Time is the CPU time of the process, not the time on the clock: on a busy machine a short
 *   sample can run between two waits for the CPU while a long one cannot, which makes linear work
 *   look quadratic. CPU time counts V8's compiler and collector threads too, so noise only ever
 *   adds time, and each size keeps its fastest sample.
 * - Both sizes are run once before measuring (compilation, lazy tables, and code that V8 compiles
 *   again when it meets the larger string), and a sample repeats the work until it lasts about
 *   MIN_SAMPLE_MS, so that the timer does not decide a ratio of microseconds.
 * - A full garbage collection precedes the samples, which then do not pay for what earlier work
 *   left; each size is sampled twice, in turn, and again (up to MAX_TRIES) while the ratio is over
 *   the bound.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The larger size of a growth check is this many times the smaller. */
export const GROWTH_FACTOR = 4;
/** Linear work grows about 4 times, quadratic work 16 times. */
export const MAX_GROWTH_RATIO = 10;
/** Shortest sample, in CPU milliseconds. */
const MIN_SAMPLE_MS = 20;
const MAX_RUNS = 65_536;
const MAX_TRIES = 5;

export interface Growth {
  /** The smaller size. */
  size: number;
  /** CPU milliseconds of one run at the smaller and the larger size, from the fastest sample of each. */
  smallMs: number;
  largeMs: number;
  /** Runs of the work in a sample at each size. */
  smallRuns: number;
  largeRuns: number;
  /** largeMs / smallMs. */
  ratio: number;
  tries: number;
}

/** The work to time; an asynchronous one (the CLI in-process) is awaited. */
export type Work = () => unknown;
/** `prepare(size)` builds the input (not timed) and returns the work to time on it. */
export type PrepareWork = (size: number) => Work | Promise<Work>;

// V8 gives gc() to a context made after the flag is set.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU milliseconds of this process for `runs` runs of `work`. */
async function cpuMs(work: Work, runs: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < runs; i++) await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const perRun = async (work: Work, runs: number) => (await cpuMs(work, runs)) / runs;

/** Runs in a sample of about MIN_SAMPLE_MS, for work that takes `msPerRun`. */
const runsFor = (msPerRun: number) => Math.min(MAX_RUNS, Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(msPerRun, 0.001))));

/** Measures the growth of `prepare`'s work from `size` to GROWTH_FACTOR × `size`. */
export async function measureGrowth(prepare: PrepareWork, size: number): Promise<Growth> {
  const small = await prepare(size);
  const large = await prepare(size * GROWTH_FACTOR);
  await cpuMs(small, 1);
  await cpuMs(large, 1);
  const smallRuns = runsFor(await cpuMs(small, 1));
  const largeRuns = runsFor(await cpuMs(large, 1));
  collectGarbage();
  let smallMs = await perRun(small, smallRuns);
  let largeMs = await perRun(large, largeRuns);
  let tries = 1;
  for (;;) {
    smallMs = Math.min(smallMs, await perRun(small, smallRuns));
    largeMs = Math.min(largeMs, await perRun(large, largeRuns));
    if (largeMs / smallMs < MAX_GROWTH_RATIO || tries === MAX_TRIES) break;
    tries++;
    collectGarbage();
  }
  return { size, smallMs, largeMs, smallRuns, largeRuns, ratio: largeMs / smallMs, tries };
}

/** One line for an assertion message or a report. */
export function describeGrowth(what: string, growth: Growth): string {
  const ms = (value: number) => `${value < 1 ? value.toPrecision(2) : value.toFixed(1)} ms`;
  return `${what}: ${ms(growth.largeMs)} at ${GROWTH_FACTOR}n against ${ms(growth.smallMs)} at n = ${growth.size.toLocaleString('en')} ` +
    `(CPU time of one run, fastest of samples of ${growth.smallRuns} and ${growth.largeRuns} runs, ${growth.tries === 1 ? 'first try' : `${growth.tries} tries`}): ` +
    `${growth.ratio.toFixed(1)} times as long (linear: ${GROWTH_FACTOR}, bound ${MAX_GROWTH_RATIO})`;
}
