/**
 * The language of the paragraph around a position, told by counting function words of the
 * seven languages (lexicon/function-words.ts). It runs only where an ambiguous name matched
 * and is cached per paragraph, so a text with no such name never pays for it.
 */
import { isSpaceCode, lowerChars, wordChars } from '../text/chars';
import { FUNCTION_WORDS, FUNCTION_WORD_LANGUAGES, type StateLanguage } from '../lexicon/function-words';

/** How far a paragraph is read either side of the position, and how far when it is too short to tell. */
const PARAGRAPH_REACH = 2000;
const WIDER_REACH = 4000;
/** Function words the winning language needs, and its lead over the runner-up. */
const MIN_HITS = 3;
const MIN_LEAD = 2;
const LONGEST_FUNCTION_WORD = 10;

let languagesByWord: Map<string, number> | undefined;

/** Function word -> bit mask of the languages it belongs to. */
function functionWordMasks(): Map<string, number> {
  if (languagesByWord) return languagesByWord;
  const masks = new Map<string, number>();
  FUNCTION_WORD_LANGUAGES.forEach((lang, bit) => {
    for (const word of FUNCTION_WORDS[lang]) masks.set(word, (masks.get(word) ?? 0) | (1 << bit));
  });
  return (languagesByWord = masks);
}

/** Whether `word` (lower case) is a function word of any of the seven languages. */
export function isFunctionWord(word: string): boolean {
  return functionWordMasks().has(word);
}

/** Start of the paragraph holding `pos`: just after the last blank line before it, or `pos - reach`. */
function paragraphStart(text: string, pos: number, reach: number): number {
  const limit = Math.max(0, pos - reach);
  let newlines = 0;
  for (let i = pos - 1; i >= limit; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (++newlines === 2) return i + 1;
    } else if (!isSpaceCode(code)) {
      newlines = 0;
    }
  }
  return limit;
}

function paragraphEnd(text: string, pos: number, reach: number): number {
  const limit = Math.min(text.length, pos + reach);
  let newlines = 0;
  for (let i = pos; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (++newlines === 2) return i;
    } else if (!isSpaceCode(code)) {
      newlines = 0;
    }
  }
  return limit;
}

/** Function-word hits per language in `text[from, to)`. */
function countHits(text: string, from: number, to: number): number[] {
  const words = wordChars();
  const lower = lowerChars();
  const masks = functionWordMasks();
  const hits = FUNCTION_WORD_LANGUAGES.map(() => 0);
  let i = from;
  while (i < to) {
    if (!words[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && words[text.charCodeAt(i)]) i++;
    if (i - start > LONGEST_FUNCTION_WORD) continue;
    let word = '';
    for (let k = start; k < i; k++) word += String.fromCharCode(lower[text.charCodeAt(k)]);
    const mask = masks.get(word);
    if (mask) for (let bit = 0; bit < hits.length; bit++) if (mask & (1 << bit)) hits[bit]++;
  }
  return hits;
}

function winner(hits: readonly number[]): StateLanguage | undefined {
  let best = -1;
  let second = -1;
  for (let bit = 0; bit < hits.length; bit++) {
    if (best < 0 || hits[bit] > hits[best]) {
      second = best;
      best = bit;
    } else if (second < 0 || hits[bit] > hits[second]) {
      second = bit;
    }
  }
  if (hits[best] < MIN_HITS || hits[best] - (second >= 0 ? hits[second] : 0) < MIN_LEAD) return undefined;
  return FUNCTION_WORD_LANGUAGES[best];
}

/** Tells the language of paragraphs of one text, each paragraph once. */
export class ParagraphLanguages {
  private readonly byParagraph = new Map<number, StateLanguage | undefined>();

  constructor(private readonly text: string) {}

  /** The paragraph's language; the surrounding text decides when the paragraph is too short; undefined when neither can tell. */
  at(pos: number): StateLanguage | undefined {
    const start = paragraphStart(this.text, pos, PARAGRAPH_REACH);
    if (this.byParagraph.has(start)) return this.byParagraph.get(start);
    const end = paragraphEnd(this.text, pos, PARAGRAPH_REACH);
    let language = winner(countHits(this.text, start, end));
    if (!language) language = winner(countHits(this.text, Math.max(0, pos - WIDER_REACH), Math.min(this.text.length, pos + WIDER_REACH)));
    this.byParagraph.set(start, language);
    return language;
  }
}
