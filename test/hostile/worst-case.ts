/**
 * Worst-case inputs for everything that runs a loop or a regular expression over workspace
 * text: long runs of one character, long almost-matches, a text without a space. Each must stay
 * (near) linear. test/unit/security.test.ts checks how the time of each grows from 125,000 to
 * 500,000 characters (test/hostile/growth.ts); scripts/reliability.ts times each at 1 MB and
 * prints the figures beside the machine's load.
 */
import { detectClaims } from '../../src/core/claims';
import { suggestCategories } from '../../src/core/taxonomy/suggest';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { scan } from '../../src/core/scanner/scan';
import { markdownSkipRanges } from '../../src/core/text/markdown-prose';
import { sentenceAt } from '../../src/core/text/sentence-at';
import type { Work } from './growth';

/** The size of each worst-case input in `npm run reliability`. */
export const WORST_CASE_SIZE = 1_000_000;
/**
 * The smaller size of the growth checks in `npm test` (the larger is 500,000): large enough that a
 * quadratic term dominates, and above a step that some inputs show between 62,500 and 125,000
 * characters (the time grows 5 to 9 times there, then about 4 times per 4n again).
 */
export const WORST_CASE_GROWTH_SIZE = 125_000;

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export interface WorstCaseInput {
  target: string;
  name: string;
  /** Builds the input of `size` UTF-16 code units (not timed) and returns the work to time on it. */
  prepare: (size: number) => Work;
}

/** Texts made of one unit repeated to the size. */
const TEXTS: [name: string, unit: string][] = [
  ['one letter, no space', 'a'],
  ['spaces', ' '],
  ['line breaks', '\n'],
  ['digits', '1'],
  ['number-like runs "1 1 1"', '1 '],
  ['date-like runs "12/12/"', '12/'],
  ['date-like runs "2022-02-"', '2022-02-'],
  ['almost a state "Russian Federatio "', 'Russian Federatio '],
  ['almost a term "International Committee of the Red "', 'International Committee of the Red '],
  ['almost a cue "tortur "', 'tortur '],
  ['one sentence full of cues', 'prisoners were tortured and beaten and '],
  ['short claims "He was tortured. "', 'He was tortured. '],
  ['negations and cues "not tortured "', 'not tortured '],
  ['astral characters without a space', '\u{1F600}'],
  ['combining marks without a space', 'e\u0301'],
  ['dots "..."', '.'],
  ['backticks and angle brackets', '`<a]('],
  ['HTML comment openers "<!--"', '<!--'],
];

/** The code that loops or runs regular expressions over workspace text, each given a whole text. */
const TARGETS: { target: string; prepare: (text: string) => () => unknown }[] = [
  { target: 'scanner', prepare: (text) => () => scan(text) },
  { target: 'claim detector', prepare: (text) => () => detectClaims(text) },
  { target: 'Markdown prose ranges', prepare: (text) => () => markdownSkipRanges(text) },
  { target: 'sentence at the middle', prepare: (text) => () => sentenceAt(text, Math.floor(text.length / 2)) },
  {
    // Suggestions are asked for a selection: a tenth of the text (100,000 characters of 1 MB).
    target: 'category suggestions',
    prepare: (text) => {
      const selection = text.slice(0, Math.floor(text.length / 10));
      return () => suggestCategories(selection, DEFAULT_TAXONOMY);
    },
  },
];

export const WORST_CASE_INPUTS: WorstCaseInput[] = TARGETS.flatMap(({ target, prepare }) =>
  TEXTS.map(([name, unit]) => ({ target, name, prepare: (size: number) => prepare(fill(unit, size)) })));

/** Milliseconds of one run at `size` (the first run: compilation and lazy tables included). */
export function timeWorstCase(input: WorstCaseInput, size = WORST_CASE_SIZE): number {
  const work = input.prepare(size);
  const started = performance.now();
  work();
  return performance.now() - started;
}
