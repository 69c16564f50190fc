/** The brat export's folder rules, shared by the CLI and the editor: names, and copies never written over a file the export did not make. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { bratCopyNames, bratCopyRefusal, bratRefusalMessage } from '../../../src/core/interop/brat-folder';
import { useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';
const FOREIGN = 'already exists and is not a copy made by an earlier export (it has no .ann beside it)';

describe('brat folder (CLI and editor)', () => {
  const workspace = useTemporaryWorkspace('la-brat-folder-');

  it('writes a copy where nothing is, or over the same text, or over an earlier export\'s copy (its .ann beside it)', async () => {
    const copy = join(workspace.path, 'r.legal.txt');
    assert.equal(await bratCopyRefusal(copy, TEXT), undefined, 'nothing there');
    await fs.writeFile(copy, TEXT);
    assert.equal(await bratCopyRefusal(copy, TEXT), undefined, 'the same text');
    await fs.writeFile(copy, 'an older version of the source\n');
    await fs.writeFile(join(workspace.path, 'r.legal.ann'), 'T1\ttorture 0 3\tThe\n');
    assert.equal(await bratCopyRefusal(copy, TEXT), undefined, 'an earlier export');
  });

  it('refuses a file it did not make, and a FIFO without reading it', async () => {
    const copy = join(workspace.path, 'notes.md.txt');
    await fs.writeFile(copy, 'my own notes\n');
    assert.equal(await bratCopyRefusal(copy, TEXT), FOREIGN);
    assert.equal(bratRefusalMessage('out/notes.md.txt', FOREIGN), `out/notes.md.txt ${FOREIGN}; nothing was written (choose an empty folder)`);
    const fifo = join(workspace.path, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.match((await bratCopyRefusal(fifo, TEXT)) ?? '', /named pipe \(FIFO\)/);
  });

  it('names colliding sources apart and says so', () => {
    assert.deepEqual(bratCopyNames(['src/x', 'src/x.txt', 'y.txt']), [
      { name: 'src/x' },
      { name: 'src/x~2', renamed: 'src/x.txt: exported as src/x~2.txt and src/x~2.ann (src/x.txt is another source\'s copy)' },
      { name: 'y' },
    ]);
  });
});
