/**
 * A source text prepared once for many anchoring operations: the O(n) offset table is built
 * a single time, so anchoring 1,000 targets costs O(log n) per offset conversion instead of
 * a pass over the whole text each. Searches run on the JavaScript string (UTF-16 code units);
 * everything that leaves the anchoring core is converted back to code points here.
 */
import { OffsetConverter } from '../text/positions';

export class PreparedText {
  readonly text: string;
  private readonly offsets: OffsetConverter;

  constructor(text: string) {
    // Garbage in (a YAML `null`, a number) must not throw deeper down: anchor against empty text.
    this.text = typeof text === 'string' ? text : '';
    this.offsets = new OffsetConverter(this.text);
  }

  /** Length in code points. */
  get length(): number {
    return this.offsets.codePointLength;
  }

  toUtf16(codePoint: number): number {
    return this.offsets.hasAstral ? this.offsets.toUtf16(codePoint) : Math.max(0, Math.min(codePoint, this.text.length));
  }

  toCodePoint(utf16: number): number {
    return this.offsets.hasAstral ? this.offsets.toCodePoint(utf16) : Math.max(0, Math.min(utf16, this.text.length));
  }

  /** Text between two code-point offsets (clamped). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** False only between the two halves of a surrogate pair: no range may start or end there. */
  isBoundary(utf16: number): boolean {
    if (utf16 <= 0 || utf16 >= this.text.length) return true;
    const before = this.text.charCodeAt(utf16 - 1);
    const after = this.text.charCodeAt(utf16);
    return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
  }
}

export function prepare(text: string | PreparedText): PreparedText {
  return text instanceof PreparedText ? text : new PreparedText(text);
}
