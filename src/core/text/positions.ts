/**
 * Offsets: the sidecar and the CLI count Unicode code points (as the W3C Web Annotation
 * model and brat do); VS Code and JavaScript strings count UTF-16 code units. These helpers
 * convert between the two and to line/column positions.
 */

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based column, in the same unit as the offset it was computed from. */
  character: number;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

/**
 * Converts offsets both ways in O(log n) after an O(n) pass that records where the
 * surrogate pairs are. For text without astral characters both units coincide and
 * conversion is the identity.
 */
export class OffsetConverter {
  /** UTF-16 index of the high surrogate of each pair, ascending. */
  private readonly pairStarts: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    // Most texts have no astral character: one native regex scan (about 10x faster than the
    // loop below on 100 KB) proves it, and the table stays empty.
    const hasHighSurrogate = /[\uD800-\uDBFF]/.test(text);
    for (let i = 0; hasHighSurrogate && i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairStarts.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairStarts.length;
  }

  get hasAstral(): boolean {
    return this.pairStarts.length > 0;
  }

  /** Code-point offset of a UTF-16 offset. An offset between the two halves of a pair rounds up to the code point after it. */
  toCodePoint(utf16: number): number {
    const clamped = Math.max(0, Math.min(utf16, this.utf16Length));
    return clamped - this.countPairsBefore(clamped - 1);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.codePointLength));
    // Each pair that starts before the target adds one code unit. Binary search the
    // number of pairs k such that pairStarts[k-1] - (k-1) < clamped.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairStarts[mid] - mid < clamped) low = mid + 1;
      else high = mid;
    }
    return clamped + low;
  }

    private countPairsBefore(lastIndex: number): number {
    // Pairs whose low surrogate index (start + 1) is <= lastIndex are fully before the offset.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairStarts[mid] + 1 <= lastIndex) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Converts offsets to line/column and back. Lines end after `\n`, `\r\n` or a lone `\r`. */
export class LineIndex {
  /** UTF-16 offset where each line starts. */
  private readonly lineStarts: number[] = [0];
  private readonly offsets: OffsetConverter;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (code === 0x0a) {
        this.lineStarts.push(i + 1);
      }
    }
    this.offsets = new OffsetConverter(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line and UTF-16 column of a UTF-16 offset (what VS Code's `Position` holds). */
  positionAt(utf16Offset: number): LineColumn {
    const offset = Math.max(0, Math.min(utf16Offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** UTF-16 offset of a line and UTF-16 column; out-of-range values are clamped. */
  offsetAt(position: LineColumn): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Line and code-point column of a code-point offset (what text lines `path:line:column` show, 0-based). */
  codePointPositionAt(codePointOffset: number): LineColumn {
    const utf16 = this.offsets.toUtf16(codePointOffset);
    const { line } = this.positionAt(utf16);
    const lineStartCodePoint = this.offsets.toCodePoint(this.lineStarts[line]);
    return { line, character: codePointOffset - lineStartCodePoint };
  }

  /** Code-point offset of a line and code-point column. */
  codePointOffsetAt(position: LineColumn): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.offsets.codePointLength;
    const lineStart = this.offsets.toCodePoint(this.lineStarts[position.line]);
    const lineEndUtf16 = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    const lineEnd = this.offsets.toCodePoint(lineEndUtf16);
    return Math.max(lineStart, Math.min(lineStart + position.character, lineEnd));
  }

  toCodePoint(utf16: number): number {
    return this.offsets.toCodePoint(utf16);
  }

  toUtf16(codePoint: number): number {
    return this.offsets.toUtf16(codePoint);
  }
}
