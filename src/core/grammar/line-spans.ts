/**
 * Entities as single-line spans in VS Code's units (line, UTF-16 character, UTF-16 length):
 * the semantic tokens API takes no token that crosses a line break, so a term wrapped across
 * lines becomes one span per line, each trimmed of the whitespace around the break.
 */
import type { Entity } from '../scanner/types';
import { LineIndex, OffsetConverter } from '../text/positions';
import { overlapsAny, type Utf16Range } from '../text/markdown-prose';

export interface LineSpan {
  line: number;
  character: number;
  length: number;
  entity: Entity;
}

export interface LineSpanOptions {
  /** Sorted, disjoint UTF-16 ranges whose entities are left out (Markdown code, links). */
  skip?: readonly Utf16Range[];
  /** Built from the same text, when the caller has one. */
  lines?: LineIndex;
}

/**
 * Spans in document order, none overlapping: where entities nest ("Ukraine" in "UN Human Rights
 * Monitoring Mission in Ukraine"), the outer one is kept, as the grammar does.
 */
export function lineSpans(text: string, entities: readonly Entity[], options: LineSpanOptions = {}): LineSpan[] {
  const lines = options.lines ?? new LineIndex(text);
  const offsets = new OffsetConverter(text);
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: LineSpan[] = [];
  let reach = 0;
  for (const entity of sorted) {
    const start = offsets.hasAstral ? offsets.toUtf16(entity.start) : entity.start;
    const end = offsets.hasAstral ? offsets.toUtf16(entity.end) : entity.end;
    if (start < reach || end <= start) continue;
    if (options.skip && overlapsAny(options.skip, start, end)) continue;
    reach = end;
    splitAtLineBreaks(text, lines, start, end, (line, character, length) => spans.push({ line, character, length, entity }));
  }
  return spans;
}

function splitAtLineBreaks(text: string, lines: LineIndex, start: number, end: number, emit: (line: number, character: number, length: number) => void): void {
  let position = lines.positionAt(start);
  let from = start;
  for (;;) {
    const nextLineStart = lines.offsetAt({ line: position.line + 1, character: 0 });
    const lineEnd = position.line + 1 < lines.lineCount ? nextLineStart : text.length;
    let segmentStart = from;
    let segmentEnd = Math.min(end, lineEnd);
    while (segmentStart < segmentEnd && isBlank(text.charCodeAt(segmentStart))) segmentStart++;
    while (segmentEnd > segmentStart && isBlank(text.charCodeAt(segmentEnd - 1))) segmentEnd--;
    if (segmentEnd > segmentStart) emit(position.line, position.character + (segmentStart - from), segmentEnd - segmentStart);
    if (end <= lineEnd || position.line + 1 >= lines.lineCount) return;
    from = nextLineStart;
    position = { line: position.line + 1, character: 0 };
  }
}

/** Space, tab, line breaks, no-break space. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}
