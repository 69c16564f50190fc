import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from '../../src/extension/constants';
import { closeAllEditors, waitFor, workspaceFile } from './helpers';
import { addSidecar, api, copyFixture, open } from './sourceFixtures';

/** Our hovers on `phrase` (those that name it) and our tagging actions on it, counted. */
async function offeredOn(document: vscode.TextDocument, phrase: string): Promise<{ hovers: number; tagActions: number }> {
  const start = document.positionAt(document.getText().indexOf(phrase));
  const range = new vscode.Range(start, start.translate(0, phrase.length));
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, start.translate(0, 2))) ?? [];
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
  const named = new RegExp(phrase.split(' ')[0], 'i');
  return {
    hovers: hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).filter((text) => named.test(text)).length,
    tagActions: actions.filter((a) => a.title.startsWith('Tag ')).length,
  };
}

describe('Which files are sources', () => {
  afterEach(closeAllEditors);

  it('opens a .txt matched by the sources globs of its folder config as legal-text, and loads it', async () => {
    const { store } = await api();
    const document = await open(await copyFixture('statements', 'statement.txt'));
    await waitFor('the language to become legal-text', () => document.languageId === LANGUAGE_ID);
    await waitFor('the store to load the source', () => store.get(document.uri));
  });

  it('opens a .txt that has a sidecar as legal-text', async () => {
    const { store } = await api();
    const uri = await copyFixture('notes', 'plain.txt');
    await addSidecar(uri);
    const document = await open(uri);
    await waitFor('the language to become legal-text', () => document.languageId === LANGUAGE_ID);
    await waitFor('the store to load the source', () => store.get(document.uri));
  });

  it('leaves a .txt that is no source as plain text', async () => {
    const { sources, store } = await api();
    const document = await open(await copyFixture('notes', 'plain.txt'));
    assert.equal(await sources.isSource(document), false);
    assert.equal(document.languageId, 'plaintext');
    assert.equal(store.get(document.uri), undefined);
    // Nothing of ours on it: no hover, no tagging action (made a source, the same file gets both).
    assert.deepEqual(await offeredOn(document, 'Geneva Conventions'), { hovers: 0, tagActions: 0 });
    assert.equal(await vscode.commands.executeCommand(COMMANDS.toggleSource), true);
    await waitFor('our hover and tagging actions once it is a source', async () => {
      const offered = await offeredOn(document, 'Geneva Conventions');
      return offered.hovers > 0 && offered.tagActions > 0;
    });
  });

  it('makes a .txt and a .md that no config covers sources as soon as they are opened', async () => {
    const { store } = await api();
    // At the workspace root no .legal-annotator.yaml applies: the default globs (every .txt and .md) do.
    const folder = workspaceFile(`no-config-${process.pid}`);
    await fs.mkdir(folder.fsPath);
    try {
      const claim = 'Ukrainian prisoners of war were tortured in March 2022.\n';
      const txt = vscode.Uri.joinPath(folder, 'report.txt');
      const md = vscode.Uri.joinPath(folder, 'notes.md');
      await fs.writeFile(txt.fsPath, claim);
      await fs.writeFile(md.fsPath, `# Notes\n\n${claim}`);
      const text = await open(txt);
      await waitFor('the .txt to become legal-text', () => text.languageId === LANGUAGE_ID);
      await waitFor('the store to load the .txt', () => store.get(text.uri));
      const markdown = await open(md);
      await waitFor('the store to load the .md', () => store.get(markdown.uri));
      assert.equal(markdown.languageId, 'markdown');
    } finally {
      await closeAllEditors();
      await fs.rm(folder.fsPath, { recursive: true, force: true });
    }
  });

  it('keeps a Markdown source in markdown, and loads it', async () => {
    const { sources, store } = await api();
    const document = await open(await copyFixture('statements', 'notes.md'));
    assert.equal(await sources.isSource(document), true);
    await waitFor('the store to load the source', () => store.get(document.uri));
    assert.equal(document.languageId, 'markdown');
  });

  it('toggles a plain-text file into a source and back, and remembers the choice', async () => {
    const { sources, store } = await api();
    const document = await open(await copyFixture('notes', 'plain.txt'));
    assert.equal(await vscode.commands.executeCommand(COMMANDS.toggleSource), true);
    await waitFor('the language to become legal-text', () => document.languageId === LANGUAGE_ID);
    await waitFor('the store to load the source', () => store.get(document.uri));
    assert.equal(sources.choice(document.uri), true);

    assert.equal(await vscode.commands.executeCommand(COMMANDS.toggleSource, document.uri), false);
    await waitFor('the language to become plaintext again', () => document.languageId === 'plaintext');
    await waitFor('the store to forget the document', () => store.get(document.uri) === undefined);
    assert.equal(sources.choice(document.uri), false);
    assert.equal(await sources.isSource(document), false);
  });

  it('toggles a legal-text source (matched by the globs) out and in again', async () => {
    const { sources, store } = await api();
    const document = await open(await copyFixture('statements', 'statement.txt'));
    await waitFor('the language to become legal-text', () => document.languageId === LANGUAGE_ID);
    const ours = () => offeredOn(document, 'filtration camp');
    await waitFor('our hover and tagging actions on the source', async () => {
      const found = await ours();
      return found.hovers > 0 && found.tagActions > 0;
    });
    await vscode.commands.executeCommand(COMMANDS.toggleSource);
    await waitFor('the language to become plaintext', () => document.languageId === 'plaintext');
    await waitFor('the store to forget the document', () => store.get(document.uri) === undefined);
    assert.equal(await sources.isSource(document), false, 'the choice wins over the globs');
    // Toggled out, it gets no hovers and no tagging actions of ours either.
    assert.deepEqual(await ours(), { hovers: 0, tagActions: 0 });
    await vscode.commands.executeCommand(COMMANDS.toggleSource);
    await waitFor('the language to become legal-text again', () => document.languageId === LANGUAGE_ID);
    await waitFor('the store to load the source', () => store.get(document.uri));
  });

  it('toggles a Markdown source out and in, keeping its language', async () => {
    const { store } = await api();
    const document = await open(await copyFixture('statements', 'notes.md'));
    await waitFor('the store to load the source', () => store.get(document.uri));
    assert.equal(await vscode.commands.executeCommand(COMMANDS.toggleSource), false);
    assert.equal(store.get(document.uri), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.toggleSource), true);
    assert.ok(store.get(document.uri));
    assert.equal(document.languageId, 'markdown');
  });
});
