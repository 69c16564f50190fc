/**
 * isInsideRoot: a path is inside the workspace only where its real folders are, so a linked
 * folder that leads out is outside however the path reads.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInsideRoot } from '../../../src/core/files/inside-root';

describe('isInsideRoot', () => {
  let base: string;
  let root: string;
  beforeEach(async () => {
    base = await fs.mkdtemp(join(tmpdir(), 'la-inside-'));
    root = join(base, 'ws');
    await fs.mkdir(join(root, 'notes'), { recursive: true });
    await fs.mkdir(join(base, 'outside'));
    await fs.symlink(join(base, 'outside'), join(root, 'linked'));
    await fs.symlink(join(root, 'notes'), join(root, 'alias'));
  });
  afterEach(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  it('takes files in real folders of the root, existing or not yet', async () => {
    assert.equal(await isInsideRoot(join(root, 'notes', 'a.txt.ann.yaml'), root), true);
    assert.equal(await isInsideRoot(join(root, 'new', 'deeper', 'b.csv'), root), true);
    assert.equal(await isInsideRoot(join(root, 'alias', 'a.txt.ann.yaml'), root), true);
  });

  it('refuses a path through a folder linked out, or one that climbs out', async () => {
    assert.equal(await isInsideRoot(join(root, 'linked', 'a.txt.ann.yaml'), root), false);
    assert.equal(await isInsideRoot(join(root, 'linked', 'new', 'b.csv'), root), false);
    assert.equal(await isInsideRoot(join(root, '..', 'outside', 'a.txt'), root), false);
  });

  it('compares real paths on both sides, so a root given through a link still holds its files', async () => {
    await fs.symlink(root, join(base, 'ws-link'));
    assert.equal(await isInsideRoot(join(root, 'notes', 'a.txt'), join(base, 'ws-link')), true);
    assert.equal(await isInsideRoot(join(base, 'outside', 'a.txt'), join(base, 'ws-link')), false);
  });
});
