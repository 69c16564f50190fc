// `scan` prints each file as soon as it is scanned (text and JSON alike): the pieces must still
// make the document JSON.stringify(results, null, 2) would, and one line per entity and claim.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanFileResult } from '../../src/cli/commands/scan';
import { runCli } from '../../src/cli/run';

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
});
