/**
 * The author of what the CLI and the editor write: git user.name, then the editor's setting, then
 * the OS account name, never empty; git read with a time limit, and answered when git is missing,
 * hung or outside a repository. The CLI's tag and import as real processes and in a real repository.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { chooseAuthor, defaultAuthor, osUserName, UNKNOWN_AUTHOR } from '../../../src/core/team/author';
import { gitUserName, runGit } from '../../../src/core/team/git';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';
import { withEnv } from '../../support/env';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');
const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn.\n';
/** No global or system git config: only the repository's own config names a user. */
const NO_USER_GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
/** A PATH where no git is found (the CLI process is started by node's absolute path). */
const NO_GIT_PATH = '/nonexistent-folder-without-git';

async function authors(sidecar: string): Promise<(string | undefined)[]> {
  return parseSidecar(await fs.readFile(sidecar, 'utf8')).sidecar!.annotations.map((a) => a.author);
}

describe('the default author', function () {
  this.timeout(120_000);
  useTemporaryWorkspace('la-author-');

  beforeEach(async () => {
    await fs.rm('.git', { recursive: true, force: true });
    execFileSync('git', ['init', '-q', '-b', 'main']);
    await fs.writeFile('r.txt', TEXT);
  });

  it('takes the first name that is not blank, else the OS account name, and is never empty', () => {
    assert.equal(chooseAuthor(undefined, '  ', ' Ana Lopez ', 'later'), 'Ana Lopez');
    assert.equal(osUserName(), userInfo().username);
    assert.equal(chooseAuthor(undefined, ''), userInfo().username || UNKNOWN_AUTHOR);
    assert.ok(chooseAuthor().length > 0);
  });

  it('is git user.name of the repository, then the setting, then the OS account name', async () => {
    await withEnv(NO_USER_GIT_ENV, async () => {
      assert.equal(await gitUserName(process.cwd()), undefined);
      assert.equal(await defaultAuthor(process.cwd(), 'From Setting'), 'From Setting');
      assert.equal(await defaultAuthor(process.cwd()), userInfo().username);
      execFileSync('git', ['config', 'user.name', 'Repo Annotator']);
      assert.equal(await defaultAuthor(process.cwd(), 'From Setting'), 'Repo Annotator');
    });
  });

  it('answers when git is missing, hung, or run outside a repository', async () => {
    await withEnv({ PATH: NO_GIT_PATH }, async () => {
      const missing = await runGit(['config', '--get', 'user.name']);
      assert.equal(missing.ok, false);
      assert.match(!missing.ok ? missing.reason : '', /git could not be started/);
      assert.equal(await gitUserName(process.cwd()), undefined);
      assert.equal(await defaultAuthor(process.cwd(), 'From Setting'), 'From Setting');
    });
    // git hash-object --stdin waits for standard input, which is never closed: a hung git.
    const hung = await runGit(['hash-object', '--stdin'], { timeoutMs: 300 });
    assert.deepEqual(hung, { ok: false, reason: 'git hash-object took longer than 300 ms and was stopped' });
    const outside = await runGit(['rev-parse', '--show-toplevel'], { cwd: '/' });
    assert.equal(outside.ok, false, 'the file system root is in no repository');
  });

  it('signs the CLI tag (a real process): --author, else git user.name, else the OS account name when git is missing', async () => {
    execFileSync('git', ['config', 'user.name', 'Repo Annotator']);
    const tag = (quote: string, env: NodeJS.ProcessEnv, ...extra: string[]) => {
      const run = spawnSync(process.execPath, ['-r', TSX, MAIN, 'tag', 'r.txt', '--category', 'torture', '--quote', quote, ...extra], { encoding: 'utf8', env });
      assert.equal(run.status, 0, run.stderr);
    };
    tag('tortured', { ...process.env, ...NO_USER_GIT_ENV });
    tag('prisoners', { ...process.env, ...NO_USER_GIT_ENV }, '--author', 'Named On The Line');
    tag('basement', { ...process.env, PATH: NO_GIT_PATH });
    assert.deepEqual(await authors('r.txt.ann.yaml'), ['Repo Annotator', 'Named On The Line', userInfo().username]);
  });

  it('signs the annotations import adds that name no author, and keeps the ones that do', async () => {
    execFileSync('git', ['config', 'user.name', 'Importer']);
    await fs.mkdir('brat');
    await fs.writeFile('brat/r.txt', TEXT);
    await fs.writeFile('brat/r.ann', `T1\ttorture ${TEXT.indexOf('tortured')} ${TEXT.indexOf('tortured') + 8}\ttortured\n`);
    const run = await withEnv(NO_USER_GIT_ENV, () => cli('import', '--format', 'brat', 'brat'));
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(await authors('brat/r.txt.ann.yaml'), ['Importer']);
    const named = await withEnv(NO_USER_GIT_ENV, () => cli('import', '--format', 'brat', 'brat', '--author', 'Someone Else'));
    assert.equal(named.code, 0, named.err);
    assert.deepEqual(await authors('brat/r.txt.ann.yaml'), ['Importer'], 'the same annotation again: unchanged, not re-signed');
  });

  it('may not be set by a workspace: the setting is application-scoped in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> }[] | { properties: Record<string, { scope?: string }> } };
    };
    const sections = [manifest.contributes.configuration].flat();
    const setting = sections.map((s) => s.properties['legalAnnotator.tags.author']).find(Boolean);
    assert.ok(setting, 'package.json declares legalAnnotator.tags.author');
    assert.ok(setting.scope === 'application' || setting.scope === 'machine', `scope is ${setting.scope}`);
  });
});
