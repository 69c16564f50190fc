/**
 * The merge driver under real `git merge`, in temporary repositories: git-setup wires it, two
 * branches tagging different passages merge cleanly (and check passes), and an entry changed
 * differently on both branches comes out as two versions that check reports.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn. The ICRC was denied access.\n';

/** A committer for the temporary repositories, whatever the machine's git config says. */
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', env: GIT_ENV });
}

function merge(branch: string): { code: number | null; out: string } {
  const run = spawnSync('git', ['merge', '--no-edit', branch], { encoding: 'utf8', env: GIT_ENV });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

async function tag(quote: string, category: string): Promise<void> {
  const run = await cli('tag', 'r.txt', '--category', category, '--quote', quote);
  assert.equal(run.code, 0, run.err);
}

async function annotations(): Promise<{ id: string; category: string; status?: string; conflict?: string; note?: string }[]> {
  return parseSidecar(await fs.readFile('r.txt.ann.yaml', 'utf8')).sidecar!.annotations;
}

describe('the sidecar merge driver under real git merge', function () {
  this.timeout(120_000);
  useTemporaryWorkspace('la-git-');

  beforeEach(async () => {
    await fs.rm('.git', { recursive: true, force: true });
    git('init', '-q', '-b', 'main');
    await fs.writeFile('r.txt', TEXT);
    await tag('tortured', 'torture');
    const command = `"${process.execPath}" -r "${TSX}" "${MAIN}"`;
    const setup = await cli('git-setup', '--command', command);
    assert.equal(setup.code, 0, setup.err);
    assert.match(await fs.readFile('.gitattributes', 'utf8'), /^\*\.ann\.yaml merge=legal-annotator$/m);
    assert.equal((await cli('git-setup', '--command', command)).code, 0, 'again: nothing added twice');
    assert.equal((await fs.readFile('.gitattributes', 'utf8')).match(/merge=legal-annotator/g)?.length, 1);
    git('add', '.');
    git('commit', '-qm', 'base');
  });

  it('merges two branches that tagged different passages, with no conflict, and check passes', async () => {
    git('checkout', '-qb', 'alice');
    await tag('executed', 'wilful-killing');
    git('commit', '-qam', 'alice');
    git('checkout', '-q', 'main');
    git('checkout', '-qb', 'bob');
    await tag('denied access', 'denial-of-icrc-access');
    git('commit', '-qam', 'bob');
    const merged = merge('alice');
    assert.equal(merged.code, 0, merged.out);
    assert.deepEqual((await annotations()).map((a) => a.category).sort(), ['denial-of-icrc-access', 'torture', 'wilful-killing']);
    const checked = await cli('check', '.');
    assert.equal(checked.code, 0, checked.out + checked.err);
  });

  it('keeps both versions of a tag changed differently on two branches, and check reports merge-conflict on both', async () => {
    const [first] = await annotations();
    git('checkout', '-qb', 'alice');
    assert.equal((await cli('status', 'r.txt', '--id', first.id, 'confirmed')).code, 0);
    git('commit', '-qam', 'alice confirms');
    git('checkout', '-q', 'main');
    git('checkout', '-qb', 'bob');
    assert.equal((await cli('status', 'r.txt', '--id', first.id, 'disputed')).code, 0);
    git('commit', '-qam', 'bob disputes');
    const merged = merge('alice');
    assert.notEqual(merged.code, 0, 'git reports the conflict');
    assert.match(merged.out, /CONFLICT .*r\.txt\.ann\.yaml/);
    const result = await annotations();
    assert.equal(result.length, 2);
    const mine = result.find((a) => a.id === first.id)!;
    const theirs = result.find((a) => a.id !== first.id)!;
    assert.deepEqual([mine.status, mine.conflict], ['disputed', theirs.id]);
    assert.deepEqual([theirs.status, theirs.conflict], ['disputed', first.id]);
    const checked = await cli('check', 'r.txt.ann.yaml');
    assert.equal(checked.code, 1);
    assert.equal(checked.out.match(/error merge-conflict/g)?.length, 2, checked.out);
    // Same category and passage: also the same tag twice, but removing one would take a side.
    const duplicate = checked.out.split('\n').find((line) => line.includes('warning duplicate-annotation'));
    assert.match(duplicate ?? '', new RegExp(`annotation ${theirs.id} duplicates annotation ${first.id}: .*; the two are the two versions of one annotation from a git merge \\(merge-conflict\\): resolve the conflict first`), checked.out);
    assert.doesNotMatch(duplicate!, /; remove /);
  });

  it('removes a tag one branch removed and the other left alone', async () => {
    await tag('executed', 'wilful-killing');
    git('commit', '-qam', 'two tags');
    const [first] = await annotations();
    git('checkout', '-qb', 'alice');
    assert.equal((await cli('untag', 'r.txt', '--id', first.id)).code, 0);
    git('commit', '-qam', 'alice removes');
    git('checkout', '-q', 'main');
    await tag('denied access', 'denial-of-icrc-access');
    git('commit', '-qam', 'main adds');
    const merged = merge('alice');
    assert.equal(merged.code, 0, merged.out);
    assert.deepEqual((await annotations()).map((a) => a.category).sort(), ['denial-of-icrc-access', 'wilful-killing']);
  });
});
