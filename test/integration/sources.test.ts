import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from '../../src/extension/constants';
import { closeAllEditors, waitFor } from './helpers';
import { addSidecar, api, copyFixture, open } from './sourceFixtures';

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
    const start = document.positionAt(document.getText().indexOf('filtration camp'));
    const range = new vscode.Range(start, start.translate(0, 'filtration camp'.length));
    const ours = async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, start.translate(0, 2))) ?? [];
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range)) ?? [];
      return {
        hovers: hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).filter((text) => /filtration/i.test(text)).length,
        tagActions: actions.filter((a) => a.title.startsWith('Tag ')).length,
      };
    };
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
