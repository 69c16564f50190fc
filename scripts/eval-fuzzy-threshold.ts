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
import { readFileSync } from 'node:fs';
import { PreparedText, createTarget } from '../src/core/anchoring/anchoring';
import { findFuzzyMatch } from '../src/core/anchoring/fuzzy-search';
import type { TextTarget } from '../src/core/sidecar/model';
import { codePointLength } from '../src/core/text/positions';

const THRESHOLDS = [0.7, 0.75, 0.8, 0.85];
const LENGTHS = [8, 15, 30, 60, 120, 300];
type Case = 'word' | 'word+context' | 'deleted' | 'deleted+context';
const CASES: Case[] = ['word', 'word+context', 'deleted', 'deleted+context'];

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
  };
  const cases = option('--cases', 300);
  let seed = option('--seed', 12345);
  if (args.length === 0) {
    console.error('usage: npx tsx scripts/eval-fuzzy-threshold.ts FILE... [--cases N] [--seed N]');
    process.exit(2);
  }
  // ASCII text keeps UTF-16 and code-point offsets equal, which the edits below rely on.
  const text = args.map((file) => readFileSync(file, 'utf8')).join('\n').replace(/[^\x20-\x7e\n]/gu, ' ');
  const random = (n: number): number => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const words = text.match(/[A-Za-z]{3,}/gu) ?? ['word'];
  const noise = (length: number): string => Array.from({ length }, () => 'abcdefghij klmnop'[random(17)]).join('');

  const replaceWord = (quote: string): string | undefined => {
    const found = [...quote.matchAll(/[A-Za-z]{3,}/gu)];
    if (found.length === 0) return undefined;
    const word = found[random(found.length)];
    return quote.slice(0, word.index) + words[random(words.length)] + quote.slice((word.index ?? 0) + word[0].length);
  };

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
        const outcome = findFuzzyMatch(prepared, target.exact, codePointLength(target.exact), target, start, threshold);
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
