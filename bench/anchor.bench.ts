/**
 * Anchoring speed: 1,000 annotations re-anchored in a 1 MB source after 100 random edits.
 *
 *   npm run bench:anchor -- [FILE] [--runs N] [--seed N]
 *
 * Without FILE the source is 1 MB of generated legal-ish sentences (seeded, with some
 * accented and astral characters so offsets need converting). The edits insert, delete and
 * replace text anywhere, so most annotations shift (moved), some lose their context or part
 * of their quote (fuzzy), a few are deleted (orphaned). Prints the median of N timed runs of
 * `anchorAll` after a warm-up run, and the goal: at most 100 ms.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { PreparedText, anchorAll, createTarget } from '../src/core/anchoring/anchoring';
import type { TextTarget } from '../src/core/sidecar/model';
import { median, seededIntegers } from './support';

const GOAL_MS = 100;
const SIZE = 1_000_000;
const ANNOTATIONS = 1_000;
const EDITS = 100;

const SUBJECTS = ['The Detaining Power', 'The Occupying Power', 'Each Party to the conflict', 'The Prosecutor', 'The Mission', 'A witness from Mariupol', 'The Protecting Power', 'The International Committee of the Red Cross'];
const VERBS = ['shall ensure that', 'reported that', 'found that', 'was informed that', 'could not confirm that', 'recalls that'];
const CLAIMS = [
  'prisoners of war were beaten during interrogation',
  'civilians were deported to the territory of the Occupying Power',
  'detainees were held incommunicado for months',
  'the wounded were denied medical care',
  'access of delegates to places of internment was restricted',
  'protected persons were compelled to serve in its armed forces',
  'the whereabouts of the disappeared remain unknown',
  'the accused were sentenced without a fair trial',
];
const TAILS = ['', ' in Türkiye', ' near Kyiv', ' (see annex 😀 II)', ' on 24 February 2022', ', contrary to article 13', ' in the camp at Olenivka'];

function generateSource(random: (n: number) => number): string {
  const parts: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < SIZE) {
    const pick = <T>(items: T[]): T => items[random(items.length)];
    // Case numbers and dates keep most quotes unique, as in real reports; the phrases repeat.
    let text = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAIMS)}${pick(TAILS)} (case ${random(100_000)}, ${1 + random(28)} March 2022).`;
    text += ++sentence % 6 === 0 ? `\n\nArticle ${sentence / 6}\n` : ' ';
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** Moves a UTF-16 offset off the low half of a surrogate pair. */
function boundary(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

function applyEdits(source: string, random: (n: number) => number): string {
  let text = source;
  for (let i = 0; i < EDITS; i++) {
    const start = boundary(text, random(text.length));
    const end = boundary(text, Math.min(text.length, start + random(3) * random(120)));
    const insert = random(2) === 0 ? '' : generateSentence(random);
    text = text.slice(0, start) + insert + text.slice(end);
  }
  return text;
}

function generateSentence(random: (n: number) => number): string {
  return `${SUBJECTS[random(SUBJECTS.length)]} ${VERBS[random(VERBS.length)]} ${CLAIMS[random(CLAIMS.length)]}. `;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
  };
  const runs = option('--runs', 7);
  const seed = option('--seed', 1949);
  const random = seededIntegers(seed);
  const source = args.length > 0 ? args.map((file) => readFileSync(file, 'utf8')).join('\n') : generateSource(random);

  const original = new PreparedText(source);
  const targets: TextTarget[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const start = random(Math.max(1, original.length - 200));
    targets.push(createTarget(original, start, start + 20 + random(180)));
  }
  const edited = applyEdits(source, random);

  let results = anchorAll(edited, targets); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    results = anchorAll(edited, targets);
    samples.push(performance.now() - began);
  }
  const counts: Record<string, number> = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const result of results) counts[result.status]++;
  const ms = median(samples);

  console.log(`source: ${args.length > 0 ? args.join(', ') : `generated (seed ${seed})`}, ${(Buffer.byteLength(source, 'utf8') / 1e6).toFixed(2)} MB, ${original.length} code points`);
  console.log(`${ANNOTATIONS} annotations, ${EDITS} random edits; ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; median of ${runs} runs`);
  console.log(`results: ${Object.entries(counts).map(([status, n]) => `${status} ${n}`).join(', ')}`);
  console.log(`anchorAll: ${ms.toFixed(1)} ms (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}); goal: at most ${GOAL_MS} ms -> ${ms <= GOAL_MS ? 'met' : 'NOT met'}`);
}

main();
