/** export and report never write over an input, nor outside the workspace; brat names never collide. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';

async function tagged(name: string): Promise<string> {
  await fs.writeFile(name, TEXT);
  const run = await cli('tag', name, '--category', 'torture', '--quote', 'tortured');
  assert.equal(run.code, 0, run.err);
  return fs.readFile(`${name}.ann.yaml`, 'utf8');
}

describe('export and report outputs', () => {
  const workspace = useTemporaryWorkspace('la-outputs-');

  it('refuse --out naming a sidecar, a source or the config (exit 2, nothing written)', async () => {
    const sidecar = await tagged('notes.md');
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\n');
    const config = await fs.readFile('.legal-annotator.yaml', 'utf8');
    const cases: [string[], RegExp][] = [
      [['report', '.', '--format', 'md', '--out', 'notes.md.ann.yaml'], /--out notes\.md\.ann\.yaml is a sidecar/],
      [['export', '.', '--format', 'csv', '--out', 'notes.md'], /--out notes\.md is a source/],
      [['export', '.', '--format', 'w3c', '--out', '.legal-annotator.yaml'], /is the workspace config/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.err, message);
    }
    assert.equal(await fs.readFile('notes.md.ann.yaml', 'utf8'), sidecar);
    assert.equal(await fs.readFile('notes.md', 'utf8'), TEXT);
    assert.equal(await fs.readFile('.legal-annotator.yaml', 'utf8'), config);
  });

  it('refuse --out naming a source that has no sidecar yet: an existing file the sources globs match', async () => {
    await tagged('r.txt');
    await fs.writeFile('untagged.txt', 'never tagged\n');
    await fs.writeFile('n.md', '# notes\n');
    const cases: string[][] = [
      ['export', '.', '--format', 'csv', '--out', 'untagged.txt'],
      ['report', '.', '--format', 'md', '--out', 'untagged.txt'],
      ['export', '.', '--format', 'w3c', '--out', 'n.md'],
    ];
    for (const argv of cases) {
      const run = await cli(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.err, new RegExp(`^legal-annotator ${argv[0]}: --out ${argv.at(-1)!.replace('.', '\\.')} is a source \\(the sources globs of the workspace match it\\)[^\\n]*\\n$`));
    }
    assert.equal(await fs.readFile('untagged.txt', 'utf8'), 'never tagged\n');
    assert.equal(await fs.readFile('n.md', 'utf8'), '# notes\n');
    assert.equal((await cli('report', '.', '--format', 'md', '--out', 'matrix.md')).code, 0, 'a new file is no source yet');
    const again = await cli('report', '.', '--format', 'md', '--out', 'matrix.md');
    assert.equal(again.code, 0, `a Markdown report of ours is made again: ${again.err}`);
    // Only report --format md makes its own report again, and only as it wrote it.
    assert.equal((await cli('export', '.', '--format', 'w3c', '--out', 'matrix.md')).code, 2, 'another command');
    assert.equal((await cli('report', '.', '--format', 'html', '--out', 'matrix.md')).code, 2, 'another format');
    await fs.appendFile('matrix.md', 'My own analysis, added to the report.\n');
    assert.equal((await cli('report', '.', '--format', 'md', '--out', 'matrix.md')).code, 2, 'a report changed since');
    assert.match(await fs.readFile('matrix.md', 'utf8'), /My own analysis/);
    // A Markdown source that looks like a report, its summary line included, is still a source.
    await fs.writeFile('lookalike.md', '# Evidence matrix\n\n1 tag in 1 category across 1 source (generated 2020-01-01 00:00 UTC by Legal Annotator).\nsecret analysis\n');
    assert.equal((await cli('report', '.', '--format', 'md', '--out', 'lookalike.md')).code, 2);

    // The config says what a source is: outside its globs a file is an output like any other.
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nsources: ["corpus/**/*.txt"]\n');
    await fs.mkdir('corpus');
    await fs.writeFile('corpus/c.txt', 'never tagged\n');
    assert.equal((await cli('export', 'r.txt', '--format', 'csv', '--out', 'corpus/c.txt')).code, 2);
    assert.equal(await fs.readFile('corpus/c.txt', 'utf8'), 'never tagged\n');
    assert.equal((await cli('export', 'r.txt', '--format', 'csv', '--out', 'untagged.txt')).code, 0);
    // Through a folder linked to the corpus, the same file.
    await fs.symlink('corpus', 'alias');
    const linked = await cli('export', 'r.txt', '--format', 'csv', '--out', 'alias/c.txt');
    assert.equal(linked.code, 2, linked.err);
    assert.match(linked.err, /--out alias\/c\.txt is a source \(the sources globs of the workspace match it\)/);
    assert.equal((await cli('report', 'r.txt', '--format', 'md', '--out', 'alias/c.txt')).code, 2);
    assert.equal(await fs.readFile('corpus/c.txt', 'utf8'), 'never tagged\n');
  });

  it('refuses --out outside the workspace, or through a linked folder that leads out', async () => {
    await tagged('a.txt');
    const outside = await fs.mkdtemp(join(tmpdir(), 'la-outside-'));
    try {
      await fs.symlink(outside, 'linked');
      for (const out of [join(outside, 'x.csv'), 'linked/x.csv', '../x.csv']) {
        const run = await cli('export', '.', '--format', 'csv', '--out', out);
        assert.equal(run.code, 2, out);
        assert.match(run.err, /is outside the workspace .*; write inside it, or to standard output; nothing was written/);
      }
      const brat = await cli('export', '.', '--format', 'brat', '--out', 'linked/brat');
      assert.equal(brat.code, 2);
      assert.match(brat.err, /is outside the workspace [^;]*; write inside it; nothing was written/, 'a brat folder cannot go to standard output');
      assert.deepEqual(await fs.readdir(outside), []);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
    assert.equal((await cli('export', '.', '--format', 'csv', '--out', 'out/x.csv')).code, 0);
    assert.equal((await cli('export', '.', '--format', 'csv', '--out', 'out/x.csv')).code, 0, 'an earlier export is replaced');
    void workspace;
  });

  it('brat: never replaces a file it did not make, and gives colliding sources distinct names', async () => {
    await tagged('notes.md');
    await fs.writeFile('notes.md.txt', 'my own notes\n');
    const refused = await cli('export', '.', '--format', 'brat', '--out', '.');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /notes\.md\.txt already exists and is not what an earlier export wrote there/);
    assert.equal(await fs.readFile('notes.md.txt', 'utf8'), 'my own notes\n');
    await fs.rm('notes.md.txt');

    await fs.mkdir('src');
    await fs.writeFile('src/x', TEXT);
    assert.equal((await cli('tag', 'src/x', '--category', 'torture', '--quote', 'tortured')).code, 0);
    await fs.writeFile('src/x.txt', TEXT);
    assert.equal((await cli('tag', 'src/x.txt', '--category', 'torture', '--quote', 'basement')).code, 0);
    const run = await cli('export', 'src', '--format', 'brat', '--out', 'brat');
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /src\/x\.txt: exported as src\/x~2\.txt and src\/x~2\.ann/);
    const anns = (await fs.readdir('brat/src')).filter((f) => f.endsWith('.ann')).sort();
    assert.deepEqual(anns, ['x.ann', 'x~2.ann']);
    assert.notEqual(await fs.readFile('brat/src/x.ann', 'utf8'), await fs.readFile('brat/src/x~2.ann', 'utf8'));
    const again = await cli('export', 'src', '--format', 'brat', '--out', 'brat');
    assert.equal(again.code, 0, `an earlier export's files are replaced: ${again.err}`);
  });

  it('brat: never replaces an annotation.conf, visual.conf or .ann it did not make', async () => {
    await tagged('r.txt');
    const cases: [string, string, RegExp][] = [
      ['annotation.conf', '[entities]\nmy-own-type\n', /brat\/annotation\.conf already exists and was not written by an export/],
      ['visual.conf', '[labels]\nmy-own-type | Mine\n', /brat\/visual\.conf already exists and was not written by an export/],
      ['r.ann', 'T1\tmy-own-type 0 3\tThe\n', /brat\/r\.ann already exists and is not what an earlier export wrote there/],
    ];
    for (const [name, text, message] of cases) {
      await fs.rm('brat', { recursive: true, force: true });
      await fs.mkdir('brat');
      await fs.writeFile(`brat/${name}`, text);
      const run = await cli('export', '.', '--format', 'brat', '--out', 'brat');
      assert.equal(run.code, 2, name);
      assert.match(run.err, message);
      assert.match(run.err, /nothing was written \(choose an empty folder\)\n$/);
      assert.deepEqual(await fs.readdir('brat'), [name], 'nothing else written');
      assert.equal(await fs.readFile(`brat/${name}`, 'utf8'), text);
    }
    await fs.rm('brat', { recursive: true });
    assert.equal((await cli('export', '.', '--format', 'brat', '--out', 'brat')).code, 0);
    await fs.writeFile('r.txt', `${TEXT}More text.\n`);
    const again = await cli('export', '.', '--format', 'brat', '--out', 'brat');
    assert.equal(again.code, 0, `an earlier export's pair and confs are replaced: ${again.err}`);
    assert.equal(await fs.readFile('brat/r.txt', 'utf8'), `${TEXT}More text.\n`);
  });

  it('export and report skip a copied sidecar (its source is another file), naming both, exit 1', async () => {
    const sidecar = await tagged('b.txt');
    await fs.writeFile('a.txt', TEXT);
    await fs.writeFile('a.txt.ann.yaml', sidecar);
    const csv = await cli('export', '.', '--format', 'csv');
    assert.equal(csv.code, 1, csv.err);
    assert.match(csv.err, /^a\.txt\.ann\.yaml: skipped: its "source" is b\.txt but its name says a\.txt \(source-name-mismatch/m);
    assert.match(csv.err, /exported 1 annotation\(s\) of 1 source\(s\)/);
    assert.equal(csv.out.trimEnd().split('\r\n').length, 2, csv.out);
    const report = await cli('report', '.', '--format', 'md');
    assert.equal(report.code, 1, report.err);
    assert.match(report.err, /a\.txt\.ann\.yaml: skipped: its "source" is b\.txt/);
    assert.equal(report.out.split('tortured').length - 1, (await cli('report', 'b.txt', '--format', 'md')).out.split('tortured').length - 1, 'the quote once');
  });

  it('export and report exit 1 on a sidecar that check fails, naming its errors', async () => {
    const sidecar = await tagged('r.txt');
    await fs.writeFile('r.txt.ann.yaml', sidecar.replace('category: torture', 'category: tortur'));
    for (const argv of [['export', '.', '--format', 'csv'], ['report', '.', '--format', 'md']]) {
      const run = await cli(...argv);
      assert.equal(run.code, 1, argv.join(' '));
      assert.match(run.err, /r\.txt\.ann\.yaml: has errors \(unknown-category\); legal-annotator check shows them all/);
    }
  });
});
