// `scan` prints each file as soon as it is scanned (text and JSON alike): the pieces must still
// make the document JSON.stringify(results, null, 2) would, and one line per entity and claim.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ScanFileResult } from '../../../src/cli/commands/scan';
import { runCli } from '../../../src/cli/run';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('legal-annotator scan output', function () {
  let dir: string;
  let first: string;
  let second: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'la-scan-'));
    first = join(dir, 'first.txt');
    second = join(dir, 'second.txt');
    writeFileSync(first, 'On 3 March 2022 Ukrainian prisoners were tortured by Russian guards.\n');
    // More entities than one printed chunk of text lines, on several lines.
    writeFileSync(second, 'Ukraine and Poland met on 12 August 1949.\n'.repeat(4000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints several files as one JSON document, formatted as JSON.stringify(…, null, 2)', async function () {
    const { code, out } = await cli(['scan', first, second, '--format', 'json']);
    assert.equal(code, 0);
    const results = JSON.parse(out) as ScanFileResult[];
    assert.deepEqual(results.map((r) => r.file), [first, second]);
    assert.ok(results[0].claims.length === 1 && results[1].entities.length === 12000);
    assert.equal(out, `${JSON.stringify(results, null, 2)}\n`);
  });

  it('prints an empty list when every file is skipped, and names the file', async function () {
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, new Uint8Array([0, 159, 146, 150, 0]));
    const { code, out, err } = await cli(['scan', binary, '--format', 'json']);
    assert.equal(code, 1);
    assert.equal(out, '[]\n');
    assert.match(err, /binary\.txt: skipped/);
  });

  it('stops before printing anything when a later path is missing', async function () {
    const { code, out, err } = await cli(['scan', first, join(dir, 'missing.txt')]);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /missing\.txt/);
  });

  it('prints one text line per entity and claim, with the line and column', async function () {
    const { code, out } = await cli(['scan', first, second, '--format', 'text']);
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    const json = JSON.parse((await cli(['scan', first, second])).out) as ScanFileResult[];
    assert.equal(lines.length, json.reduce((n, r) => n + r.entities.length + r.claims.length, 0));
    assert.ok(lines.includes(`${first}:1:17: state Ukrainian -> UA Ukraine (demonym)`), lines.slice(0, 6).join('\n'));
    assert.ok(lines.some((line) => line.startsWith(`${first}:1:1: claim [high`) && line.includes('torture')));
    assert.ok(lines.includes(`${second}:4000:27: date 12 August 1949 -> 1949-08-12 (day)`));
  });

  it('says when a sidecar with errors marks no claim, instead of listing its tagged claims as untagged without a word', async function () {
    const source = join(dir, 'broken.txt');
    writeFileSync(source, 'Ukrainian prisoners were tortured by Russian guards.\n');
    writeFileSync(`${source}.ann.yaml`, 'version: 1\nsource: broken.txt\nsourceHash: [\n');
    const { code, out, err } = await cli(['scan', source, '--format', 'text']);
    assert.equal(code, 0);
    assert.match(out, /claim \[high\] torture \(untagged\)/);
    assert.equal(err, `${source}: the sidecar has errors (see legal-annotator check); its tags are not counted\n`);
    const clean = await cli(['scan', first, '--format', 'text']);
    assert.equal(clean.err, '');
  });
});

describe('legal-annotator scan PATH: folders, globs and standard input', function () {
  let dir: string;
  let reports: string;
  const sentence = 'On 3 March 2022 Ukrainian prisoners were tortured by Russian guards.\n';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'la-scan-paths-'));
    reports = join(dir, 'reports');
    mkdirSync(join(reports, '2022'), { recursive: true });
    mkdirSync(join(reports, 'node_modules'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    for (const name of ['a.txt', '2022/b.md', '2022/c.txt', 'notes.csv', 'node_modules/d.txt']) writeFileSync(join(reports, name), sentence);
    writeFileSync(join(reports, 'a.txt.ann.yaml'), 'version: 1\nsource: a.txt\nannotations: []\n');
    mkdirSync(join(dir, 'configured', 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'configured', '.legal-annotator.yaml'), 'version: 1\nsources:\n  - "final/**/*.txt"\n');
    mkdirSync(join(dir, 'configured', 'final'));
    writeFileSync(join(dir, 'configured', 'final', 'e.txt'), sentence);
    writeFileSync(join(dir, 'configured', 'drafts', 'f.txt'), sentence);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function files(argv: string[]): Promise<string[]> {
    const { code, out, err } = await cli(['scan', ...argv]);
    assert.equal(code, 0, err);
    return (JSON.parse(out) as ScanFileResult[]).map((result) => result.file);
  }

  it('walks a folder for *.txt and *.md without a config, skipping sidecars, other files and node_modules', async function () {
    assert.deepEqual(await files([reports]), ['2022/b.md', '2022/c.txt', 'a.txt'].map((name) => join(reports, name)));
  });

  it('reads a sidecar given by name as its source (each file once) and refuses a config', async function () {
    const sidecar = join(reports, 'a.txt.ann.yaml');
    assert.deepEqual(await files([sidecar, join(reports, 'a.txt')]), [join(reports, 'a.txt')]);
    const config = join(dir, 'configured', '.legal-annotator.yaml');
    const { code, out, err } = await cli(['scan', config]);
    assert.deepEqual({ code, out }, { code: 2, out: '' });
    assert.match(err, /\.legal-annotator\.yaml: is the workspace config, not a source; give a source file\n$/);
  });

  it('walks a folder for the files its config\'s sources globs match', async function () {
    const configured = join(dir, 'configured');
    assert.deepEqual(await files([configured]), [join(configured, 'final', 'e.txt')]);
    const { code, err } = await cli(['scan', join(configured, 'drafts')]);
    assert.equal(code, 2);
    assert.match(err, /drafts: no sources in this folder \(the sources globs of .*\.legal-annotator\.yaml: final\/\*\*\/\*\.txt\)\n$/);
  });

  it('expands a glob the shell left alone, and prints each file once in the order given', async function () {
    assert.deepEqual(await files([join(reports, '**', '*.txt')]), [join(reports, '2022', 'c.txt'), join(reports, 'a.txt')]);
    assert.deepEqual(await files([join(reports, 'a.txt'), reports]), ['a.txt', '2022/b.md', '2022/c.txt'].map((name) => join(reports, name)));
  });

  it('stops with exit 2 naming the path: a missing path, a glob matching nothing, a folder without sources', async function () {
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.txt'), /missing\.txt: no such file or folder\n$/],
      [join(dir, 'nothing', '*.txt'), /nothing\/\*\.txt: no file matches this glob\n$/],
      [join(dir, 'empty'), /empty: no sources in this folder \(no \.legal-annotator\.yaml; sources are \*\*\/\*\.txt, \*\*\/\*\.md\)\n$/],
    ];
    for (const [path, message] of cases) {
      const { code, out, err } = await cli(['scan', join(reports, 'a.txt'), path]);
      assert.deepEqual({ code, out }, { code: 2, out: '' }, path);
      assert.match(err, message);
    }
  });

  it('reads - from standard input, printed as <stdin>, with code-point offsets and claims but no sidecar', async function () {
    let out = '';
    const input = `🇺🇦 ${sentence}`;
    const code = await runCli(['scan', '-', '--format', 'json'], { out: (t) => (out += t), err: () => undefined }, { stdin: Readable.from([Buffer.from(input)]) });
    assert.equal(code, 0);
    const [result] = JSON.parse(out) as ScanFileResult[];
    assert.equal(result.file, '<stdin>');
    const date = result.entities.find((entity) => entity.kind === 'date');
    assert.deepEqual(date && [...input].slice(date.start, date.end).join(''), '3 March 2022');
    assert.equal(result.claims.length, 1);
    assert.equal(result.claims[0].tagged, false);
  });

  it('stops scanning once standard output is closed', async function () {
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, new Uint8Array([0, 159, 146, 150, 0]));
    let closed = false;
    let err = '';
    const output = { out: () => (closed = true), err: (t: string) => (err += t), get closed() { return closed; } };
    const code = await runCli(['scan', join(reports, 'a.txt'), binary], output);
    assert.equal(code, 0);
    assert.doesNotMatch(err, /binary\.txt/, 'the second file was never read (it would have been reported as skipped)');
  });
});
