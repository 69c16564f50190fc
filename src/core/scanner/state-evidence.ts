/**
 * Whether a matched state name or demonym that is also an ordinary word names the state here
 * (lexicon/ambiguous-names.ts says which names and why). Evidence, cheapest first: the words
 * right before and after, capitals, and only then the paragraph's language. It runs only on
 * names marked in the lexicon, so text without them costs nothing more.
 */
import { isDigitCode, isSpaceCode, lowerChars, wordChars } from '../text/chars';
import {
  LANGUAGE_LIST_LINKS, LANGUAGE_NOUNS, LANGUAGE_ONLY_NAMES, NOT_FIRST_NAMES, NOT_SURNAMES, PRONOUN_BEFORE_US,
  type AmbiguousName,
} from '../lexicon/ambiguous-names';
import type { Lexicon } from '../lexicon/lexicon';
import type { StateName } from '../lexicon/states';
import { isFunctionWord, ParagraphLanguages } from './paragraph-language';

// Module-level copies: loops below must not go through import bindings per character.
const WORDS = wordChars();
const LOWER = lowerChars();
const isSpace = isSpaceCode;
/** How many words a list of languages may run ("Arabic, Chinese, English, French, Russian and Spanish"). */
const MAX_LIST_WORDS = 16;

interface Word {
  start: number;
  end: number;
  /** Lower case. */
  text: string;
}

const languageDemonymsByLexicon = new WeakMap<Lexicon, ReadonlySet<string>>();

function languageDemonyms(lexicon: Lexicon): ReadonlySet<string> {
  let forms = languageDemonymsByLexicon.get(lexicon);
  if (!forms) {
    forms = new Set(lexicon.states.filter((state) => state.languageName).map((state) => state.text.toLowerCase()));
    languageDemonymsByLexicon.set(lexicon, forms);
  }
  return forms;
}

function isUpper(code: number): boolean {
  return WORDS[code] === 1 && LOWER[code] !== code;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

export class StateEvidence {
  private languages: ParagraphLanguages | undefined;
  private readonly languageDemonyms: ReadonlySet<string>;

  constructor(private readonly text: string, lexicon: Lexicon) {
    this.languageDemonyms = languageDemonyms(lexicon);
  }

  /** Whether `state`, matched at `[start, end)`, names the state. */
  accepts(state: StateName, start: number, end: number): boolean {
    if (state.ambiguous && !this.ambiguousNameHolds(state.ambiguous, start, end)) return false;
    if (state.languageName && this.namesLanguage(start, end)) return false;
    return true;
  }

  private ambiguousNameHolds(entry: AmbiguousName, start: number, end: number): boolean {
    if (entry.notAfter?.some((phrase) => this.phraseBefore(start, phrase))) return false;
    if (entry.notBefore?.some((phrase) => this.phraseAfter(end, phrase))) return false;
    if (entry.capitalsPronoun || entry.person) {
      const before = this.wordBefore(start, false);
      const after = this.wordAfter(end, false);
      if (entry.capitalsPronoun && before && PRONOUN_BEFORE_US.has(before.text) && this.inCapitals(before, after)) return false;
      if ((entry.person === 'surname' || entry.person === 'both') && before && this.isFirstName(before, start)) return false;
      if ((entry.person === 'first-name' || entry.person === 'both') && after && this.isSurname(after)) return false;
    }
    if (entry.commonIn) {
      const midSentence = !this.atSentenceStart(start);
      const language = (this.languages ??= new ParagraphLanguages(this.text)).at(start);
      if (language === undefined) return midSentence;
      if (entry.commonIn.includes(language)) return midSentence && entry.stateMidSentence === true;
    }
    return true;
  }

  /**
   * A demonym names a language when a word for a language or text follows ("the French text",
   * "Russian-language") or precedes it ("le texte français", "w języku rosyjskim"), or when it
   * stands in a list with a name that is only a language ("in English and French") and the list
   * ends there (not "English and French soldiers").
   */
  private namesLanguage(start: number, end: number): boolean {
    if (isHyphen(this.code(end))) {
      const compound = this.wordAfter(end + 1, false);
      if (compound && compound.start === end + 1 && LANGUAGE_NOUNS.has(compound.text)) return true;
    }
    const before = this.wordBefore(start, false);
    if (before && LANGUAGE_NOUNS.has(before.text)) return true;
    // Walk the list to the right: links and languages, up to the first other word.
    let languageOnly = false;
    let listEnds = true;
    let word = this.wordAfter(end, true);
    for (let n = 0; word && n < MAX_LIST_WORDS; n++) {
      if (LANGUAGE_NOUNS.has(word.text)) return true;
      if (LANGUAGE_ONLY_NAMES.has(word.text)) {
        languageOnly = true;
      } else if (!this.languageDemonyms.has(word.text) && !LANGUAGE_LIST_LINKS.has(word.text)) {
        // A list of languages ends in punctuation or a function word, not in a noun ("French soldiers").
        listEnds = isFunctionWord(word.text);
        break;
      }
      word = this.wordAfter(word.end, true);
    }
    return listEnds && (languageOnly || this.languageOnlyBefore(start));
  }

  private languageOnlyBefore(start: number): boolean {
    let pos = start;
    for (let n = 0; n < MAX_LIST_WORDS; n++) {
      const word = this.wordBefore(pos, true);
      if (!word) return false;
      if (LANGUAGE_ONLY_NAMES.has(word.text)) return true;
      if (!this.languageDemonyms.has(word.text) && !LANGUAGE_LIST_LINKS.has(word.text)) return false;
      pos = word.start;
    }
    return false;
  }

  /** A capitalised word, not at a sentence start, not a function word: "Michael" in "Michael Jordan". */
  private isFirstName(word: Word, nameStart: number): boolean {
    return this.onSameLine(word.end, nameStart) && isUpper(this.code(word.start)) && !isUpper(this.code(word.end - 1)) &&
      !isFunctionWord(word.text) && !NOT_FIRST_NAMES.has(word.text) && !this.atSentenceStart(word.start);
  }

  /** A capitalised word after a single space, not an office or body of the state: "Smith" in "Chad Smith". */
  private isSurname(word: Word): boolean {
    return this.code(word.start - 1) === 0x20 && !isSpace(this.code(word.start - 2)) && isUpper(this.code(word.start)) &&
      !isUpper(this.code(word.end - 1)) && !isFunctionWord(word.text) && !NOT_SURNAMES.has(word.text);
  }

  private onSameLine(from: number, to: number): boolean {
    for (let i = from; i < to && i < this.text.length; i++) if (this.code(i) === 0x0a) return false;
    return true;
  }

  /** Whether a neighbouring word is written all in capitals (a heading, a slogan). */
  private inCapitals(before: Word | undefined, after: Word | undefined): boolean {
    return [before, after].some((word) => {
      if (!word || word.end - word.start < 2) return false;
      for (let i = word.start; i < word.end; i++) if (!isUpper(this.code(i)) && !isDigitCode(this.code(i))) return false;
      return true;
    });
  }

  /** Whether `pos` starts a sentence: only spaces, quotes, brackets or list marks stand between it and a full stop, a colon or the text's start. */
  atSentenceStart(pos: number): boolean {
    let i = pos - 1;
    let crossedLine = false;
    while (i >= 0) {
      const code = this.code(i);
      if (code === 0x0a) crossedLine = true;
      else if (!isSpace(code) && !OPENING_MARKS.has(code)) break;
      i--;
    }
    if (i < 0) return true;
    const code = this.code(i);
    if (SENTENCE_ENDS.has(code)) return true;
    // A line break after a heading or a line ending without a letter or comma: a new block.
    return crossedLine && !WORDS[code] && code !== 0x2c;
  }

  private code(pos: number): number {
    return pos >= 0 && pos < this.text.length ? this.text.charCodeAt(pos) : -1;
  }

  /** The word after `pos`, spaces skipped (and commas, when `overCommas`); undefined at other punctuation. */
  private wordAfter(pos: number, overCommas: boolean): Word | undefined {
    let i = pos;
    while (i < this.text.length && (isSpace(this.code(i)) || (overCommas && this.code(i) === 0x2c))) i++;
    const start = i;
    while (i < this.text.length && WORDS[this.code(i)]) i++;
    return i > start ? { start, end: i, text: this.text.slice(start, i).toLowerCase() } : undefined;
  }

  /** The word before `pos`, spaces skipped (and commas, when `overCommas`); undefined at other punctuation. */
  private wordBefore(pos: number, overCommas: boolean): Word | undefined {
    let i = pos;
    while (i > 0 && (isSpace(this.code(i - 1)) || (overCommas && this.code(i - 1) === 0x2c))) i--;
    const end = i;
    while (i > 0 && WORDS[this.code(i - 1)]) i--;
    return i < end ? { start: i, end, text: this.text.slice(i, end).toLowerCase() } : undefined;
  }

  /** Whether `phrase` (lower case; a space stands for any whitespace) ends right before `pos`, spaces skipped. */
  private phraseBefore(pos: number, phrase: string): boolean {
    let i = pos;
    while (i > 0 && isSpace(this.code(i - 1))) i--;
    for (let k = phrase.length - 1; k >= 0; k--) {
      if (phrase.charCodeAt(k) === 0x20) {
        if (!isSpace(this.code(i - 1))) return false;
        while (i > 0 && isSpace(this.code(i - 1))) i--;
      } else if (LOWER[this.code(--i)] !== phrase.charCodeAt(k)) {
        return false;
      }
    }
    return !WORDS[this.code(i - 1)];
  }

  /** Whether `phrase` (lower case; a space stands for any whitespace) starts right after `pos`, spaces skipped. */
  private phraseAfter(pos: number, phrase: string): boolean {
    let i = pos;
    while (isSpace(this.code(i))) i++;
    for (let k = 0; k < phrase.length; k++) {
      if (phrase.charCodeAt(k) === 0x20) {
        if (!isSpace(this.code(i))) return false;
        while (isSpace(this.code(i))) i++;
      } else if (LOWER[this.code(i++)] !== phrase.charCodeAt(k)) {
        return false;
      }
    }
    return !(WORDS[this.code(i)] && WORDS[phrase.charCodeAt(phrase.length - 1)]);
  }
}

/** Characters that may stand between a sentence's end and its first word. */
const OPENING_MARKS = new Set([0x28, 0x5b, 0x22, 0x27, 0x201c, 0x2018, 0x201e, 0xab, 0x2a, 0x5f, 0x23, 0x3e, 0x2d, 0x2013, 0x2014]);
const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x3b, 0x2026]);
