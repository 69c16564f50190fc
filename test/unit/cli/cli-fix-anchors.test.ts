// `check --fix-anchors` as a real process: an exact copy of a quote in other context (the tagged
// sentence deleted, its words left in a glossary) is not a move, so the sidecar is not written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import { addAnnotation, newSidecarDocument, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';

const MAIN = join(__dirname, '../../../src/cli/main.ts');

function cli(cwd: string, ...argv: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), MAIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const SENTENCE = 'The Detaining Power shall not use electric shocks on prisoners of war.';
const ARTICLE = `Article 17. Every prisoner of war is bound to give only his name. ${SENTENCE} No torture may be inflicted on them.`;
const GLOSSARY = '\n\nGlossary: "electric shocks on prisoners" (see the reports of the Commission).\n';
const ORIGINAL = `${ARTICLE}\nArticle 18. All effects shall remain in the possession of prisoners of war.${GLOSSARY}`;

/** A sidecar tagging each quote's first occurrence in ORIGINAL. */
function sidecarFor(quotes: [string, string][]): string {
  let doc = newSidecarDocument('r.txt', sourceHash(ORIGINAL));
  quotes.forEach(([category, quote], i) => {
    const start = ORIGINAL.indexOf(quote);
    doc = addAnnotation(doc, { id: `a${i + 1}`, category, target: createTarget(ORIGINAL, start, start + quote.length) });
  });
  return sidecarFileText(doc);
}

describe('legal-annotator check --fix-anchors (process): moved means the same passage', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'legal-annotator-fix-anchors-'));
    mkdirSync(join(dir, '.git'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the sidecar byte for byte when only a copy in other context is left, and an edited quote is fuzzy', () => {
    const sidecar = sidecarFor([['torture', 'electric shocks on prisoners'], ['pillage', 'All effects shall remain in the possession']]);
    writeFileSync(join(dir, 'r.txt.ann.yaml'), sidecar);
    // A heading above (everything shifts), the tagged sentence deleted, a word of the other quote changed.
    const edited = `GENEVA CONVENTION III\n\n${ORIGINAL.replace(`${SENTENCE} `, '').replace('All effects', 'All personal effects')}`;
    writeFileSync(join(dir, 'r.txt'), edited);

    const { code, out, err } = cli(dir, 'check', '--fix-anchors');
    assert.equal(code, 1, out + err);
    assert.doesNotMatch(out, /fixed/);
    assert.doesNotMatch(out, /annotation-moved/);
    assert.match(out, /error orphaned-annotation: .*an exact copy of the quote exists at \d+, but its context does not match/);
    assert.match(out, /warning annotation-fuzzy: /);
    assert.equal(readFileSync(join(dir, 'r.txt.ann.yaml'), 'utf8'), sidecar);
  });

  it('rewrites the anchor of the same sentence moved with its context', () => {
    const sidecar = sidecarFor([['torture', 'electric shocks on prisoners']]);
    writeFileSync(join(dir, 'r.txt.ann.yaml'), sidecar);
    // Article 17 moved below Article 18: the quote's context moved with it.
    const [article17, rest] = [ARTICLE, ORIGINAL.slice(ARTICLE.length + 1)];
    const edited = rest.replace(GLOSSARY, `\n${article17}${GLOSSARY}`);
    writeFileSync(join(dir, 'r.txt'), edited);
    const from = ORIGINAL.indexOf('electric shocks on prisoners');
    const to = edited.indexOf('electric shocks on prisoners of war');

    const { code, out, err } = cli(dir, 'check', '--fix-anchors');
    assert.equal(code, 0, out + err);
    assert.match(out, new RegExp(`fixed annotation a1: ${from}-${from + 28} -> ${to}-${to + 28}`));
    assert.notEqual(readFileSync(join(dir, 'r.txt.ann.yaml'), 'utf8'), sidecar);
  });
  it('lists the problems left in a file it fixed, at their lines, and those of a file with nothing to fix', () => {
    const sidecar = sidecarFor([['torture', 'electric shocks on prisoners'], ['no-such-category', 'All effects shall remain']]);
    writeFileSync(join(dir, 'r.txt.ann.yaml'), sidecar);
    writeFileSync(join(dir, 'r.txt'), `GENEVA CONVENTION III\n\n${ORIGINAL}`);
    const fixed = cli(dir, 'check', '--fix-anchors');
    assert.equal(fixed.code, 1, fixed.out + fixed.err);
    assert.match(fixed.out, /r\.txt\.ann\.yaml: fixed annotation a1: \d+-\d+ -> \d+-\d+/);
    const line = readFileSync(join(dir, 'r.txt.ann.yaml'), 'utf8').split('\n').findIndex((text) => text.includes('no-such-category')) + 1;
    assert.match(fixed.out, new RegExp(`r\\.txt\\.ann\\.yaml:${line}:\\d+: error unknown-category: `));

    const again = cli(dir, 'check', '--fix-anchors');
    assert.equal(again.code, 1);
    assert.doesNotMatch(again.out, /fixed/);
    assert.match(again.out, new RegExp(`r\\.txt\\.ann\\.yaml:${line}:\\d+: error unknown-category: `));
  });
});
