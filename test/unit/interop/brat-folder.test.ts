/** The brat export's folder rules, shared by the CLI and the editor: names, and no file (copy, .ann, conf) written over one the export did not make. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { bratAnnotationConf, bratVisualConf } from '../../../src/core/interop/brat';
import { bratConfPaths, bratCopyNames, bratExportFiles, bratFolderRefusal, bratPairFiles, bratRefusalMessage, bratWrittenHashes, type BratPair } from '../../../src/core/interop/brat-folder';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';
const ANN = 'T1\ttorture 19 27\ttortured\n';
const CONFS = { annotationConf: bratAnnotationConf(DEFAULT_TAXONOMY), visualConf: bratVisualConf(DEFAULT_TAXONOMY) };
const CHANGED = /already exists and is not what an earlier export wrote there/;

/** The export as the CLI and the editor make it: checked, then every file written, annotation.conf first. */
async function exportInto(folder: string, pairs: readonly BratPair[]): Promise<{ path: string; reason: string } | undefined> {
  const checked = await bratFolderRefusal(folder, bratPairFiles(pairs));
  if ('refused' in checked) return checked.refused;
  await fs.mkdir(folder, { recursive: true });
  for (const { path, text } of bratExportFiles(folder, pairs, CONFS, checked.replaced)) await fs.writeFile(path, text);
  return undefined;
}

describe('brat folder (CLI and editor)', () => {
  const workspace = useTemporaryWorkspace('la-brat-folder-');
  const out = () => join(workspace.path, 'out');
  const pair = (text = TEXT, ann = ANN): BratPair => ({ stem: join(out(), 'r'), text, ann });

  it('writes into an empty folder, lists what it wrote in annotation.conf, and writes again over its own files', async () => {
    assert.equal(await exportInto(out(), [pair()]), undefined);
    const conf = await fs.readFile(bratConfPaths(out())[0], 'utf8');
    assert.ok(conf.startsWith(CONFS.annotationConf.split('\n')[0]));
    assert.ok(conf.includes('\n[entities]\n'), 'still a brat annotation.conf');
    assert.deepEqual([...(await bratWrittenHashes(out())).keys()].sort(), ['r.ann', 'r.txt']);
    // The source edited and tagged again: the copy and .ann change, and the export replaces its own.
    assert.equal(await exportInto(out(), [pair(`${TEXT}More.\n`, `${ANN}T2\ttorture 0 3\tThe\n`)]), undefined);
    assert.equal(await fs.readFile(join(out(), 'r.txt'), 'utf8'), `${TEXT}More.\n`);
  });

  it('refuses an .ann annotated in brat since the export wrote it, and keeps it', async () => {
    await exportInto(out(), [pair()]);
    await fs.appendFile(join(out(), 'r.ann'), 'T9\ttorture 0 3\tThe\n');
    const refused = await exportInto(out(), [pair(TEXT, `${ANN}T2\ttorture 0 3\tThe\n`)]);
    assert.equal(refused?.path, join(out(), 'r.ann'));
    assert.match(refused?.reason ?? '', CHANGED);
    assert.match(await fs.readFile(join(out(), 'r.ann'), 'utf8'), /T9/);
  });

  it("refuses another project's copy and .ann, with or without a marked annotation.conf, and a sub-collection's", async () => {
    await fs.mkdir(out(), { recursive: true });
    await fs.writeFile(join(out(), 'r.txt'), 'A different witness statement.\n');
    await fs.writeFile(join(out(), 'r.ann'), 'T1\tBeating 2 11\tdifferent\n');
    assert.match((await exportInto(out(), [pair()]))?.reason ?? '', CHANGED);
    // A forged or copied mark lists nothing of theirs.
    await fs.writeFile(bratConfPaths(out())[0], CONFS.annotationConf);
    assert.match((await exportInto(out(), [pair()]))?.reason ?? '', CHANGED);
    // Their folder under ours, with a conf of its own.
    await fs.rm(join(out(), 'r.txt'));
    await fs.rm(join(out(), 'r.ann'));
    await exportInto(out(), [pair()]);
    await fs.mkdir(join(out(), 'colleague'));
    await fs.writeFile(join(out(), 'colleague', 'annotation.conf'), '[entities]\nOrg\n');
    await fs.writeFile(join(out(), 'colleague', 'x.txt'), 'Their text.\n');
    await fs.writeFile(join(out(), 'colleague', 'x.ann'), 'T1\tOrg 0 5\tTheir\n');
    const refused = await exportInto(out(), [pair(), { stem: join(out(), 'colleague', 'x'), text: TEXT, ann: ANN }]);
    assert.equal(refused?.path, join(out(), 'colleague', 'x.txt'));
    assert.equal(await fs.readFile(join(out(), 'colleague', 'x.ann'), 'utf8'), 'T1\tOrg 0 5\tTheir\n');
  });

  it("refuses a folder holding another brat project's files, though none has a name the export writes", async () => {
    await fs.mkdir(join(out(), 'sub'), { recursive: true });
    await fs.writeFile(join(out(), 'x.txt'), 'Their text.\n');
    await fs.writeFile(join(out(), 'sub', 'y.ann'), 'T1\tFoo 0 5\tTheir\n');
    const refused = await exportInto(out(), [pair()]);
    assert.equal(refused?.path, join(out(), 'sub', 'y.ann'));
    assert.match(refused?.reason ?? '', /^is the annotations of a brat project this export did not write/);
    assert.deepEqual((await fs.readdir(out())).sort(), ['sub', 'x.txt'], 'nothing written, no annotation.conf added');
    // One an earlier export wrote, for a source since gone from the workspace, is the export's own.
    await fs.rm(out(), { recursive: true });
    await exportInto(out(), [pair(), { stem: join(out(), 'gone'), text: TEXT, ann: ANN }]);
    assert.equal(await exportInto(out(), [pair()]), undefined);
  });

  it('writes over a file that already holds exactly what it would write, whoever wrote it', async () => {
    await fs.mkdir(out(), { recursive: true });
    await fs.writeFile(join(out(), 'r.txt'), TEXT);
    assert.equal(await exportInto(out(), [pair()]), undefined);
  });

  it('can run again after an export cut short: each file is what it was or what it became', async () => {
    await exportInto(out(), [pair()]);
    const next = [pair(`${TEXT}More.\n`, `${ANN}T2\ttorture 0 3\tThe\n`)];
    const checked = await bratFolderRefusal(out(), bratPairFiles(next));
    assert.ok('replaced' in checked);
    const [conf, , copy] = bratExportFiles(out(), next, CONFS, checked.replaced);
    // Cut short after annotation.conf and the copy: the .ann is still the first export's.
    await fs.writeFile(conf.path, conf.text);
    await fs.writeFile(copy.path, copy.text);
    assert.equal(await exportInto(out(), next), undefined);
  });

  it("refuses a brat project's own annotation.conf or visual.conf", async () => {
    const foreign = /already exists and was not written by an export/;
    await fs.mkdir(out(), { recursive: true });
    const [annotationConf, visualConf] = bratConfPaths(out());
    await fs.writeFile(annotationConf, '[entities]\nmy-own-type\n');
    const refused = await exportInto(out(), [pair()]);
    assert.equal(refused?.path, annotationConf);
    assert.match(refused?.reason ?? '', foreign);
    await fs.rm(annotationConf);
    await fs.writeFile(visualConf, '[labels]\n');
    assert.equal((await exportInto(out(), [pair()]))?.path, visualConf);
    assert.equal(await fs.readFile(visualConf, 'utf8'), '[labels]\n');
  });

  it('refuses a link or a special file in the place of any file, without writing through it', async () => {
    await fs.mkdir(out(), { recursive: true });
    const evidence = join(workspace.path, 'evidence.md');
    await fs.writeFile(evidence, 'my evidence\n');
    await fs.symlink(evidence, join(out(), 'r.ann'));
    const linked = await exportInto(out(), [pair()]);
    assert.equal(linked?.path, join(out(), 'r.ann'));
    assert.match(linked?.reason ?? '', /is a symbolic link/);
    assert.equal(await fs.readFile(evidence, 'utf8'), 'my evidence\n');
    await fs.rm(join(out(), 'r.ann'));
    execFileSync('mkfifo', [join(out(), 'r.txt')]);
    assert.match((await exportInto(out(), [pair()]))?.reason ?? '', /named pipe \(FIFO\)/);
    assert.equal(bratRefusalMessage('out/r.txt', 'x'), 'out/r.txt x; nothing was written (choose an empty folder)');
  });

  it('names colliding sources apart and says so', () => {
    assert.deepEqual(bratCopyNames(['src/x', 'src/x.txt', 'y.txt']), [
      { name: 'src/x' },
      { name: 'src/x~2', renamed: 'src/x.txt: exported as src/x~2.txt and src/x~2.ann (src/x.txt is another source\'s copy)' },
      { name: 'y' },
    ]);
  });
});
