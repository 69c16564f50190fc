/**
 * The language of the paragraph around a position, told by counting function words of the
 * seven languages (lexicon/function-words.ts). It runs only where an ambiguous name matched
 * and is cached per paragraph, so a text with no such name never pays for it.
 */
import { isSpaceCode, lowerChars, wordChars } from '../text/chars';
import { hashStep } from '../text/phrase-index';

// Module-level copy: the loops below must not go through an import binding per character.
const isSpace = isSpaceCode;
import { FUNCTION_WORDS, FUNCTION_WORD_LANGUAGES, type StateLanguage } from '../lexicon/function-words';

/** How far a paragraph is read either side of the position, and how far when it is too short to tell. */
const PARAGRAPH_REACH = 300;
const WIDER_REACH = 1000;
/** Function words the winning language needs, and its lead over the runner-up. */
const MIN_HITS = 3;
const MIN_LEAD = 2;
/** A lead at which counting stops early. */
const DECISIVE_LEAD = 4;
const LONGEST_FUNCTION_WORD = 10;

/** Snaps a paragraph cut by the reach (no blank line near) to blocks of this size, so nearby names share one count. */
const BLOCK = 512;

let masksByWord: Map<string, number> | undefined;
let masksByHash: Map<number, number> | undefined;

/** Function word -> bit mask of the languages it belongs to. */
function functionWordMasks(): Map<string, number> {
  if (masksByWord) return masksByWord;
  const masks = new Map<string, number>();
  FUNCTION_WORD_LANGUAGES.forEach((lang, bit) => {
    for (const word of FUNCTION_WORDS[lang]) masks.set(word, (masks.get(word) ?? 0) | (1 << bit));
  });
  return (masksByWord = masks);
}

/**
 * The same masks keyed by the scanner's word hash, so counting allocates no strings. A hash
 * collision could count a word for a language; over a paragraph's votes that is noise.
 */
function functionWordHashMasks(): Map<number, number> {
  if (masksByHash) return masksByHash;
  const masks = new Map<number, number>();
  for (const [word, mask] of functionWordMasks()) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    masks.set(hash, (masks.get(hash) ?? 0) | mask);
  }
  return (masksByHash = masks);
}

/** Whether `word` (lower case) is a function word of any of the seven languages. */
export function isFunctionWord(word: string): boolean {
  return functionWordMasks().has(word);
}

/** Start of the paragraph holding `pos`: just after the last blank line before it, or `pos - reach`. */
function paragraphStart(text: string, pos: number, reach: number): number {
  const limit = Math.max(0, Math.floor((pos - reach) / BLOCK) * BLOCK);
  let newlines = 0;
  for (let i = pos - 1; i >= limit; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (++newlines === 2) return i + 1;
    } else if (!isSpace(code)) {
      newlines = 0;
    }
  }
  return limit;
}

/**
 * Adds to `hits` the function words of `text[from, to)`, per language. With `decisiveAt`, stops
 * once a language leads by that many (most paragraphs tell their language in a sentence) or at
 * a blank line (the paragraph's end).
 */
function countHits(text: string, from: number, to: number, hits: number[], decisiveAt = Infinity): number[] {
  const words = wordChars();
  const lower = lowerChars();
  const masks = functionWordHashMasks();
  const toParagraphEnd = decisiveAt !== Infinity;
  let newlines = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!words[code]) {
      if (code === 0x0a) {
        if (++newlines === 2 && toParagraphEnd) break;
      } else if (!isSpace(code)) {
        newlines = 0;
      }
      i++;
      continue;
    }
    newlines = 0;
    const start = i;
    let hash = 0;
    // Inlined hashStep (phrase-index.ts): the same hash, without a call per character.
    while (i < to && words[text.charCodeAt(i)]) hash = (Math.imul(hash, 31) + lower[text.charCodeAt(i++)]) | 0;
    if (i - start > LONGEST_FUNCTION_WORD) continue;
    const mask = masks.get(hash);
    if (!mask) continue;
    for (let bit = 0; bit < hits.length; bit++) if (mask & (1 << bit)) hits[bit]++;
    if (lead(hits) >= decisiveAt) break;
  }
  return hits;
}

/** How far the leading language is ahead of the next. */
function lead(hits: readonly number[]): number {
  let best = 0;
  let second = 0;
  for (const count of hits) {
    if (count > best) {
      second = best;
      best = count;
    } else if (count > second) {
      second = count;
    }
  }
  return best - second;
}

function noHits(): number[] {
  return FUNCTION_WORD_LANGUAGES.map(() => 0);
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
  /** The wider reading for paragraphs too short to tell, per block of text. */
  private readonly byBlock = new Map<number, StateLanguage | undefined>();

  constructor(private readonly text: string) {}

  /** The paragraph's language; the surrounding text decides when the paragraph is too short; undefined when neither can tell. */
  at(pos: number): StateLanguage | undefined {
    const start = paragraphStart(this.text, pos, PARAGRAPH_REACH);
    if (this.byParagraph.has(start)) return this.byParagraph.get(start);
    // From the name on, until one language leads clearly; then the paragraph's start too if need be.
    const hits = countHits(this.text, pos, Math.min(this.text.length, pos + PARAGRAPH_REACH), noHits(), DECISIVE_LEAD);
    if (lead(hits) < DECISIVE_LEAD) countHits(this.text, start, pos, hits);
    const language = winner(hits) ?? this.around(pos);
    this.byParagraph.set(start, language);
    return language;
  }

  private around(pos: number): StateLanguage | undefined {
    const block = Math.floor(pos / BLOCK);
    if (this.byBlock.has(block)) return this.byBlock.get(block);
    const middle = block * BLOCK + BLOCK / 2;
    const language = winner(countHits(this.text, Math.max(0, middle - WIDER_REACH), Math.min(this.text.length, middle + WIDER_REACH), noHits()));
    this.byBlock.set(block, language);
    return language;
  }
}
