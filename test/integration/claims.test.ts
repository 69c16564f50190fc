import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { tagPassage } from '../../src/core/annotations/tagging';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { COMMANDS, UNTAGGED_CLAIM_CODE } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import type { WorkspaceReviewResult } from '../../src/extension/workspaceReview';
import { closeAllEditors, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'claims.legal.txt';
const TORTURE = 'Witnesses said the prisoners of war were tortured with electric shocks in the basement.';
const ABDUCTION = 'According to the report, two civilians were abducted from their homes in March 2022.';
const EXECUTION = 'A former prisoner told the mission that guards executed a wounded soldier.';

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

let copies = 0;

/** A fresh copy of the fixture per test: no test sees another's sidecar. */
async function copyFixture(prefix: string): Promise<string> {
  const name = `${prefix}-${++copies}.legal.txt`;
  await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(name).fsPath);
  return name;
}

function claimDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === UNTAGGED_CLAIM_CODE);
}

/** The sentences the untagged-claim diagnostics cover, once they are `count`. */
async function diagnosedSentences(document: vscode.TextDocument, count: number): Promise<string[]> {
  return waitFor(`${count} untagged-claim diagnostic(s) on ${document.uri.fsPath}`, () => {
    const found = claimDiagnostics(document.uri);
    return found.length === count ? found.map((d) => document.getText(d.range)) : undefined;
  });
}

function diagnosticOn(document: vscode.TextDocument, sentence: string): vscode.Diagnostic {
  const diagnostic = claimDiagnostics(document.uri).find((d) => document.getText(d.range) === sentence);
  assert.ok(diagnostic, `no untagged-claim diagnostic on "${sentence}"`);
  return diagnostic;
}

async function quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
  const claimCommands: string[] = [COMMANDS.tag, COMMANDS.tagAs, COMMANDS.dismissClaim];
  return actions.filter((a) => a.command && claimCommands.includes(a.command.command));
}

async function run(action: vscode.CodeAction): Promise<unknown> {
  assert.ok(action.command, `${action.title} has no command`);
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function sidecarOf(name: string) {
  const text = await fs.readFile(`${workspaceFile(name).fsPath}.ann.yaml`, 'utf8');
  const parsed = parseSidecar(text);
  assert.equal(parsed.writable, true, JSON.stringify(parsed.problems));
  return parsed.sidecar!;
}

describe('Untagged claims in the editor', () => {
  afterEach(closeAllEditors);

  it('marks each untagged claim at its sentence, with the cue and the suggested category', async () => {
    const { claimStatusBar } = await api();
    const source = await copyFixture('claims');
    const { document } = await openEditor(source);
    assert.deepEqual(await diagnosedSentences(document, 3), [TORTURE, ABDUCTION, EXECUTION]);
    const torture = diagnosticOn(document, TORTURE);
    assert.equal(torture.source, 'legal-annotator');
    assert.equal(torture.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(torture.message, /"tortured" suggests Torture \(torture\)/);
    await waitFor('the claim coverage in the status bar', () => claimStatusBar.text === '$(checklist) 0 of 3 claims tagged');
  });

  it('lists a source with untagged claims in the Annotations view before it has any tag', async () => {
    const { annotationsView } = await api();
    const source = await copyFixture('claims-view');
    const { document } = await openEditor(source);
    await diagnosedSentences(document, 3);
    const row = await waitFor('the source under "Untagged claims"', async () => {
      const group = (await annotationsView.getChildren()).find((node) => node.kind === 'untagged');
      if (!group) return undefined;
      const rows = (await annotationsView.getChildren(group)).map((node) => annotationsView.getTreeItem(node));
      return rows.find((item) => item.label === source);
    });
    assert.equal(row.description, '3 untagged claims');
  });

  it('tags a claim with its first quick fix, and its diagnostic goes at once', async () => {
    const { claimStatusBar } = await api();
    const source = await copyFixture('claims-tag');
    const { document } = await openEditor(source);
    await diagnosedSentences(document, 3);
    const fixes = await quickFixes(document, diagnosticOn(document, TORTURE).range);
    const titles = fixes.map((f) => f.title);
    assert.equal(titles[0], 'Tag sentence as Torture', titles.join(' | '));
    assert.equal(fixes[0].isPreferred, true);
    assert.ok(titles.includes('Tag sentence as…') && titles.includes('Not a claim'), titles.join(' | '));
    // The annotator's own sentence suggestions are not listed a second time.
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(diagnosticOn(document, TORTURE).range.start, diagnosticOn(document, TORTURE).range.start));
    assert.equal(all.filter((a) => a.title === 'Tag as Torture').length, 0, all.map((a) => a.title).join(' | '));

    await run(fixes[0]);
    assert.deepEqual(await diagnosedSentences(document, 2), [ABDUCTION, EXECUTION]);
    const sidecar = await sidecarOf(source);
    assert.deepEqual(sidecar.annotations.map((a) => [a.category, a.target.exact]), [['torture', TORTURE]]);
    await waitFor('the coverage to count the tag', () => claimStatusBar.text === '$(checklist) 1 of 3 claims tagged');
  });

  it('"Not a claim" records a dismissal that survives reopening; undo brings the claim back', async () => {
    const { store } = await api();
    const source = await copyFixture('claims-dismiss');
    let { document } = await openEditor(source);
    await diagnosedSentences(document, 3);
    const fixes = await quickFixes(document, diagnosticOn(document, ABDUCTION).range);
    const notAClaim = fixes.find((f) => f.title === 'Not a claim');
    assert.ok(notAClaim, fixes.map((f) => f.title).join(' | '));
    await run(notAClaim);
    assert.deepEqual(await diagnosedSentences(document, 2), [TORTURE, EXECUTION]);
    const sidecar = await sidecarOf(source);
    assert.equal(sidecar.annotations.length, 0);
    assert.deepEqual(sidecar.dismissed.map((d) => d.target.exact), [ABDUCTION]);
    assert.match(sidecar.dismissed[0].created ?? '', /^\d{4}-\d\d-\d\dT/);

    // Closed and opened again: the dismissal is read back from the sidecar and anchored. VS Code
    // closes a document some time after its editor (onDidCloseTextDocument); the store's `forget`
    // and `load` are what that close and the next open run.
    await closeAllEditors();
    store.forget(document.uri);
    await waitFor('the diagnostics of the closed source to go', () => claimDiagnostics(document.uri).length === 0);
    ({ document } = await openEditor(source));
    await store.load(document);
    assert.ok(store.get(document.uri)?.entries.some((e) => e.kind === 'dismissal' && e.range), 'the dismissal is anchored');
    assert.deepEqual(await diagnosedSentences(document, 2), [TORTURE, EXECUTION]);

    // "Restore claim" is offered on the dismissed sentence.
    const start = document.getText().indexOf(ABDUCTION);
    const at = new vscode.Range(document.positionAt(start + 5), document.positionAt(start + 5));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, at)) ?? [];
    assert.ok(actions.some((a) => a.title.startsWith('Restore claim')), actions.map((a) => a.title).join(' | '));

    assert.equal(await vscode.commands.executeCommand(COMMANDS.undo), 'Not a claim');
    assert.deepEqual(await diagnosedSentences(document, 3), [TORTURE, ABDUCTION, EXECUTION]);
    // "Not a claim" created the sidecar: undoing it removes the file.
    assert.equal(await fs.stat(`${workspaceFile(source).fsPath}.ann.yaml`).then(() => true, () => false), false);
  });

  it('"Review workspace" fills the Problems panel for sources that are not open, without duplicates once opened', async () => {
    await api();
    const source = await copyFixture('claims-unopened');
    const uri = workspaceFile(source);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false);
    assert.equal(claimDiagnostics(uri).length, 0);
    const result = await vscode.commands.executeCommand<WorkspaceReviewResult>(COMMANDS.reviewWorkspace);
    assert.ok(result && !result.cancelled, 'the review ran');
    assert.ok(result.sources >= 1 && result.counts.claims >= 3, JSON.stringify(result));
    const closed = claimDiagnostics(uri);
    assert.equal(closed.length, 3, closed.map((d) => d.message).join('\n'));
    assert.match(closed[0].message, /suggests Torture/);
    assert.equal(closed[0].range.start.line, 2);

    const { document } = await openEditor(source);
    assert.deepEqual(await diagnosedSentences(document, 3), [TORTURE, ABDUCTION, EXECUTION]);
    // Closed again: the workspace review covers it, so it stays in the Problems panel.
    await closeAllEditors();
    await waitFor('the diagnostics of the closed, reviewed source', () => claimDiagnostics(uri).length === 3);
  });

  it('keeps the problems of a reviewed source that is not open in step with its files on disk (git pull, the CLI)', async () => {
    await api();
    const source = await copyFixture('claims-on-disk');
    const uri = workspaceFile(source);
    await vscode.commands.executeCommand<WorkspaceReviewResult>(COMMANDS.reviewWorkspace);
    await waitFor('the reviewed problems of the unopened source', () => claimDiagnostics(uri).length === 3);
    // A sidecar tagging the torture sentence arrives on disk, as by `git pull` or `legal-annotator tag`.
    const text = await fs.readFile(uri.fsPath, 'utf8');
    const tagged = tagPassage({ text, sourceName: source, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: TORTURE }, now: new Date() });
    assert.ok(tagged.ok);
    await fs.writeFile(`${uri.fsPath}.ann.yaml`, tagged.doc.text);
    await waitFor('the tagged claim to leave the Problems panel', () => claimDiagnostics(uri).length === 2);
    assert.ok(claimDiagnostics(uri).every((d) => !/Torture/.test(d.message)));
    // The source itself goes (outside the explorer): so do its problems.
    await fs.unlink(uri.fsPath);
    await waitFor('the problems of the deleted source to go', () => claimDiagnostics(uri).length === 0);
  });
});
