/**
 * Adjudication in the editor, against a real git repository: the workspace folder is made a
 * repository with my tags on `main` and another annotator's on branch `bob`; "Compare
 * annotations with…" reads `bob` through git show, paints their tags, lists the disagreements,
 * shows the agreement, and its code actions decide each disagreement in one undoable write.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/sidecar/model';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { createTwoAnnotatorRepository, DECIDER, gitIn, sidecarTextOf, tagOf } from '../support/two-annotators';
import { closeAllEditors, errorMessagesDuring, extension, openEditor, waitFor, withAutoSaveOff, workspaceFile, workspaceRoot } from './helpers';

const SOURCE = 'compare.legal.txt';
const TEXT = [
  'Witnesses said the prisoners of war were tortured with electric shocks in the basement.',
  '',
  'Two of them were executed at dawn, a guard said.',
  '',
  'The ICRC was denied access to the camp.',
  '',
].join('\n');
const tag = (id: string, category: string, quote: string, author: string) => tagOf(TEXT, id, category, quote, author);

const MINE = [tag('m1', 'torture', 'tortured with electric shocks', 'Ana'), tag('m2', 'ill-treatment', 'executed at dawn', 'Ana')];
const THEIRS = [
  tag('t1', 'torture', 'tortured with electric shocks', 'Bo'), // agrees with m1
  tag('t2', 'wilful-killing', 'executed', 'Bo'), // another category than m2
  tag('t3', 'denial-of-icrc-access', 'denied access', 'Bo'), // a passage I did not tag
];

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

function sidecarPath(): string {
  return `${workspaceFile(SOURCE).fsPath}.ann.yaml`;
}

async function annotationsOnDisk(): Promise<Annotation[]> {
  return parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar!.annotations;
}

async function actionsAt(editor: vscode.TextEditor, quote: string): Promise<vscode.CodeAction[]> {
  const at = editor.document.positionAt(TEXT.indexOf(quote) + 1);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at))) ?? [];
  // The adjudication actions only (the passage also offers to tag its sentence).
  return actions.filter((a) => a.kind?.value === 'quickfix.legalAnnotator.adjudicate');
}

async function run(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.command, 'the action is offered');
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function openDisagreements(la: LegalAnnotatorApi): Promise<number> {
  const [group] = await la.annotationsView.getChildren();
  if (group?.kind !== 'disagreements') return -1;
  return group.sources.reduce((n, s) => n + s.rows.length, 0);
}

describe('Compare annotations with another branch, and adjudicate', function () {
  this.timeout(60_000);
  let original = '';

  before(async () => {
    // The workspace folder itself becomes the repository (its .git is removed after the suite).
    original = createTwoAnnotatorRepository(workspaceRoot().fsPath, { source: SOURCE, text: TEXT, mine: MINE, theirs: THEIRS });
    await api();
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.stopComparing);
    await closeAllEditors();
    // Later suites find the workspace as before: no repository, no source or sidecar of ours.
    for (const made of ['.git', SOURCE, `${SOURCE}.ann.yaml`]) await fs.rm(workspaceFile(made).fsPath, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await fs.writeFile(sidecarPath(), original);
  });

  it('paints their tags as outlines, names author and category on hover, lists the disagreements and the agreement', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    await la.ready;
    const compared = await vscode.commands.executeCommand<{ label: string }>(COMMANDS.compareWith, 'git:bob');
    assert.equal(compared?.label, 'bob');
    const key = editor.document.uri.toString();
    const painted = await waitFor('their three tags painted', () => (la.ghostTags.painted.get(key)?.length === 3 ? la.ghostTags.painted.get(key) : undefined));
    const offset = TEXT.indexOf('executed');
    assert.ok(painted.includes(`wilful-killing@${offset}-${offset + 'executed'.length}`), painted.join(' '));

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Their tag\*\* in bob: Wilful killing[^\n]*\(`wilful-killing`\), by Bo/);

    assert.equal(await waitFor('two disagreements in the view', async () => ((await openDisagreements(la)) === 2 ? 2 : undefined)), 2);
    const status = await waitFor('the agreement in the status bar', () => la.agreementStatusBar.text);
    // One of two tags each matches exactly: F1 = 2 * 1 / (2 + 3) = 0.40.
    assert.equal(status, `$(git-compare) F1 0.40 · κ ${la.comparison.forDocument(editor.document)!.agreement.overall.sentenceKappa.toFixed(2)}`);
  });

  it('"Accept theirs" replaces my tag with theirs, recording the decision; one undo restores the sidecar byte for byte', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.compareWith, 'git:bob');
    await waitFor('the comparison of the open source', () => la.comparison.forDocument(editor.document)?.disagreements.length === 2);
    const actions = await actionsAt(editor, 'executed');
    assert.deepEqual(actions.map((a) => a.title.split(':')[0]), ['Accept theirs', 'Keep mine', 'Keep both']);
    await run(actions[0]);
    const after = await waitFor('t2 in my sidecar', async () => ((await annotationsOnDisk()).some((a) => a.id === 't2') ? annotationsOnDisk() : undefined));
    assert.deepEqual(after.map((a) => a.id), ['m1', 't2']);
    const accepted = after[1];
    assert.equal(accepted.category, 'wilful-killing');
    assert.equal(accepted.author, 'Bo');
    assert.deepEqual(accepted.adjudicated?.from, ['t2', 'm2']);
    assert.equal(accepted.adjudicated?.by, DECIDER);
    assert.ok(Date.now() - Date.parse(accepted.adjudicated!.at) < 60_000);
    await waitFor('one disagreement left', async () => (await openDisagreements(la)) === 1);

    await vscode.commands.executeCommand(COMMANDS.undo);
    await waitFor('undo to restore the sidecar', async () => (await fs.readFile(sidecarPath(), 'utf8')) === original);
    await waitFor('both disagreements back', async () => (await openDisagreements(la)) === 2);
  });

  it('"Keep mine" and "Keep both" record the decision on the tags kept; each is one undo step', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.compareWith, 'git:bob');
    await waitFor('the comparison of the open source', () => la.comparison.forDocument(editor.document)?.disagreements.length === 2);

    await run((await actionsAt(editor, 'executed')).find((a) => a.title.startsWith('Keep mine')));
    const kept = await waitFor('m2 to carry the decision', async () => (await annotationsOnDisk()).find((a) => a.id === 'm2' && a.adjudicated));
    assert.deepEqual(kept.adjudicated?.from, ['t2', 'm2']);
    assert.equal((await annotationsOnDisk()).length, 2, 'nothing added');
    await waitFor('their set-aside tag no longer painted', () => la.ghostTags.painted.get(editor.document.uri.toString())?.length === 2);
    await vscode.commands.executeCommand(COMMANDS.undo);
    await waitFor('undo to restore the sidecar', async () => (await fs.readFile(sidecarPath(), 'utf8')) === original);

    await waitFor('the comparison to see the restored sidecar', () => la.comparison.forDocument(editor.document)?.disagreements.length === 2);
    const onlyTheirs = await actionsAt(editor, 'denied access');
    assert.deepEqual(onlyTheirs.map((a) => a.title.split(':')[0]), ['Accept theirs', 'Keep both'], 'no "Keep mine" where I have no tag');
    await run((await actionsAt(editor, 'executed')).find((a) => a.title.startsWith('Keep both')));
    const both = await waitFor('t2 added beside m2', async () => ((await annotationsOnDisk()).length === 3 ? annotationsOnDisk() : undefined));
    assert.deepEqual(both.map((a) => [a.id, a.adjudicated?.from]), [['m1', undefined], ['m2', ['t2', 'm2']], ['t2', ['t2', 'm2']]]);
    await vscode.commands.executeCommand(COMMANDS.undo);
    await waitFor('undo to restore the sidecar', async () => (await fs.readFile(sidecarPath(), 'utf8')) === original);
  });

  it('says why a ref that does not exist cannot be compared, and keeps the comparison it had', async () => {
    const la = await api();
    await vscode.commands.executeCommand(COMMANDS.compareWith, 'git:bob');
    const shown = await errorMessagesDuring(async () => vscode.commands.executeCommand(COMMANDS.compareWith, 'git:no-such-branch'));
    assert.equal(shown.length, 1, shown.join(' | '));
    assert.match(shown[0], /^Legal Annotator: Compare annotations failed: git:no-such-branch: git ls-tree: .*no-such-branch/);
    assert.equal(la.comparison.compared?.label, 'bob');
  });

  it('compares with a folder holding the other annotator\'s sidecars the same way, and stops', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    const folder = workspaceFile('bob-copy');
    await fs.mkdir(folder.fsPath, { recursive: true });
    await fs.writeFile(vscode.Uri.joinPath(folder, SOURCE).fsPath, TEXT);
    await fs.writeFile(vscode.Uri.joinPath(folder, `${SOURCE}.ann.yaml`).fsPath, gitIn(workspaceRoot().fsPath, 'show', `bob:${SOURCE}.ann.yaml`));
    try {
      const compared = await vscode.commands.executeCommand<{ label: string }>(COMMANDS.compareWith, 'bob-copy');
      assert.equal(compared?.label, 'bob-copy');
      const now = () => la.comparison.forDocument(editor.document);
      await waitFor('the same two disagreements', () => now()?.disagreements.length === 2).catch((error: Error) => {
        const state = la.store.get(editor.document.uri);
        const found = now()?.disagreements.map((d) => `${d.kind} ${d.theirs.annotation.id}@${d.theirs.start}-${d.theirs.end} [${d.mine.map((m) => `${m.annotation.id}@${m.start}-${m.end}`).join(',')}]`);
        const mine = (state?.entries ?? []).map((e) => `${e.id}@${e.range?.start}-${e.range?.end}`).join(' ');
        throw new Error(`${error.message}: ${found?.join('; ')}; mine ${mine}; store version ${state?.version} of ${editor.document.version}`);
      });
      await vscode.commands.executeCommand(COMMANDS.stopComparing);
      await waitFor('the ghosts gone', () => la.ghostTags.painted.get(editor.document.uri.toString())?.length === 0);
      assert.equal(la.agreementStatusBar.text, undefined);
      assert.notEqual((await la.annotationsView.getChildren())[0]?.kind, 'disagreements');
    } finally {
      await fs.rm(folder.fsPath, { recursive: true, force: true });
    }
  });

  it('paints, of a long source with thousands of their tags, those of the lines on screen, and follows the scrolling', async () => {
    const la = await api();
    const name = 'compare-long.legal.txt';
    const lines = Array.from({ length: 4000 }, (_, i) => `Line ${i}: the prisoners were tortured in the basement.`);
    const text = `${lines.join('\n')}\n`;
    const theirs = lines.slice(0, 3000).map((_, i) => tagOf(text, `t${i}`, 'torture', `Line ${i}:`, 'Bo'));
    const folder = workspaceFile('bob-long');
    await fs.mkdir(folder.fsPath, { recursive: true });
    await fs.writeFile(workspaceFile(name).fsPath, text);
    await fs.writeFile(vscode.Uri.joinPath(folder, name).fsPath, text);
    await fs.writeFile(vscode.Uri.joinPath(folder, `${name}.ann.yaml`).fsPath, sidecarTextOf(name, text, theirs));
    try {
      const editor = await openEditor(name);
      const key = editor.document.uri.toString();
      await vscode.commands.executeCommand(COMMANDS.compareWith, 'bob-long');
      const tagAt = (line: number) => `torture@${text.indexOf(`Line ${line}:`)}-${text.indexOf(`Line ${line}:`) + `Line ${line}:`.length}`;
      const top = await waitFor('their tags at the top painted', () => (la.ghostTags.painted.get(key)?.includes(tagAt(0)) ? la.ghostTags.painted.get(key) : undefined));
      assert.ok(top.length < 1000, `${top.length} of 3000 painted at the top`);
      assert.ok(!top.includes(tagAt(2999)), 'a tag 3,000 lines below the screen is not painted');
      editor.revealRange(new vscode.Range(2990, 0, 2990, 0), vscode.TextEditorRevealType.AtTop);
      const below = await waitFor('their tags on the lines scrolled to painted', () => (la.ghostTags.painted.get(key)?.includes(tagAt(2999)) ? la.ghostTags.painted.get(key) : undefined));
      assert.ok(!below.includes(tagAt(0)), 'the tags scrolled away are no longer painted');
    } finally {
      await vscode.commands.executeCommand(COMMANDS.stopComparing);
      await closeAllEditors();
      await fs.rm(folder.fsPath, { recursive: true, force: true });
      await fs.rm(workspaceFile(name).fsPath, { force: true });
    }
  });

  it('moves their tags with unsaved edits, as mine move', () => withAutoSaveOff(async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.compareWith, 'git:bob');
    const key = editor.document.uri.toString();
    const offset = TEXT.indexOf('executed');
    await waitFor('their tags painted', () => la.ghostTags.painted.get(key)?.includes(`wilful-killing@${offset}-${offset + 8}`));
    const inserted = 'A note. ';
    try {
      for (const [i, ch] of [...inserted].entries()) assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(i), ch)));
      await waitFor('their tag moved by the text typed above it', () => la.ghostTags.painted.get(key)?.includes(`wilful-killing@${offset + inserted.length}-${offset + inserted.length + 8}`));
      const compared = la.comparison.forDocument(editor.document)!;
      assert.equal(compared.disagreements.length, 2);
      assert.equal(compared.text.slice(compared.disagreements[0].theirs.start, compared.disagreements[0].theirs.end), 'executed');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('back where it was after the revert', () => la.ghostTags.painted.get(key)?.includes(`wilful-killing@${offset}-${offset + 8}`)).catch((error: Error) => {
      const mine = (la.store.get(editor.document.uri)?.entries ?? []).map((e) => `${e.id}@${e.range?.start}-${e.range?.end}`).join(' ');
      throw new Error(`${error.message}: painted ${la.ghostTags.painted.get(key)?.join(' ')}; mine ${mine}; version ${la.store.get(editor.document.uri)?.version} of ${editor.document.version}, dirty ${editor.document.isDirty}, text ${editor.document.getText() === TEXT ? 'as before' : JSON.stringify(editor.document.getText().slice(0, 100))}`);
    });
    const mine = () => (la.store.get(editor.document.uri)?.entries ?? []).map((e) => `${e.id}@${e.range?.start}-${e.range?.end}`).join(' ');
    await waitFor('mine back where they were, so the disagreements are the two of before', () => la.comparison.forDocument(editor.document)?.disagreements.length === 2).catch((error: Error) => {
      const found = la.comparison.forDocument(editor.document)?.disagreements.map((d) => `${d.kind} ${d.theirs.annotation.id}@${d.theirs.start} [${d.mine.map((m) => `${m.annotation.id}@${m.start}`).join(',')}]`);
      throw new Error(`${error.message}: ${found?.join('; ')}; mine ${mine()}; version ${la.store.get(editor.document.uri)?.version} of ${editor.document.version}, dirty ${editor.document.isDirty}`);
    });
    const before = mine();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(mine(), before, `mine stay where they are after the revert (version ${la.store.get(editor.document.uri)?.version} of ${editor.document.version})`);
  }));
});
