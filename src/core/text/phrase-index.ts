/**
 * The phrase index: every multi-word name the scanner knows (states, demonyms, glossary terms,
 * month and weekday names), keyed by a hash of its lower-cased first word.
 *
 * The scanner computes that hash while it walks a word's characters, so looking up the
 * candidates of a word costs one `Map.get` and no string allocation; each candidate is then
 * verified character by character against the text, which also settles hash collisions.
 * Between the words of a phrase any run of whitespace (line breaks included) is accepted.
 */
import { canonicalPunctuation, isSpaceCode, lowerChars, wordChars } from './chars';

// Module-level copies: the hot loops below must not go through import bindings on every call.
const WORDS = wordChars();
const LOWER = lowerChars();
const isSpace = isSpaceCode;
const canonical = canonicalPunctuation;

/** A space in a compiled pattern stands for one or more whitespace characters in the text. */
const FLEXIBLE_SPACE = 0x20;

export interface Phrase<T> {
  /** Pattern char codes: lower-cased when `caseSensitive` is false. */
  readonly pattern: Uint16Array;
  /** Upper-cased pattern, accepted char by char when `caseSensitive` ("UKRAINE", "Українські"). */
  readonly upperPattern: Uint16Array;
  readonly caseSensitive: boolean;
  /** Whether the pattern ends in a word character, so the text must not continue with one. */
  readonly needsEndBoundary: boolean;
  /** Pattern units of the first word (the word the index hashes). */
  readonly firstWordLength: number;
  /**
   * The same number for the phrases of an index whose first words match the same texts (the same
   * units, upper-case units and case sensitivity): the first word of a word's candidates ("held",
   * "held in detention", "held incommunicado") is compared with the text once, not once each.
   */
  readonly firstWord: number;
  readonly payload: T;
}

/** Hashes a run of code units exactly as the scanner does while walking a word. */
export function hashStep(hash: number, lowerCode: number): number {
  return (Math.imul(hash, 31) + lowerCode) | 0;
}

function toCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/** Canonical form of a phrase as written in the lexicon: one space between words, one apostrophe. */
export function canonicalPhrase(text: string): string {
  let out = '';
  for (const ch of text.trim().replace(/\s+/gu, ' ')) out += String.fromCharCode(canonicalPunctuation(ch.charCodeAt(0)));
  return out;
}

/** Size of the first-word filter: a bit per low 16 bits of the hash. */
const FILTER_MASK = 0xffff;

export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<number, Phrase<T>[]>();
  /** Phrase.firstWord by first word, as `${caseSensitive} ${units} ${upper units}`. */
  private readonly firstWordIds = new Map<string, number>();
  /**
   * 1 where some phrase's first-word hash has these low 16 bits. Most words of a text start
   * no phrase; this rejects them with one array read instead of a `Map.get`.
   */
  readonly firstWordFilter = new Uint8Array(FILTER_MASK + 1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string, caseSensitive: boolean, payload: T): void {
    const canonical = canonicalPhrase(text);
    if (canonical.length === 0) return;
    const words = wordChars();
    const lower = lowerChars();
    const pattern = toCodes(caseSensitive ? canonical : canonical.toLowerCase());
    if (pattern.length !== canonical.length) return; // a lower-casing that changes length cannot be aligned
    let hash = 0;
    let i = 0;
    while (i < pattern.length && words[pattern[i]]) hash = hashStep(hash, lower[pattern[i++]]);
    if (i === 0) return; // must start with a word character: the scanner only looks up at word starts
    const upper = canonical.toUpperCase();
    const upperPattern = upper.length === canonical.length ? toCodes(upper) : pattern;
    const firstWordKey = `${caseSensitive} ${pattern.subarray(0, i).join(',')} ${upperPattern.subarray(0, i).join(',')}`;
    let firstWord = this.firstWordIds.get(firstWordKey);
    if (firstWord === undefined) this.firstWordIds.set(firstWordKey, (firstWord = this.firstWordIds.size));
    const phrase: Phrase<T> = {
      pattern,
      upperPattern,
      caseSensitive,
      needsEndBoundary: words[pattern[pattern.length - 1]] === 1,
      firstWordLength: i,
      firstWord,
      payload,
    };
    this.firstWordFilter[hash & FILTER_MASK] = 1;
    const list = this.byFirstWord.get(hash);
    if (list) {
      list.push(phrase);
      list.sort((a, b) => b.pattern.length - a.pattern.length); // longest first: "Third Geneva Convention" before "Geneva Convention"
    } else {
      this.byFirstWord.set(hash, [phrase]);
    }
    this.count++;
  }

  /** Candidates whose first word hashes to `hash`, longest first. */
  candidates(hash: number): readonly Phrase<T>[] | undefined {
    return this.firstWordFilter[hash & FILTER_MASK] === 1 ? this.byFirstWord.get(hash) : undefined;
  }

  /** Every phrase, for the grammar generator. */
  *all(): IterableIterator<Phrase<T>> {
    for (const list of this.byFirstWord.values()) yield* list;
  }
}

/**
 * Matches `phrase` at `start` (a word start) in `text`; returns the UTF-16 end offset or -1.
 */
export function matchPhraseAt<T>(text: string, start: number, phrase: Phrase<T>): number {
  return firstWordMatches(text, start, phrase) ? matchPhraseAfterFirstWord(text, start, phrase) : -1;
}

/**
 * Whether the text at `start` holds the phrase's first word (what follows it not checked): the
 * same answer for every phrase of the same `firstWord`.
 */
export function firstWordMatches<T>(text: string, start: number, phrase: Phrase<T>): boolean {
  const { pattern, upperPattern, caseSensitive, firstWordLength } = phrase;
  if (start + firstWordLength > text.length) return false;
  // The first word is word characters only: one text unit per pattern unit, no flexible space.
  for (let k = 0; k < firstWordLength; k++) {
    const expected = pattern[k];
    const actual = canonical(text.charCodeAt(start + k));
    if (caseSensitive) {
      if (actual !== expected && actual !== upperPattern[k]) return false;
    } else if (LOWER[actual] !== expected) {
      return false;
    }
  }
  return true;
}

/**
 * Matches the rest of `phrase` after its first word, which `firstWordMatches` found at `start`;
 * returns the UTF-16 end offset or -1.
 */
export function matchPhraseAfterFirstWord<T>(text: string, start: number, phrase: Phrase<T>): number {
  const { pattern, upperPattern, caseSensitive } = phrase;
  const length = text.length;
  let j = start + phrase.firstWordLength;
  for (let k = phrase.firstWordLength; k < pattern.length; k++) {
    const expected = pattern[k];
    if (expected === FLEXIBLE_SPACE) {
      if (j >= length || !isSpace(text.charCodeAt(j))) return -1;
      while (j < length && isSpace(text.charCodeAt(j))) j++;
      continue;
    }
    if (j >= length) return -1;
    const actual = canonical(text.charCodeAt(j));
    if (caseSensitive) {
      if (actual !== expected && actual !== upperPattern[k]) return -1;
    } else if (LOWER[actual] !== expected) {
      return -1;
    }
    j++;
  }
  if (phrase.needsEndBoundary && j < length && WORDS[text.charCodeAt(j)]) return -1;
  return j;
}
