/**
 * isInsideRoot: a path is inside the workspace only where its real folders are, so a linked
 * folder that leads out is outside however the path reads.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInsideRoot, relativeInside } from '../../../src/core/files/inside-root';

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

describe('relativeInside', () => {
  it("gives a path inside the root relative to it, '/' between folders, '' for the root itself", () => {
    assert.equal(relativeInside('/ws', join('/ws', 'notes', 'a.txt')), 'notes/a.txt');
    assert.equal(relativeInside('/ws', '/ws'), '');
    assert.equal(relativeInside('/ws/', join('/ws', 'a.txt')), 'a.txt');
  });

  it("takes names that merely begin with two dots ('..notes.txt', '...') as inside", () => {
    assert.equal(relativeInside('/ws', join('/ws', '..notes.txt')), '..notes.txt');
    assert.equal(relativeInside('/ws', join('/ws', '...', 'a.txt')), '.../a.txt');
  });

  it('gives undefined for a path that climbs out or lies elsewhere', () => {
    assert.equal(relativeInside('/ws', '/'), undefined);
    assert.equal(relativeInside('/ws', '/other/a.txt'), undefined);
    assert.equal(relativeInside('/ws', '/ws-2/a.txt'), undefined);
    assert.equal(relativeInside('/ws/notes', '/ws/a.txt'), undefined);
  });
});

describe('isInsideRoot with names beginning with two dots', () => {
  it("takes a folder named '..drafts' in the root as inside", async () => {
    const root = await fs.mkdtemp(join(tmpdir(), 'la-inside-dots-'));
    try {
      await fs.mkdir(join(root, '..drafts'));
      assert.equal(await isInsideRoot(join(root, '..drafts', 'a.txt.ann.yaml'), root), true);
      assert.equal(await isInsideRoot(join(root, '..a.csv'), root), true);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
