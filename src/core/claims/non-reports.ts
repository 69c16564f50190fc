/**
 * Sentences that speak of an act without reporting it: a question, a call for a release or an
 * investigation, a release or an acquittal. Their cues become low-confidence mentions (as a
 * negation or a condition does), with the word that decided it, so that a reviewer still sees
 * them as information.
 *
 * - question: the sentence ends with a question mark ("Who ordered the arrests?").
 * - called-for: the cue follows, in its clause, what a call asks for ("called for the release of
 *   the arrested persons", "urged the police to investigate the killing").
 * - released: the cue follows a release or an acquittal in its clause ("released from detention",
 *   "acquitted of murder"), or is the attribute of the people released ("the kidnapped girls have
 *   since been freed"). "Not guilty" is an acquittal too, before the cue or inside it ("found him
 *   not guilty of sedition", the gapped cue "found … guilty" in "found the editors not guilty",
 *   "was not found guilty", "a not guilty verdict"); a plea of not guilty is not.
 * - hypothetical: a proceeding named as a purpose ("transferred for prosecution", "extradited
 *   for trial"), which has not happened.
 */
import {
  ACQUITTAL_NEGATIONS, CALL_OBJECTS, CALL_REACH, CALL_WORDS, CLAUSE_BREAKS, DETERMINERS, GUILTY, GUILTY_FINDINGS, PLEA_WORDS,
  PURPOSE_PROCEEDINGS, PURPOSE_REACH, RELEASE_WORDS,
} from './context-words';
import type { Token } from './tokens';

export type NonReportUse = 'question' | 'called-for' | 'released' | 'hypothetical';

export interface NonReport {
  use: NonReportUse;
  /** The words that decided it, as written. */
  because: string;
}

/** How far before a cue (in its clause) a call's object or a release reaches, in words. */
const SCOPE_WORDS = 6;

const breaksClause = (word: string): boolean => word === ',' || CLAUSE_BREAKS.has(word);

/** Whether the sentence text[start, end) is a question: its last mark, before closing quotes and brackets, is "?". */
export function isQuestion(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const char = text[i];
    if (/[\s"'”’»)\]]/u.test(char)) continue;
    return char === '?';
  }
  return false;
}

/**
 * Why the cue spanning tokens [at, after) is not reported by its sentence, or undefined.
 * `eventive`: the cue is a participle ("kidnapped"), which may be the attribute of people released.
 */
export function nonReportAt(text: string, tokens: readonly Token[], at: number, after: number, eventive: boolean): NonReport | undefined {
  return callOrReleaseBefore(text, tokens, at) ?? purposeBefore(text, tokens, at, after) ??
    (eventive ? releaseOfAttribute(text, tokens, at, after) : undefined);
}

/**
 * The acquittal with "guilty" that ends the cue spanning tokens [at, after), or undefined: a "not
 * guilty" or "not found guilty" in the cue ("found … guilty" around "not") or before it in its
 * clause. Read before the negations, whose "not" it would otherwise be.
 */
export function acquittalAt(text: string, tokens: readonly Token[], at: number, after: number): NonReport | undefined {
  for (let i = after - 1; i >= 0 && i >= at - SCOPE_WORDS; i--) {
    if (i < at && breaksClause(tokens[i].word)) return undefined;
    if (tokens[i].word !== GUILTY) continue;
    const negation = negationOfGuilty(tokens, i);
    if (negation >= 0) return { use: 'released', because: text.slice(tokens[negation].start, tokens[i].end) };
  }
  return undefined;
}

/** Index of the negation that makes tokens[guilty] an acquittal ("not guilty", "wasn't found guilty", "never been found guilty"), or -1. */
function negationOfGuilty(tokens: readonly Token[], guilty: number): number {
  let i = guilty - 1;
  if (i < 0) return -1;
  if (tokens[i].word === 'not') return isPlea(tokens, i) ? -1 : i;
  if (!GUILTY_FINDINGS.has(tokens[i].word)) return -1;
  i--;
  // "wasn't" is the tokens "wasn" and "t".
  while (i >= 0 && (tokens[i].word === 'been' || tokens[i].word === 't')) i--;
  return i >= 0 && ACQUITTAL_NEGATIONS.has(tokens[i].word) ? i : -1;
}

/** "pleaded not guilty", "a plea of not guilty": the "not" at tokens[not] is a plea's. */
function isPlea(tokens: readonly Token[], not: number): boolean {
  const before = tokens[not - 1]?.word;
  return before !== undefined && (PLEA_WORDS.has(before) || (before === 'of' && PLEA_WORDS.has(tokens[not - 2]?.word ?? '')));
}

/** "for [a death penalty] prosecution": a proceeding named as what is sought. */
function purposeBefore(text: string, tokens: readonly Token[], at: number, after: number): NonReport | undefined {
  if (after === 0 || !PURPOSE_PROCEEDINGS.has(tokens[after - 1].word)) return undefined;
  for (let i = at - 1; i >= 0 && i >= at - 1 - PURPOSE_REACH; i--) {
    if (breaksClause(tokens[i].word)) return undefined;
    if (tokens[i].word === 'for') return { use: 'hypothetical', because: text.slice(tokens[i].start, tokens[after - 1].end) };
  }
  return undefined;
}

function callOrReleaseBefore(text: string, tokens: readonly Token[], at: number): NonReport | undefined {
  for (let i = at - 1; i >= 0 && i >= at - SCOPE_WORDS; i--) {
    const word = tokens[i].word;
    if (breaksClause(word)) return undefined;
    if (!CALL_OBJECTS.has(word) && !RELEASE_WORDS.has(word)) continue;
    for (let c = i - 1; c >= 0 && c >= i - CALL_REACH; c--) {
      if (tokens[c].word === ',') break;
      if (CALL_WORDS.has(tokens[c].word)) return { use: 'called-for', because: text.slice(tokens[c].start, tokens[i].end) };
    }
    if (RELEASE_WORDS.has(word)) return { use: 'released', because: text.slice(tokens[i].start, tokens[i].end) };
  }
  return undefined;
}

/** "the [27 recently] kidnapped students were released": an attributive cue, a release after it in its clause. */
function releaseOfAttribute(text: string, tokens: readonly Token[], at: number, after: number): NonReport | undefined {
  let before = at - 1;
  while (before >= 0 && before > at - SCOPE_WORDS && (/^\d/u.test(tokens[before].word) || tokens[before].word.endsWith('ly'))) before--;
  if (before < 0 || !DETERMINERS.has(tokens[before].word)) return undefined;
  // Commas only: "the kidnapped girls have since been freed" holds a "since" that opens no clause.
  for (let i = after; i < tokens.length && i < after + SCOPE_WORDS; i++) {
    const word = tokens[i].word;
    if (word === ',') return undefined;
    if (RELEASE_WORDS.has(word)) return { use: 'released', because: text.slice(tokens[i].start, tokens[i].end) };
  }
  return undefined;
}
