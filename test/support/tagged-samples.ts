/**
 * A temporary copy of the sample workspace (`samples/`) with passages tagged through the core
 * tagging function, as the editor's code action and `legal-annotator tag` tag them. Used by the
 * export tests and by the W3C conformance run (scripts/test-w3c.ts), which needs exported
 * annotations of real samples and must never write into the repository.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AnnotationStatus } from '../../src/core/sidecar/model';
import { sidecarPathFor } from '../../src/core/sidecar/model';
import { readSidecarFile, writeSidecarFile } from '../../src/core/sidecar/sidecar-file';
import { updateAnnotation } from '../../src/core/sidecar/sidecar-io';
import { tagPassage } from '../../src/core/annotations/tagging';
import { loadConfigFor } from '../../src/core/workspace/load-config';
import { nodeConfigFs } from '../../src/core/workspace/node-config-fs';
import { decodeSourceText } from '../../src/core/text/decode';

export const SAMPLES_DIR = resolve(__dirname, '../../samples');
export const REPORT = 'reports/2025-10-osce-moscow-mechanism-pow-report.legal.txt';
export const STATEMENT = 'reports/2025-11-witness-statement.legal.md';

export interface SampleTag {
  file: string;
  quote: string;
  category: string;
  note?: string;
  status?: AnnotationStatus;
}

export const SAMPLE_TAGS: readonly SampleTag[] = [
  { file: REPORT, quote: 'have been tortured', category: 'torture', note: 'GC III 17, 130' },
  { file: REPORT, quote: 'executed after capture', category: 'wilful-killing', note: 'Summary; see the full report, §4' },
  { file: REPORT, quote: 'subjected to mock executions', category: 'torture', status: 'confirmed' },
  { file: REPORT, quote: 'was refused access to most places where POWs', category: 'denial-of-icrc-access', note: 'GC III 126' },
  { file: REPORT, quote: 'made to work on construction sites and in a sewing workshop without pay', category: 'forced-labour' },
  { file: REPORT, quote: 'children were deported', category: 'deportation', status: 'disputed', note: 'Finding of the 2023 mission, not of this one' },
  { file: REPORT, quote: 'Acts committed against civilian detainees as part of a widespread or systematic\n    attack', category: 'other', note: 'Crimes against humanity, "widespread or systematic"' },
  { file: STATEMENT, quote: 'detained by Russian soldiers at a checkpoint', category: 'arbitrary-detention' },
  { file: STATEMENT, quote: 'Мене затримали 3 березня 2022 року', category: 'arbitrary-detention', note: 'Затримання без пояснень' },
  { file: STATEMENT, quote: 'beaten with rubber batons', category: 'ill-treatment' },
  { file: STATEMENT, quote: 'not allowed to contact his family', category: 'incommunicado-detention' },
  { file: STATEMENT, quote: 'Guards refused medical care', category: 'denial-of-medical-care', status: 'confirmed' },
];

export const TAGGED_AT = new Date('2025-11-20T09:30:00.000Z');

/** Copies `samples/` into a new temporary folder and tags SAMPLE_TAGS there; returns the copy's root. */
export async function taggedSampleCopy(tags: readonly SampleTag[] = SAMPLE_TAGS): Promise<string> {
  const root = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-samples-'));
  // Without the case-matrix worked example: its own workspace, with tags of its own.
  await fs.cp(SAMPLES_DIR, root, { recursive: true, filter: (path) => !path.startsWith(join(SAMPLES_DIR, 'case-matrix')) });
  // A repository root, so the config walk stops in the copy.
  await fs.mkdir(join(root, '.git'));
  await tagSamples(root, tags);
  return root;
}

/** Tags `tags` in a copy of the sample workspace at `root` (adding to sidecars already there). */
export async function tagSamples(root: string, tags: readonly SampleTag[] = SAMPLE_TAGS): Promise<void> {
  const { config } = await loadConfigFor(root, nodeConfigFs);
  for (const tag of tags) {
    const path = join(root, tag.file);
    const decoded = decodeSourceText(await fs.readFile(path));
    if (!decoded.ok) throw new Error(`${tag.file}: ${decoded.reason}`);
    const sidecarPath = sidecarPathFor(path);
    const result = tagPassage({
      text: decoded.text,
      sourceName: tag.file.split('/').pop()!,
      sidecar: await readSidecarFile(sidecarPath),
      taxonomy: config.taxonomy,
      category: tag.category,
      range: { quote: tag.quote },
      note: tag.note,
      author: 'Sample annotator',
      now: TAGGED_AT,
    });
    if (!result.ok) throw new Error(`${tag.file}: ${result.reason}`);
    const doc = tag.status ? updateAnnotation(result.doc, result.annotation.id, { status: tag.status }) : result.doc;
    await writeSidecarFile(sidecarPath, doc);
  }
}
