/**
 * Measures the context score an exact copy needs to count as a moved quote (the numbers behind
 * MOVE_CONTEXT_THRESHOLD in src/core/anchoring/exact-search.ts).
 *
 *   npx tsx scripts/eval-move-threshold.ts FILE... [--cases N] [--seed N]
 *
 * Takes N random quotes (8-120 characters, starting at a word) per case, edits the text, asks the
 * exact search for the best copy and reports, per threshold, how often that copy would count as
 * the quote moved. Same passage (every acceptance is right):
 * - text inserted above the quote;
 * - the same, and one word of the 32 characters on each side of the quote replaced;
 * - the same, and the 32 characters before the quote rewritten;
 * - the line (paragraph) holding the quote moved elsewhere in the text.
 * Other text (every acceptance is wrong), quotes that occur at least twice, though not with
 * their whole stored context (no context can tell identical passages apart):
 * - the sentence holding the tagged copy deleted;
 * - the tagged copy and 20 characters on each side replaced by random text.
 */
import { PreparedText, createTarget } from '../src/core/anchoring/anchoring';
import { findExactCopy } from '../src/core/anchoring/exact-search';
import type { TextTarget } from '../src/core/sidecar/model';
import { readEvalCorpus } from './eval-corpus';

const THRESHOLDS = [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85];
const LENGTHS = [8, 15, 30, 60, 120];
type Case = 'inserted' | 'context words' | 'prefix rewritten' | 'line moved' | 'sentence deleted' | 'copy rewritten';
const SAME: Case[] = ['inserted', 'context words', 'prefix rewritten', 'line moved'];
const OTHER: Case[] = ['sentence deleted', 'copy rewritten'];

function main(): void {
  const { text, cases, random, noise, replaceWord: replaceAnyWord } = readEvalCorpus('eval-move-threshold.ts');
  const words = text.match(/[A-Za-z]{3,}/gu) ?? ['word'];
  const heading = (): string => `${words[random(words.length)]} ${words[random(words.length)]} ${noise(100)}\n\n`;
  const replaceWord = (span: string): string => replaceAnyWord(span) ?? span;

  /** A random quote starting at a word; repeated ones occur at least twice in the text. */
  const pickTarget = (repeated: boolean): TextTarget => {
    for (;;) {
      const length = LENGTHS[random(LENGTHS.length)];
      let start = 200 + random(text.length - length - 400);
      while (start > 0 && /[A-Za-z]/u.test(text[start - 1])) start--;
      const quote = text.slice(start, start + length);
      if (quote.trim().length < 4) continue;
      const isRepeated = text.indexOf(quote) !== start || text.indexOf(quote, start + 1) >= 0;
      if (isRepeated !== repeated) continue;
      const target = createTarget(text, start, start + length);
      // A passage repeated with its whole context (common articles of the conventions) cannot be told apart by any context.
      const passage = target.prefix + target.exact + target.suffix;
      if (repeated && text.indexOf(passage) !== text.lastIndexOf(passage)) continue;
      return target;
    }
  };

  /** The edited text and where the tagged copy's old position now is. */
  const edit = (kind: Case, t: TextTarget): { edited: string; oldStart: number } => {
    const { start, end } = t;
    const above = 50 + random(start - 100);
    const insert = heading();
    const inserted = text.slice(0, above) + insert + text.slice(above);
    const shift = insert.length;
    switch (kind) {
      case 'inserted':
        return { edited: inserted, oldStart: start };
      case 'context words': {
        const s = start + shift;
        const e = end + shift;
        return { edited: inserted.slice(0, s - 32) + replaceWord(inserted.slice(s - 32, s)) + t.exact + replaceWord(inserted.slice(e, e + 32)) + inserted.slice(e + 32), oldStart: start };
      }
      case 'prefix rewritten':
        return { edited: inserted.slice(0, start + shift - 32) + noise(32) + inserted.slice(start + shift), oldStart: start };
      case 'line moved': {
        const lineStart = text.lastIndexOf('\n', start) + 1;
        const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end) + 1;
        const rest = text.slice(0, lineStart) + text.slice(lineEnd);
        let to = random(rest.length);
        to = rest.lastIndexOf('\n', to) + 1;
        return { edited: rest.slice(0, to) + text.slice(lineStart, lineEnd) + rest.slice(to), oldStart: start };
      }
      case 'sentence deleted': {
        const from = Math.max(text.lastIndexOf('. ', start) + 2, text.lastIndexOf('\n', start) + 1);
        const stops = [text.indexOf('. ', end), text.indexOf('\n', end)].filter((i) => i >= 0);
        const to = stops.length === 0 ? text.length : Math.min(...stops) + 1;
        return { edited: text.slice(0, from) + text.slice(to), oldStart: start };
      }
      case 'copy rewritten':
        return { edited: text.slice(0, start - 20) + noise(end - start + 40) + text.slice(end + 20), oldStart: start };
    }
  };

  console.log(`${text.length} characters; ${cases} quotes per case; the best exact copy counts as moved at a threshold of`);
  console.log(`${'case'.padEnd(28)}${THRESHOLDS.map((t) => t.toFixed(2).padStart(7)).join('')}`);
  for (const kind of [...SAME, ...OTHER]) {
    const accepted = THRESHOLDS.map(() => 0);
    let done = 0;
    while (done < cases) {
      const target = pickTarget(OTHER.includes(kind));
      const { edited, oldStart } = edit(kind, target);
      const copy = findExactCopy(new PreparedText(edited), target.exact, target, oldStart);
      // A same-passage case counts only when the copy found is the tagged one (its context intact or edited).
      if (copy === undefined && SAME.includes(kind)) continue;
      THRESHOLDS.forEach((threshold, i) => {
        if (copy !== undefined && copy.context >= threshold) accepted[i]++;
      });
      done++;
    }
    const label = `${kind} (${SAME.includes(kind) ? 'right' : 'wrong'})`;
    console.log(`${label.padEnd(28)}${accepted.map((n) => `${((100 * n) / cases).toFixed(0)}%`.padStart(7)).join('')}`);
  }
}

main();
