/**
 * `legal-annotator agree` on two annotators' sidecars of the news corpus (400 articles), as the
 * issue asks: the time of the whole command in this process, beside the machine's load.
 *
 *   npm run bench:agree -- [NEWS_DIR]
 *
 * The two annotators are simulated from the claim detector: A tags every high-confidence claim
 * with its first category; B tags the same claims but skips one in five and picks the second
 * category of one in seven (a seeded choice), so the two disagree as people do.
 *
 * Then the same as a user runs it, a process of the built CLI (dist/cli.js, `npm run build`
 * first), its start included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectClaims } from '../src/core/claims';
import { createTarget } from '../src/core/anchoring/anchoring';
import { addAnnotation, newSidecarDocument, sidecarFileText } from '../src/core/sidecar/sidecar-io';
import { sourceHash } from '../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy/taxonomy';
import { runCli } from '../src/cli/run';
import { median, seededRandom } from './support';

const newsDir = process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'news');

async function main(): Promise<void> {
  const files = readdirSync(newsDir).filter((f) => f.endsWith('.txt')).sort();
  const root = mkdtempSync(join(tmpdir(), 'la-bench-agree-'));
  const random = seededRandom(20261206);
  let tags = 0;
  try {
    for (const side of ['a', 'b']) mkdirSync(join(root, side));
    for (const file of files) {
      const text = readFileSync(join(newsDir, file), 'utf8');
      const claims = detectClaims(text, { taxonomy: DEFAULT_TAXONOMY }).filter((c) => c.confidence === 'high' && c.categories.length > 0);
      for (const side of ['a', 'b']) {
        let doc = newSidecarDocument(file, sourceHash(text));
        claims.forEach((claim, i) => {
          if (side === 'b' && random() < 0.2) return;
          const category = side === 'b' && claim.categories.length > 1 && random() < 1 / 7 ? claim.categories[1].id : claim.categories[0].id;
          doc = addAnnotation(doc, { id: `a-${i}`, category, target: createTarget(text, claim.start, claim.end) });
          tags++;
        });
        writeFileSync(join(root, side, file), text);
        writeFileSync(join(root, side, `${file}.ann.yaml`), sidecarFileText(doc));
      }
    }
    const times: number[] = [];
    let out = '';
    for (let run = 0; run < 5; run++) {
      out = '';
      const started = performance.now();
      const code = await runCli(['agree', join(root, 'a'), join(root, 'b'), '--format', 'json'], { out: (t) => (out += t), err: () => undefined });
      times.push(performance.now() - started);
      if (code !== 0) throw new Error(`agree exited ${code}`);
    }
    const overall = (JSON.parse(out) as { overall: Record<string, number> }).overall;
    console.log(`agree on ${files.length} sources, ${tags} tags in all (Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`);
    console.log(`  median of 5: ${(median(times) / 1000).toFixed(2)} s (first ${(times[0] / 1000).toFixed(2)} s; goal <= 2 s)`);
    console.log(`  span F1 exact ${overall.spanF1Exact.toFixed(3)}, kappa ${overall.sentenceKappa.toFixed(3)}, alpha ${overall.sentenceAlpha.toFixed(3)}`);
    timeProcess(join(root, 'a'), join(root, 'b'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `node dist/cli.js agree A B` as a process, three times: the median wall-clock time. */
function timeProcess(a: string, b: string): void {
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('  (no dist/cli.js: run npm run build to time the command as a process)');
    return;
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'agree', a, b, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`dist/cli.js agree exited ${result.status}: ${result.stderr}`);
  }
  console.log(`  as a process (node dist/cli.js agree), median of 3: ${(median(times) / 1000).toFixed(2)} s, load ${loadavg()[0].toFixed(1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
