/**
 * Whether two values read from YAML are the same, keys in the same order (what comparing their
 * JSON says, without building two 25 MB strings).
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonValue(a[i], other[i])) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || !sameJsonValue((a as Record<string, unknown>)[keysA[i]], (b as Record<string, unknown>)[keysB[i]])) return false;
  }
  return true;
}
