/**
 * Chance-corrected agreement between two annotators over the same units: Cohen's kappa and
 * Krippendorff's alpha for nominal data. No maintained npm package computes them (the ones on the
 * registry are unmaintained single-file ports), so they are written here from the definitions and
 * checked against the published worked examples (test/unit/team/agreement-stats.test.ts):
 * Krippendorff's own reliability data and the usual textbook kappa.
 */

/** Cohen's kappa of two label sequences of equal length: (po - pe) / (1 - pe); 1 when both agree on one label only. */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error('cohenKappa: the two annotators labelled a different number of units');
  const n = a.length;
  if (n === 0) return 1;
  let agreed = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agreed++;
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, count] of countA) expected += (count / n) * ((countB.get(label) ?? 0) / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal values: `units[u]` holds each coder's value for unit u
 * (undefined: not coded). Units with fewer than two values are not pairable and left out.
 * alpha = 1 - (n - 1) * sum_c o_cc' (c != c') / sum_c,k n_c n_k (c != k), over the coincidence matrix.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | undefined)[])[]): number {
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + weight);
  };
  for (const unit of units) {
    // Counted and paired in place: no array per unit (per-category alpha runs this over every sentence once per category).
    let m = 0;
    for (const value of unit) if (value !== undefined) m++;
    if (m < 2) continue;
    for (let i = 0; i < unit.length; i++) {
      const c = unit[i];
      if (c === undefined) continue;
      for (let j = 0; j < unit.length; j++) {
        const k = unit[j];
        if (j !== i && k !== undefined) add(c, k, 1 / (m - 1));
      }
    }
  }
  const totals = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidences) {
    for (const [k, weight] of row) {
      totals.set(c, (totals.get(c) ?? 0) + weight);
      n += weight;
      if (c !== k) disagreeing += weight;
    }
  }
  if (n === 0) return 1;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  return expected === 0 ? 1 : 1 - ((n - 1) * disagreeing) / expected;
}
