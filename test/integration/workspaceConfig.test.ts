import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../src/core/workspace/workspace-config';
import { waitFor, workspaceFile, workspaceRoot } from './helpers';
import { api } from './sourceFixtures';

describe('The workspace config as the editor sees it', () => {
  for (const [where, below] of [['in the deleted folder', []], ['two folders below the deleted one', ['cases', 'march']]] as const) {
    it(`forgets a config deleted together with its folder (rm -rf), the config ${where}`, async () => {
      const { configs } = await api();
      const name = `config-gone-${process.pid}-${below.length}`;
      const top = workspaceFile(name);
      const folder = vscode.Uri.joinPath(top, ...below);
      const configPath = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME).fsPath;
      const source = vscode.Uri.joinPath(folder, 'report.txt');
      // The folders, the config and the source are made beside the workspace and moved in at once:
      // VS Code's watcher may miss files written into folders it has just learnt of, and nothing
      // can have asked for (and cached) the config of folders that were not there.
      const staging = join(dirname(workspaceRoot().fsPath), `${name}-staging`);
      const stagedFolder = join(staging, ...below);
      await fs.mkdir(stagedFolder, { recursive: true });
      await fs.writeFile(join(stagedFolder, CONFIG_FILE_NAME), ['version: 1', 'sources: ["*.legal.txt"]', ''].join('\n'));
      await fs.writeFile(join(stagedFolder, 'report.txt'), 'The journalist was arrested on Monday.\n');
      try {
        await fs.rename(staging, top.fsPath);
        assert.equal((await configs.forFile(source)).config.configPath, configPath);
        assert.equal(await configs.isSource(source), false, 'the config makes only *.legal.txt sources');

        // VS Code's watcher reports the deleted folder, not the files that were in it.
        await fs.rm(top.fsPath, { recursive: true, force: true });
        await waitFor('the deleted config to be forgotten', async () => (await configs.forFile(source)).config.configPath === undefined);
        // The same place again, without a config: the defaults apply (every .txt is a source).
        await fs.mkdir(folder.fsPath, { recursive: true });
        await fs.writeFile(source.fsPath, 'The journalist was arrested on Monday.\n');
        assert.equal(await configs.isSource(source), true);
      } finally {
        await fs.rm(top.fsPath, { recursive: true, force: true });
        await fs.rm(staging, { recursive: true, force: true });
      }
    });
  }
});
