import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { newSidecarDocument, parseSidecar, sidecarFileText } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import { anchorAll } from '../../src/core/anchoring/anchoring';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { checkSidecarFile } from '../../src/core/validation/check-file';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, errorMessagesDuring, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const QUOTE = 'were tortured with electric shocks';

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

/** Each test works on its own copy of the fixture, so no test sees another's documents or sidecars. */
let SOURCE = FIXTURE;
let copies = 0;

async function sidecarText(): Promise<string | undefined> {
  return fs.readFile(`${workspaceFile(SOURCE).fsPath}.ann.yaml`, 'utf8').catch(() => undefined);
}

async function selectQuote(editor: vscode.TextEditor): Promise<vscode.Selection> {
  const start = editor.document.getText().indexOf(QUOTE);
  assert.ok(start >= 0, 'the fixture holds the quote');
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + QUOTE.length));
  return editor.selection;
}

async function codeActions(editor: vscode.TextEditor, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range)) ?? [];
}

describe('Tagging by code action', () => {
  beforeEach(async () => {
    SOURCE = `tagging-${++copies}.legal.txt`;
    await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(SOURCE).fsPath);
  });

  afterEach(closeAllEditors);

  it('offers "Tag as Torture" first and preferred, then "Tag as…", and writes a valid sidecar', async () => {
    const { store } = await api();
    const editor = await openEditor(SOURCE);
    const selection = await selectQuote(editor);
    const actions = await codeActions(editor, selection);
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Tag as Torture', titles.join(' | '));
    assert.equal(actions[0].isPreferred, true);
    assert.ok(titles.includes('Tag as…'), titles.join(' | '));

    await vscode.commands.executeCommand(actions[0].command!.command, ...(actions[0].command!.arguments ?? []));
    const text = await waitFor('the sidecar to be written', sidecarText);
    const parsed = parseSidecar(text);
    assert.equal(parsed.writable, true, JSON.stringify(parsed.problems));
    const [annotation] = parsed.sidecar!.annotations;
    assert.equal(annotation.category, 'torture');
    assert.equal(annotation.target.exact, QUOTE);
    assert.equal(annotation.status, 'proposed');
    // Offsets count code points: the 📌 before the quote is one, not two.
    const source = await fs.readFile(workspaceFile(SOURCE).fsPath, 'utf8');
    assert.equal([...source].slice(annotation.target.start, annotation.target.end).join(''), QUOTE);
    assert.deepEqual(anchorAll(source, [annotation.target]).map((r) => r.status), ['anchored']);
    assert.equal(store.get(editor.document.uri)?.entries.length, 1);
    // The engine of `legal-annotator check` finds nothing to report in what the editor wrote.
    const checked = await checkSidecarFile(`${workspaceFile(SOURCE).fsPath}.ann.yaml`, { taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(checked.problems, []);
  });

  it('tags the sentence under the cursor when nothing is selected', async () => {
    const editor = await openEditor(SOURCE);
    const at = editor.document.positionAt(editor.document.getText().indexOf('electric'));
    editor.selection = new vscode.Selection(at, at);
    const actions = await codeActions(editor, editor.selection);
    // On an untagged claim (once its diagnostic is there) the claim's quick fix tags the sentence instead.
    const tagAs = actions.find((a) => a.title === 'Tag as Torture' || a.title === 'Tag sentence as Torture');
    assert.ok(tagAs, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(tagAs.command!.command, ...(tagAs.command!.arguments ?? []));
    const parsed = parseSidecar(await waitFor('the sidecar', sidecarText));
    assert.equal(parsed.sidecar!.annotations[0].target.exact, 'Witnesses said the prisoners of war were tortured with electric shocks in the basement.');
  });

  it('moves a tag with an edit above it and saves the new offsets with the source', async () => {
    const { store } = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    const before = parseSidecar(await waitFor('the sidecar', sidecarText)).sidecar!.annotations[0].target;

    const inserted = 'Added line 🇺🇦.\n';
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted));
    const entries = store.get(editor.document.uri)!.entries;
    assert.equal(entries.length, 1);
    const live = entries[0].range!;
    assert.equal(editor.document.getText().slice(live.start, live.end), QUOTE, 'the live range follows the edit');

    await editor.document.save();
    const after = await waitFor('the sidecar to get the new offsets', async () => {
      const target = parseSidecar((await sidecarText()) ?? '').sidecar?.annotations[0]?.target;
      return target && target.start !== before.start ? target : undefined;
    });
    assert.equal(after.start, before.start + [...inserted].length);
    assert.equal(after.exact, QUOTE);
    const source = await fs.readFile(workspaceFile(SOURCE).fsPath, 'utf8');
    assert.equal([...source].slice(after.start, after.end).join(''), QUOTE);
  });

  it('re-reads a sidecar changed on disk', async () => {
    const { store } = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    const text = await waitFor('the sidecar', sidecarText);
    await fs.writeFile(`${workspaceFile(SOURCE).fsPath}.ann.yaml`, text.replace('category: torture', 'category: ill-treatment'));
    await waitFor('the store to see the new category', () =>
      store.get(editor.document.uri)?.entries.some((e) => e.kind === 'annotation' && 'category' in e.entry && e.entry.category === 'ill-treatment'));
  });

  it('undoes the last change, restoring the previous sidecar exactly', async () => {
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    const first = await waitFor('the sidecar', sidecarText);
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, 'Permanent Council'), category: 'other' });
    await waitFor('the second tag', async () => ((await sidecarText()) ?? '').includes('category: other'));
    await vscode.commands.executeCommand(COMMANDS.undo);
    assert.equal(await sidecarText(), first);
    await vscode.commands.executeCommand(COMMANDS.undo);
    assert.equal(await sidecarText(), undefined, 'undoing the first tag removes the sidecar it created');
  });

  it('refuses a second tag of the same category on the same passage, naming the tag already there', async () => {
    const editor = await openEditor(SOURCE);
    const args = { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' };
    const id = await vscode.commands.executeCommand<string>(COMMANDS.tag, args);
    assert.equal(typeof id, 'string');
    const before = await waitFor('the sidecar', sidecarText);
    let again: unknown = 'not run';
    const messages = await errorMessagesDuring(async () => {
      again = await vscode.commands.executeCommand(COMMANDS.tag, args);
    });
    assert.equal(again, undefined, 'the tag command returns no id');
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^Legal Annotator: Tag failed: /);
    assert.ok(messages[0].includes(`annotation ${id}`), `names the tag already there: ${messages[0]}`);
    assert.ok(messages[0].includes(`${SOURCE}.ann.yaml`), `names the sidecar: ${messages[0]}`);
    assert.equal(await sidecarText(), before, 'nothing was written');
    // The same passage in another category is a different tag.
    assert.equal(typeof (await vscode.commands.executeCommand(COMMANDS.tag, { ...args, category: 'other' })), 'string');
    assert.equal(parseSidecar((await sidecarText())!).sidecar!.annotations.length, 2);
  });

  it('refuses a category the workspace taxonomy does not have, as the CLI does, suggesting the close one', async () => {
    const editor = await openEditor(SOURCE);
    let id: unknown = 'not run';
    const messages = await errorMessagesDuring(async () => {
      id = await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'tortur' });
    });
    assert.equal(id, undefined, 'the tag command returns no id');
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^Legal Annotator: Tag failed: unknown category "tortur" \(not in the workspace taxonomy\); did you mean "torture"/);
    assert.equal(await sidecarText(), undefined, 'no sidecar was written');
  });

  it('refuses to tag into a sidecar whose source is another file, naming both files', async () => {
    const other = 'basic.legal.txt';
    const sidecar = `${workspaceFile(SOURCE).fsPath}.ann.yaml`;
    const foreign = sidecarFileText(newSidecarDocument(other, sourceHash(await fs.readFile(workspaceFile(other).fsPath, 'utf8'))));
    await fs.writeFile(sidecar, foreign);
    const editor = await openEditor(SOURCE);
    let id: unknown = 'not run';
    const messages = await errorMessagesDuring(async () => {
      id = await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor, QUOTE), category: 'torture' });
    });
    assert.equal(id, undefined, 'the tag command returns no id');
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^Legal Annotator: Tag failed: /);
    assert.ok(messages[0].includes(`source: ${other}`), `names the file the sidecar belongs to: ${messages[0]}`);
    assert.ok(messages[0].includes(`not ${SOURCE}`), `names the file being tagged: ${messages[0]}`);
    assert.equal(await fs.readFile(sidecar, 'utf8'), foreign, 'nothing was written');
  });
});

function offsetsOf(editor: vscode.TextEditor, quote: string): { start: number; end: number } {
  const start = editor.document.getText().indexOf(quote);
  assert.ok(start >= 0);
  return { start, end: start + quote.length };
}
