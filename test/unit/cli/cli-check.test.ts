import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import { addAnnotation, addDismissal, newSidecarDocument, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { PROBLEM_CODES } from '../../../src/core/problems/problem-codes';
import { runCli } from '../../../src/cli/run';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const TEXT = 'The prisoners were tortured.\nOthers were executed.\n';

/** A sidecar as the editor writes it, with annotations over `text` at the given ranges. */
function sidecarFor(source: string, text: string, ranges: [string, number, number][], hashText = text): string {
  let doc = newSidecarDocument(source, sourceHash(hashText));
  ranges.forEach(([category, start, end], i) => {
    doc = addAnnotation(doc, { id: `a${i + 1}`, category, target: createTarget(text, start, end) });
  });
  return sidecarFileText(doc);
}

describe('legal-annotator check', () => {
  let folder: string;
  let cwd: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-check-'));
    cwd = process.cwd();
    process.chdir(folder);
    await fs.mkdir('.git');
  });
  afterEach(async () => {
    process.chdir(cwd);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('exits 0 on a clean workspace, and with only info problems', async () => {
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['torture', 19, 27]]));
    assert.deepEqual(await cli('check'), { code: 0, out: '', err: '1 file(s) checked: 0 error(s), 0 warning(s), 0 info\n' });
    // Text appended after the annotations: the hash is stale but every annotation anchors.
    await fs.writeFile('r.txt', `${TEXT}More.\n`);
    const stale = await cli('check');
    assert.equal(stale.code, 0);
    assert.match(stale.out, /^r\.txt\.ann\.yaml:6:13: info stale-source-hash: r\.txt changed since/);
  });

  it('prints path:line:column: severity code: message for sidecars, the config and its taxonomy file, and exits 1', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nsources: ["docs/**/*.txt"]\ntaxonomy: taxonomy.yaml\n');
    await fs.writeFile('taxonomy.yaml', 'mode: extend\ncategories:\n  - id: Pillage\n');
    await fs.mkdir('reports');
    await fs.writeFile('reports/r.txt', `Inserted line.\n${TEXT}`);
    await fs.writeFile('reports/r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['torture', 19, 27], ['no-such', 41, 49]]));
    await fs.writeFile('reports/broken.txt.ann.yaml', 'version: 1\nsource: broken.txt\n  bad: [\n');
    const { code, out, err } = await cli('check', '--format', 'text');
    assert.equal(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.deepEqual(lines.map((line) => line.split(': ').slice(0, 2).join(': ')), [
      'reports/broken.txt.ann.yaml:2:9: error yaml-syntax',
      'reports/broken.txt.ann.yaml:2:9: error yaml-syntax',
      'reports/broken.txt.ann.yaml:4:1: error yaml-syntax',
      'reports/r.txt.ann.yaml:5:9: info source-not-listed',
      'reports/r.txt.ann.yaml:6:13: info stale-source-hash',
      'reports/r.txt.ann.yaml:10:5: warning annotation-moved',
      'reports/r.txt.ann.yaml:17:15: error unknown-category',
      'reports/r.txt.ann.yaml:18:5: warning annotation-moved',
      'taxonomy.yaml:3:9: error schema-pattern',
    ]);
    assert.match(lines[6], /unknown-category: category "no-such" is not in the workspace taxonomy; known categories: wilful-killing, torture, /);
    assert.match(lines[5], /"tortured" found at 34-42 \(line 2, column 20\), not at its stored 19-27; run check --fix-anchors to update$/);
    assert.match(lines[3], /r\.txt is matched by none of the "sources" globs/);
    assert.match(err, /4 file\(s\) checked: 5 error\(s\), 2 warning\(s\), 2 info/);
  });

  it('checks explicit paths: a source (its sidecar), a sidecar, a config; exit 2 for a missing path or bad usage', async () => {
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['tortur', 19, 27]]));
    await fs.writeFile('lonely.txt', TEXT);
    await fs.writeFile('.legal-annotator.yaml', 'version: 2\n');
    const bySource = await cli('check', 'r.txt', 'lonely.txt');
    assert.equal(bySource.code, 1);
    assert.match(bySource.out, /^\.legal-annotator\.yaml:1:10: error schema-const: .*\nr\.txt\.ann\.yaml:9:15: error unknown-category: .*did you mean "torture"\?\n$/);
    assert.match(bySource.err, /^lonely\.txt: has no sidecar; nothing to check$/m);
    assert.equal((await cli('check', '.legal-annotator.yaml')).out, (await cli('check', '.legal-annotator.yaml')).out);
    const missing = await cli('check', 'nope.ann.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /legal-annotator check: nope\.ann\.yaml: no such file or folder/);
    assert.equal((await cli('check', '--format', 'xml')).code, 2);
    assert.equal((await cli('check', '--nope')).code, 2);
    assert.equal((await cli('check', '--help')).code, 0);
  });

  it('skips node_modules and .git when walking folders', async () => {
    await fs.mkdir('node_modules/x', { recursive: true });
    await fs.writeFile('node_modules/x/r.txt.ann.yaml', 'garbage: [');
    await fs.writeFile('.git/r.txt.ann.yaml', 'garbage: [');
    assert.equal((await cli('check')).code, 0);
  });

  it('prints JSON: one entry per file checked, with its problems', async () => {
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['nope', 19, 27]]));
    const { code, out } = await cli('check', '--format', 'json');
    assert.equal(code, 1);
    const parsed = JSON.parse(out) as { file: string; problems: { code: string; severity: string; line: number; column: number; message: string }[] }[];
    assert.equal(parsed.length, 1);
    assert.equal(parsed[0].file, 'r.txt.ann.yaml');
    assert.deepEqual(parsed[0].problems.map((p) => [p.code, p.severity, p.line, p.column]), [['unknown-category', 'error', 9, 15]]);
  });

  it('prints SARIF 2.1.0 with a rule for every code and results that point at them', async () => {
    await fs.mkdir('sub dir');
    await fs.writeFile('sub dir/r.txt', `🙂${TEXT}`);
    await fs.writeFile('sub dir/r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['nope', 19, 27]]));
    const { code, out } = await cli('check', '--format', 'sarif');
    assert.equal(code, 1);
    const log = JSON.parse(out) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'legal-annotator');
    assert.match(run.tool.driver.version ?? '', /^\d+\.\d+\.\d+/);
    assert.equal(run.columnKind, 'unicodeCodePoints');
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id).sort(), [...PROBLEM_CODES.keys()].sort());
    for (const rule of rules) {
      assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.defaultConfiguration?.level, rule.id);
    }
    const results = run.results ?? [];
    assert.deepEqual(results.map((r) => r.ruleId).sort(), ['annotation-moved', 'stale-source-hash', 'unknown-category']);
    for (const result of results) {
      assert.ok(rules.some((rule) => rule.id === result.ruleId));
      assert.equal(rules[result.ruleIndex!].id, result.ruleId);
      const location = result.locations![0].physicalLocation!;
      assert.deepEqual(location.artifactLocation, { uri: 'sub%20dir/r.txt.ann.yaml', uriBaseId: '%SRCROOT%' });
      assert.ok(location.region!.startLine! >= 1 && location.region!.startColumn! >= 1);
    }
    const unknown = results.find((r) => r.ruleId === 'unknown-category')!;
    assert.equal(unknown.level, 'error');
    assert.deepEqual([unknown.locations![0].physicalLocation!.region!.startLine, unknown.locations![0].physicalLocation!.region!.startColumn], [9, 15]);
    assert.match(run.originalUriBaseIds!['%SRCROOT%'].uri!, /^file:\/\/.*\/$/);
  });

  it('gives the same answer in worker threads as in one thread', async function () {
    this.timeout(60000);
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nsources: ["*.txt"]\n');
    for (let i = 0; i < 210; i++) {
      await fs.writeFile(`r${i}.txt`, TEXT);
      await fs.writeFile(`r${i}.txt.ann.yaml`, sidecarFor(`r${i}.txt`, TEXT, [[i % 7 === 0 ? 'nope' : 'torture', 19, 27]]));
    }
    const single = await cli('check', '--format', 'json');
    let out = '';
    let err = '';
    const context = { workerScript: join(cwd, 'src/cli/main.ts'), workerExecArgv: ['--require', require.resolve('tsx/cjs')], checkThreads: 2 };
    const code = await runCli(['check', '--format', 'json'], { out: (t) => (out += t), err: (t) => (err += t) }, context);
    assert.equal(code, single.code);
    assert.equal(code, 1);
    assert.equal(out, single.out);
    assert.equal(err, single.err);
    assert.equal((JSON.parse(out) as unknown[]).length, 211);
  });

  describe('--fix-anchors', () => {
    it('rewrites only the moved anchors and the hash, byte for byte elsewhere (CRLF, BOM, emoji, comments)', async () => {
      const text = 'The prisoners were tortured.\r\nOthers were executed.\r\n';
      let doc = newSidecarDocument('r.txt', sourceHash(text));
      doc = addAnnotation(doc, { id: 'a1', category: 'torture', target: createTarget(text, 19, 27), note: 'keep  "this"   🙂' });
      doc = addAnnotation(doc, { id: 'a2', category: 'wilful-killing', target: createTarget(text, 42, 50) });
      doc = addDismissal(doc, { id: 'd1', target: createTarget(text, 30, 36) });
      const original = `\uFEFF# a comment that must survive\r\n${sidecarFileText(doc).replace(/\n/g, '\r\n')}`;
      await fs.writeFile('r.txt.ann.yaml', original);
      // Two emoji (2 code points, 4 UTF-16 units) inserted on the first line: everything moves by 2.
      const edited = `🙂🙂${text}`;
      await fs.writeFile('r.txt', edited);

      const before = await cli('check');
      assert.equal(before.code, 1);
      assert.equal((before.out.match(/moved/g) ?? []).length, 3);

      const fixed = await cli('check', '--fix-anchors');
      assert.equal(fixed.code, 0, fixed.out);
      assert.equal(fixed.out, [
        'r.txt.ann.yaml: fixed annotation a1: 19-27 -> 21-29',
        'r.txt.ann.yaml: fixed annotation a2: 42-50 -> 44-52',
        'r.txt.ann.yaml: fixed dismissed claim d1: 30-36 -> 32-38',
        `r.txt.ann.yaml: fixed sourceHash: ${sourceHash(edited)}`,
        '',
      ].join('\n'));
      const after = await fs.readFile('r.txt.ann.yaml', 'utf8');
      assert.ok(after.startsWith('\uFEFF# a comment that must survive\r\n'));
      assert.ok(!/[^\r]\n/.test(after), 'line endings stay CRLF');
      assert.ok(after.includes('note: keep  "this"   🙂') || after.includes("note: 'keep  \"this\"   🙂'"), after);
      // Only offsets, context and the hash changed: the rest is identical line for line.
      const changed = (a: string, b: string) => {
        const x = a.split('\r\n');
        const y = b.split('\r\n');
        return x.flatMap((line, i) => (line === y[i] ? [] : [line.trim().split(':')[0]]));
      };
      assert.equal(after.split('\r\n').length, original.split('\r\n').length);
      assert.deepEqual([...new Set(changed(original, after))].sort(), ['end', 'prefix', 'sourceHash', 'start']);
      assert.deepEqual(await cli('check'), { code: 0, out: '', err: '1 file(s) checked: 0 error(s), 0 warning(s), 0 info\n' });
    });

    it('leaves fuzzy and orphaned annotations alone, and then keeps the old hash', async () => {
      await fs.writeFile('r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['torture', 19, 27], ['wilful-killing', 41, 49]]));
      const edited = `New.\n${TEXT.replace('executed', 'shot')}`;
      await fs.writeFile('r.txt', edited);
      const { code, out } = await cli('check', '--fix-anchors');
      assert.equal(code, 1);
      assert.match(out, /^r\.txt\.ann\.yaml: fixed annotation a1: 19-27 -> 24-32\n/);
      assert.doesNotMatch(out, /fixed sourceHash/);
      assert.match(out, /error orphaned-annotation: quote "executed" not found in r\.txt/);
      assert.doesNotMatch(out, /annotation-moved/);
    });

    it('never writes a file with errors', async () => {
      await fs.writeFile('r.txt', `New.\n${TEXT}`);
      const broken = sidecarFor('r.txt', TEXT, [['torture', 19, 27]]).replace('version: 1', 'version: 1\nversion: 1');
      await fs.writeFile('r.txt.ann.yaml', broken);
      const duplicate = sidecarFor('d.txt', TEXT, [['torture', 19, 27], ['torture', 19, 27]]).replace('id: a2', 'id: a1');
      await fs.writeFile('d.txt', `New.\n${TEXT}`);
      await fs.writeFile('d.txt.ann.yaml', duplicate);
      const { code, out } = await cli('check', '--fix-anchors');
      assert.equal(code, 1);
      assert.doesNotMatch(out, /fixed/);
      assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), broken);
      assert.equal(await fs.readFile('d.txt.ann.yaml', 'utf8'), duplicate);
      assert.match(out, /d\.txt\.ann\.yaml:\d+:\d+: error duplicate-id/);
    });

    it('prints the changes on stderr when the output is JSON', async () => {
      await fs.writeFile('r.txt', `New.\n${TEXT}`);
      await fs.writeFile('r.txt.ann.yaml', sidecarFor('r.txt', TEXT, [['torture', 19, 27]]));
      const { code, out, err } = await cli('check', '--fix-anchors', '--format', 'json');
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out), [{ file: 'r.txt.ann.yaml', problems: [] }]);
      assert.match(err, /fixed annotation a1: 19-27 -> 24-32/);
    });
  });
});
