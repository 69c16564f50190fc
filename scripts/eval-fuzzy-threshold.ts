/**
 * Measures the fuzzy-anchoring threshold on real text (the numbers behind FUZZY_THRESHOLD).
 *
 *   npx tsx scripts/eval-fuzzy-threshold.ts FILE... [--cases N] [--seed N]
 *
 * Takes N random quotes (8-300 characters, unique in the text), edits the text four ways and
 * reports, per threshold, how often the fuzzy search accepts a match:
 * - one word of the quote replaced (should be accepted, at the quote's place);
 * - the same plus the 32 characters before the quote rewritten (accepted if possible);
 * - the quote deleted (any acceptance is a wrong match);
 * - the quote and 20 characters on each side replaced by random text (likewise).
 */
import { PreparedText, createTarget } from '../src/core/anchoring/anchoring';
import { findFuzzyMatch } from '../src/core/anchoring/fuzzy-search';
import type { TextTarget } from '../src/core/sidecar/model';
import { codePointLength } from '../src/core/text/positions';
import { readEvalCorpus } from './eval-corpus';

const THRESHOLDS = [0.7, 0.75, 0.8, 0.85];
const LENGTHS = [8, 15, 30, 60, 120, 300];
type Case = 'word' | 'word+context' | 'deleted' | 'deleted+context';
const CASES: Case[] = ['word', 'word+context', 'deleted', 'deleted+context'];

function main(): void {
  const { text, cases, random, noise, replaceWord } = readEvalCorpus('eval-fuzzy-threshold.ts');

  const edit = (kind: Case, target: TextTarget): string | undefined => {
    const { start, end } = target;
    if (kind === 'deleted') return text.slice(0, start) + text.slice(end);
    if (kind === 'deleted+context') return text.slice(0, start - 20) + noise(40) + text.slice(end + 20);
    const changed = replaceWord(target.exact);
    if (changed === undefined) return undefined;
    const before = kind === 'word' ? text.slice(0, start) : text.slice(0, start - 32) + noise(32);
    return before + changed + text.slice(end);
  };

  console.log(`${text.length} characters; ${cases} unique quotes per case; accepted by the fuzzy search at a threshold of`);
  console.log(`${'case'.padEnd(18)}${THRESHOLDS.map((t) => t.toFixed(2).padStart(8)).join('')}`);
  for (const kind of CASES) {
    const accepted = THRESHOLDS.map(() => 0);
    let done = 0;
    while (done < cases) {
      const length = LENGTHS[random(LENGTHS.length)];
      const start = 50 + random(text.length - length - 100);
      const target = createTarget(text, start, start + length);
      if (text.indexOf(target.exact) !== text.lastIndexOf(target.exact)) continue;
      const edited = edit(kind, target);
      if (edited === undefined) continue;
      const prepared = new PreparedText(edited);
      THRESHOLDS.forEach((threshold, i) => {
        const outcome = findFuzzyMatch(prepared, target.exact, codePointLength(target.exact), target, start, { threshold });
        // For edited quotes count only matches at the quote's own place.
        const right = kind.startsWith('deleted') || (outcome.found !== undefined && Math.abs(outcome.found.start - start) <= 40);
        if (outcome.found !== undefined && right) accepted[i]++;
      });
      done++;
    }
    console.log(`${kind.padEnd(18)}${accepted.map((n) => `${((100 * n) / cases).toFixed(0)}%`.padStart(8)).join('')}`);
  }
}

main();
