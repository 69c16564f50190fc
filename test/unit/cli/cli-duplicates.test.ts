// `check` on a sidecar holding the same tag twice, as a real process: its exit code and the
// warning naming file:line and both ids, in text, JSON and SARIF.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';

const MAIN = join(__dirname, '../../../src/cli/main.ts');

function cli(cwd: string, ...argv: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), MAIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('legal-annotator check: duplicate annotations (process)', function () {
  this.timeout(60_000);
  let dir: string;
  let firstId: string;
  let copyLine: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'legal-annotator-duplicates-'));
    writeFileSync(join(dir, 'r.txt'), 'The prisoners were tortured.\nOthers were executed.\n');
    const tagged = cli(dir, 'tag', 'r.txt', '--category', 'torture', '--quote', 'tortured');
    assert.equal(tagged.code, 0, tagged.err);
    firstId = tagged.out.trim();
    // A second copy of the entry under another id, as a hand edit or a merge of two branches leaves it.
    const path = join(dir, 'r.txt.ann.yaml');
    const text = readFileSync(path, 'utf8');
    const entry = text.slice(text.indexOf('  - id: '), text.indexOf('dismissed:'));
    const before = text.slice(0, text.indexOf('dismissed:'));
    writeFileSync(path, before + entry.replace(firstId, 'a-copy') + text.slice(before.length));
    copyLine = before.split('\n').length;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('text: exits 1 with file:line:column, both ids, and the count of warnings', () => {
    const run = cli(dir, 'check');
    assert.equal(run.code, 1);
    assert.equal(run.out, `r.txt.ann.yaml:${copyLine}:9: warning duplicate-annotation: annotation a-copy duplicates annotation ${firstId}: same category "torture" and passage 19-27 "tortured", so the passage is counted twice; remove a-copy\n`);
    assert.equal(run.err, '1 file(s) checked: 0 error(s), 1 warning(s), 0 info\n');
  });

  it('json and sarif carry the same problem, with the rule in SARIF', () => {
    const json = cli(dir, 'check', '--format', 'json');
    assert.equal(json.code, 1);
    const [file] = JSON.parse(json.out) as { file: string; problems: { code: string; line: number; message: string }[] }[];
    assert.deepEqual([file.file, file.problems.map((p) => [p.code, p.line])], ['r.txt.ann.yaml', [['duplicate-annotation', copyLine]]]);
    assert.match(file.problems[0].message, new RegExp(`^annotation a-copy duplicates annotation ${firstId}:`));

    const sarif = cli(dir, 'check', '--format', 'sarif');
    assert.equal(sarif.code, 1);
    const [run] = (JSON.parse(sarif.out) as Sarif.Log).runs;
    assert.deepEqual(run.results?.map((r) => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.region?.startLine]), [['duplicate-annotation', 'warning', copyLine]]);
    assert.ok(run.tool.driver.rules?.some((rule) => rule.id === 'duplicate-annotation' && rule.defaultConfiguration?.level === 'warning'));
  });
});
