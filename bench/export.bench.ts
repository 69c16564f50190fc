/**
 * Export speed: 100,000 annotations exported in each format (W3C collection, W3C JSON Lines,
 * brat standoff with its .txt copies and configuration, CSV).
 *
 *   npm run bench:export -- [--annotations N] [--sources N] [--runs N]
 *
 * The annotations are spread over 100 generated sources of about 100 KB (seeded, with astral
 * characters so offsets need converting, and a share of moved tags so anchoring does real
 * work). Each timed run does what `legal-annotator export` does after reading the sidecars:
 * anchors every annotation against its source (`resolveSources`), then formats the output.
 * Prints the median of N runs after a warm-up, the output size, and the ratio to the goal:
 * at most 5 s per format. Reading the sidecars from YAML (check's fast reader, as `export`
 * uses) is timed separately (`read`).
 */
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createTarget, PreparedText } from '../src/core/anchoring/anchoring';
import type { Annotation, Sidecar } from '../src/core/sidecar/model';
import { newSidecarDocument } from '../src/core/sidecar/sidecar-io';
import { cleanFastRead } from '../src/core/sidecar/fast-sidecar';
import { sourceHash } from '../src/core/sidecar/source-hash';
import { bratAnnotationConf, bratVisualConf, exportBratSource } from '../src/core/interop/brat';
import { exportCsv } from '../src/core/interop/csv';
import { resolveSources, type ExportSource } from '../src/core/interop/export-input';
import { exportW3cCollection, exportW3cJsonl } from '../src/core/interop/w3c';
import { DEFAULT_TAXONOMY } from '../src/core/taxonomy/taxonomy';
import * as YAML from 'yaml';
import { median, seededIntegers } from './support';

const GOAL_MS = 5_000;

const SENTENCES = [
  'Prisoners of war were beaten during interrogation',
  'Civilians were deported to the territory of the Occupying Power',
  'Detainees were held incommunicado for months',
  'The wounded were denied medical care 😀',
  'Access of the ICRC to places of internment was restricted',
  'Witnesses said that two men were executed after capture',
];

function generateSource(random: (n: number) => number, size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const text = `${SENTENCES[random(SENTENCES.length)]} (case ${random(1_000_000)}, ${1 + random(28)} March 2022).${random(5) === 0 ? '\n' : ' '}`;
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

function makeSources(count: number, perSource: number): ExportSource[] {
  const random = seededIntegers(7);
  const categories = DEFAULT_TAXONOMY.categories.map((c) => c.id);
  const sources: ExportSource[] = [];
  for (let s = 0; s < count; s++) {
    const text = generateSource(random, 100_000);
    const prepared = new PreparedText(text);
    const annotations: Annotation[] = [];
    for (let i = 0; i < perSource; i++) {
      const start = random(prepared.length - 80);
      const target = createTarget(prepared, start, start + 10 + random(60));
      // One in ten was stored before an edit: found again by its quote (moved).
      if (i % 10 === 0) Object.assign(target, { start: target.start + 3, end: target.end + 3 });
      annotations.push({
        id: `a-${s.toString(16).padStart(3, '0')}${i.toString(16).padStart(5, '0')}`,
        category: categories[random(categories.length)],
        target,
        note: i % 3 === 0 ? `Witness ${i}, "quoted"; see p. ${i % 40}` : undefined,
        author: 'Bench',
        status: 'proposed',
        created: '2025-11-20T09:30:00.000Z',
      } as Annotation);
    }
    const sidecar: Sidecar = { version: 1, source: `source-${s}.txt`, sourceHash: sourceHash(text), annotations, dismissed: [] };
    sources.push({ path: `reports/source-${s}.txt`, iri: `file:///bench/reports/source-${s}.txt`, text, sidecar });
  }
  return sources;
}

function main(): void {
  const { values } = parseArgs({ options: { annotations: { type: 'string', default: '100000' }, sources: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' } } });
  const total = Number(values.annotations);
  const sourceCount = Number(values.sources);
  const runs = Number(values.runs);
  const sources = makeSources(sourceCount, Math.ceil(total / sourceCount));
  const count = sources.reduce((n, s) => n + s.sidecar.annotations.length, 0);
  console.log(`export benchmark: ${count.toLocaleString('en')} annotations in ${sourceCount} sources of ~100 KB; Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}; median of ${runs} runs after a warm-up`);

  const formats: [string, () => number][] = [
    ['w3c (collection)', () => exportW3cCollection(resolveSources(sources), DEFAULT_TAXONOMY).text.length],
    ['w3c (--jsonl)', () => exportW3cJsonl(resolveSources(sources), DEFAULT_TAXONOMY).text.length],
    ['brat', () => {
      let bytes = bratAnnotationConf(DEFAULT_TAXONOMY).length + bratVisualConf(DEFAULT_TAXONOMY).length;
      for (const resolved of resolveSources(sources)) bytes += exportBratSource(resolved).ann.length + resolved.source.text.length;
      return bytes;
    }],
    ['csv', () => exportCsv(resolveSources(sources), DEFAULT_TAXONOMY, { bom: true }).text.length],
  ];
  console.log(`${'format'.padEnd(18)} ${'median'.padStart(9)} ${'output'.padStart(10)} ${'per 1k'.padStart(8)}  goal ${GOAL_MS / 1000} s`);
  let worst = 0;
  for (const [name, run] of formats) {
    run();
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      size = run();
      times.push(performance.now() - started);
    }
    const ms = median(times);
    worst = Math.max(worst, ms);
    console.log(`${name.padEnd(18)} ${`${ms.toFixed(0)} ms`.padStart(9)} ${`${(size / 1e6).toFixed(1)} MB`.padStart(10)} ${`${((ms / count) * 1000).toFixed(2)} ms`.padStart(8)}  ${(ms / GOAL_MS * 100).toFixed(0)}% of the goal`);
  }
  const anchorOnly = median(Array.from({ length: runs }, () => { const t = performance.now(); resolveSources(sources); return performance.now() - t; }));
  console.log(`(of which anchoring and line numbers, resolveSources: ${anchorOnly.toFixed(0)} ms)`);

  // What the CLI adds before formatting: reading the sidecars (rendered with the yaml package, as
  // the editor writes them) with check's fast reader, as `export` does.
  const texts = sources.map((s) => {
    const header = newSidecarDocument(s.sidecar.source, s.sidecar.sourceHash).text.replace('annotations: []\n', '');
    return `${header}annotations:\n${new YAML.Document(s.sidecar.annotations).toString({ lineWidth: 0 }).replace(/^/gm, '  ').trimEnd()}\n`;
  });
  const started = performance.now();
  const parsed = texts.filter((t) => cleanFastRead(t) !== undefined).length;
  const readMs = performance.now() - started;
  console.log(`read: the fast reader read ${parsed} sidecars (${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} MB of YAML) took ${readMs.toFixed(0)} ms`);
  console.log(`slowest format: ${worst.toFixed(0)} ms = ${(GOAL_MS / worst).toFixed(1)}x under the ${GOAL_MS / 1000} s goal${worst > GOAL_MS ? ' -- OVER THE GOAL' : ''}`);
}

main();
