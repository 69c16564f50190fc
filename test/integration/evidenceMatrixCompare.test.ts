// The evidence matrix compared with a git ref: the agreement section of `report --compare`, the
// workspace's tags (A) against the ref's (B), read with git show in a real repository.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, waitFor, workspaceFile, workspaceRoot } from './helpers';

const TEXT = 'The prisoners were tortured in the basement. Others were executed at dawn. The ICRC was denied access.\n';
const SOURCE = 'compare/r.legal.txt';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, env: GIT_ENV, encoding: 'utf8' });
}

async function tag(quote: string, category: string): Promise<void> {
  const uri = workspaceFile(SOURCE);
  const before = await fs.readFile(`${uri.fsPath}.ann.yaml`, 'utf8').catch(() => '');
  const start = TEXT.indexOf(quote);
  await vscode.commands.executeCommand(COMMANDS.tag, { uri: uri.toString(), start, end: start + quote.length, category });
  await waitFor(`the tag on "${quote}"`, async () => (await fs.readFile(`${uri.fsPath}.ann.yaml`, 'utf8').catch(() => '')) !== before);
}

describe('Evidence matrix compared with a git ref', function () {
  this.timeout(60_000);

  after(async () => {
    await closeAllEditors();
    await fs.rm(workspaceFile('.git').fsPath, { recursive: true, force: true });
    await fs.rm(workspaceFile('compare').fsPath, { recursive: true, force: true });
  });

  it('adds the agreement section: per category F1 and alpha, and the sources agreed on least', async () => {
    const { evidenceMatrix, comparison } = (await extension().activate()) as LegalAnnotatorApi;
    await fs.mkdir(workspaceFile('compare').fsPath, { recursive: true });
    await fs.writeFile(workspaceFile(SOURCE).fsPath, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(SOURCE)));
    await tag('tortured', 'torture');
    // The other annotator's branch holds the whole workspace as it is now (the sidecars earlier
    // suites left agree on both sides), so the compared source is the one that differs.
    git('init', '-q', '-b', 'main');
    git('add', '--all', '.');
    git('commit', '-qm', 'the other annotator');
    await tag('executed', 'wilful-killing');

    await vscode.commands.executeCommand(COMMANDS.openEvidenceMatrix, { compareWith: 'git:main' });
    const shown = await waitFor('the matrix with the agreement section', () => {
      const current = evidenceMatrix.current;
      return current?.agreement && current.matrix?.sources.some((s) => s.path === SOURCE) ? current : undefined;
    });
    const section = shown.agreement!;
    assert.equal(section.a, 'this workspace');
    assert.equal(section.b, 'git:main');
    // The tag added since the commit is a difference; the other sources' tags are on both sides.
    assert.ok(section.agreement.categories['wilful-killing'].a > section.agreement.categories['wilful-killing'].b);
    assert.ok(section.lowest.length < 10, section.lowest.map((s) => s.file).join(', '));
    const mine = section.lowest.find((s) => s.file === SOURCE);
    assert.ok(mine, 'the compared source is among those agreed on least');
    assert.deepEqual([mine.a, mine.b, mine.sentencesDiffering, mine.spanF1Overlap], [2, 1, 1, 2 / 3]);
    assert.match(shown.panel.webview.html, /<h2 id="agreement">Agreement<\/h2>/);
    assert.match(shown.panel.webview.html, /<code>git:main<\/code>/);

    // Opened again without a side: the editor's comparison, while one runs, else the matrix alone.
    await comparison.compareWith('git:main');
    await vscode.commands.executeCommand(COMMANDS.openEvidenceMatrix);
    const followed = await waitFor('the section of the running comparison', () => evidenceMatrix.current?.agreement);
    assert.equal(followed.b, 'main', "the comparison's label");
    assert.equal(followed.lowest.find((s) => s.file === SOURCE)?.sentencesDiffering, 1);
    comparison.stop();
    await waitFor('the matrix without the section', () => evidenceMatrix.current && !evidenceMatrix.current.agreement);
    assert.doesNotMatch(evidenceMatrix.current!.panel.webview.html, /id="agreement"/);
  });
});
