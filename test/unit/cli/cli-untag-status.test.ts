import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured.\nOthers were executed.\nGuards beat them.\n';
const target = (start: number, end: number) => JSON.stringify(createTarget(TEXT, start, end));

/**
 * A sidecar as a person might keep it: comments everywhere, keys in their own order (category
 * before id, target last), a flow-style target, and a dismissed claim.
 */
const SIDECAR = `# Reviewed by the team; keep this header.
version: 1
source: r.txt # the report
sourceHash: ${sourceHash(TEXT)}
annotations:
  # first finding
  - category: torture
    id: a-11111111
    status: proposed # to be confirmed by a second reviewer
    note: Witness A
    target: ${target(19, 27)}
  - category: wilful-killing # killing
    id: a-22222222
    target: ${target(41, 49)}
  # third finding
  - category: ill-treatment
    id: a-33333333
    status: confirmed
    target: ${target(51, 62)}
dismissed:
  - id: d-44444444
    target: ${target(0, 13)}
# end of file
`;

/** The lines of `text` from the line holding `from` up to (not including) the line holding `to`. */
function block(text: string, from: string, to: string): string {
  const start = text.lastIndexOf('\n', text.indexOf(from)) + 1;
  return text.slice(start, text.lastIndexOf('\n', text.indexOf(to)) + 1);
}

describe('legal-annotator untag and status', () => {
  const workspace = useTemporaryWorkspace('legal-annotator-untag-');
  beforeEach(async () => {
    await fs.writeFile('r.txt', TEXT);
    await fs.writeFile('r.txt.ann.yaml', SIDECAR);
    assert.equal((await cli('check')).code, 0, 'the fixture passes check');
  });

  it('untag removes only that entry: comments, key order and the other entries stay byte for byte, and check passes', async () => {
    const { code, out, err } = await cli('untag', 'r.txt', '--id', 'a-22222222');
    assert.equal(code, 0, err);
    assert.equal(out, '');
    assert.equal(err, 'r.txt: removed tag a-22222222 (wilful-killing, "executed") from r.txt.ann.yaml\n');
    const after = await fs.readFile('r.txt.ann.yaml', 'utf8');
    assert.equal(after, SIDECAR.replace(block(SIDECAR, 'category: wilful-killing', '# third finding'), ''));
    assert.deepEqual(parseSidecar(after).sidecar!.annotations.map((a) => a.id), ['a-11111111', 'a-33333333']);
    assert.equal((await cli('check')).code, 0);
  });

  it('status sets the status and the modified time of that entry alone, keeping its comments and key order', async () => {
    const { code, err } = await cli('status', 'r.txt', '--id', 'a-11111111', 'confirmed');
    assert.equal(code, 0, err);
    assert.equal(err, 'r.txt: tag a-11111111 (torture, "tortured"): proposed -> confirmed in r.txt.ann.yaml\n');
    const after = await fs.readFile('r.txt.ann.yaml', 'utf8');
    const entry = block(after, 'category: torture', 'category: wilful-killing');
    assert.match(entry, /^ {2}- category: torture\n {4}id: a-11111111\n {4}status: confirmed # to be confirmed by a second reviewer\n {4}note: Witness A\n {4}target: \{.*\}\n {4}modified: "\d{4}-\d\d-\d\dT[\d:.]+Z"\n$/);
    // Everything outside the entry is unchanged.
    const entryBefore = block(SIDECAR, 'category: torture', 'category: wilful-killing');
    assert.equal(after.replace(entry, ''), SIDECAR.replace(entryBefore, ''));
    const annotation = parseSidecar(after).sidecar!.annotations[0];
    assert.equal(annotation.status, 'confirmed');
    assert.ok(Math.abs(Date.parse(annotation.modified!) - Date.now()) < 60_000);
    assert.equal((await cli('check')).code, 0);
  });

  it('status writes modified quoted, as created is, so that a YAML 1.1 reader reads a string, not a date', async () => {
    // An entry whose modified was once written plain, and a status the user quoted.
    const plain = SIDECAR.replace('    status: confirmed\n', "    status: 'confirmed'\n    modified: 2026-01-02T03:04:05.000Z\n");
    await fs.writeFile('r.txt.ann.yaml', plain);
    assert.equal((await cli('status', 'r.txt', '--id', 'a-11111111', '--id', 'a-33333333', 'disputed')).code, 0);
    const after = await fs.readFile('r.txt.ann.yaml', 'utf8');
    assert.equal(after.match(/^ {4}modified: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/gm)?.length, 2, after);
    assert.doesNotMatch(after, /modified: \d/);
    assert.match(after, /^ {4}status: 'disputed'$/m);
    const yaml11 = YAML.parse(after, { version: '1.1' }) as { annotations: { modified?: unknown }[] };
    assert.deepEqual(yaml11.annotations.map((a) => typeof a.modified), ['string', 'undefined', 'string']);
  });

  it('works on several ids at once, and on the sidecar named directly', async () => {
    assert.equal((await cli('status', 'r.txt.ann.yaml', 'disputed', '--id', 'a-11111111', '--id', 'a-22222222')).code, 0);
    let sidecar = parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!;
    assert.deepEqual(sidecar.annotations.map((a) => a.status), ['disputed', 'disputed', 'confirmed']);
    assert.equal((await cli('untag', 'r.txt.ann.yaml', '--id', 'a-11111111', '--id', 'a-33333333', '--id', 'a-11111111')).code, 0);
    sidecar = parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!;
    assert.deepEqual(sidecar.annotations.map((a) => a.id), ['a-22222222']);
    assert.equal(sidecar.dismissed.length, 1);
    // The last tag goes: the list becomes empty, the file stays valid.
    assert.equal((await cli('untag', 'r.txt', '--id', 'a-22222222')).code, 0);
    assert.deepEqual(parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations, []);
    assert.equal((await cli('check')).code, 0);
  });

  it('leaves a tag that already has the status alone (a missing status is proposed), writing nothing', async () => {
    for (const [id, status] of [['a-33333333', 'confirmed'], ['a-22222222', 'proposed']]) {
      const { code, err } = await cli('status', 'r.txt', '--id', id, status);
      assert.equal(code, 0, err);
      assert.match(err, new RegExp(`tag ${id} \\(.*\\) is already ${status}\\n$`));
    }
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), SIDECAR);
  });

  it('still changes the tags of a deleted source through its sidecar', async () => {
    await fs.rm('r.txt');
    assert.equal((await cli('untag', 'r.txt', '--id', 'a-22222222')).code, 0);
    assert.deepEqual(parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations.map((a) => a.id), ['a-11111111', 'a-33333333']);
  });

  it('tags a quote with tag, then confirms and removes it by the id tag printed', async () => {
    const tagged = await cli('tag', 'r.txt', '--category', 'ill-treatment', '--quote', 'beat');
    assert.equal(tagged.code, 0, tagged.err);
    const id = tagged.out.trim();
    assert.equal((await cli('status', 'r.txt', '--id', id, 'confirmed')).code, 0);
    assert.equal(parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations.at(-1)!.status, 'confirmed');
    assert.equal((await cli('untag', 'r.txt', '--id', id)).code, 0);
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), SIDECAR);
  });

  describe('refusals (exit 1, the file named, nothing written)', () => {
    const refusals: [string, string[], RegExp][] = [
      ['an unknown id, with the closest', ['untag', 'r.txt', '--id', 'a-22222223'], /^legal-annotator untag: r\.txt: no tag with id "a-22222223" in r\.txt\.ann\.yaml, nothing was written; did you mean 'a-22222222'\?\n$/],
      ['an unknown id, with the ids when none is close', ['status', 'r.txt', '--id', 'x', 'confirmed'], /^legal-annotator status: r\.txt: no tag with id "x" in r\.txt\.ann\.yaml, nothing was written; its tags: a-11111111, a-22222222, a-33333333\n$/],
      ['one unknown id among known ones', ['untag', 'r.txt', '--id', 'a-11111111', '--id', 'nope'], /no tag with id "nope" in r\.txt\.ann\.yaml/],
      ['the id of a dismissed claim', ['untag', 'r.txt', '--id', 'd-44444444'], /"d-44444444" in r\.txt\.ann\.yaml is a dismissed claim, not a tag, nothing was written/],
    ];
    for (const [what, argv, message] of refusals) {
      it(what, async () => {
        const { code, out, err } = await cli(...argv);
        assert.equal(code, 1, err);
        assert.equal(out, '');
        assert.match(err, message);
        assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), SIDECAR);
      });
    }

    it('a source without a sidecar', async () => {
      await fs.writeFile('new.txt', 'Nothing tagged yet.\n');
      for (const argv of [['untag', 'new.txt', '--id', 'a-1'], ['status', 'new.txt', '--id', 'a-1', 'confirmed']]) {
        const { code, err } = await cli(...argv);
        assert.equal(code, 1);
        assert.match(err, /: new\.txt: has no sidecar \(new\.txt\.ann\.yaml does not exist\), so it has no tags\n$/);
      }
      await assert.rejects(fs.access('new.txt.ann.yaml'));
    });

    it('a sidecar with errors (left untouched)', async () => {
      const broken = SIDECAR.replace('id: a-33333333', 'id: a-11111111');
      await fs.writeFile('r.txt.ann.yaml', broken);
      const { code, err } = await cli('untag', 'r.txt', '--id', 'a-22222222');
      assert.equal(code, 1);
      assert.match(err, /the sidecar r\.txt\.ann\.yaml has errors \(r\.txt\.ann\.yaml:\d+:\d+: id "a-11111111" is used more than once\); fix them first/);
      assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), broken);
    });

    it('a sidecar that is a symbolic link (tag, untag and status alike; the link and its file untouched)', async () => {
      await fs.mkdir('elsewhere');
      await fs.rename('r.txt.ann.yaml', 'elsewhere/kept.yaml');
      await fs.symlink(join(workspace.path, 'elsewhere/kept.yaml'), 'r.txt.ann.yaml');
      for (const argv of [['untag', 'r.txt', '--id', 'a-22222222'], ['status', 'r.txt', '--id', 'a-22222222', 'confirmed'], ['tag', 'r.txt', '--category', 'torture', '--quote', 'beat']]) {
        const { code, err } = await cli(...argv);
        assert.equal(code, 1, argv[0]);
        assert.match(err, /its sidecar r\.txt\.ann\.yaml is a symbolic link \(to .*elsewhere\/kept\.yaml\); only a regular file is written, never through a link/, argv[0]);
      }
      assert.ok((await fs.lstat('r.txt.ann.yaml')).isSymbolicLink());
      assert.equal(await fs.readFile('elsewhere/kept.yaml', 'utf8'), SIDECAR);
    });
  });

  it('exits 2 on bad usage, an unknown status and a missing FILE', async () => {
    const cases: [string[], RegExp][] = [
      [['untag', 'r.txt'], /^legal-annotator untag: --id is required/],
      [['untag', '--id', 'a-1'], /give exactly one FILE \(got 0/],
      [['untag', 'r.txt', 'x.txt', '--id', 'a-1'], /give exactly one FILE \(got 2/],
      [['untag', 'missing.txt', '--id', 'a-1'], /^legal-annotator untag: missing\.txt: no such file\n$/],
      [['untag', '.', '--id', 'a-1'], /is a folder; give a source file/],
      [['untag', 'r.txt', '--ids', 'a-1'], /unknown option '--ids'; did you mean '--id'\?/],
      [['status', 'r.txt', '--id', 'a-11111111', 'confirmd'], /^legal-annotator status: unknown status 'confirmd' \(expected proposed, confirmed, disputed\); did you mean 'confirmed'\?\n$/],
      [['status', 'r.txt', '--id', 'a-11111111'], /give FILE and the status, proposed, confirmed, disputed \(got 1 argument/],
      [['status', 'r.txt', 'confirmed'], /--id is required/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await cli(...argv);
      assert.equal(code, 2, `${argv.join(' ')}: ${err}`);
      assert.equal(out, '');
      assert.match(err, message, argv.join(' '));
    }
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), SIDECAR);
  });

  it('gives the same exit codes as a real process', function () {
    this.timeout(90_000);
    const main = join(__dirname, '../../../src/cli/main.ts');
    const run = (...argv: string[]) => spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), main, ...argv], { cwd: workspace.path, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const unknown = run('untag', 'r.txt', '--id', 'nope');
    assert.deepEqual([unknown.status, unknown.stdout], [1, '']);
    assert.match(unknown.stderr, /no tag with id "nope" in r\.txt\.ann\.yaml/);
    const removed = run('untag', 'r.txt', '--id', 'a-33333333');
    assert.equal(removed.status, 0, removed.stderr);
    assert.deepEqual(parseSidecar(readFileSync(join(workspace.path, 'r.txt.ann.yaml'), 'utf8')).sidecar!.annotations.map((a) => a.id), ['a-11111111', 'a-22222222']);
  });
});
