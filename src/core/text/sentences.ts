/**
 * The sentence segmenter: splits a source text into sentences, headings and list items, with
 * exact offsets into the text as stored (CRLF included). Claims are sentences (core/claims/),
 * and "tag the sentence under the cursor" uses it through sentence-at.ts.
 *
 * Rules, in the order they apply:
 * - A blank line ends a sentence; so does the end of a heading or a list line.
 * - A heading is a sentence of its own, never split: a Markdown `#` line, an all-capitals line
 *   ("GENERAL PROVISIONS"), or a short one-line paragraph without a final stop (a news title).
 * - A list line (`-`, `*`, `•`, `1.`, `1)`, `(1)`, `(a)`, `a)`, `A.`, `iv.`) starts a sentence; its
 *   indented continuation lines belong to it; a sentence may end inside it.
 * - Elsewhere a sentence ends after `.`, `!`, `?` or `…` (with any closing quotes and brackets
 *   after them: `."`, `.)`) followed by whitespace, unless
 *   - the next word starts with a lower-case letter ("e.g. periodic", "… and then", "?” he asked"),
 *   - the stop ends a known abbreviation (Art., No., para., pp., Mr., Dr., U.N., cf., e.g., ...):
 *     titles and references never end a sentence; a few that can end one (etc., Inc., U.S.,
 *     et al., ibid.) end it only before a capitalised word (etc.) or a typical sentence opener
 *     (U.S.: "in the U.S. The report" but not "U.S. Army"),
 *   - the stop follows an initial ("J. Smith"), unless it is a Roman numeral after Part, Annex,
 *     Chapter ("Annex I. The ...").
 *   Decimal numbers ("3.5") and dotted abbreviations ("U.N.") have no whitespace after the inner
 *   stops, so they never split.
 *
 * Offsets are UTF-16 code units (JavaScript strings, the editor); `toCodePointSpans` converts
 * them for the CLI and sidecars. Spans are trimmed of surrounding whitespace.
 */
import { OffsetConverter } from './positions';
import { wordChars } from './chars';

export type SentenceKind = 'sentence' | 'heading' | 'list-item';

export interface SentenceSpan {
  /** Offset of the first character (UTF-16 code units, or code points after `toCodePointSpans`). */
  start: number;
  /** Offset after the last character (exclusive). */
  end: number;
  kind: SentenceKind;
}

/** Abbreviations after which a sentence never ends (lower case, inner stops kept). */
const NEVER_FINAL = new Set([
  'art', 'arts', 'para', 'paras', 'p', 'pp', 'cf', 'e.g', 'i.e', 'mr', 'ms', 'mrs', 'messrs', 'dr', 'st', 'vs', 'v',
  'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'cpl', 'pte', 'adm', 'gov', 'sen', 'rep', 'prof', 'rev', 'hon',
  'op', 'viz', 'approx', 'ca', 'nr', 'vol', 'vols', 'ch', 'chap', 'sec', 'sect', 'fig', 'ed', 'eds', 'ibid', 'id',
  'n.b', 'lit', 'subpara', 'subparas', 'doc', 'res', 'rule', 'reg', 'regs', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'bros', 'gens', 'corp', 'dept', 'est', 'mme', 'mlle',
]);

/** Abbreviations that may also end a sentence: they end one only before a capitalised word. */
const FINAL_BEFORE_CAPITAL = new Set(['etc', 'cit', 'al', 'seq', 'sqq', 'ff']);

/** Abbreviations that usually go on with a name ("U.S. Army"): they end a sentence only before an opener. */
const FINAL_BEFORE_OPENER = new Set(['u.s', 'u.n', 'u.k', 'e.u', 'inc', 'ltd', 'jr', 'sr', 'co', 'plc', 'llc', 'a.m', 'p.m', 'u.s.a', 'no', 'nos']);

/** Words that typically open a sentence: after "U.S." or "Inc." they mean the sentence ended. */
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'in', 'on',
  'at', 'but', 'and', 'however', 'his', 'her', 'their', 'its', 'our', 'some', 'many', 'according', 'after', 'before',
  'when', 'while', 'since', 'as', 'if', 'no', 'one', 'two', 'three', 'several', 'witnesses', 'officials', 'police',
]);

/** Roman numerals may end a sentence after these words ("Annex I. The ..."); other initials never do. */
const NUMBERED_PARTS = new Set(['part', 'annex', 'chapter', 'section', 'article', 'protocol', 'title', 'book', 'schedule', 'appendix', 'convention']);

const CLOSERS = new Set(['.', '!', '?', '…', '"', "'", '”', '’', '»', ')', ']', '*', '_']);
const OPENING = new Set(['"', "'", '“', '‘', '«', '(', '[', '*', '_', '¿', '¡']);

const LIST_MARKER = /^[ \t]*(?:[-*•‣◦–+]|\d{1,3}[.)]|\(\d{1,3}\)|\([a-zA-Z]{1,2}\)|[a-zA-Z][.)]|\([ivxlcdm]+\)|[ivxlcdmIVXLCDM]{1,6}[.)])[ \t]+/u;
const MARKDOWN_HEADING = /^[ \t]{0,3}#{1,6}/u;
const LOWER_LETTER = /\p{Ll}/u;
const TWO_CAPITALS = /\p{Lu}[^\n]*\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A one-line paragraph at most this long without a final stop is a heading (a news title). */
const SHORT_LINE = 160;

const WORD = wordChars();
/** The marks that may end a sentence: . ! ? … */
const STOPS = /[.!?\u2026]/g;

interface Line {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  // Line breaks by native searches (claims segment every paragraph holding a cue, and most of a
  // paragraph's characters are no break), over the range only: a search of the whole text could run far past it.
  const range = text.slice(from, to);
  let lf = range.indexOf('\n');
  let cr = range.indexOf('\r');
  let start = from;
  for (;;) {
    if (lf >= 0 && from + lf < start) lf = range.indexOf('\n', start - from);
    if (cr >= 0 && from + cr < start) cr = range.indexOf('\r', start - from);
    const found = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    if (found < 0) break;
    const i = from + found;
    lines.push({ start, end: i });
    start = (found === cr && text.charCodeAt(i + 1) === 0x0a ? i + 1 : i) + 1;
  }
  lines.push({ start, end: to });
  return lines;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x0c || code === 0x0b ||
    code === 0x202f || code === 0x2009 || code === 0x3000 || code === 0xfeff;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Trims whitespace off both ends of [start, end) and pushes the span if anything is left. */
function pushTrimmed(text: string, start: number, end: number, kind: SentenceKind, out: SentenceSpan[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, kind });
}

function lineKind(text: string, line: Line): 'blank' | 'rule' | 'heading' | 'list' | 'text' {
  const content = text.slice(line.start, line.end);
  if (content.trim() === '') return 'blank';
  if (MARKDOWN_HEADING.test(content)) return 'heading';
  if (!LETTER_OR_DIGIT.test(content)) return 'rule'; // "---", "* * *": separators, no sentence
  if (LIST_MARKER.test(content)) return 'list';
  if (!LOWER_LETTER.test(content) && TWO_CAPITALS.test(content)) return 'heading';
  return 'text';
}

/** The next word after `from` (skipping whitespace and opening quotes), or '' at `to`. */
function nextWord(text: string, from: number, to: number): string {
  let i = from;
  while (i < to && (isSpace(text.charCodeAt(i)) || OPENING.has(text[i]))) i++;
  const start = i;
  while (i < to && WORD[text.charCodeAt(i)] === 1) i++;
  return i > start ? text.slice(start, i) : text.slice(start, Math.min(to, start + 1));
}

/** The token before a stop at `dot`: letters, digits and inner stops ("e.g", "U.S", "17"). */
function tokenBefore(text: string, dot: number, from: number): { token: string; start: number } {
  let i = dot;
  while (i > from && (WORD[text.charCodeAt(i - 1)] === 1 || (text[i - 1] === '.' && i - 1 > from && WORD[text.charCodeAt(i - 2)] === 1))) i--;
  return { token: text.slice(i, dot), start: i };
}

function previousWordLower(text: string, before: number, from: number): string {
  let i = before;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > from && WORD[text.charCodeAt(i - 1)] === 1) i--;
  return text.slice(i, end).toLowerCase();
}

/** Whether a stop at `dot` after `token` may end a sentence, given the next word. */
function stopEndsSentence(text: string, dot: number, from: number, next: string): boolean {
  const { token, start } = tokenBefore(text, dot, from);
  if (token === '') return true;
  const lower = token.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  const capitalised = next !== '' && isUpper(next[0]);
  if (FINAL_BEFORE_CAPITAL.has(lower)) return capitalised;
  if (FINAL_BEFORE_OPENER.has(lower)) {
    // "No. 5": a number follows; "said no. The": an opener follows.
    return OPENERS.has(next.toLowerCase()) && !(lower === 'no' && /^\d/u.test(next));
  }
  if (token.includes('.')) {
    // An unknown dotted abbreviation ("U.K.", "a.m."): single letters between stops.
    if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return OPENERS.has(next.toLowerCase());
    return true;
  }
  if (token.length === 1 && isUpper(token)) {
    // An initial ("J. Smith"), unless a Roman numeral closes a reference ("Annex I. The").
    return /^[IVX]$/u.test(token) && NUMBERED_PARTS.has(previousWordLower(text, start, from));
  }
  return true;
}

/**
 * If a sentence ends at the terminator at `i`, the offset after it and its closers; else -1.
 * `from`/`to` bound the paragraph.
 */
function sentenceEndAt(text: string, i: number, from: number, to: number): number {
  let j = i + 1;
  while (j < to && CLOSERS.has(text[j])) j++;
  if (j < to && !isSpace(text.charCodeAt(j))) return -1;
  const next = nextWord(text, j, to);
  if (next !== '' && isLower(next[0])) return -1;
  if (text[i] === '.' && !(i + 1 < to && text[i + 1] === '.') && !(i > from && text[i - 1] === '.')) {
    if (!stopEndsSentence(text, i, from, next)) return -1;
  } else if (text[i] === '.' || text[i] === '…') {
    // An ellipsis: ends a sentence before a capitalised word (checked above), but not after an abbreviation's own stop.
    let k = i;
    while (k > from && text[k - 1] === '.') k--;
    if (k < i && !stopEndsSentence(text, k, from, next)) return -1;
  }
  return j;
}

/** Splits one paragraph (or list item) [from, to) into sentences; `skip` is a list marker's length. */
function splitParagraph(text: string, from: number, to: number, kind: SentenceKind, skip: number, out: SentenceSpan[]): void {
  let start = from;
  let first = true;
  // From stop to stop by a native search (most characters are no stop, and claims segment every
  // paragraph holding a cue), over the paragraph only: a search of the whole text could run far past it.
  const paragraph = text.slice(from, to);
  const stops = STOPS;
  stops.lastIndex = skip;
  for (let found = stops.exec(paragraph); found !== null; found = stops.exec(paragraph)) {
    const end = sentenceEndAt(text, from + found.index, start, to);
    if (end < 0) continue;
    pushTrimmed(text, start, end, first ? kind : 'sentence', out);
    first = false;
    start = end;
    stops.lastIndex = end - from;
  }
  pushTrimmed(text, start, to, first ? kind : 'sentence', out);
}

function endsWithStop(text: string, line: Line): boolean {
  let end = line.end;
  while (end > line.start && isSpace(text.charCodeAt(end - 1))) end--;
  while (end > line.start && CLOSERS.has(text[end - 1]) && text[end - 1] !== '.' && text[end - 1] !== '!' && text[end - 1] !== '?') end--;
  const last = text[end - 1];
  return last === '.' || last === '!' || last === '?' || last === '…' || last === ':' || last === ';' || last === ',';
}

function indented(text: string, line: Line): boolean {
  const first = text.charCodeAt(line.start);
  return first === 0x20 || first === 0x09;
}

/**
 * Sentences, headings and list items of `text[from, to)` (default: the whole text), in order,
 * with UTF-16 offsets into `text`. `from` and `to` should be paragraph boundaries (a line start
 * after a blank line, a line end before one); sentence-at.ts picks them so.
 */
export function segmentSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const lines = splitLines(text, from, to);
  let paragraph: { start: number; end: number; kind: SentenceKind; skip: number; lines: number; firstLine: Line } | undefined;
  let previousBlank = true;
  let previousBlankBefore = true;
  const flush = (nextBlank: boolean): void => {
    if (!paragraph) return;
    const { start, end, kind, skip, lines: count, firstLine } = paragraph;
    paragraph = undefined;
    // A short one-line paragraph without a final stop between blank lines: a title.
    if (kind === 'sentence' && count === 1 && nextBlank && previousBlankBefore && firstLine.end - firstLine.start <= SHORT_LINE && !endsWithStop(text, firstLine)) {
      pushTrimmed(text, start, end, 'heading', out);
      return;
    }
    splitParagraph(text, start, end, kind, skip, out);
  };
  for (const line of lines) {
    const kind = lineKind(text, line);
    if (kind === 'blank' || kind === 'rule') {
      flush(true);
      previousBlank = true;
      continue;
    }
    if (kind === 'heading') {
      flush(false);
      pushTrimmed(text, line.start, line.end, 'heading', out);
      previousBlank = false;
      continue;
    }
    if (kind === 'list') {
      flush(false);
      const marker = LIST_MARKER.exec(text.slice(line.start, line.end))?.[0].length ?? 0;
      previousBlankBefore = previousBlank;
      paragraph = { start: line.start, end: line.end, kind: 'list-item', skip: marker, lines: 1, firstLine: line };
    } else if (paragraph && (paragraph.kind !== 'list-item' || indented(text, line))) {
      paragraph.end = line.end;
      paragraph.lines++;
    } else {
      flush(false);
      previousBlankBefore = previousBlank;
      paragraph = { start: line.start, end: line.end, kind: 'sentence', skip: 0, lines: 1, firstLine: line };
    }
    previousBlank = false;
  }
  flush(true);
  return out;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xa0) return false;
  }
  return true;
}

/** Start of the paragraph holding `at`: the start of the line after the last blank line before it. */
function paragraphStart(text: string, at: number): number {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (isBlankLine(text, previousStart, lineStart - 1)) break;
    lineStart = previousStart;
  }
  return lineStart;
}

/** End of the paragraph holding `at`: the end of the line before the next blank line after it. */
function paragraphEnd(text: string, at: number): number {
  let lineEnd = text.indexOf('\n', at);
  while (lineEnd >= 0) {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const end = nextEnd < 0 ? text.length : nextEnd;
    if (isBlankLine(text, lineEnd + 1, end)) return lineEnd;
    if (nextEnd < 0) return text.length;
    lineEnd = nextEnd;
  }
  return text.length;
}

/**
 * The paragraph (lines between blank lines) holding UTF-16 offset `at`, as bounds that
 * `segmentSentences(text, start, end)` accepts: what is found there equals what the whole
 * text's segmentation finds in that range.
 */
export function paragraphAround(text: string, at: number): { start: number; end: number } {
  return { start: paragraphStart(text, at), end: paragraphEnd(text, at) };
}

/** The same spans with code-point offsets (for sidecars and the CLI). Returns new objects. */
export function toCodePointSpans<T extends { start: number; end: number }>(text: string | OffsetConverter, spans: readonly T[]): T[] {
  const converter = text instanceof OffsetConverter ? text : new OffsetConverter(text);
  if (!converter.hasAstral) return spans.map((span) => ({ ...span }));
  return spans.map((span) => ({ ...span, start: converter.toCodePoint(span.start), end: converter.toCodePoint(span.end) }));
}

/** Sentences of the whole text with code-point offsets. */
export function segmentSentencesCodePoints(text: string): SentenceSpan[] {
  return toCodePointSpans(text, segmentSentences(text));
}
