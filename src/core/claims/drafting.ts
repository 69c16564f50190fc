/**
 * Treaty and statute drafting: text that states the law reports no violation.
 *
 * A sentence is drafting when it holds a word of drafting itself ("shall", "Contracting
 * Parties", "this Convention", ...), or when it stands in an article of an instrument: below a
 * heading line "Article N" (also "Art. N", Dutch and German "Artikel N"), up to the next such
 * heading, in an article whose text holds a word of drafting. That catches the lettered and
 * numbered paragraphs of an article that say nothing normative on their own ("(c) the amount to
 * be so paid in the currency of the country in which he is detained"; "2. A sentenced person may
 * ... apply to the Court"), because the article's lead-in or another paragraph does. A report
 * organised by articles ("Article 7: torture", then the findings) uses "should", not "shall", and
 * stays a report.
 */
import { NORMATIVE_PAIRS, NORMATIVE_WORDS } from './context-words';
import { WordPairs, type Token } from './tokens';

/** A heading line naming an article, from its line start: "### Article  75", "Article 3 — Definitions", "Art. 5", "Artikel 12". */
const ARTICLE_HEADING = /[ \t#*_>]*(?:article|artikel|art\.)[ \t]+(?:\d+[a-z]?|[ivxlc]+)\b[^\n]{0,80}$/imuy;
/**
 * Where a heading's word starts, after its first letter ("rticle", "RTICLE", "rtikel", "RTIKEL",
 * "rt.", "RT."): a native search for its two letters, then a check of the rest, each occurrence
 * from its line start. Two searches of the text, not one per word: a 200 MB source is searched
 * whole by scan's main thread.
 */
const ARTICLE_WORDS: readonly (readonly [string, readonly string[]])[] = [['rt', ['icle', 'ikel', '.']], ['RT', ['ICLE', 'IKEL', '.']]];
/** Characters a heading may have before its word on its line (Markdown marks, indentation). */
const HEADING_MARKS = new Set([' ', '\t', '#', '*', '_', '>']);

/** A word or a word pair of drafting in running text (any case, any spacing): one native search per article. */
const DRAFTING_WORDS = new RegExp(
  `\\b(?:${[...NORMATIVE_WORDS, ...NORMATIVE_PAIRS].map((phrase) => phrase.split(' ').join('\\s+')).join('|')})\\b`,
  'iu',
);

const DRAFTING_PAIRS = new WordPairs(NORMATIVE_PAIRS);

/** Whether tokens hold a word or a word pair of drafting. */
export function isNormative(tokens: readonly Token[]): boolean {
  const words = NORMATIVE_WORDS;
  for (let i = 0; i < tokens.length; i++) if (words.has(tokens[i].word) || DRAFTING_PAIRS.at(tokens, i)) return true;
  return false;
}

/** The articles of one text, found on first use; one per detectClaims call. */
export class DraftingContext {
  private headings: number[] | undefined;
  private readonly articleStatesLaw = new Map<number, boolean>();

  constructor(private readonly text: string) {}

  /** Whether UTF-16 offset `at` lies in an article of an instrument that states the law. */
  inDraftedArticle(at: number): boolean {
    const headings = this.articleHeadings();
    const article = articleAt(headings, at);
    if (article < 0) return false;
    let statesLaw = this.articleStatesLaw.get(article);
    if (statesLaw === undefined) {
      const end = article + 1 < headings.length ? headings[article + 1] : this.text.length;
      statesLaw = DRAFTING_WORDS.test(this.text.slice(headings[article], end));
      this.articleStatesLaw.set(article, statesLaw);
    }
    return statesLaw;
  }

  /** Line starts of the article headings, in order: a native search for the word, a check of its line. */
  articleHeadings(): readonly number[] {
    if (this.headings) return this.headings;
    const { text } = this;
    const found = new Set<number>();
    for (const [start, rests] of ARTICLE_WORDS) {
      for (let at = text.indexOf(start, 1); at >= 0; at = text.indexOf(start, at + 1)) {
        if (!oneAt(text, at + start.length, rests)) continue;
        let lineStart = at - 1; // the word's first letter
        while (lineStart > 0 && HEADING_MARKS.has(text[lineStart - 1])) lineStart--;
        if (lineStart > 0 && text[lineStart - 1] !== '\n') continue;
        ARTICLE_HEADING.lastIndex = lineStart;
        if (ARTICLE_HEADING.test(text)) found.add(lineStart);
      }
    }
    this.headings = [...found].sort((a, b) => a - b);
    return this.headings;
  }
}

/** Whether one of `words` starts at `at`. */
function oneAt(text: string, at: number, words: readonly string[]): boolean {
  for (const word of words) if (text.startsWith(word, at)) return true;
  return false;
}

/** The index of the article holding offset `at` (the last heading at or before it), or -1. */
export function articleAt(headings: readonly number[], at: number): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (headings[mid] <= at) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Characters of an article's text kept to read a word pair of drafting split where one section ends and the next starts. */
const JOINT_CHARACTERS = 200;
const DRAFTING_MATCHES = new RegExp(DRAFTING_WORDS.source, 'giu');
const SPACE = /\s/u;

/**
 * Which articles of a text state the law, read a section of text at a time (scan's worker thread
 * never holds the whole text): the verdicts DraftingContext gives over the whole text. An article
 * runs from its heading to the next; its text is read piece by piece, and a word pair of drafting
 * ("Contracting Parties") whose space holds the end of a section is read across it.
 */
export class ArticlesRead {
  /** Offsets of the headings in the whole text, in order. */
  readonly headings: number[] = [];
  /** Per article, whether its text states the law (final once the next heading is read). */
  readonly statesLaw: boolean[] = [];
  /** The current article's text read so far, up to its last character that is not a space: its last JOINT_CHARACTERS. */
  private tail = '';

  /**
   * Reads text[from, to) of `text`, a section whose offset 0 is `base` in the whole text; the
   * sections come in order and cover the whole text.
   */
  read(text: string, from: number, to: number, base: number): void {
    let cursor = from;
    for (const heading of new DraftingContext(text).articleHeadings()) {
      if (heading < from || heading >= to) continue;
      this.readPiece(text, cursor, heading);
      this.headings.push(base + heading);
      this.statesLaw.push(false);
      this.tail = '';
      cursor = heading;
    }
    this.readPiece(text, cursor, to);
  }

  private readPiece(text: string, from: number, to: number): void {
    const article = this.statesLaw.length - 1;
    if (article < 0 || this.statesLaw[article] || from >= to) return;
    const piece = text.slice(from, to);
    let first = 0;
    while (first < piece.length && SPACE.test(piece[first])) first++;
    if (first === piece.length) return;
    if (DRAFTING_WORDS.test(piece) || (this.tail && pairAcross(this.tail, piece.slice(first, first + JOINT_CHARACTERS)))) {
      this.statesLaw[article] = true;
      return;
    }
    let last = piece.length;
    while (SPACE.test(piece[last - 1])) last--;
    this.tail = piece.slice(Math.max(0, last - JOINT_CHARACTERS), last);
  }
}

/** Whether a drafting match spans the space between `before` (ending on a non-space) and `after` (starting on one). */
function pairAcross(before: string, after: string): boolean {
  const joined = `${before} ${after}`;
  DRAFTING_MATCHES.lastIndex = 0;
  for (let match = DRAFTING_MATCHES.exec(joined); match; match = DRAFTING_MATCHES.exec(joined)) {
    if (match.index < before.length && match.index + match[0].length > before.length + 1) return true;
  }
  return false;
}
