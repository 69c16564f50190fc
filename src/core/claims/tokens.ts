/**
 * The words of one sentence, lower-cased, with clause punctuation as `,` tokens: what the
 * negation, condition and concept windows of detect.ts walk over.
 */
import { lowerChars, wordChars } from '../text/chars';

export interface Token {
  /** Lower-cased word, or ',' for clause punctuation (, ; : ( ) [ ] – —). */
  word: string;
  start: number;
  end: number;
  /** Whether the word starts with a lower-case letter in the text ("may" the verb, not "May" the month). */
  lowerInText: boolean;
}

const WORDS = wordChars();
const LOWER = lowerChars();
const CLAUSE_PUNCTUATION = new Set([0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x5b, 0x5d, 0x2013, 0x2014]);

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (WORDS[code] === 0) {
      // A space, the most common by far, without the Set's lookup.
      if (code !== 0x20 && CLAUSE_PUNCTUATION.has(code)) tokens.push({ word: ',', start: i, end: i + 1, lowerInText: false });
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let upper = false;
    for (; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (WORDS[unit] !== 1) break;
      if (unit >= 0x80) ascii = false;
      else if (unit >= 0x41 && unit <= 0x5a) upper = true;
    }
    tokens.push({ word: ascii ? asciiLower(text, start, i, upper) : lowered(text, start, i), start, end: i, lowerInText: LOWER[code] === code });
  }
  return tokens;
}

/** An ASCII word, lower-cased (what LOWER does to ASCII), without building it a char at a time. */
function asciiLower(text: string, start: number, end: number, upper: boolean): string {
  const word = text.slice(start, end);
  return upper ? word.toLowerCase() : word;
}

/** Any other word, each code unit by the LOWER table (one to one, so that offsets stay aligned). */
function lowered(text: string, start: number, end: number): string {
  let word = '';
  for (let i = start; i < end; i++) word += String.fromCharCode(LOWER[text.charCodeAt(i)]);
  return word;
}

/**
 * Word pairs ("found that", "those responsible") looked up by their two tokens, without building
 * the pair's string for every token of a sentence.
 */
export class WordPairs {
  private readonly seconds = new Map<string, Set<string>>();

  constructor(pairs: Iterable<string>) {
    for (const pair of pairs) {
      // A pair of more than two words never matches two tokens (a token holds no space): kept, harmless.
      const space = pair.indexOf(' ');
      if (space < 0) continue;
      const first = pair.slice(0, space);
      let seconds = this.seconds.get(first);
      if (!seconds) this.seconds.set(first, (seconds = new Set()));
      seconds.add(pair.slice(space + 1));
    }
  }

  /** Whether tokens[i] and tokens[i + 1] are a pair (false for the last token). */
  at(tokens: readonly Token[], i: number): boolean {
    if (i + 1 >= tokens.length) return false;
    const seconds = this.seconds.get(tokens[i].word);
    return seconds !== undefined && seconds.has(tokens[i + 1].word);
  }
}

/** Index of the first token starting at or after `offset` (tokens.length when none does). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
