/** The brat export's folder rules, shared by the CLI and the editor: names, and no file (copy, .ann, conf) written over one the export did not make. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { BRAT_CONF_MARK, bratAnnotationConf, bratVisualConf } from '../../../src/core/interop/brat';
import { bratAnnRefusal, bratConfPaths, bratConfRefusal, bratCopyNames, bratCopyRefusal, bratFolderFiles, bratFolderRefusal, bratRefusalMessage } from '../../../src/core/interop/brat-folder';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';
const FOREIGN = 'already exists and is not a copy made by an earlier export (it has no .ann beside it)';

describe('brat folder (CLI and editor)', () => {
  const workspace = useTemporaryWorkspace('la-brat-folder-');

  it('writes a copy where nothing is, or over the same text, or over an earlier export\'s copy (its .ann beside it)', async () => {
    const copy = join(workspace.path, 'r.legal.txt');
    assert.equal(await bratCopyRefusal(copy, TEXT, true), undefined, 'nothing there');
    await fs.writeFile(copy, TEXT);
    assert.equal(await bratCopyRefusal(copy, TEXT, true), undefined, 'the same text');
    await fs.writeFile(copy, 'an older version of the source\n');
    await fs.writeFile(join(workspace.path, 'r.legal.ann'), 'T1\ttorture 0 3\tThe\n');
    assert.equal(await bratCopyRefusal(copy, TEXT, true), undefined, 'an earlier export');
    assert.match((await bratCopyRefusal(copy, TEXT, false)) ?? '', /with an \.ann beside it, and the folder holds no annotation\.conf of an earlier export/, 'a pair in a folder no export wrote');
    assert.equal(await bratCopyRefusal(copy, 'an older version of the source\n', false), undefined, 'the same text, whoever wrote it');
  });

  it("refuses another brat project's pair (a .txt and its .ann) where no earlier export wrote its annotation.conf", async () => {
    const folder = workspace.path;
    const copies = [{ stem: join(folder, 'x'), text: TEXT }];
    await fs.writeFile(join(folder, 'x.txt'), 'A different witness statement.\n');
    await fs.writeFile(join(folder, 'x.ann'), 'T1\tBeating 2 11\tdifferent\n');
    const refused = await bratFolderRefusal(folder, copies);
    assert.equal(refused?.path, join(folder, 'x.txt'));
    assert.match(refused?.reason ?? '', /folder holds no annotation\.conf of an earlier export/);
    await fs.writeFile(join(folder, 'x.txt'), TEXT);
    assert.match((await bratFolderRefusal(folder, copies))?.reason ?? '', /^already exists, and the folder holds no annotation\.conf/, 'the same text, but their .ann');
    await fs.writeFile(bratConfPaths(folder)[0], bratAnnotationConf(DEFAULT_TAXONOMY));
    assert.equal(await bratFolderRefusal(folder, copies), undefined, 'an earlier export, its annotation.conf beside');
    assert.equal(await fs.readFile(join(folder, 'x.ann'), 'utf8'), 'T1\tBeating 2 11\tdifferent\n');
  });

  it('refuses a file it did not make, and a FIFO without reading it', async () => {
    const copy = join(workspace.path, 'notes.md.txt');
    await fs.writeFile(copy, 'my own notes\n');
    assert.equal(await bratCopyRefusal(copy, TEXT, true), FOREIGN);
    assert.equal(bratRefusalMessage('out/notes.md.txt', FOREIGN), `out/notes.md.txt ${FOREIGN}; nothing was written (choose an empty folder)`);
    const fifo = join(workspace.path, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.match((await bratCopyRefusal(fifo, TEXT, true)) ?? '', /named pipe \(FIFO\)/);
  });

  it('writes an .ann, annotation.conf and visual.conf only where nothing is or an earlier export\'s is', async () => {
    const folder = workspace.path;
    const [annotationConf, visualConf] = bratConfPaths(folder);
    const copies = [{ stem: join(folder, 'r'), text: TEXT }];
    assert.equal(await bratFolderRefusal(folder, copies), undefined, 'an empty folder');

    await fs.writeFile(join(folder, 'r.ann'), 'T1\ttorture 0 3\tThe\n');
    assert.deepEqual(await bratFolderRefusal(folder, copies), { path: join(folder, 'r.ann'), reason: 'already exists and is not an .ann made by an earlier export (it has no .txt beside it)' });
    await fs.writeFile(join(folder, 'r.txt'), 'an older version of the source\n');
    assert.equal(await bratAnnRefusal(join(folder, 'r.ann'), true), undefined, 'an earlier export\'s pair');

    const foreign = `already exists and was not written by an export (it does not begin with "${BRAT_CONF_MARK}")`;
    await fs.writeFile(annotationConf, '[entities]\nmy-own-type\n');
    assert.deepEqual(await bratFolderRefusal(folder, copies), { path: annotationConf, reason: foreign });
    await fs.writeFile(annotationConf, bratAnnotationConf(DEFAULT_TAXONOMY));
    await fs.writeFile(visualConf, '[labels]\n');
    assert.deepEqual(await bratFolderRefusal(folder, copies), { path: visualConf, reason: foreign });
    await fs.writeFile(visualConf, bratVisualConf({ ...DEFAULT_TAXONOMY, categories: DEFAULT_TAXONOMY.categories.slice(0, 1) }));
    assert.equal(await bratFolderRefusal(folder, copies), undefined, 'confs of an earlier export, from another taxonomy');
    await fs.rm(visualConf);
    await fs.mkdir(visualConf);
    assert.equal(await bratConfRefusal(visualConf), 'is a folder, not a file');
    assert.deepEqual(bratFolderFiles(folder, [join(folder, 'r')]), [join(folder, 'r.txt'), join(folder, 'r.ann'), annotationConf, visualConf]);
  });

  it('names colliding sources apart and says so', () => {
    assert.deepEqual(bratCopyNames(['src/x', 'src/x.txt', 'y.txt']), [
      { name: 'src/x' },
      { name: 'src/x~2', renamed: 'src/x.txt: exported as src/x~2.txt and src/x~2.ann (src/x.txt is another source\'s copy)' },
      { name: 'y' },
    ]);
  });
});
