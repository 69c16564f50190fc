/**
 * `legal-annotator tag` on a large sidecar: the fast path (append as text, verified with the
 * fast reader; parseSidecar and addAnnotation in src/core/sidecar/sidecar-io.ts) against the `yaml`
 * Document API path.
 *
 *   npm run bench:tag -- [--annotations N] [--runs N] [--document-runs N]
 *
 * The sidecar is the hostile corpus's (scripts/generate-hostile.ts): N annotations (default
 * 100,000, about 23 MB), one per line of a generated source. Times, in-process (as
 * `npm run reliability` runs the hostile corpus):
 * - the whole command, `legal-annotator tag FILE --quote ...` through runCli on a copy on disk
 *   (source read, quote search, atomic write with fsync), first, on a fresh heap: median of
 *   `--runs` after a warm-up;
 * - scan path (what `tag` does): the sidecar's bytes scanned (sidecar-scan.ts: proven clean
 *   without building its entries), one annotation appended and checked on the file from the last
 *   annotation on, the bytes to write: median of `--runs` after a warm-up;
 * - fast path (a whole read): read the sidecar (fast reader, schema, content checks) and append
 *   one annotation (render, splice, read again and compare): median of `--runs` after a warm-up;
 * - Document path: parseSidecar with fastPath false, and addAnnotation's Document edit (its result is verified by reading it again):
 *   `--document-runs` runs (default 1: it takes tens of seconds at 100,000; 0 skips it).
 * - the bundled CLI as a child process (built into a temporary folder), on a fresh copy of the
 *   sidecar each run: wall and CPU time (GNU time), median of `--runs`, beside the load;
 * Prints each time, the ratio Document / fast, and whether both paths wrote the same text.
 * Goals: the child process in at most 0.5 s; the whole command well under the 10 s bound per hostile file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { manyAnnotations } from '../scripts/generate-hostile';
import type { Annotation } from '../src/core/sidecar/model';
import { addAnnotation, editBase, parseSidecar, parseSidecarBytes, sidecarFileText } from '../src/core/sidecar/sidecar-io';
import { yamlDocumentsParsed } from '../src/core/sidecar/yaml-source';
import { runCli } from '../src/cli/run';
import { buildCli, loadLine, median, seconds, timeCommand, timeMedian } from './support';

const { values } = parseArgs({ options: { annotations: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, 'document-runs': { type: 'string', default: '1' } } });
const count = Number(values.annotations);
const runs = Number(values.runs);
const documentRuns = Number(values['document-runs']);

const NEW: Annotation = {
  id: 'a-bench', category: 'torture', status: 'proposed', created: '2026-11-22T10:00:00.000Z',
  target: { start: 0, end: 4, exact: 'Line', prefix: '', suffix: ' 0: detainee 0 was tort' },
};

async function main(): Promise<void> {
  const many = manyAnnotations(count);
  const megabytes = Buffer.byteLength(many.sidecar) / 1e6;
  console.log(`tag on a sidecar of ${count.toLocaleString('en')} annotations (${megabytes.toFixed(1)} MB); Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`);

  // The whole command first, on a fresh heap, as `npm run reliability` runs it (in-process).
  const folder = mkdtempSync(join(tmpdir(), 'la-bench-tag-'));
  const cwd = process.cwd();
  try {
    writeFileSync(join(folder, 'many.txt'), many.source);
    process.chdir(folder);
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      writeFileSync(join(folder, 'many.txt.ann.yaml'), many.sidecar);
      const started = performance.now();
      const exit = await runCli(['tag', 'many.txt', '--category', 'torture', '--quote', 'the last line'], { out: () => undefined, err: () => undefined });
      if (exit !== 0) throw new Error(`tag exited ${exit}`);
      if (i > 0) times.push(performance.now() - started); // the first run warms up
    }
    console.log(`legal-annotator tag (whole command):      ${ms(median(times))}  median of ${runs} (bound 10 s per hostile file)`);
    const cli = buildCli(join(folder, 'dist'));
    console.log(`before the child process runs: ${loadLine()}`);
    const child = timeCommand('tag', process.execPath, [cli, 'tag', 'many.txt', '--category', 'torture', '--quote', 'the last line'], {
      runs, cwd: folder, before: () => writeFileSync(join(folder, 'many.txt.ann.yaml'), many.sidecar),
    });
    console.log(`node cli.js tag (child process):     ${seconds(child.ms)} s wall ${seconds(child.cpuMs)} s CPU  median of ${runs} (goal 0.5 s: ${child.ms <= 500 ? 'met' : 'NOT met'}); after: ${loadLine()}`);
  } finally {
    process.chdir(cwd);
    rmSync(folder, { recursive: true, force: true });
  }

  const bytes = Buffer.from(many.sidecar, 'utf8');
  const scanned = timeMedian(runs, () => {
    const doc = parseSidecarBytes(bytes, false);
    if (!doc) throw new Error('the scan declined the generated sidecar');
    const appended = addAnnotation(doc, NEW);
    if (!editBase(appended)?.bytes) throw new Error('the append to the scanned sidecar was not made on its bytes');
    return appended;
  });
  console.log(`scan path (scan, append, verify):        ${ms(scanned.ms)}  median of ${runs}`);

  const fast = timeMedian(runs, () => {
    const parsed = yamlDocumentsParsed();
    const appended = addAnnotation(parseSidecar(many.sidecar), NEW);
    if (yamlDocumentsParsed() !== parsed) throw new Error('the fast path declined the generated sidecar or the append');
    return sidecarFileText(appended);
  });
  console.log(`fast path (whole read, append, verify):  ${ms(fast.ms)}  median of ${runs}; same text as the scan path: ${sidecarFileText(scanned.result) === fast.result ? 'yes' : 'NO'}`);

  if (documentRuns > 0) {
    const documentTimes: number[] = [];
    let documentText = '';
    for (let i = 0; i < documentRuns; i++) {
      const started = performance.now();
      documentText = sidecarFileText(addAnnotation(parseSidecar(many.sidecar, { fastPath: false }), NEW));
      documentTimes.push(performance.now() - started);
    }
    const documentMs = median(documentTimes);
    console.log(`Document API path (parse, add, verify):  ${ms(documentMs)}  ${documentRuns === 1 ? '1 run' : `median of ${documentRuns}`}`);
    console.log(`ratio Document / fast: ${(documentMs / fast.ms).toFixed(1)}x; same text written: ${documentText === fast.result ? 'yes' : 'NO'}`);
  }
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2)} s`.padStart(8);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
