import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import { addAnnotation, addDismissal, newSidecarDocument, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import type { ScanFileResult } from '../../../src/cli/commands/scan';
import { runCli } from '../../../src/cli/run';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

// Three claims: one tagged, one dismissed, one untagged; and a negated one (low confidence).
const TEXT = 'Witnesses said he was tortured.\nThe convoy left.\nAnother man was shot dead.\nA third was abducted by gunmen.\nThere is no evidence of rape.\n';
const range = (needle: string): [number, number] => [TEXT.indexOf(needle), TEXT.indexOf(needle) + needle.length];

function sidecar(): string {
  let doc = newSidecarDocument('r.txt', sourceHash(TEXT));
  doc = addAnnotation(doc, { id: 'a1', category: 'torture', target: createTarget(TEXT, ...range('tortured')) });
  doc = addDismissal(doc, { id: 'd1', target: createTarget(TEXT, ...range('Another man was shot dead.')) });
  return sidecarFileText(doc);
}

describe('claims in the CLI', () => {
  let folder: string;
  let cwd: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-claims-'));
    cwd = process.cwd();
    process.chdir(folder);
    await fs.mkdir('.git');
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('r.txt.ann.yaml', sidecar());
  });
  afterEach(async () => {
    process.chdir(cwd);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('scan --format json fills claims: ids in categories, tagged, dismissed and details', async () => {
    const { code, out } = await cli('scan', 'r.txt');
    assert.equal(code, 0);
    const [result] = JSON.parse(out) as ScanFileResult[];
    assert.deepEqual(result.claims.map((c) => [c.text, c.categories, c.tagged, c.dismissed, c.confidence]), [
      ['Witnesses said he was tortured.', ['torture'], true, false, 'high'],
      ['Another man was shot dead.', ['wilful-killing'], false, true, 'high'],
      ['A third was abducted by gunmen.', ['hostage-taking'], false, false, 'high'],
      ['There is no evidence of rape.', ['sexual-violence'], false, false, 'low'],
    ]);
    const [first] = result.claims;
    assert.deepEqual([first.start, first.end], [0, 31]);
    assert.deepEqual(first.suggestions, [{ id: 'torture', cues: ['tortured'], score: 1 }]);
    assert.deepEqual(first.tags, ['a1']);
    assert.equal(result.claims[3].reason, 'negated: "no evidence"');
  });

  it('scan --format text prints claims after entities', async () => {
    const { out } = await cli('scan', 'r.txt', '--format', 'text');
    assert.match(out, /^r\.txt:4:1: claim \[high\] hostage-taking \(untagged\): A third was abducted by gunmen\.$/m);
    assert.match(out, /^r\.txt:1:1: claim \[high\] torture \(tagged\): /m);
    assert.match(out, /^r\.txt:5:1: claim \[low, negated: "no evidence"\] sexual-violence \(untagged\): /m);
  });

  it('check --claims reports untagged claims in the source, and exits 0', async () => {
    const { code, out, err } = await cli('check', '--claims');
    assert.equal(code, 0, err);
    assert.equal(out,
      'r.txt:4:1: warning untagged-claim: untagged claim: "abducted" suggests Abduction and hostage-taking (hostage-taking); tag it or dismiss it as not a claim\n' +
      'r.txt:5:1: info untagged-claim: untagged claim: "rape" suggests Rape and other sexual violence (sexual-violence) (low confidence: negated: "no evidence"); tag it or dismiss it as not a claim\n');
    // Every claim counted once: 1 + 1 + 1 + 1 = 4.
    assert.match(err, /^claims in 1 source\(s\): 4, 1 tagged, 1 dismissed, 1 untagged, 1 low-confidence\n/m);
    // A source without a sidecar: one claim and one low-confidence (negated) one.
    await fs.writeFile('b.txt', 'Witnesses said he was tortured.\nThere is no evidence of rape.\n');
    assert.match((await cli('check', '--claims', 'b.txt')).err, /^claims in 1 source\(s\): 2, 0 tagged, 0 dismissed, 1 untagged, 1 low-confidence\n/m);
    // Without --claims, nothing about claims.
    assert.equal((await cli('check')).out, '');
  });

  it('fails past --max-untagged, or with --claims-as-errors', async () => {
    assert.equal((await cli('check', '--claims', '--max-untagged', '1')).code, 0);
    const over = await cli('check', '--max-untagged', '0');
    assert.equal(over.code, 1);
    assert.match(over.err, /, 1 untagged, 1 low-confidence \(at most 0 untagged allowed\)\n/);
    const errors = await cli('check', '--claims-as-errors');
    assert.equal(errors.code, 1);
    assert.match(errors.out, /^r\.txt:4:1: error untagged-claim: /m);
    assert.match(errors.out, /^r\.txt:5:1: info untagged-claim: /m);
    assert.equal((await cli('check', '--max-untagged', 'x')).code, 2);
  });

  it('reports claims in json and sarif with ranges', async () => {
    const json = JSON.parse((await cli('check', '--claims', '--format', 'json')).out) as { file: string; problems: { code: string; line: number; endLine: number; endColumn: number }[] }[];
    const source = json.find((report) => report.file === 'r.txt');
    assert.deepEqual(source?.problems.map((p) => [p.code, p.line, p.endLine, p.endColumn]), [['untagged-claim', 4, 4, 32], ['untagged-claim', 5, 5, 30]]);
    const sarif = JSON.parse((await cli('check', '--claims', '--format', 'sarif')).out) as Sarif.Log;
    const results = sarif.runs[0].results ?? [];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri]), [
      ['untagged-claim', 'warning', 'r.txt'], ['untagged-claim', 'note', 'r.txt'],
    ]);
    assert.ok(sarif.runs[0].tool.driver.rules?.some((rule) => rule.id === 'untagged-claim'));
  });

  it('checks sources without a sidecar matched by the config, with its severity', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nsources: ["reports/**/*.txt"]\nclaims: {severity: info}\n');
    await fs.mkdir('reports');
    await fs.writeFile('reports/new.txt', 'Police said the journalist was arrested.\n');
    await fs.writeFile('notes.txt', 'He was executed.\n'); // not matched by the globs
    const { code, out } = await cli('check', '--claims', '.');
    assert.equal(code, 0);
    assert.match(out, /^reports\/new\.txt:1:1: info untagged-claim: untagged claim: "arrested" suggests/m);
    assert.doesNotMatch(out, /notes\.txt/);
    // A source given by name is checked even without a sidecar.
    assert.match((await cli('check', '--claims', 'notes.txt')).out, /^notes\.txt:1:1: info untagged-claim: /m);
  });

  it('without a config, walks a folder for every .txt and .md as scan does, never a sidecar', async () => {
    await fs.mkdir('plain');
    await fs.writeFile('plain/a.txt', 'On 2 June 2023 a detainee was beaten in custody in Russia.\n');
    await fs.writeFile('plain/b.md', 'Another man was shot dead.\n');
    await fs.writeFile('plain/data.csv', 'He was executed.\n');
    const { code, out, err } = await cli('check', '--claims', 'plain');
    assert.equal(code, 0, err);
    assert.match(out, /^plain\/a\.txt:1:1: warning untagged-claim: untagged claim: "beaten in custody"/m);
    assert.match(out, /^plain\/b\.md:1:1: warning untagged-claim: /m);
    assert.doesNotMatch(out, /data\.csv/);
    assert.match(err, /^claims in 2 source\(s\): /m);
    assert.doesNotMatch(err, /nothing to check/);
    // The same sources as scan finds in that folder.
    const scanned = (JSON.parse((await cli('scan', 'plain')).out) as ScanFileResult[]).map((result) => result.file);
    assert.deepEqual(scanned, ['plain/a.txt', 'plain/b.md']);
    // From the root: the tagged r.txt once (by its sidecar and by the walk), and its sidecar never as a source.
    const root = await cli('check', '--claims', '--format', 'json', '.');
    const reports = JSON.parse(root.out) as { file: string; problems: { code: string }[] }[];
    const withClaims = reports.filter((report) => report.problems.some((p) => p.code === 'untagged-claim')).map((report) => report.file);
    assert.deepEqual(withClaims, ['plain/a.txt', 'plain/b.md', 'r.txt']);
    assert.match(root.err, /^claims in 3 source\(s\): /m);
  });

  it('says on stderr that a folder held nothing to check, and exits 0', async () => {
    await fs.mkdir('empty');
    await fs.writeFile('empty/data.csv', 'He was executed.\n');
    const withClaims = await cli('check', '--claims', 'empty');
    assert.equal(withClaims.code, 0);
    assert.equal(withClaims.out, '');
    assert.match(withClaims.err, /^no sidecars, configs or sources found under empty; nothing to check there$/m);
    const plain = await cli('check', 'empty');
    assert.equal(plain.code, 0);
    assert.match(plain.err, /^no sidecars or configs found under empty; nothing to check there$/m);
    // A folder with something to check says nothing of the kind.
    assert.doesNotMatch((await cli('check', '--claims', '.')).err, /nothing to check/);
  });

  it('disables claims when the config says so', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nclaims: {enabled: false}\n');
    assert.equal((await cli('check', '--claims')).out, '');
    assert.deepEqual((JSON.parse((await cli('scan', 'r.txt')).out) as ScanFileResult[])[0].claims, []);
  });
});
