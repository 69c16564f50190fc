/**
 * Scanner throughput, measured against peers in the same process on the same text.
 *
 *   npm run bench:scan -- FILE... [--runs N]
 *
 * The files are concatenated (the figures in docs/performance.md use the three treaties of the corpus,
 * 1 MB). Prints MB/s of the full scan (states, dates, terms), the dates-only scan, and the
 * same text through chrono-node's en.GB parser and through one big RegExp of state names
 * (the designs the brief measured), with ratios. Medians of N runs after a warm-up run.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as chrono from 'chrono-node';
import { scan } from '../src/core/scanner/scan';
import { getDefaultLexicon } from '../src/core/lexicon/lexicon';
import { timeMedian } from './support';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function main(): void {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(args.splice(runsFlag, 2)[1]) : 7;
  if (args.length === 0) {
    console.error('usage: npm run bench:scan -- FILE... [--runs N]');
    process.exit(2);
  }
  const text = args.map((file) => readFileSync(file, 'utf8')).join('\n');
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  const lexicon = getDefaultLexicon(); // compiled once, outside the timings, as in the editor and the CLI
  const rate = (ms: number): string => `${(megabytes / (ms / 1000)).toFixed(1).padStart(6)} MB/s`;
  const line = (label: string, ms: number, found: number): void =>
    console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms ${rate(ms)}  ${String(found).padStart(6)} found`);

  console.log(`text: ${args.length} file(s), ${megabytes.toFixed(2)} MB; ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; median of ${runs} runs`);
  const full = timeMedian(runs, () => scan(text, { lexicon }));
  line('legal-annotator scan (states, dates, terms)', full.ms, full.result.length);
  const datesOnly = timeMedian(runs, () => scan(text, { lexicon, kinds: ['date'] }));
  line('legal-annotator scan, dates only', datesOnly.ms, datesOnly.result.length);
  const chronoRuns = Math.max(1, Math.min(3, runs));
  const chronoDates = timeMedian(chronoRuns, () => chrono.en.GB.parse(text));
  line('chrono-node en.GB parse (dates only)', chronoDates.ms, chronoDates.result.length);
  const names = lexicon.states.map((state) => escapeRegExp(state.text)).sort((a, b) => b.length - a.length);
  const bigRegExp = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const regExpStates = timeMedian(1, () => [...text.matchAll(bigRegExp)].length);
  line('one RegExp of all state names (states only)', regExpStates.ms, regExpStates.result);
  console.log('');
  console.log(`full scan throughput: ${rate(full.ms).trim()} (goal >= 30 MB/s)`);
  console.log(`dates: ${(chronoDates.ms / datesOnly.ms).toFixed(1)}x faster than chrono-node en.GB (goal >= 10x)`);
  console.log(`states: full scan is ${(regExpStates.ms / full.ms).toFixed(1)}x faster than one RegExp of state names alone`);
}

main();
