/**
 * The growth check of test/hostile/growth.ts tells linear work from quadratic work: the checks
 * that replace bounds in milliseconds (security.test.ts, anchoring.test.ts) rely on it failing
 * for quadratic work, not only passing for linear work.
 */
import * as assert from 'node:assert/strict';
import { describeGrowth, GROWTH_FACTOR, MAX_GROWTH_RATIO, measureGrowth } from '../hostile/growth';

/** Sums an array of `size` numbers: linear. */
const linear = (size: number) => {
  const values = Array.from({ length: size }, (_, i) => i % 7);
  return () => values.reduce((sum, v) => sum + v, 0);
};

/** Compares every pair of `size` numbers: quadratic. */
const quadratic = (size: number) => {
  const values = Array.from({ length: size }, (_, i) => (i * 2654435761) % 1000);
  return () => {
    let equal = 0;
    for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i] === values[j]) equal++;
    return equal;
  };
};

describe('growth check (n against 4n, CPU time)', function () {
  this.timeout(120_000);

  /**
   * Measures again, up to twice, when 4n seems to cost less than twice n: on a shared machine a
   * run at n slowed by other work (never sped up) makes linear work look flat.
   */
  async function measureSeenGrowing(prepare: Parameters<typeof measureGrowth>[0], size: number) {
    let growth = await measureGrowth(prepare, size);
    for (let again = 0; again < 2 && growth.ratio <= GROWTH_FACTOR / 2; again++) growth = await measureGrowth(prepare, size);
    return growth;
  }

  it('passes linear work', async () => {
    // Large enough that a run takes milliseconds, so caches and timer resolution do not flatten the ratio.
    const growth = await measureSeenGrowing(linear, 1_000_000);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('linear work', growth));
    assert.ok(growth.ratio > GROWTH_FACTOR / 2, describeGrowth('linear work grows', growth));
  });

  it('fails quadratic work', async () => {
    const growth = await measureGrowth(quadratic, 1_500);
    assert.ok(growth.ratio >= MAX_GROWTH_RATIO, describeGrowth('quadratic work', growth));
  });

  it('awaits asynchronous work', async () => {
    const growth = await measureSeenGrowing(async (size) => {
      const work = linear(size);
      return async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        return work();
      };
    }, 200_000);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO && growth.ratio > GROWTH_FACTOR / 2, describeGrowth('asynchronous linear work', growth));
  });
});
