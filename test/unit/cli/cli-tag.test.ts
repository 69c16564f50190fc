import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { findQuote } from '../../../src/core/annotations/tagging';
import { runCli } from '../../../src/cli/run';
import { useTemporaryWorkspace } from '../../support/cli';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const TEXT = 'The prisoners were tortured.\nOthers were tortured and executed.\n';

describe('legal-annotator tag', () => {
  let folder: string;
  let cwd: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-tag-'));
    cwd = process.cwd();
    process.chdir(folder);
    await fs.mkdir('.git');
    await fs.writeFile('r.txt', TEXT);
  });
  afterEach(async () => {
    process.chdir(cwd);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('creates the sidecar, prints the new id, and the result passes check', async () => {
    const { code, out, err } = await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27', '--note', 'Witness A', '--author', 'reviewer');
    assert.equal(code, 0, err);
    assert.match(out, /^a-[0-9a-f]{8}\n$/);
    assert.match(err, /r\.txt: tagged 19-27 "tortured" as torture in r\.txt\.ann\.yaml \(created\)/);
    const doc = parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8'));
    assert.equal(doc.sidecar?.source, 'r.txt');
    assert.equal(doc.sidecar?.sourceHash, sourceHash(TEXT));
    const [annotation] = doc.sidecar!.annotations;
    assert.equal(annotation.id, out.trim());
    assert.deepEqual(annotation.target, { start: 19, end: 27, exact: 'tortured', prefix: 'The prisoners were ', suffix: '.\nOthers were tortured and execu' });
    assert.equal(annotation.status, 'proposed');
    assert.equal(annotation.note, 'Witness A');
    assert.equal(annotation.author, 'reviewer');
    assert.ok(!Number.isNaN(Date.parse(annotation.created!)));
    assert.equal((await cli('check')).code, 0);
  });

  it('refuses an empty --author rather than writing someone else as the author (exit 2, nothing written)', async () => {
    for (const author of ['', '  ']) {
      const { code, err } = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'executed', '--author', author);
      assert.equal(code, 2);
      assert.equal(err, 'legal-annotator tag: --author was given an empty name; give a name, or leave --author out for git config user.name\n');
    }
    await assert.rejects(fs.stat('r.txt.ann.yaml'), /ENOENT/);
  });

  it('adds to an existing sidecar by a unique quote, keeping the rest of the file byte for byte', async () => {
    await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
    const before = `# my comment\n${await fs.readFile('r.txt.ann.yaml', 'utf8')}`;
    await fs.writeFile('r.txt.ann.yaml', before);
    const { code, out } = await cli('tag', 'r.txt', '--category', 'wilful-killing', '--quote', 'executed');
    assert.equal(code, 0);
    const after = await fs.readFile('r.txt.ann.yaml', 'utf8');
    const doc = parseSidecar(after);
    assert.deepEqual(doc.sidecar!.annotations.map((a) => [a.category, a.target.start, a.target.end]), [['torture', 19, 27], ['wilful-killing', 54, 62]]);
    assert.equal(doc.sidecar!.annotations[1].id, out.trim());
    // The new entry is appended: everything before it is unchanged.
    const tail = before.indexOf('dismissed:');
    assert.ok(after.startsWith(before.slice(0, tail)));
    assert.ok(after.endsWith(before.slice(tail)));
  });

  it('counts offsets in code points in a CRLF source with a BOM and emoji', async () => {
    const text = '🙂🙂 Prisoners were\r\ntortured.\r\n';
    await fs.writeFile('e.txt', `\uFEFF${text}`);
    const { code } = await cli('tag', 'e.txt', '--category', 'torture', '--quote', 'tortured');
    assert.equal(code, 0);
    const doc = parseSidecar(await fs.readFile('e.txt.ann.yaml', 'utf8'));
    const target = doc.sidecar!.annotations[0].target;
    assert.deepEqual([target.start, target.end, target.exact, target.prefix], [19, 27, 'tortured', '🙂🙂 Prisoners were\r\n']);
    assert.equal(doc.sidecar!.sourceHash, sourceHash(text));
    assert.deepEqual(findQuote('🙂a🙂a', 'a'), [{ start: 1, end: 2 }, { start: 3, end: 4 }]);
    assert.equal((await cli('check', 'e.txt')).code, 0);
  });

  it('tags the Nth occurrence of a quote with --occurrence', async () => {
    const second = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '2');
    assert.equal(second.code, 0, second.err);
    const first = await cli('tag', 'r.txt', '--category', 'ill-treatment', '--quote', 'tortured', '--occurrence', '1');
    assert.equal(first.code, 0, first.err);
    const once = await cli('tag', 'r.txt', '--category', 'wilful-killing', '--quote', 'executed', '--occurrence', '1');
    assert.equal(once.code, 0, once.err);
    const doc = parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8'));
    assert.deepEqual(doc.sidecar!.annotations.map((a) => [a.category, a.target.start, a.target.end, a.target.exact]), [
      ['torture', 41, 49, 'tortured'],
      ['ill-treatment', 19, 27, 'tortured'],
      ['wilful-killing', 54, 62, 'executed'],
    ]);
    // Overlapping occurrences count: "aa" occurs twice in "aaa", the second starting at 1.
    assert.deepEqual(findQuote('aaa', 'aa'), [{ start: 0, end: 2 }, { start: 1, end: 3 }]);
    assert.equal((await cli('check')).code, 0);
  });

  it('uses the workspace taxonomy', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\ntaxonomy:\n  mode: replace\n  categories:\n    - {id: pillage, label: Pillage}\n');
    assert.equal((await cli('tag', 'r.txt', '--category', 'pillage', '--quote', 'executed')).code, 0);
    const refused = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'executed');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /unknown category "torture" \(not in the workspace taxonomy\); known categories: pillage/);
  });

  it('given the sidecar, tags its source (as untag and status take either), never a sidecar of the sidecar', async () => {
    await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
    const { code, out, err } = await cli('tag', 'r.txt.ann.yaml', '--category', 'wilful-killing', '--quote', 'executed');
    assert.equal(code, 0, err);
    assert.match(err, /^r\.txt: tagged 54-62 "executed" as wilful-killing in r\.txt\.ann\.yaml\n$/);
    assert.deepEqual(parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations.map((a) => a.id)[1], out.trim());
    await assert.rejects(fs.access('r.txt.ann.yaml.ann.yaml'));
  });

  it('echoes FILE as given, absolute or relative, as scan does (tag, untag and status alike)', async () => {
    const absolute = join(process.cwd(), 'r.txt');
    const tagged = await cli('tag', absolute, '--category', 'torture', '--start', '19', '--end', '27');
    assert.equal(tagged.err, `${absolute}: tagged 19-27 "tortured" as torture in ${absolute}.ann.yaml (created)\n`);
    const id = tagged.out.trim();
    const refused = await cli('tag', absolute, '--category', 'torture', '--quote', 'flogged');
    assert.match(refused.err, new RegExp(`^legal-annotator tag: ${absolute.replace(/[.\\/]/g, '\\$&')}: the quote "flogged"`));
    assert.equal((await cli('status', absolute, '--id', id, 'confirmed')).err, `${absolute}: tag ${id} (torture, "tortured"): proposed -> confirmed in ${absolute}.ann.yaml\n`);
    assert.match((await cli('untag', './r.txt', '--id', 'a-0')).err, /^legal-annotator untag: \.\/r\.txt: no tag with id "a-0" in \.\/r\.txt\.ann\.yaml/);
    await fs.mkdir('elsewhere');
    process.chdir('elsewhere');
    assert.equal((await cli('untag', absolute, '--id', id)).err, `${absolute}: removed tag ${id} (torture, "tortured") from ${absolute}.ann.yaml\n`);
  });

  it('refuses the config and a sidecar whose source is gone (exit 2, nothing written)', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\n');
    const config = await cli('tag', '.legal-annotator.yaml', '--category', 'torture', '--quote', 'version');
    assert.equal(config.code, 2);
    assert.match(config.err, /^legal-annotator tag: \.legal-annotator\.yaml: is the workspace config, not a source; give a source file\n$/);
    await fs.writeFile('gone.txt.ann.yaml', 'version: 1\nsource: gone.txt\nannotations: []\n');
    const orphan = await cli('tag', 'gone.txt.ann.yaml', '--category', 'torture', '--quote', 'version');
    assert.equal(orphan.code, 2);
    assert.match(orphan.err, /gone\.txt\.ann\.yaml: is a sidecar and its source gone\.txt does not exist; give a source file\n$/);
    assert.deepEqual((await fs.readdir('.')).filter((name) => name.endsWith('.ann.yaml.ann.yaml') || name === '.legal-annotator.yaml.ann.yaml'), []);
  });

  describe('refusals (exit 1, the file named, nothing written)', () => {
    const refusals: [string, string[], RegExp][] = [
      ['an unknown category, with the closest ids', ['--category', 'tortur', '--start', '19', '--end', '27'], /^legal-annotator tag: r\.txt: unknown category "tortur" \(not in the workspace taxonomy\); did you mean "torture"\?$/],
      ['a quote not in the file', ['--category', 'torture', '--quote', 'flogged'], /^legal-annotator tag: r\.txt: the quote "flogged" is not in r\.txt/],
      ['an ambiguous quote, with the count and offsets', ['--category', 'torture', '--quote', 'tortured'], /^legal-annotator tag: r\.txt: the quote "tortured" occurs 2 times in r\.txt \(at 19-27, 41-49\); give --occurrence N \(1 to 2\) or --start and --end to choose one/],
      ['an occurrence past the last, with the count', ['--category', 'torture', '--quote', 'tortured', '--occurrence', '3'], /^legal-annotator tag: r\.txt: the quote "tortured" occurs 2 times in r\.txt, so there is no occurrence 3; give --occurrence from 1 to 2$/],
      ['an occurrence of a quote not in the file', ['--category', 'torture', '--quote', 'flogged', '--occurrence', '1'], /the quote "flogged" is not in r\.txt/],
      ['offsets out of range', ['--category', 'torture', '--start', '60', '--end', '90'], /60-90 is outside r\.txt, which has 64 characters/],
      ['an empty range', ['--category', 'torture', '--start', '19', '--end', '19'], /19-19 is empty: --end must be greater than --start/],
      ['an empty quote', ['--category', 'torture', '--quote', ''], /the quote is empty/],
    ];
    for (const [what, args, message] of refusals) {
      it(what, async () => {
        const { code, out, err } = await cli('tag', 'r.txt', ...args);
        assert.equal(code, 1);
        assert.equal(out, '');
        assert.match(err.trim(), message);
        await assert.rejects(fs.access('r.txt.ann.yaml'));
      });
    }

    it('a sidecar it cannot parse (left untouched)', async () => {
      const broken = 'version: 1\nsource: r.txt\n  bad: [\n';
      await fs.writeFile('r.txt.ann.yaml', broken);
      const { code, err } = await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
      assert.equal(code, 1);
      assert.match(err, /r\.txt: the sidecar r\.txt\.ann\.yaml has errors \(r\.txt\.ann\.yaml:2:9: .*\); fix them first/);
      assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), broken);
    });

    it('a sidecar with a duplicate key, named in the file:line:column: message form untag uses', async () => {
      await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
      const duplicated = (await fs.readFile('r.txt.ann.yaml', 'utf8')).replace(/^( +)category: torture\n/m, '$1category: torture\n$1category: ill-treatment\n');
      await fs.writeFile('r.txt.ann.yaml', duplicated);
      const line = duplicated.split('\n').findIndex((text) => text.includes('category: ill-treatment')) + 1;
      const column = duplicated.split('\n')[line - 1].indexOf('category') + 1;
      const expected = `the sidecar r.txt.ann.yaml has errors (r.txt.ann.yaml:${line}:${column}: duplicate key "category" (first at line ${line - 1}): `;
      const tagged = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'executed');
      assert.equal(tagged.code, 1);
      assert.ok(tagged.err.startsWith(`legal-annotator tag: r.txt: ${expected}`), tagged.err);
      const id = parseSidecar(duplicated).document.toJS().annotations[0].id as string;
      const untagged = await cli('untag', 'r.txt', '--id', id);
      assert.equal(untagged.code, 1);
      assert.ok(untagged.err.startsWith(`legal-annotator untag: r.txt: ${expected}`), untagged.err);
      assert.match((await cli('check')).out, new RegExp(`^r\\.txt\\.ann\\.yaml:${line}:${column}: error yaml-duplicate-key: duplicate key "category" \\(first at line ${line - 1}\\)`, 'm'));
      assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), duplicated);
    });

    it('a sidecar whose ids repeat or whose range runs backwards, in the layout tag writes (the scan declines, the whole read names the place)', async () => {
      await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
      await cli('tag', 'r.txt', '--category', 'wilful-killing', '--quote', 'executed');
      const written = await fs.readFile('r.txt.ann.yaml', 'utf8');
      const ids = [...written.matchAll(/- id: (\S+)/g)].map((match) => match[1]);
      assert.equal(ids.length, 2);
      const broken: [string, string, RegExp][] = [
        ['a repeated id', written.replace(`id: ${ids[1]}`, `id: ${ids[0]}`), new RegExp(`error duplicate-id: id "${ids[0]}" is used more than once`)],
        ['a range that runs backwards', written.replace('end: 27', 'end: 18'), /error target-range: "end" \(18\) is before "start" \(19\)/],
      ];
      for (const [what, text, problem] of broken) {
        await fs.writeFile('r.txt.ann.yaml', text);
        const tagged = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'prisoners');
        assert.equal(tagged.code, 1, what);
        assert.match(tagged.err, /the sidecar r\.txt\.ann\.yaml has errors \(r\.txt\.ann\.yaml:\d+:\d+: /, what);
        assert.match((await cli('check')).out, problem, what);
        assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), text, what);
      }
    });

    it('a source that is not UTF-8 text', async () => {
      await fs.writeFile('b.txt', Buffer.from([0x41, 0xc3, 0x28]));
      const { code, err } = await cli('tag', 'b.txt', '--category', 'torture', '--start', '0', '--end', '1');
      assert.equal(code, 1);
      assert.match(err, /b\.txt: is not valid UTF-8 \(first bad byte at byte 1\); only UTF-8 text can be tagged/);
    });
  });

  it('exits 2 on bad usage and a missing file', async () => {
    for (const args of [
      ['r.txt', '--start', '1', '--end', '2'],
      ['r.txt', '--category', 'torture'],
      ['r.txt', '--category', 'torture', '--quote', 'x', '--start', '1', '--end', '2'],
      ['r.txt', '--category', 'torture', '--start', '-1', '--end', '2'],
      ['r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '0'],
      ['r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', 'x'],
      ['r.txt', '--category', 'torture', '--start', '19', '--end', '27', '--occurrence', '1'],
      ['--category', 'torture', '--quote', 'x'],
      ['missing.txt', '--category', 'torture', '--quote', 'x'],
    ]) {
      const { code, err } = await cli('tag', ...args);
      assert.equal(code, 2, `${args.join(' ')}: ${err}`);
    }
    assert.match((await cli('tag', 'missing.txt', '--category', 'torture', '--quote', 'x')).err, /missing\.txt: no such file/);
    assert.match((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '0')).err, /--occurrence must be a whole number of at least 1, not '0'/);
  });
});

describe('legal-annotator tag: no identical tag twice', () => {
  useTemporaryWorkspace('legal-annotator-tag-twice-');
  beforeEach(() => fs.writeFile('r.txt', TEXT));

  it('refuses the same category on the same passage, naming the existing id, and writes nothing', async () => {
    const first = await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27');
    assert.equal(first.code, 0, first.err);
    const before = await fs.readFile('r.txt.ann.yaml', 'utf8');
    // The same passage given by its quote this time.
    const again = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '1');
    assert.equal(again.code, 1);
    assert.equal(again.out, '');
    assert.equal(again.err, `legal-annotator tag: r.txt: the passage 19-27 is already tagged as torture: annotation ${first.out.trim()} in r.txt.ann.yaml; nothing was written (a second identical tag would count the passage twice)\n`);
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), before);
  });

  it('still tags the same passage with another category, and another passage with the same category', async () => {
    assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '27')).code, 0);
    const otherCategory = await cli('tag', 'r.txt', '--category', 'ill-treatment', '--start', '19', '--end', '27');
    assert.equal(otherCategory.code, 0, otherCategory.err);
    const otherPassage = await cli('tag', 'r.txt', '--category', 'torture', '--start', '19', '--end', '26');
    assert.equal(otherPassage.code, 0, otherPassage.err);
    assert.equal(parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations.length, 3);
  });
});
