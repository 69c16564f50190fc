// A W3C import (JSON Lines or one JSON document) whose TextPositionSelector is no passage of the
// text: each is reported with its file and line (or item) and exit 1, never imported by its quote
// alone nor skipped without a word. Run as real processes, as a user runs the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
const TEXT = 'Prisoners of war were tortured at Olenivka in 2022.\n';

function importW3c(cwd: string, file: string): { code: number | null; err: string } {
  const run = spawnSync(process.execPath, ['-r', TSX, MAIN, 'import', '--format', 'w3c', file], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, err: run.stderr };
}

describe('legal-annotator import --format w3c: malformed offsets', function () {
  let dir: string;
  let annotation: (id: string, position: Record<string, unknown>, quote?: string) => Record<string, unknown>;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'la-import-offsets-')));
    writeFileSync(join(dir, 'report.txt'), TEXT);
    const source = pathToFileURL(join(dir, 'report.txt')).href;
    annotation = (id, position, quote) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:x:${id}`,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: 'torture' }],
      target: { source, selector: [{ type: 'TextPositionSelector', ...position }, ...(quote ? [{ type: 'TextQuoteSelector', exact: quote }] : [])] },
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each bad line of JSON Lines by number, imports the good one, and exits 1', function () {
    const lines = [
      annotation('good', { start: 22, end: 30 }, 'tortured'),
      annotation('negative', { start: -3, end: 8 }, 'Prisoners'),
      annotation('fraction', { start: 0.5, end: 8 }),
      annotation('reversed', { start: 29, end: 21 }, 'tortured'),
      annotation('empty', { start: 21, end: 21 }),
      annotation('text', { start: '21', end: '29' }, 'tortured'),
      annotation('beyond', { start: 40, end: 400 }, 'tortured'),
    ];
    writeFileSync(join(dir, 'tags.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const { code, err } = importW3c(dir, 'tags.jsonl');
    assert.equal(code, 1, err);
    for (const [line, what] of [[2, /start -3, end 8 is no passage/], [3, /start 0\.5, end 8 is no passage/], [4, /start 29, end 21 is no passage/], [5, /start 21, end 21 is no passage/], [6, /start "21", end "29" is no passage/]] as const) {
      assert.match(err, new RegExp(`tags\\.jsonl:${line} \\(urn:x:\\w+\\): error: its TextPositionSelector ${what.source}`), `line ${line}:\n${err}`);
    }
    assert.match(err, /tags\.jsonl:7 \(urn:x:beyond\): error: its offsets 40-400 are beyond the end of report\.txt \(52 characters\); not imported/);
    const sidecar = parseSidecar(readFileSync(join(dir, 'report.txt.ann.yaml'), 'utf8')).sidecar;
    assert.deepEqual(sidecar?.annotations.map((a) => [a.target.start, a.target.end, a.target.exact]), [[22, 30, 'tortured']]);
  });

  it('reports a bad item of one JSON document by its number, and writes nothing when none is good', function () {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [annotation('reversed', { start: 8, end: 2 }, 'tortured'), annotation('beyond', { end: 100, start: 60 })] };
    writeFileSync(join(dir, 'page.jsonld'), JSON.stringify(page, null, 2));
    const { code, err } = importW3c(dir, 'page.jsonld');
    assert.equal(code, 1, err);
    assert.match(err, /page\.jsonld item 1 \(urn:x:reversed\): error: its TextPositionSelector start 8, end 2 is no passage/);
    assert.match(err, /page\.jsonld item 2 \(urn:x:beyond\): error: its offsets 60-100 are beyond the end of report\.txt/);
    assert.equal(existsSync(join(dir, 'report.txt.ann.yaml')), false, 'no sidecar is created for nothing');
  });
});
