/**
 * The parts of a Markdown text that are not prose, where states, dates and terms must not be
 * highlighted: front matter, fenced code blocks, inline code, HTML comments and tags, link
 * destinations, reference definitions, autolinks and bare URLs. A light line scanner, not a
 * CommonMark parser: indented code blocks are left as prose (they cannot be told from list
 * continuations without parsing lists), which errs on the side of highlighting.
 */

/** A half-open range of UTF-16 offsets. */
export interface Utf16Range {
  start: number;
  end: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/;
/** Inside one block (no blank line): code spans, comments, tags, link destinations, autolinks, URLs. */
const INLINE_SKIPS = new RegExp(
  [
    '(`+)(?!`)[^]*?[^`]\\1(?!`)', // code span: a run of backticks closed by a run of the same length
    '<!--[^]*?-->',
    '<[A-Za-z/][^>\\n]*>', // HTML tag or autolink
    '\\]\\([^)\\n]*\\)', // link destination: ](...)
    '^ {0,3}\\[[^\\]\\n]+\\]:[^\\n]*', // reference definition
    '\\bhttps?://[^\\s<>()]+',
  ].join('|'),
  'gm',
);

/** Non-prose ranges of `text`, sorted and disjoint. */
export function markdownSkipRanges(text: string): Utf16Range[] {
  const ranges: Utf16Range[] = [];
  const lines = splitLines(text);
  let blockStart = 0; // start of the current run of prose lines
  let i = 0;
  const flushProse = (end: number) => {
    if (end > blockStart) inlineSkips(text, blockStart, end, ranges);
  };
  if (lines.length > 0 && /^---[ \t]*$/.test(lineText(text, lines[0]))) {
    const close = lines.findIndex((line, index) => index > 0 && FRONT_MATTER_END.test(lineText(text, line)));
    if (close > 0) {
      ranges.push({ start: 0, end: lines[close].end });
      i = close + 1;
      blockStart = i < lines.length ? lines[i].start : text.length;
    }
  }
  for (; i < lines.length; i++) {
    const fence = FENCE_OPEN.exec(lineText(text, lines[i]));
    if (!fence) continue;
    flushProse(lines[i].start);
    const marker = fence[1];
    let close = i + 1;
    while (close < lines.length && !closesFence(lineText(text, lines[close]), marker)) close++;
    const last = Math.min(close, lines.length - 1);
    ranges.push({ start: lines[i].start, end: lines[last].end });
    i = last;
    blockStart = lines[last].end;
  }
  flushProse(text.length);
  return ranges.sort((a, b) => a.start - b.start);
}

/** Whether the half-open range [start, end) overlaps one of the sorted `ranges`. */
export function overlapsAny(ranges: readonly Utf16Range[], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  return low < ranges.length && ranges[low].start < end;
}

interface Line {
  start: number;
  /** After the line break. */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lines.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

function lineText(text: string, line: Line): string {
  return text.slice(line.start, line.end).replace(/\r?\n$|\r$/, '');
}

function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}

/** Inline skips of text[from, to), searched paragraph by paragraph so an unclosed backtick cannot swallow the rest. */
function inlineSkips(text: string, from: number, to: number, ranges: Utf16Range[]): void {
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = from;
  let start = from;
  for (;;) {
    const match = blank.exec(text);
    const end = match && match.index < to ? match.index + 1 : to;
    const paragraph = text.slice(start, end);
    for (const skip of paragraph.matchAll(INLINE_SKIPS)) {
      ranges.push({ start: start + skip.index, end: start + skip.index + skip[0].length });
    }
    if (end >= to || !match) break;
    start = end;
    blank.lastIndex = start + 1;
  }
}
