/**
 * The cue matcher of a taxonomy: every category's cues in one PhraseIndex (the scanner's:
 * first-word hash, then a char-by-char check, whitespace runs and line breaks matching a space,
 * case-insensitive, whole words), compiled once per taxonomy object and cached. Finding every
 * cue of a 1 MB text is one pass over its char codes.
 */
import { firstWordMatches, matchPhraseAfterFirstWord, PhraseIndex, type Phrase } from '../text/phrase-index';
import { lowerChars, wordChars } from '../text/chars';
import { CUE_GAP_WORDS, cueParts } from '../taxonomy/cue-gap';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { EVENT_WORDS, MASKING_PHRASES, NOT_EVENT_ED } from './context-words';

export interface CuePayload {
  /** A category id, or '' for a masking phrase (cues inside it do not count). */
  category: string;
  /** As written in the taxonomy. */
  cue: string;
  /**
   * Content words in the cue ("summarily executed": 2, "charged with": 1): a longer cue is more
   * specific. A hyphenated compound is one word ("ill-treatment" 1, as "mistreatment"; "extra-judicial
   * killing" 2, as "extrajudicial killing"): a spelling must not make a cue weigh more.
   */
  weight: number;
  /** Whether the cue itself reports an event ("tortured", "shot dead"), not only names it ("torture"). */
  eventive: boolean;
  /** For a cue with a gap ("denies … the status of prisoners of war"): the lower-cased words before the gap. The index holds the part after it. */
  head?: readonly string[];
}

export interface CueHit {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  payload: CuePayload;
}

export interface CueMatcher {
  readonly index: PhraseIndex<CuePayload>;
  readonly taxonomy: Taxonomy;
}

const WORDS = wordChars();
/** Not counted in a cue's weight. */
const FUNCTION_WORDS = new Set(['with', 'to', 'of', 'in', 'the', 'a', 'an', 'by', 'into', 'on', 'for', 'from', 'at', 'was', 'were', 'is', 'are', 'has', 'have', 'been', 'be', 'their', 'them', 'no', 'not']);
const LOWER = lowerChars();
/** Marks a gap of a cue may not cross: sentence stops and clause punctuation. */
const CLAUSE_STOPS = new Set(['.', '!', '?', ';', ':', ',', '(', ')'].map((char) => char.charCodeAt(0)));

/** Whether a word is a past form that reports an event ("tortured", "beaten"). */
export function isEventWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (EVENT_WORDS.has(lower)) return true;
  return lower.length >= 5 && lower.endsWith('ed') && !NOT_EVENT_ED.has(lower);
}

const cache = new WeakMap<Taxonomy, CueMatcher>();

/** The matcher of a taxonomy, compiled on first use and kept while the taxonomy object lives. */
export function cueMatcherFor(taxonomy: Taxonomy): CueMatcher {
  let matcher = cache.get(taxonomy);
  if (!matcher) {
    matcher = compileCueMatcher(taxonomy);
    cache.set(taxonomy, matcher);
  }
  return matcher;
}

export function compileCueMatcher(taxonomy: Taxonomy): CueMatcher {
  const index = new PhraseIndex<CuePayload>();
  for (const category of taxonomy.categories) {
    const seen = new Set<string>();
    for (const cue of category.cues) {
      const key = cue.trim().toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const parts = cueParts(key);
      if (parts.length === 0 || parts.length > 2) continue;
      const words = parts.join(' ').split(/\s+/u);
      const weight = Math.max(1, words.filter((word) => !FUNCTION_WORDS.has(word)).length);
      const head = parts.length === 2 ? parts[0].split(/\s+/u) : undefined;
      // "gang-raped" reports an event; so does a verb with its object in a gap ("denies … POW status").
      const eventive = head !== undefined || words.some((word) => word.split('-').some(isEventWord));
      index.add(parts[parts.length - 1], false, { category: category.id, cue, weight, eventive, ...(head ? { head } : {}) });
    }
  }
  for (const phrase of MASKING_PHRASES) index.add(phrase, false, { category: '', cue: phrase, weight: 0, eventive: false });
  return { index, taxonomy };
}

/**
 * Every cue occurrence in text[from, to), in text order (all candidates at a word start, not only
 * the longest). A cue's head before a gap is looked for back to `lookBackFrom` (by default `from`).
 */
export function findCues(text: string, matcher: CueMatcher, from = 0, to = text.length, lookBackFrom = from): CueHit[] {
  const { index } = matcher;
  const filter = index.firstWordFilter;
  const words = WORDS;
  const lower = LOWER;
  const hits: CueHit[] = [];
  let gapHits = false;
  let i = from;
  // Start on a word start: a range beginning inside a word skips that word's rest.
  if (i > 0 && words[text.charCodeAt(i - 1)] === 1) while (i < to && words[text.charCodeAt(i)] === 1) i++;
  while (i < to) {
    let code = text.charCodeAt(i);
    if (words[code] === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    do {
      hash = (Math.imul(hash, 31) + lower[code]) | 0;
      code = text.charCodeAt(++i);
    } while (words[code] === 1);
    if (filter[hash & 0xffff] !== 1) continue;
    const candidates: readonly Phrase<CuePayload>[] | undefined = index.candidates(hash);
    if (!candidates) continue;
    let firstWord = -1;
    let firstWordFound = false;
    for (const phrase of candidates) {
      if (phrase.firstWord !== firstWord) {
        firstWord = phrase.firstWord;
        firstWordFound = firstWordMatches(text, start, phrase);
      }
      if (!firstWordFound) continue;
      const end = matchPhraseAfterFirstWord(text, start, phrase);
      if (end < 0 || end > to) continue;
      const head = phrase.payload.head;
      if (!head) {
        hits.push({ start, end, payload: phrase.payload });
        continue;
      }
      const headStart = headBefore(text, start, head, lookBackFrom);
      if (headStart < 0) continue;
      hits.push({ start: headStart, end, payload: phrase.payload });
      gapHits = true;
    }
  }
  if (gapHits) hits.sort((a, b) => a.start - b.start);
  return hits.some((hit) => hit.payload.category === '') ? unmasked(hits) : hits;
}

/**
 * The start of `head` (lower-cased words) ending at most CUE_GAP_WORDS words before `at`, in the
 * same clause (no sentence or clause punctuation between), or -1.
 */
function headBefore(text: string, at: number, head: readonly string[], from: number): number {
  const starts = wordStartsInClauseBefore(text, at, CUE_GAP_WORDS + head.length, from);
  // The head's last word may be any of the words before the gap, nearest first.
  for (let last = 0; last + head.length <= starts.length && last <= CUE_GAP_WORDS; last++) {
    const first = last + head.length - 1;
    if (head.every((word, k) => wordAt(text, starts[first - k]) === word)) return starts[first];
  }
  return -1;
}

/**
 * The starts of up to `count` words before `at`, nearest first, back to the start of its clause:
 * the words found before sentence or clause punctuation (or `from`) are kept, so that a clause
 * that opens a sentence is read the same whatever sentence ends before it.
 */
function wordStartsInClauseBefore(text: string, at: number, count: number, from: number): number[] {
  const starts: number[] = [];
  let i = at;
  while (starts.length < count) {
    while (i > from && WORDS[text.charCodeAt(i - 1)] === 0) {
      if (CLAUSE_STOPS.has(text.charCodeAt(i - 1))) return starts;
      i--;
    }
    if (i <= from) break;
    while (i > from && WORDS[text.charCodeAt(i - 1)] === 1) i--;
    starts.push(i);
  }
  return starts;
}

/** The lower-cased word starting at `start`. */
function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && WORDS[text.charCodeAt(end)] === 1) end++;
  return text.slice(start, end).toLowerCase();
}

/** Drops the masking phrases and the cues inside them. */
function unmasked(hits: readonly CueHit[]): CueHit[] {
  const masks = hits.filter((hit) => hit.payload.category === '');
  return hits.filter((hit) => hit.payload.category !== '' && !masks.some((mask) => mask.start <= hit.start && hit.end <= mask.end));
}
