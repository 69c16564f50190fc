import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sidecarLockPath } from '../../src/core/sidecar/sidecar-lock';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, errorMessagesDuring, extension, waitFor, withAutoSaveOff, workspaceFile } from './helpers';

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
    const taggedAt = offsetsOf(editor, QUOTE).start;
    // Unsaved edits: two lines above the tag.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Inserted above.\n'));
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'And again.\n'));
    // Someone else's change lands on disk (a git pull): a second tag, the first one untouched.
    const text = await fs.readFile(sidecar, 'utf8');
    const pulled = text.replace('dismissed: []', '') + [
      '  - id: a-pulled01', '    category: other', '    target:', '      start: 0', '      end: 9',
      '      exact: Statement', '      prefix: ""', '      suffix: " recorded on 14.11.2025 📌 in Kyi"', 'dismissed: []', '',
    ].join('\n');
    await fs.writeFile(sidecar, pulled);
    await waitFor('the pulled tag to be read', () => api.store.get(editor.document.uri)?.entries.some((e) => e.id === 'a-pulled01'));
    const mine = api.store.get(editor.document.uri)!.entries.find((e) => e.id !== 'a-pulled01')!;
    assert.equal(mine.range!.start, taggedAt + 'Inserted above.\nAnd again.\n'.length, 'the unsaved move survived the reload');

    await editor.document.save();
    const saved = await waitFor('both tags saved with the new offsets', async () => {
      const content = await readSidecar(sidecar);
      const torture = content?.annotations.find((a) => a.category === 'torture')?.target;
      return torture?.exact === QUOTE && torture.start > taggedAt ? content : undefined;
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

  it('reads a sidecar written in two steps (emptied, then filled with the bytes it wrote last) back in full', async () => {
    const { editor, sidecar } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    const written = await fs.readFile(sidecar, 'utf8');
    await waitFor('the tag in the store', () => api.store.get(editor.document.uri)?.entries.length === 1);
    // Another program truncates the file and writes it later (fs.writeFile, git checkout):
    // the store can read it empty in between.
    await fs.truncate(sidecar, 0);
    await waitFor('the emptied sidecar read', () => api.store.get(editor.document.uri)?.entries.length === 0);
    await fs.writeFile(sidecar, written);
    await waitFor('the tag read again from the same bytes the editor wrote', () => api.store.get(editor.document.uri)?.entries.length === 1);
  });

  it('follows typing into a tag after an undo back to the saved text, instead of anchoring it again', () => withAutoSaveOff(async () => {
    const { editor } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    const { start, end } = offsetsOf(editor, QUOTE);
    assert.ok(await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), start, end, category: 'torture' }));
    const entry = () => api.store.get(editor.document.uri)?.entries[0];
    await waitFor('the tag anchored', () => entry()?.anchor.status === 'anchored');
    try {
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'X')));
      await vscode.commands.executeCommand('undo');
      await waitFor('the source clean again after the undo', () => !editor.document.isDirty);
      // Typed into the tagged passage: "electric" becomes "electrical".
      const at = editor.document.getText().indexOf('electric', start);
      assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(at + 'electric'.length), 'al')));
      const after = await waitFor('the tag to follow the typing', () => (entry()?.range?.end === end + 2 ? entry() : undefined)).catch((error: Error) => {
        throw new Error(`${error.message}: ${entry()?.anchor.status} ${entry()?.range?.start}-${entry()?.range?.end}, tagged ${start}-${end}`);
      });
      assert.equal(after!.range!.start, start);
      assert.equal(after!.anchor.status, 'anchored', 'followed as typed, not anchored again as an approximate match');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }));

  it('puts every tag back where it was when unsaved edits around and on its line are reverted', () => withAutoSaveOff(async () => {
    const { editor } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    const uri = editor.document.uri.toString();
    const original = editor.document.getText();
    for (const [quote, category] of [['Statement recorded', 'other'], [QUOTE, 'torture'], ['Permanent Council', 'other']] as const) {
      assert.ok(await vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, quote), category }));
    }
    const ranges = () => (api.store.get(editor.document.uri)?.entries ?? []).map((e) => `${e.id}@${e.range?.start}-${e.range?.end}`).sort().join(' ');
    const before = ranges();
    // Typed on the first line and on the tag's line: VS Code's revert then replaces only the block
    // from the first changed line to the last, which holds two tags but not the whole text.
    const tagLine = editor.document.positionAt(original.indexOf(QUOTE)).line;
    assert.ok(await editor.edit((edit) => {
      edit.insert(new vscode.Position(0, 0), 'Typed first. ');
      edit.insert(new vscode.Position(tagLine, 0), 'Typed here. ');
    }));
    await waitFor('the store to follow the edits', () => api.store.get(editor.document.uri)?.version === editor.document.version);
    assert.notEqual(ranges(), before, 'the edits moved the tags');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the revert', () => !editor.document.isDirty && editor.document.getText() === original && api.store.get(editor.document.uri)?.version === editor.document.version);
    assert.equal(ranges(), before, 'each tag is where it was before the edits');
    for (const entry of api.store.get(editor.document.uri)!.entries) assert.equal(original.slice(entry.range!.start, entry.range!.end), entry.entry.target.exact);
  }));

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

/** The words of the document, each a distinct passage, in UTF-16 offsets. */
function wordsOf(editor: vscode.TextEditor): Array<{ start: number; end: number }> {
  return [...editor.document.getText().matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Runs the built CLI (dist/cli.js) as its own process; resolves with its exit code and stderr. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  // ELECTRON_RUN_AS_NODE: in a desktop VS Code the extension host's executable is Electron.
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * Another process holding the sidecar's lock, as a CLI in the middle of its write does: it creates
 * the lock file as sidecar-lock.ts does (pid and host, so it is not judged stale while it runs) and
 * keeps it until it is sent SIGTERM.
 */
async function holdLock(sidecar: string): Promise<ChildProcess> {
  const script = `
    const fs = require('node:fs');
    const lock = process.argv[1];
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: ${JSON.stringify(hostname())}, token: 'held-by-test', time: new Date().toISOString() }) + '\\n', { flag: 'wx' });
    process.on('SIGTERM', () => { fs.rmSync(lock, { force: true }); process.exit(0); });
    setInterval(() => { const now = new Date(); fs.utimesSync(lock, now, now); }, 1000);
    console.log('locked');`;
  const child = spawn(process.execPath, ['-e', script, sidecarLockPath(sidecar)], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
    child.stdout!.once('data', () => resolve());
  });
  return child;
}

describe('Concurrent changes by the editor and the CLI', () => {
  afterEach(closeAllEditors);

  it('loses none of the tags the editor and 10 CLI processes write into one sidecar at the same time', async () => {
    const { editor, sidecar } = await freshSource();
    const api = (await extension().activate()) as LegalAnnotatorApi;
    const text = editor.document.getText();
    const codePoints = (utf16: number) => [...text.slice(0, utf16)].length;
    const words = wordsOf(editor);
    const byCli = words.slice(0, 10);
    const byEditor = words.slice(10, 20);
    assert.equal(byEditor.length, 10, 'the fixture has 20 words');

    const cliRuns = byCli.map((w) => runCli(['tag', editor.document.uri.fsPath, '--category', 'torture', '--start', String(codePoints(w.start)), '--end', String(codePoints(w.end))]));
    const editorTags = byEditor.map((w) => vscode.commands.executeCommand<string | undefined>(COMMANDS.tag, { uri: editor.document.uri.toString(), ...w, category: 'other' }));
    const [cliResults, editorIds] = await Promise.all([Promise.all(cliRuns), Promise.all(editorTags)]);

    for (const result of cliResults) assert.equal(result.code, 0, result.stderr);
    assert.ok(editorIds.every((id) => typeof id === 'string'), `every editor tag returned its id: ${editorIds.join(', ')}`);
    const onDisk = (await readSidecar(sidecar))!.annotations;
    const quotes = (category: string) => onDisk.filter((a) => a.category === category).map((a) => a.target.exact).sort();
    const expected = (ws: typeof words) => ws.map((w) => text.slice(w.start, w.end)).sort();
    assert.deepEqual(quotes('torture'), expected(byCli), 'every CLI tag is in the sidecar');
    assert.deepEqual(quotes('other'), expected(byEditor), 'every editor tag is in the sidecar');
    assert.equal(onDisk.length, 20);
    for (const id of editorIds) assert.ok(onDisk.some((a) => a.id === id), `editor tag ${id} on disk`);
    await waitFor('the store to show all 20 tags', () => api.store.get(editor.document.uri)?.entries.filter((e) => e.kind === 'annotation').length === 20);
    assert.ok(!(await fs.stat(sidecarLockPath(sidecar)).then(() => true, () => false)), 'no lock file is left behind');
  });

  it('refuses a tag, writing nothing, while another process holds the sidecar locked past the wait', async () => {
    const { editor, sidecar } = await freshSource();
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, QUOTE), category: 'torture' });
    const before = await fs.readFile(sidecar, 'utf8');
    const holder = await holdLock(sidecar);
    let id: unknown;
    try {
      // The editor waits for the lock as long as any writer does by default (5 s), then gives up.
      const messages = await errorMessagesDuring(async () => {
        id = await vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, 'Permanent Council'), category: 'other' });
      });
      assert.equal(id, undefined, 'the tag command returns no id');
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], /^Legal Annotator: Tag failed: /);
      assert.ok(messages[0].includes(sidecar), `names the sidecar: ${messages[0]}`);
      assert.ok(messages[0].includes(`process ${holder.pid}`), `names the process holding the lock: ${messages[0]}`);
      assert.match(messages[0], /nothing was written/);
      assert.equal(await fs.readFile(sidecar, 'utf8'), before, 'the sidecar is unchanged');
    } finally {
      if (holder.exitCode === null) {
        const exited = new Promise((resolve) => holder.once('exit', resolve));
        holder.kill('SIGTERM');
        await exited;
      }
    }
    // Once the lock is released, the same tag goes through.
    id = await vscode.commands.executeCommand(COMMANDS.tag, { uri, ...offsetsOf(editor, 'Permanent Council'), category: 'other' });
    assert.equal(typeof id, 'string');
    assert.deepEqual((await readSidecar(sidecar))!.annotations.map((a) => a.category).sort(), ['other', 'torture']);
  });
});
