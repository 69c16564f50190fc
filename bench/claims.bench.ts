/**
 * Claim detection and workspace review speed.
 *
 *   npm run bench:claims -- FILE... [--runs N] [--workspace DIR]
 *
 * 1. Claims for the FILEs concatenated (the figures in docs/performance.md: the three treaties, 1 MB): the
 *    first call in the process (char tables, cue matcher compiled) and the median of N warm
 *    runs, against a naive peer on the same text (segment every sentence, then the editor's
 *    suggestCategories on each). Goal: at most 50 ms.
 * 2. With --workspace DIR (the 400 news articles): the articles are copied to a temporary
 *    folder, each with a sidecar tagging half of its claims and dismissing one (not timed);
 *    then reviewWorkspace (read sources and sidecars, detect, anchor, match) is timed, and
 *    `legal-annotator check --claims` on the folder in-process. Goal: at most 5 s.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarget } from '../src/core/anchoring/anchoring';
import { addAnnotation, addDismissal, newSidecarDocument, sidecarFileText } from '../src/core/sidecar/sidecar-io';
import { sourceHash } from '../src/core/sidecar/source-hash';
import { cueMatcherFor, detectClaims, reviewWorkspace } from '../src/core/claims';
import { lowerChars, wordChars } from '../src/core/text/chars';
import { suggestCategories } from '../src/core/taxonomy/suggest';
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy/taxonomy';
import { segmentSentences } from '../src/core/text/sentences';
import { runCli } from '../src/cli/run';
import { timeMedian } from './support';

function timeOnce<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

async function benchWorkspace(dir: string): Promise<void> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-bench-claims-'));
  try {
    await fs.mkdir(join(folder, '.git'));
    let tags = 0;
    let dismissals = 0;
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      await fs.writeFile(join(folder, name), text);
      const claims = detectClaims(text);
      let doc = newSidecarDocument(name, sourceHash(text));
      claims.forEach((claim, i) => {
        if (i === claims.length - 1 && i > 0) {
          doc = addDismissal(doc, { id: `d${i}`, target: createTarget(text, claim.start, claim.end) });
          dismissals++;
        } else if (i % 2 === 0) {
          doc = addAnnotation(doc, { id: `a${i}`, category: claim.categories[0].id, target: createTarget(text, claim.start, claim.end) });
          tags++;
        }
      });
      await fs.writeFile(join(folder, `${name}.ann.yaml`), sidecarFileText(doc));
    }
    const paths = names.map((name) => join(folder, name));
    console.log(`\nworkspace: ${names.length} sources with sidecars (${tags} tags, ${dismissals} dismissals)`);
    const started = performance.now();
    const reviews = await reviewWorkspace(paths);
    const reviewMs = performance.now() - started;
    const sum = (key: 'claims' | 'tagged' | 'dismissed' | 'untagged') => reviews.reduce((total, review) => total + review.counts[key], 0);
    console.log(`reviewWorkspace (read + claims + anchor + match)   ${reviewMs.toFixed(0).padStart(6)} ms  ${sum('claims')} claims, ${sum('tagged')} tagged, ${sum('dismissed')} dismissed, ${sum('untagged')} untagged`);
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      let out = 0;
      const checkStarted = performance.now();
      const code = await runCli(['check', '--claims', '--format', 'json', '.'], { out: (t) => (out += t.length), err: () => undefined });
      const checkMs = performance.now() - checkStarted;
      console.log(`legal-annotator check --claims (sidecars + claims) ${checkMs.toFixed(0).padStart(6)} ms  exit ${code}, ${out} characters of JSON`);
      console.log(`\nworkspace review: ${(reviewMs / 1000).toFixed(2)} s (goal <= 5 s); check --claims: ${(checkMs / 1000).toFixed(2)} s`);
    } finally {
      process.chdir(cwd);
    }
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(args.splice(runsFlag, 2)[1]) : 9;
  const workspaceFlag = args.indexOf('--workspace');
  const workspace = workspaceFlag >= 0 ? args.splice(workspaceFlag, 2)[1] : undefined;
  if (args.length === 0 && !workspace) {
    console.error('usage: npm run bench:claims -- FILE... [--runs N] [--workspace DIR]');
    process.exit(2);
  }
  console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; median of ${runs} runs`);
  if (args.length > 0) {
    const text = args.map((file) => readFileSync(file, 'utf8')).join('\n');
    const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
    const words = text.split(/\s+/u).length;
    console.log(`text: ${args.length} file(s), ${megabytes.toFixed(2)} MB, ${words.toLocaleString('en')} words`);
    const tables = timeOnce(() => wordChars().length + lowerChars().length);
    const compile = timeOnce(() => cueMatcherFor(DEFAULT_TAXONOMY).index.size);
    const first = timeOnce(() => detectClaims(text));
    const warm = timeMedian(runs, () => detectClaims(text));
    const high = warm.result.filter((claim) => claim.confidence === 'high').length;
    const segment = timeMedian(runs, () => segmentSentences(text));
    const naive = timeMedian(Math.min(runs, 3), () => segmentSentences(text).filter((s) => suggestCategories(text.slice(s.start, s.end), DEFAULT_TAXONOMY).length > 0).length);
    const row = (label: string, ms: number, note: string): void => console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${(megabytes / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${note}`);
    console.log(`one-time setup: char tables ${tables.ms.toFixed(1)} ms, cue matcher of the default taxonomy ${compile.ms.toFixed(1)} ms (${compile.result} cues)`);
    row('detectClaims, first call (cold JIT)', first.ms, `${first.result.length} claims`);
    row('detectClaims, warm', warm.ms, `${warm.result.length} claims (${high} high), ${((warm.result.length / words) * 1000).toFixed(2)} per 1,000 words`);
    row('segmentSentences, whole text', segment.ms, `${segment.result.length} sentences`);
    row('naive: every sentence through suggestCategories', naive.ms, `${naive.result} sentences with a cue`);
    console.log(`\nclaims for ${megabytes.toFixed(2)} MB: ${warm.ms.toFixed(1)} ms warm, ${first.ms.toFixed(1)} ms first call after setup (goal <= 50 ms); ${(naive.ms / warm.ms).toFixed(0)}x faster than the naive way`);
  }
  if (workspace) await benchWorkspace(workspace);
}

void main();
