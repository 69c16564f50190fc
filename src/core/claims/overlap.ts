/**
 * Which ranges overlap each claim, in one sweep: claims and ranges sorted by start, the ranges
 * that have begun and not yet ended kept aside. Testing every range against every claim was
 * quadratic: a source of 100,000 one-line claims, each tagged, took the editor minutes.
 */
interface Span {
  start: number;
  end: number;
}

/** Overlap as the editor means it: not merely touching; an empty range strictly inside counts. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** For each claim (by index), the ranges that overlap it, in their given order. */
export function overlappingRanges<T extends Span>(claims: readonly Span[], ranges: readonly T[]): T[][] {
  const found: T[][] = claims.map(() => []);
  if (ranges.length === 0 || claims.length === 0) return found;
  const claimOrder = claims.map((_, i) => i).sort((a, b) => claims[a].start - claims[b].start);
  const rangeOrder = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start || a - b);
  let next = 0;
  let open: number[] = [];
  for (const c of claimOrder) {
    const claim = claims[c];
    while (next < rangeOrder.length && ranges[rangeOrder[next]].start < claim.end) open.push(rangeOrder[next++]);
    // Claims come by start: a range that ended before this one starts overlaps no later claim.
    open = open.filter((r) => ranges[r].end > claim.start);
    found[c] = open.filter((r) => overlaps(ranges[r], claim)).sort((a, b) => a - b).map((r) => ranges[r]);
  }
  return found;
}
