import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget, PreparedText } from '../../src/core/anchoring/anchoring';
import type { Annotation } from '../../src/core/sidecar/model';
import { addAnnotation, addDismissal, newSidecarDocument, sidecarFileText, type SidecarDocument } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import { COMMANDS } from '../../src/extension/constants';
import { closeAllEditors, errorMessagesDuring, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const TAGGED = 'were tortured with electric shocks';
const DISMISSED = 'The Permanent Council met in Vienna';

/** Each test works on its own copy of the fixture and its own sidecar. */
let SOURCE = FIXTURE;
let copies = 0;

function sidecarPath(): string {
  return `${workspaceFile(SOURCE).fsPath}.ann.yaml`;
}

/** Writes the copy's sidecar: a new one with the entries `add` puts in it (`targetOf` a quote of the copy); returns its text. */
async function writeSidecar(add: (doc: SidecarDocument, targetOf: (quote: string) => Annotation['target']) => SidecarDocument): Promise<string> {
  const text = await fs.readFile(workspaceFile(SOURCE).fsPath, 'utf8');
  const prepared = new PreparedText(text);
  const targetOf = (quote: string) => {
    const start = prepared.toCodePoint(text.indexOf(quote));
    return createTarget(prepared, start, start + [...quote].length);
  };
  const fileText = sidecarFileText(add(newSidecarDocument(SOURCE, sourceHash(text)), targetOf));
  await fs.writeFile(sidecarPath(), fileText);
  return fileText;
}

/**
 * A sidecar as the editor writes it: a1 and a2 the same torture tag, a3 the same passage as
 * ill-treatment (not a duplicate), d1 and d2 the same dismissal.
 */
function writeSidecarWithDuplicates(): Promise<string> {
  return writeSidecar((doc, targetOf) => {
    doc = addAnnotation(doc, { id: 'a1', category: 'torture', target: targetOf(TAGGED), status: 'proposed' });
    doc = addAnnotation(doc, { id: 'a2', category: 'torture', target: targetOf(TAGGED), status: 'proposed' });
    doc = addAnnotation(doc, { id: 'a3', category: 'ill-treatment', target: targetOf(TAGGED), status: 'proposed' });
    doc = addDismissal(doc, { id: 'd1', target: targetOf(DISMISSED) });
    return addDismissal(doc, { id: 'd2', target: targetOf(DISMISSED) });
  });
}

/**
 * A sidecar as the merge driver leaves a tag two branches changed differently (note and status
 * only): a1 ours and a2 theirs, each naming the other in `conflict`, same category and passage.
 */
function writeSidecarWithConflict(): Promise<string> {
  return writeSidecar((doc, targetOf) => {
    doc = addAnnotation(doc, { id: 'a1', category: 'torture', target: targetOf(TAGGED), status: 'confirmed', conflict: 'a2' });
    return addAnnotation(doc, { id: 'a2', category: 'torture', target: targetOf(TAGGED), status: 'disputed', note: 'seen by two', conflict: 'a1' });
  });
}

/** The file text without the entry `id` (its lines, from `  - id: ID` to the next entry or list). */
function withoutEntry(fileText: string, id: string): string {
  const lines = fileText.split('\n');
  const start = lines.indexOf(`  - id: ${id}`);
  assert.ok(start >= 0, `entry ${id} in the fixture`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('    ')) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function diagnosticsOf(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === code && d.source === 'legal-annotator');
}

/** Opens the copy's sidecar and waits for its first `code` diagnostic. */
async function openAtWarning(code: string): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; warning: vscode.Diagnostic }> {
  const editor = await openEditor(`${SOURCE}.ann.yaml`);
  const uri = editor.document.uri;
  const warning = await waitFor(`a ${code} diagnostic`, () => diagnosticsOf(uri, code)[0]);
  return { editor, uri, warning };
}

async function removeDuplicateAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.Command> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.command, `"${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  return action.command;
}

/** Both the file on disk and the sidecar's (saved) editor hold `expected`. */
function fileAndEditorHold(editor: vscode.TextEditor, expected: string): () => Promise<boolean> {
  return async () => (await fs.readFile(sidecarPath(), 'utf8')) === expected && editor.document.getText() === expected && !editor.document.isDirty;
}

describe('Duplicate annotations', () => {
  beforeEach(async () => {
    SOURCE = `duplicates-${++copies}.legal.txt`;
    await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(SOURCE).fsPath);
    await extension().activate();
  });

  afterEach(closeAllEditors);

  it('warns at the later copy on the sidecar; "Remove duplicate" removes exactly that entry, and undo restores it', async () => {
    const original = await writeSidecarWithDuplicates();
    const { editor, uri, warning } = await openAtWarning('duplicate-annotation');
    assert.equal(diagnosticsOf(uri, 'duplicate-annotation').length, 1, 'a3 (another category) is not a duplicate');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.range.start.line, original.split('\n').indexOf('  - id: a2'), 'on the later entry');
    assert.match(warning.message, /^annotation a2 duplicates annotation a1: same category "torture" and passage \d+-\d+ "were tortured with electric shocks"/);

    const command = await removeDuplicateAction(uri, warning, 'Remove duplicate a2 (keeps a1)');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const removed = withoutEntry(original, 'a2');
    await waitFor('a2 gone from the file and its editor, every other byte kept', fileAndEditorHold(editor, removed));
    await waitFor('the warning to go', () => diagnosticsOf(uri, 'duplicate-annotation').length === 0);

    await vscode.commands.executeCommand(COMMANDS.undo);
    await waitFor('undo to restore the file and its editor byte for byte', fileAndEditorHold(editor, original));
    await waitFor('the warning to come back', () => diagnosticsOf(uri, 'duplicate-annotation').length === 1);
  });

  it('removes a duplicate dismissal the same way; Ctrl+Z in the sidecar\'s editor brings it back', async () => {
    const original = await writeSidecarWithDuplicates();
    const { editor, warning } = await openAtWarning('duplicate-dismissal');
    assert.match(warning.message, /^dismissal d2 duplicates dismissal d1: same passage/);
    const command = await removeDuplicateAction(editor.document.uri, warning, 'Remove duplicate d2 (keeps d1)');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor('d2 gone, every other byte kept', fileAndEditorHold(editor, withoutEntry(original, 'd2')));

    // The fix was written through the open editor, so that editor's own undo has it.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the editor to hold the file as it was', () => editor.document.getText() === original);
    assert.ok(await editor.document.save());
    assert.equal(await fs.readFile(sidecarPath(), 'utf8'), original);
  });

  it('offers no "Remove duplicate" for the two versions of a merge conflict, says to resolve it, and the command refuses to take a side', async () => {
    const original = await writeSidecarWithConflict();
    const { uri, warning } = await openAtWarning('duplicate-annotation');
    assert.equal(diagnosticsOf(uri, 'merge-conflict').length, 2, 'the conflict is reported on both versions');
    assert.match(warning.message, /^annotation a2 duplicates annotation a1: same category "torture" and passage \d+-\d+ "were tortured with electric shocks"; the two are the two versions of one annotation from a git merge \(merge-conflict\): resolve the conflict first/);
    assert.doesNotMatch(warning.message, /; remove a2/);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Remove duplicate')).map((a) => a.title), [], 'no quick fix takes a side');
    // A fix offered before the merge marked the two (or run by hand) refuses too, and writes nothing.
    const errors = await errorMessagesDuring(async () => vscode.commands.executeCommand(COMMANDS.removeDuplicate, { sidecarUri: uri.toString(), list: 'annotations', id: 'a2', firstId: 'a1' }));
    assert.deepEqual(errors, [`Legal Annotator: Remove duplicate failed: a2 and a1 are two versions of one entry from a git merge in ${SOURCE}.ann.yaml: resolve the conflict first; nothing was removed`]);
    assert.equal(await fs.readFile(sidecarPath(), 'utf8'), original);
  });

  it('removes nothing when the entry no longer repeats the earlier one, and says why', async () => {
    const original = await writeSidecarWithDuplicates();
    const { editor, warning } = await openAtWarning('duplicate-annotation');
    const command = await removeDuplicateAction(editor.document.uri, warning, 'Remove duplicate a2 (keeps a1)');
    // Another writer recategorises a1 after the quick fix was offered: a2 is no longer a copy.
    const changed = original.replace('  - id: a1\n    category: torture', '  - id: a1\n    category: wilful-killing');
    assert.notEqual(changed, original);
    await fs.writeFile(sidecarPath(), changed);
    await waitFor('the editor to show the change on disk', () => editor.document.getText() === changed);
    const errors = await errorMessagesDuring(async () => vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
    assert.deepEqual(errors, [`Legal Annotator: Remove duplicate failed: a2 no longer repeats a1 in ${SOURCE}.ann.yaml; nothing was removed`]);
    assert.equal(await fs.readFile(sidecarPath(), 'utf8'), changed);
  });
});
