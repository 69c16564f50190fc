// The author the editor writes on a tag: git user.name, then the user's setting, then the system
// account name; a workspace's .vscode/settings.json cannot set it (the setting is application-scoped).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { COMMANDS, SETTINGS } from '../../src/extension/constants';
import { closeAllEditors, extension, waitFor, workspaceFile } from './helpers';
import { withEnv } from '../support/env';

const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn.\n';
/** Git configuration without the user's and the system's files: no git user.name anywhere. */
const NO_GIT_NAME = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
/** A window-scoped setting written beside the author: once VS Code shows it, it has read the file. */
const SENTINEL = 'legalAnnotator.annotationsView.showOnStartup';

let copies = 0;

/** Tags "tortured" in a new source of its own and returns the author written in its sidecar. */
async function authorOfNewTag(): Promise<string | undefined> {
  const name = `author-${++copies}.legal.txt`;
  await fs.writeFile(workspaceFile(name).fsPath, TEXT);
  const uri = workspaceFile(name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const start = TEXT.indexOf('tortured');
  await vscode.commands.executeCommand(COMMANDS.tag, { uri: uri.toString(), start, end: start + 'tortured'.length, category: 'torture' });
  const sidecar = `${uri.fsPath}.ann.yaml`;
  const text = await waitFor('the sidecar', () => fs.readFile(sidecar, 'utf8').catch(() => undefined));
  return parseSidecar(text).sidecar?.annotations[0]?.author;
}

describe('The author of a tag', function () {
  this.timeout(60_000);
  const settingsFile = () => workspaceFile('.vscode', 'settings.json').fsPath;
  let savedSettings: string | undefined;

  before(async () => {
    await extension().activate();
    savedSettings = await fs.readFile(settingsFile(), 'utf8').catch(() => undefined);
  });

  after(async () => {
    await vscode.workspace.getConfiguration().update(SETTINGS.author, undefined, vscode.ConfigurationTarget.Global);
    if (savedSettings === undefined) await fs.rm(settingsFile(), { force: true });
    else await fs.writeFile(settingsFile(), savedSettings);
    await closeAllEditors();
    // The sources tagged here leave the workspace as the other suites found it.
    for (let n = 1; n <= copies; n++) {
      for (const file of [`author-${n}.legal.txt`, `author-${n}.legal.txt.ann.yaml`]) await fs.rm(workspaceFile(file).fsPath, { force: true });
    }
    await fs.rm(workspaceFile('author.gitconfig').fsPath, { force: true });
  });

  it('ignores a workspace settings.json that names an author; takes the user setting, then the system account name when git names nobody', async () => {
    await fs.mkdir(workspaceFile('.vscode').fsPath, { recursive: true });
    await fs.writeFile(settingsFile(), JSON.stringify({ [SETTINGS.author]: 'Committed Name', [SENTINEL]: true }, null, 2));
    await waitFor('VS Code to read the workspace settings', () => vscode.workspace.getConfiguration().inspect(SENTINEL)?.workspaceValue === true);
    assert.equal(vscode.workspace.getConfiguration().inspect(SETTINGS.author)?.workspaceValue, undefined, 'an application setting has no workspace value');

    await withEnv(NO_GIT_NAME, async () => {
      assert.equal(await authorOfNewTag(), userInfo().username);
      await vscode.workspace.getConfiguration().update(SETTINGS.author, 'User Setting Name', vscode.ConfigurationTarget.Global);
      await waitFor('the user setting', () => vscode.workspace.getConfiguration().get(SETTINGS.author) === 'User Setting Name');
      assert.equal(await authorOfNewTag(), 'User Setting Name');
    });
  });

  it('takes git user.name before the setting', async () => {
    const gitName = 'Git Config Name';
    await vscode.workspace.getConfiguration().update(SETTINGS.author, 'User Setting Name', vscode.ConfigurationTarget.Global);
    const config = workspaceFile('author.gitconfig').fsPath;
    execFileSync('git', ['config', '--file', config, 'user.name', gitName]);
    await withEnv({ GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1' }, async () => {
      assert.equal(await authorOfNewTag(), gitName);
    });
  });
});
