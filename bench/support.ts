/** What every benchmark needs: medians, timed runs, and a seeded generator for reproducible data. */

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
