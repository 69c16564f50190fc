import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, openEditor, waitFor } from './helpers';

describe('Extension activation', () => {
  afterEach(closeAllEditors);

  it('activates on a legal-text document of the fixture workspace', async () => {
    const editor = await openEditor('basic.legal.txt');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    await waitFor('the extension to activate', () => extension().isActive);
  });

  it('opens a source text of the sample workspace as legal-text', async () => {
    const txt = await openEditor('samples', 'reports', '2025-10-osce-moscow-mechanism-pow-report.legal.txt');
    assert.equal(txt.document.languageId, LANGUAGE_ID);
    const md = await openEditor('samples', 'reports', '2025-11-witness-statement.legal.md');
    assert.equal(md.document.languageId, LANGUAGE_ID);
    await waitFor('the extension to activate', () => extension().isActive);
  });

  it('compiles no lexicon while activating (it is compiled when a source is first scanned), and says how long activate() took', async () => {
    const { metrics } = (await extension().activate()) as LegalAnnotatorApi;
    console.log(`      activate() took ${metrics.activationMs.toFixed(1)} ms (goal: 50 ms; not a test bound)`);
    assert.equal(metrics.lexiconsCompiledAtActivation, 0, 'a lexicon was compiled before activate() returned');
    // The counter counts: hovering a state of a source scans it with the lexicon.
    const editor = await openEditor('basic.legal.txt');
    const onState = editor.document.positionAt(editor.document.getText().indexOf('Ukraine') + 2);
    await waitFor('a hover on the state', async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, onState)) ?? []).length > 0);
    assert.ok(metrics.lexiconsCompiled() > 0, 'scanning a source compiled no lexicon: the counter does not count');
  });

  it('runs in the test VS Code with the extension under development', () => {
    const ext = extension();
    assert.equal(ext.packageJSON.name, 'legal-annotator');
    assert.ok(vscode.version, 'VS Code reports a version');
  });
});

describe('Commands', () => {
  it('registers every command the manifest contributes', async () => {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: Array<{ command: string }> = extension().packageJSON.contributes.commands;
    for (const { command } of contributed) assert.ok(registered.has(command), `command ${command} is not registered`);
    assert.ok(registered.has(COMMANDS.showOutput));
  });

  it('runs "Legal Annotator: Show log" without error', async () => {
    await vscode.commands.executeCommand(COMMANDS.showOutput);
  });
});
