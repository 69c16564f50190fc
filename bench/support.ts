/** What every benchmark needs: medians, timed runs and child processes, the machine's load, and a seeded generator for reproducible data. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds of `run`, median of `runs` after one warm-up; returns the last result too. */
export function timeMedian<T>(runs: number, run: () => T): { ms: number; result: T } {
  let result = run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1), so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded integers in [0, n). */
export function seededIntegers(seed: number): (n: number) => number {
  const random = seededRandom(seed);
  return (n: number) => Math.floor(random() * n);
}

/** The machine's load averages (1, 5 and 15 minutes) and its cores, to print beside every figure. */
export function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`;
}

const GNU_TIME = '/usr/bin/time';

export interface CommandTiming {
  /** Median wall time, ms. */
  ms: number;
  /** CPU time (user + system) of the run with the median wall time, ms; undefined without GNU time. */
  cpuMs?: number;
  stdout: string;
  stderr: string;
}

/**
 * Wall time of a child process, median of `runs`; fails loudly when the command exits with
 * another code than `exitCode`. `before` runs ahead of each run, untimed (to put a file back).
 * With GNU time installed its CPU time is measured too: on a shared machine the wall time also
 * counts waiting for a core, the CPU time does not.
 */
export function timeCommand(label: string, command: string, args: readonly string[], options: { runs: number; cwd: string; before?: () => void; exitCode?: number }): CommandTiming {
  const samples: CommandTiming[] = [];
  const measureCpu = existsSync(GNU_TIME);
  for (let i = 0; i < options.runs; i++) {
    options.before?.();
    const cpuFile = join(tmpdir(), `legal-annotator-bench-cpu-${process.pid}`);
    const [file, argv] = measureCpu ? [GNU_TIME, ['-o', cpuFile, '-f', '%U %S', command, ...args]] : [command, [...args]];
    const start = performance.now();
    const result = spawnSync(file, argv, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (result.status !== (options.exitCode ?? 0)) throw new Error(`${label} exited with ${result.status ?? result.signal}:\n${result.stderr.slice(0, 2000)}`);
    let cpuMs: number | undefined;
    if (measureCpu) {
      const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
      cpuMs = (user + system) * 1000;
      rmSync(cpuFile, { force: true });
    }
    samples.push({ ms, cpuMs, stdout: result.stdout, stderr: result.stderr });
  }
  return samples.sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
}

/** Seconds with two decimals, padded for a table; `n/a` for no value. */
export function seconds(ms: number | undefined): string {
  return (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2)).padStart(6);
}

/** Bundles the CLI as `npm run build` does, into `outdir` (not dist/, which others may be using); returns the path of cli.js. */
export function buildCli(outdir: string): string {
  execFileSync(process.execPath, ['esbuild.js', `--outdir=${outdir}`], { cwd: resolve(__dirname, '..'), stdio: 'ignore' });
  return join(outdir, 'cli.js');
}
