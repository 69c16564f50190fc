import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/sidecar-io';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const QUOTE = 'were tortured with electric shocks';
let copies = 0;

/** A fresh copy of the fixture for one test, opened in an editor. */
async function freshSource(): Promise<{ editor: vscode.TextEditor; name: string; sidecar: string }> {
  const name = `concurrency-${++copies}.legal.txt`;
  await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(name).fsPath);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
  const api = (await extension().activate()) as LegalAnnotatorApi;
  await waitFor('the store to track the source', () => api.store.get(editor.document.uri));
  return { editor, name, sidecar: `${workspaceFile(name).fsPath}.ann.yaml` };
}

function offsetsOf(editor: vscode.TextEditor, quote: string): { start: number; end: number } {
  const start = editor.document.getText().indexOf(quote);
  assert.ok(start >= 0, quote);
  return { start, end: start + quote.length };
}

async function readSidecar(path: string) {
  const text = await fs.readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseSidecar(text).sidecar;
}

describe('Concurrent changes', () => {
  afterEach(closeAllEditors);

  it('lands two tag actions fired within a millisecond', async () => {
    const { editor, sidecar } = await freshSource();
    const uri = editor.document.uri.toString();
    await Promise.all([
      vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, QUOTE), category: 'torture' }),
      vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, 'Permanent Council'), category: 'other' }),
    ]);
    const categories = (await readSidecar(sidecar))?.annotations.map((a) => a.category).sort();
    assert.deepEqual(categories, ['other', 'torture']);
  });

  it('merges a sidecar rewritten on disk with the unsaved moves of the source', async () => {
    const { editor, sidecar } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    // Unsaved edits: a line above the tag, and a word changed inside its quote.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Inserted above.\n'));
    const inside = offsetsOf(editor, 'electric');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(inside.start), editor.document.positionAt(inside.end)), 'electrical'));
    // Someone else's change lands on disk (a git pull): a second tag, the first one untouched.
    const text = await fs.readFile(sidecar, 'utf8');
    const pulled = text.replace('dismissed: []', '') + [
      '  - id: a-pulled01', '    category: other', '    target:', '      start: 0', '      end: 9',
      '      exact: Statement', '      prefix: ""', '      suffix: " recorded on 14.11.2025 📌 in Kyi"', 'dismissed: []', '',
    ].join('\n');
    await fs.writeFile(sidecar, pulled);
    await waitFor('the pulled tag to be read', () => api.store.get(editor.document.uri)?.entries.some((e) => e.id === 'a-pulled01'));
    const mine = api.store.get(editor.document.uri)!.entries.find((e) => e.id !== 'a-pulled01')!;
    assert.equal(editor.document.getText().slice(mine.range!.start, mine.range!.end), 'were tortured with electrical shocks', 'the unsaved move survived the reload');

    await editor.document.save();
    const saved = await waitFor('both tags saved with the new offsets', async () => {
      const content = await readSidecar(sidecar);
      return content?.annotations.find((a) => a.category === 'torture')?.target.exact === 'were tortured with electrical shocks' ? content : undefined;
    });
    assert.deepEqual(saved.annotations.map((a) => a.id).includes('a-pulled01'), true);
    assert.equal(saved.annotations.length, 2);
  });

  it('reports a conflict, dropping neither side, when a tag changed on disk was also moved by unsaved edits', async () => {
    const { editor, sidecar } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Inserted above.\n'));
    const text = await fs.readFile(sidecar, 'utf8');
    // On disk, the same tag is re-pointed at another passage.
    const other = 'The Permanent Council met in Vienna';
    const source = await fs.readFile(editor.document.uri.fsPath, 'utf8');
    const start = [...source.slice(0, source.indexOf(other))].length;
    const moved = text.replace(/start: \d+/, `start: ${start}`).replace(/end: \d+/, `end: ${start + other.length}`).replace(`exact: ${QUOTE}`, `exact: ${other}`);
    await fs.writeFile(sidecar, moved);
    const conflict = await waitFor('a conflict', () => api.store.conflicts.find((c) => c.sourceUri.toString() === editor.document.uri.toString()));
    assert.equal(editor.document.getText().slice(conflict.mine.start, conflict.mine.end), QUOTE, 'my position is kept in the conflict');
    const entry = api.store.get(editor.document.uri)!.entries.find((e) => e.id === conflict.id)!;
    assert.equal(entry.entry.target.exact, other, 'the version on disk is shown');
    await api.store.resolveConflict(conflict, true);
    assert.equal((await readSidecar(sidecar))!.annotations[0].target.exact, QUOTE, 'choosing "keep my position" writes it');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('takes the sidecar along when the source is renamed, and keeps it when the source is deleted', async () => {
    const { editor, name, sidecar } = await freshSource();
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    await closeAllEditors();
    const renamed = `renamed-${name}`;
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFile(name), workspaceFile(renamed));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = `${workspaceFile(renamed).fsPath}.ann.yaml`;
    const content = await waitFor('the sidecar to follow its source', () => readSidecar(moved));
    assert.equal(content.source, renamed);
    assert.equal(content.annotations[0].target.exact, QUOTE);
    // The sidecar is written at its new place first and removed from the old one after.
    await waitFor('the old sidecar to be gone', async () => !(await fs.stat(sidecar).then(() => true, () => false)));

    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(workspaceFile(renamed));
    assert.ok(await vscode.workspace.applyEdit(deletion));
    await waitFor('the source to be deleted', async () => !(await fs.stat(workspaceFile(renamed).fsPath).then(() => true, () => false)));
    assert.ok(await readSidecar(moved), 'the sidecar of a deleted source is kept');
  });
});
