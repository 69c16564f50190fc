import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import type { Problem } from '../../../src/core/problems/problem';
import { checkSidecarDocument } from '../../../src/core/validation/check-document';
import { checkSidecarFile } from '../../../src/core/validation/check-file';
import { checkSidecar, type SourceState } from '../../../src/core/validation/sidecar-checks';

const TEXT = 'The prisoners were tortured.\nOthers were executed.\n';
const HASH = sourceHash(TEXT);

/** A sidecar with one line per annotation (flow targets), so positions are easy to read. */
function sidecarText(entries: string[], options: { source?: string; hash?: string; dismissed?: string[] } = {}): string {
  return [
    'version: 1',
    `source: ${options.source ?? 'r.txt'}`,
    `sourceHash: ${options.hash ?? HASH}`,
    entries.length > 0 ? 'annotations:' : 'annotations: []',
    ...entries,
    ...(options.dismissed ? ['dismissed:', ...options.dismissed] : []),
    '',
  ].join('\n');
}

function entry(id: string, category: string, start: number, end: number, exact: string): string {
  return `  - {id: ${id}, category: ${category}, target: {start: ${start}, end: ${end}, exact: ${JSON.stringify(exact)}, prefix: "", suffix: ""}}`;
}

function dismissal(id: string, start: number, end: number, exact: string): string {
  return `  - {id: ${id}, target: {start: ${start}, end: ${end}, exact: ${JSON.stringify(exact)}, prefix: "", suffix: ""}}`;
}

function check(fileText: string, source: SourceState = { kind: 'text', text: TEXT }, sidecarName = 'r.txt.ann.yaml', sourceListed?: boolean) {
  return checkSidecar({ doc: parseSidecar(fileText), sidecarName, taxonomy: DEFAULT_TAXONOMY, source, sourceListed });
}

/** `code line:column` of each problem, to compare positions exactly. */
function positions(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.line}:${p.column}`);
}

describe('sidecar semantic checks', () => {
  it('reports nothing for a sidecar whose entries all anchor', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured')], { dismissed: [dismissal('d1', 41, 49, 'executed')] }));
    assert.deepEqual(result.problems, []);
    assert.equal(result.anchors?.annotations[0].status, 'anchored');
  });

  it('unknown-category at the category value, with suggestions', () => {
    const result = check(sidecarText([entry('a1', 'tortur', 19, 27, 'tortured')]));
    assert.deepEqual(positions(result.problems), ['unknown-category 5:24']);
    assert.match(result.problems[0].message, /category "tortur" is not in the workspace taxonomy; did you mean "torture"/);
    assert.equal(result.problems[0].severity, 'error');
  });

  it('duplicate-id is reported once (by the parser), and semantic checks still run', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a1', 'nope', 41, 49, 'executed')]));
    assert.deepEqual(positions(result.problems), ['duplicate-id 6:10', 'unknown-category 6:24']);
  });

  it('annotation-moved with the new position in the message, at the target key', () => {
    const result = check(sidecarText([entry('a1', 'torture', 0, 8, 'tortured')]));
    assert.deepEqual(positions(result.problems), ['annotation-moved 5:33']);
    assert.equal(result.problems[0].severity, 'warning');
    assert.match(result.problems[0].message, /"tortured" found at 19-27 \(line 1, column 20\), not at its stored 0-8; run check --fix-anchors to update/);
  });

  it('target-out-of-range at the offending offset, besides the anchoring result', () => {
    const result = check(sidecarText([entry('a1', 'torture', 100, 108, 'tortured')]));
    assert.deepEqual(positions(result.problems), ['annotation-moved 5:33', 'target-out-of-range 5:49']);
    assert.match(result.problems[1].message, /"start" \(100\) is beyond the end of r.txt \(51 characters\)/);
  });

  it('annotation-fuzzy with score and the text it now covers', () => {
    const source: SourceState = { kind: 'text', text: 'The prisoners were tortored badly.\n' };
    const result = check(sidecarText([entry('a1', 'torture', 19, 36, 'tortured severely')]), { kind: 'text', text: 'The prisoners were tortured severly.\n' });
    assert.deepEqual(positions(result.problems), ['annotation-fuzzy 5:33']);
    assert.equal(
      result.problems[0].message.replace(/score 0\.\d\d/, 'score S'),
      'the quote only matches approximately (score S) at 19-35 (line 1, column 20): "tortured severely" → now "tortured severly"; ' +
        'check the annotation and tag the passage again (check --fix-anchors leaves it alone)',
    );
    assert.ok(source);
  });

  it('annotation-fuzzy on a long quote shows the differing middle, not two quotes cut to the same start', () => {
    const before = 'The detainees said that the guards of the camp beat them with rifle butts every night for three weeks in a row.';
    const after = before.replace('rifle butts', 'metal rods');
    const sidecar = sidecarText([`  - {id: a1, category: torture, target: {start: 0, end: ${before.length}, exact: ${JSON.stringify(before)}, prefix: "", suffix: ""}}`], { hash: sourceHash(before) });
    const [problem] = check(sidecar, { kind: 'text', text: `Heading.\n${after}` }).problems;
    assert.equal(problem.code, 'annotation-fuzzy');
    assert.match(problem.message, /: "…beat them with rifle butts every night for…" → now "…beat them with metal rods every night for…"; /);
  });

  it('annotation-fuzzy on an exact copy in other context says the words are the same', () => {
    const text = 'The report says that the guards used electric shocks on the detainees during the interrogations.';
    const target = { start: 37, end: 52, exact: 'electric shocks', prefix: 'eport says that the guards used ', suffix: ' on the detainees during the int' };
    // Its prefix agrees, its suffix does not: not a move (context score below 0.8), yet close enough for the fuzzy search.
    const edited = 'Preface.\nThe report says that the guards used electric shocks as a threat, nothing more, according to the ministry.';
    const sidecar = sidecarText([`  - {id: a1, category: torture, target: ${JSON.stringify(target)}}`], { hash: sourceHash(text) });
    const problems = check(sidecar, { kind: 'text', text: edited }).problems;
    assert.deepEqual(problems.map((p) => p.code), ['annotation-fuzzy']);
    assert.match(problems[0].message, /^"electric shocks" is found at 46-61 \(line 2, column 38\) only in other context than the stored one \(score 0\.\d\d\); check the annotation/);
  });

  it('orphaned-annotation says when an exact copy is left in other context, and names it', () => {
    const sentence = 'Witnesses describe electric shocks to the feet of the prisoners held in block C.';
    const text = `${sentence}\nGlossary: electric shocks.\n`;
    const target = { start: 19, end: 34, exact: 'electric shocks', prefix: 'Witnesses describe ', suffix: ' to the feet of the prisoners he' };
    const entryWith = (t: object) => `  - {id: a1, category: torture, target: ${JSON.stringify(t)}}`;
    // The sentence deleted: only the glossary's copy is left, in other context.
    const edited = 'Glossary: electric shocks.\nThe camp was closed in March, and the guards were moved.\n';
    const orphan = check(sidecarText([entryWith(target)], { hash: sourceHash(text) }), { kind: 'text', text: edited }).problems;
    assert.deepEqual(orphan.map((p) => p.code), ['orphaned-annotation']);
    assert.match(orphan[0].message, /^quote "electric shocks" not found in r\.txt in its context \(an exact copy of the quote exists at 10, but its context does not match/);
  });

  it('orphaned-annotation at the quote, kept and reported', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 26, 'flogged')]));
    assert.deepEqual(positions(result.problems), ['orphaned-annotation 5:69']);
    assert.match(result.problems[0].message, /^quote "flogged" not found in r.txt \(.*\); the annotation is kept; fix the quote or remove the annotation$/);
    assert.equal(result.sidecar?.annotations.length, 1);
  });

  it('dismissal-moved, dismissal-fuzzy and orphaned-dismissal', () => {
    const text = 'The prisoners were tortured severly.\nOthers were executed.\n';
    const result = check(
      sidecarText([], {
        hash: sourceHash(text),
        dismissed: [dismissal('d1', 0, 6, 'Others'), dismissal('d2', 19, 36, 'tortured severely'), dismissal('d3', 0, 7, 'flogged')],
      }),
      { kind: 'text', text },
    );
    assert.deepEqual(positions(result.problems), ['dismissal-moved 6:14', 'dismissal-fuzzy 7:14', 'orphaned-dismissal 8:48']);
    assert.match(result.problems[2].message, /the dismissed claim is kept/);
  });

  it('stale-source-hash (info) when everything anchors but the hash differs', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured')], { hash: sourceHash('old text') }));
    assert.deepEqual(positions(result.problems), ['stale-source-hash 3:13']);
    assert.equal(result.problems[0].severity, 'info');
    assert.match(result.problems[0].message, /changed since this sidecar was saved .* every entry still anchors; run check --fix-anchors to record the new hash/);
    // Not when something is orphaned: the hash is then the least of the worries.
    const orphan = check(sidecarText([entry('a1', 'torture', 19, 26, 'flogged')], { hash: sourceHash('old text') }));
    assert.deepEqual(positions(orphan.problems), ['orphaned-annotation 5:69']);
  });

  it('missing-source, source-not-text and source-outside-folder at the source value', () => {
    const text = sidecarText([entry('a1', 'torture', 19, 27, 'tortured')]);
    assert.deepEqual(positions(check(text, { kind: 'missing', path: '/x/r.txt' }).problems), ['missing-source 2:9']);
    const notText = check(text, { kind: 'not-text', reason: 'is not valid UTF-8 (first bad byte at byte 3)' }).problems;
    assert.deepEqual(positions(notText), ['source-not-text 2:9']);
    assert.match(notText[0].message, /is not valid UTF-8 \(first bad byte at byte 3\)/);
    assert.deepEqual(positions(check(text, { kind: 'outside', to: '/etc/passwd' }).problems), ['source-outside-folder 2:9']);
    const dotdot = check(sidecarText([], { source: '../r.txt' }), { kind: 'outside', to: '/x' }, 'r.txt.ann.yaml');
    assert.deepEqual(positions(dotdot.problems), ['source-name-mismatch 2:9', 'source-outside-folder 2:9']);
    assert.match(dotdot.problems[1].message, /goes up with "\.\."/);
    const absolute = check(sidecarText([], { source: '/etc/r.txt' }), { kind: 'outside', to: '/x' }, 'x.ann.yaml');
    assert.match(absolute.problems.find((p) => p.code === 'source-outside-folder')!.message, /is an absolute path/);
  });

  it('source-name-mismatch and source-not-listed', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured')]), { kind: 'text', text: TEXT }, 'other.txt.ann.yaml', false);
    assert.deepEqual(positions(result.problems), ['source-name-mismatch 2:9', 'source-not-listed 2:9']);
    assert.match(result.problems[0].message, /rename the sidecar to r\.txt\.ann\.yaml or correct "source"/);
  });

  it('counts columns in code points on sidecars with emoji and a BOM', () => {
    const text = '🙂🙂 tortured.\r\n';
    const sidecar = `\uFEFF${sidecarText([`  - {id: a1, note: "🙂", category: nope, target: {start: 3, end: 11, exact: tortured, prefix: "", suffix: ""}}`], { hash: sourceHash(text) })}`;
    const result = check(sidecar.replace(/\n/g, '\r\n'), { kind: 'text', text });
    // 'note: "🙂", ' is 11 code points but 12 UTF-16 units (column 36 in UTF-16): the column counts code points.
    assert.deepEqual(positions(result.problems), ['unknown-category 5:35']);
  });

  it('reports moved positions in code points on a CRLF source with emoji', () => {
    const text = '🙂 line one\r\n🙂🙂 tortured.\r\n';
    const result = check(sidecarText([entry('a1', 'torture', 0, 8, 'tortured')], { hash: sourceHash(text) }), { kind: 'text', text });
    assert.match(result.problems[0].message, /found at 15-23 \(line 2, column 4\)/);
  });
});

describe('problems found while parsing a sidecar, with their positions', () => {
  it('schema-format, schema-min-length, target-range, target-length, yaml-duplicate-key', () => {
    const text = sidecarText([
      '  - {id: a1, category: torture, created: yesterday, target: {start: 19, end: 27, exact: tortured, prefix: "", suffix: ""}}',
      '  - {id: a2, category: torture, target: {start: 19, end: 27, exact: "", prefix: "", suffix: ""}}',
      '  - {id: a3, category: torture, target: {start: 27, end: 19, exact: tortured, prefix: "", suffix: ""}}',
      '  - {id: a4, category: torture, target: {start: 19, end: 28, exact: tortured, prefix: "", suffix: ""}}',
    ]);
    assert.deepEqual(positions(check(text).problems), ['schema-format 5:42', 'schema-min-length 6:69']);
    const content = check(text.split('\n').filter((line) => !/id: a[12],/.test(line)).join('\n'));
    assert.deepEqual(positions(content.problems), ['annotation-moved 5:33', 'target-range 5:58', 'annotation-moved 6:33', 'target-length 6:69']);
    assert.deepEqual(positions(check(`${sidecarText([])}source: r.txt\n`).problems), ['yaml-duplicate-key 5:1']);
  });
});

describe('checkSidecarFile (files on disk)', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-checks-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads the source next to the sidecar; reports missing, binary, and symlinks leaving the folder', async () => {
    await fs.writeFile(join(folder, 'r.txt'), TEXT);
    await fs.writeFile(join(folder, 'r.txt.ann.yaml'), sidecarText([entry('a1', 'torture', 19, 27, 'tortured')]));
    assert.deepEqual((await checkSidecarFile(join(folder, 'r.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY })).problems, []);

    await fs.writeFile(join(folder, 'gone.txt.ann.yaml'), sidecarText([], { source: 'gone.txt' }));
    assert.deepEqual(positions((await checkSidecarFile(join(folder, 'gone.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY })).problems), ['missing-source 2:9']);

    await fs.writeFile(join(folder, 'b.txt'), Buffer.from([0x41, 0xff, 0x42]));
    await fs.writeFile(join(folder, 'b.txt.ann.yaml'), sidecarText([], { source: 'b.txt' }));
    const binary = await checkSidecarFile(join(folder, 'b.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(positions(binary.problems), ['source-not-text 2:9']);
    assert.match(binary.problems[0].message, /first bad byte at byte 1/);

    if (process.platform !== 'win32') {
      const outside = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-outside-'));
      try {
        await fs.writeFile(join(outside, 'real.txt'), TEXT);
        await fs.symlink(join(outside, 'real.txt'), join(folder, 'l.txt'));
        await fs.writeFile(join(folder, 'l.txt.ann.yaml'), sidecarText([], { source: 'l.txt' }));
        const linked = await checkSidecarFile(join(folder, 'l.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
        assert.deepEqual(positions(linked.problems), ['source-outside-folder 2:9']);
      } finally {
        await fs.rm(outside, { recursive: true, force: true });
      }
    }
  });

  it('checks an unsaved sidecar text (the editor\'s) against the source on disk, as the CLI checks the file', async () => {
    await fs.writeFile(join(folder, 'r.txt'), TEXT);
    const path = join(folder, 'r.txt.ann.yaml');
    await fs.writeFile(path, sidecarText([entry('a1', 'torture', 19, 27, 'tortured')]));
    const edited = sidecarText([entry('a1', 'tortur', 19, 27, 'tortured')]);
    const inEditor = await checkSidecarDocument(path, parseSidecar(edited), { taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(positions(inEditor.problems), ['unknown-category 5:24']);
    await fs.writeFile(path, edited);
    assert.deepEqual((await checkSidecarFile(path, { taxonomy: DEFAULT_TAXONOMY })).problems, inEditor.problems);
  });

  it('gives the same answer on the fast path (block style) as on the full parse (flow style)', async () => {
    await fs.writeFile(join(folder, 'r.txt'), TEXT);
    const flow = sidecarText([entry('a1', 'torture', 19, 27, 'tortured')]);
    const block = parseSidecar(flow).sidecar!;
    const blockText = ['version: 1', 'source: r.txt', `sourceHash: ${HASH}`, 'annotations:', '  - id: a1', '    category: torture', '    target:',
      '      start: 19', '      end: 27', '      exact: tortured', '      prefix: ""', '      suffix: ""', ''].join('\n');
    for (const text of [flow, blockText]) {
      await fs.writeFile(join(folder, 'r.txt.ann.yaml'), text);
      const result = await checkSidecarFile(join(folder, 'r.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.sidecar, block);
      // A problem sends even a fast-path file through the full parse, for its position.
      await fs.writeFile(join(folder, 'r.txt.ann.yaml'), text.replace('torture\n', 'tortur\n').replace('torture,', 'tortur,'));
      const bad = await checkSidecarFile(join(folder, 'r.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
      assert.deepEqual(positions(bad.problems), [text === flow ? 'unknown-category 5:24' : 'unknown-category 6:15']);
      assert.ok(bad.doc);
    }
  });

  it('reports a sidecar that cannot be read as unreadable-file', async () => {
    await fs.mkdir(join(folder, 'dir.txt.ann.yaml'));
    const result = await checkSidecarFile(join(folder, 'dir.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(positions(result.problems), ['unreadable-file 1:1']);
    assert.match(result.problems[0].message, /the sidecar is a folder, not a file/);
  });

  it('reports a sidecar that is not UTF-8 as an encoding error', async () => {
    await fs.writeFile(join(folder, 'x.txt.ann.yaml'), Buffer.from([0xfe, 0xff, 0x00, 0x41]));
    const result = await checkSidecarFile(join(folder, 'x.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(positions(result.problems), ['encoding 1:1']);
  });
});
