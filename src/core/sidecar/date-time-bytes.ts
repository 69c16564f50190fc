/**
 * The timestamps the tool writes (`2026-12-06T10:00:00.000Z`, Date's ISO form, in UTC) checked
 * against the schema's `date-time` format from their bytes: sidecar-scan.ts checks the
 * `created` of every entry, and ajv-formats' check (a split, two regular expressions and their
 * numbers) was a fifth of the scan. Only a subset of what that format accepts is accepted here;
 * anything else is left to it (false: not proven, not refused).
 */

/** Days of each month (1-12) in a common year. */
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the bytes from `start` to `end` are `YYYY-MM-DDTHH:MM:SS` with optional `.` and
 * digits, then `Z`: a real calendar day, hours to 23, minutes and seconds to 59. Every such string
 * is valid for ajv-formats' `date-time` (tested against it); false does not mean invalid.
 */
export function isPlainUtcDateTime(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length < 20 || bytes[end - 1] !== 0x5a) return false;
  if (bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d || bytes[start + 10] !== 0x54 || bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a) return false;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  const hour = digits(bytes, start + 11, 2);
  const minute = digits(bytes, start + 14, 2);
  const second = digits(bytes, start + 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS[month])) return false;
  if (length === 20) return true;
  // A fraction of a second: a dot and at least one digit before the Z.
  if (bytes[start + 19] !== 0x2e || length === 21) return false;
  for (let at = start + 20; at < end - 1; at++) if (bytes[at] < 0x30 || bytes[at] > 0x39) return false;
  return true;
}

/** The number written by `count` ASCII digits at `at`, or -1 when one is not a digit. */
function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const digit = bytes[at + i] - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
