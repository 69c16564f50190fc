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
/**
 * Inside one block (no blank line): tags, link destinations, reference definitions, autolinks,
 * URLs. Code spans and comments are found by hand (see `inlineSkipsOf`). Every alternative
 * stops at a character that starts another try (`<`, `]`) or at a line end, so a long line of
 * `<a<a<a` or `](](` costs linear time, not quadratic (a hostile source must not hang the editor).
 */
const INLINE_SKIPS = /<[A-Za-z/][^<>\n]*>|\]\([^()\]\n]*\)|^ {0,3}\[[^\]\n]+\]:[^\n]*|\bhttps?:\/\/[^\s<>()]+/gm;

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
    for (const skip of inlineSkipsOf(text.slice(start, end))) ranges.push({ start: start + skip.start, end: start + skip.end });
    if (end >= to || !match) break;
    start = end;
    blank.lastIndex = start + 1;
  }
}

/**
 * The inline skips of one paragraph, left to right, none inside another: code spans (a run of
 * backticks closed by the next run of the same length, as CommonMark has it; an unclosed run
 * is literal), HTML comments, and INLINE_SKIPS. Linear: each source of candidates is searched
 * forward from where the last one was found, never again from the start.
 */
function inlineSkipsOf(paragraph: string): Utf16Range[] {
  const found: Utf16Range[] = [];
  const spans = codeSpans(paragraph);
  let spanIndex = 0;
  let comment: Utf16Range | undefined | null; // null: no comment closes after this point
  let other: Utf16Range | undefined | null;
  const pattern = new RegExp(INLINE_SKIPS.source, INLINE_SKIPS.flags);
  for (let at = 0; at < paragraph.length; ) {
    while (spanIndex < spans.length && spans[spanIndex].start < at) spanIndex++;
    const span = spans[spanIndex];
    if (comment !== null && (comment === undefined || comment.start < at)) comment = nextComment(paragraph, at);
    if (other !== null && (other === undefined || other.start < at)) {
      pattern.lastIndex = at;
      const match = pattern.exec(paragraph);
      other = match ? { start: match.index, end: match.index + match[0].length } : null;
    }
    let first: Utf16Range | undefined;
    for (const candidate of [span, comment, other]) if (candidate && (!first || candidate.start < first.start)) first = candidate;
    if (!first) break;
    found.push(first);
    at = Math.max(first.end, first.start + 1);
  }
  return found;
}

function nextComment(text: string, from: number): Utf16Range | null {
  const start = text.indexOf('<!--', from);
  if (start < 0) return null;
  const close = text.indexOf('-->', start + 4);
  // No "-->" after this "<!--": none after a later one either.
  return close < 0 ? null : { start, end: close + 3 };
}

/** Code spans of a paragraph in one pass over its backtick runs. */
function codeSpans(text: string): Utf16Range[] {
  const runs: Utf16Range[] = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    const start = i;
    while (text.charCodeAt(i) === 0x60) i++;
    runs.push({ start, end: i });
  }
  // For each run, the index of the next run of the same length (one pass from the end).
  const nextSameLength = new Array<number>(runs.length);
  const lastByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r].end - runs[r].start;
    nextSameLength[r] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, r);
  }
  const spans: Utf16Range[] = [];
  for (let r = 0; r < runs.length; ) {
    const close = nextSameLength[r];
    if (close < 0) {
      r++;
      continue;
    }
    spans.push({ start: runs[r].start, end: runs[close].end });
    r = close + 1;
  }
  return spans;
}
