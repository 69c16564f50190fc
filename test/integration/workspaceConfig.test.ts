import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../src/core/workspace/workspace-config';
import { waitFor, workspaceFile } from './helpers';
import { api } from './sourceFixtures';

describe('The workspace config as the editor sees it', () => {
  for (const [where, below] of [['in the deleted folder', []], ['two folders below the deleted one', ['cases', 'march']]] as const) {
    it(`forgets a config deleted together with its folder (rm -rf), the config ${where}`, async () => {
      const { configs } = await api();
      const top = workspaceFile(`config-gone-${process.pid}-${below.length}`);
      const folder = vscode.Uri.joinPath(top, ...below);
      const configPath = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME).fsPath;
      const source = vscode.Uri.joinPath(folder, 'report.txt');
      await fs.mkdir(folder.fsPath, { recursive: true });
      let changes = 0;
      const counting = configs.onDidChange(() => changes++);
      try {
        await fs.writeFile(source.fsPath, 'The journalist was arrested on Monday.\n');
        // Its creation seen (the cache is cleared then): what is loaded after it stays until a change.
        // The watcher may miss a file written into folders it has just learnt of: written again until
        // it reports it, so that it watches the folders whose deletion is the test.
        const config = ['version: 1', 'sources: ["*.legal.txt"]', ''].join('\n');
        for (let attempt = 0; changes === 0 && attempt < 5; attempt++) {
          await fs.writeFile(configPath, config);
          await waitFor('the config file to be seen', () => changes > 0, 3000).catch(() => undefined);
        }
        assert.ok(changes > 0, 'the watcher reported the config file');
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
        counting.dispose();
        await fs.rm(top.fsPath, { recursive: true, force: true });
      }
    });
  }
});
