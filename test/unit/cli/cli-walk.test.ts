/**
 * Folder walks of `check` and `scan` in a hostile tree: links to folders are not followed (not
 * out of the workspace, not round a cycle), names with a newline are taken, and a folder that
 * cannot be listed stops the command naming it instead of passing as checked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagPassage } from '../../../src/core/annotations/tagging';
import { sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';

async function taggedSource(path: string): Promise<void> {
  await fs.writeFile(path, TEXT);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const tagged = tagPassage({ text: TEXT, sourceName: name, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: 'tortured' } });
  assert.ok(tagged.ok);
  await fs.writeFile(`${path}.ann.yaml`, sidecarFileText(tagged.doc));
}

describe('folder walks of check and scan', () => {
  const workspace = useTemporaryWorkspace('la-walk-');

  it('do not follow a link to / or a link back up the tree, and count each sidecar once', async () => {
    await fs.mkdir('d');
    await taggedSource('d/a.txt');
    await fs.symlink('/', 'root');
    await fs.symlink('..', 'd/up');
    const checked = await cli('check', '.', '--format', 'json');
    assert.equal(checked.code, 0, checked.err);
    assert.deepEqual((JSON.parse(checked.out) as { file: string }[]).map((f) => f.file), ['d/a.txt.ann.yaml']);
    const scanned = await cli('scan', '.', '--format', 'json');
    assert.equal(scanned.code, 0, scanned.err);
    assert.match(scanned.out, /d\/a\.txt/);
    assert.doesNotMatch(scanned.out, /up\/|root\//);
  });

  it('check --fix-anchors never rewrites a sidecar in a linked folder out of the workspace', async () => {
    const outside = await fs.mkdtemp(join(tmpdir(), 'la-walk-outside-'));
    try {
      await taggedSource(join(outside, 'o.txt'));
      // The text moved: --fix-anchors would rewrite this sidecar if it reached it.
      await fs.writeFile(join(outside, 'o.txt'), `Intro. ${TEXT}`);
      const before = await fs.readFile(join(outside, 'o.txt.ann.yaml'), 'utf8');
      await fs.symlink(outside, 'linked');
      await taggedSource('a.txt');
      const fixed = await cli('check', '.', '--fix-anchors');
      assert.equal(fixed.code, 0, fixed.err);
      assert.equal(await fs.readFile(join(outside, 'o.txt.ann.yaml'), 'utf8'), before);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('check a sidecar whose folder or file name holds a newline', async () => {
    await fs.mkdir('new\nline');
    await taggedSource('new\nline/a.txt');
    await taggedSource('b\nc.txt');
    const checked = await cli('check', '.', '--format', 'json');
    assert.equal(checked.code, 0, checked.err);
    assert.deepEqual((JSON.parse(checked.out) as { file: string }[]).map((f) => f.file).sort(), ['b\nc.txt.ann.yaml', 'new\nline/a.txt.ann.yaml']);
  });

  it('stops with exit 2 naming a folder that cannot be listed (deeper than the system allows)', async () => {
    await taggedSource('a.txt');
    const segment = 'd'.repeat(200);
    execFileSync('mkdir', ['-p', Array.from({ length: 25 }, () => segment).join('/')], { cwd: workspace.path });
    try {
      const checked = await cli('check', '.');
      assert.equal(checked.code, 2);
      assert.match(checked.err, /ddd\/?: cannot be listed: the path is longer than the system allows \(ENAMETOOLONG\)/);
    } finally {
      // Deeper than PATH_MAX: fs.rm cannot remove it; rm walks it relative to each folder.
      execFileSync('rm', ['-rf', segment], { cwd: workspace.path });
    }
  });
});
