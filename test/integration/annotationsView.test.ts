import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { PreparedText } from '../../src/core/anchoring/prepared-text';
import { newAnnotation } from '../../src/core/annotations/new-annotation';
import { addAnnotation, newSidecarDocument, sidecarFileText } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import { COMMANDS, VIEWS } from '../../src/extension/constants';
import type { AnnotationsNode, CategoryNode, PassageNode, SourceNode } from '../../src/extension/annotationsView';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const QUOTE = 'were tortured with electric shocks';

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

let source = FIXTURE;
let copies = 0;

interface Row {
  label: string;
  description?: string;
  node: AnnotationsNode;
}

/** The rows of the view under `parent` (the categories when undefined), as VS Code would show them. */
async function rows(view: LegalAnnotatorApi['annotationsView'], parent?: AnnotationsNode): Promise<Row[]> {
  const children = await view.getChildren(parent);
  return children.map((node) => {
    const item = view.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { label, description: typeof item.description === 'string' ? item.description : undefined, node };
  });
}

/** Category row -> source row -> passage rows of this test's source, once the view lists them. */
async function passagesOf(view: LegalAnnotatorApi['annotationsView'], categoryLabel: string, count: number): Promise<{ category: Row; source: Row; passages: Row[] }> {
  return waitFor(`${count} passage(s) of ${source} under ${categoryLabel}`, async () => {
    const category = (await rows(view)).find((r) => r.label === categoryLabel);
    if (!category) return undefined;
    const sourceRow = (await rows(view, category.node)).find((r) => r.label === source);
    if (!sourceRow) return undefined;
    const passages = await rows(view, sourceRow.node);
    return passages.length === count ? { category, source: sourceRow, passages } : undefined;
  });
}

function offsetsOf(document: vscode.TextDocument, quote: string): { start: number; end: number } {
  const start = document.getText().indexOf(quote);
  assert.ok(start >= 0);
  return { start, end: start + quote.length };
}

describe('Annotations view and status bar', () => {
  beforeEach(async () => {
    source = `view-${++copies}.legal.txt`;
    await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(source).fsPath);
  });

  afterEach(closeAllEditors);

  it('lists a tag made in the editor by category, source and passage; clicking it selects the passage', async () => {
    const { annotationsView } = await api();
    const editor = await openEditor(source);
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor.document, QUOTE), category: 'torture' });

    const { category, source: sourceRow, passages } = await passagesOf(annotationsView, 'Torture', 1);
    assert.match(category.description ?? '', /^\d+$/);
    assert.ok(Number(category.description) >= 1);
    assert.equal((category.node as CategoryNode).categoryId, 'torture');
    assert.equal(sourceRow.description, '1');
    assert.equal((sourceRow.node as SourceNode).relativePath, source);
    assert.equal(passages[0].label, QUOTE);
    assert.equal(passages[0].description, 'line 3');

    // The live range follows an unsaved edit: two lines inserted above move the passage to line 5.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Added 🇺🇦.\n\n'));
    const moved = await waitFor('the passage to move to line 5', async () => {
      const row = (await passagesOf(annotationsView, 'Torture', 1)).passages[0];
      return row.description === 'line 5' ? row : undefined;
    });

    await openEditor('basic.legal.txt');
    const item = annotationsView.getTreeItem(moved.node);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = await waitFor('the source to be shown', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === workspaceFile(source).fsPath ? vscode.window.activeTextEditor : undefined);
    assert.equal(active.document.getText(active.selection), QUOTE);
    await active.document.save();
  });

  it('lists the tags of a closed source from disk, orphans included and marked', async () => {
    const { annotationsView } = await api();
    const path = workspaceFile(source).fsPath;
    const text = new PreparedText(await fs.readFile(path, 'utf8'));
    const quoteStart = text.toCodePoint(text.text.indexOf('Permanent Council'));
    let doc = newSidecarDocument(source, sourceHash(text.text));
    doc = addAnnotation(doc, newAnnotation({ text, start: quoteStart, end: quoteStart + 'Permanent Council'.length, category: 'other' }));
    const orphan = newAnnotation({ text: 'A sentence that is not in the source at all, anywhere.', start: 0, end: 54, category: 'other' });
    doc = addAnnotation(doc, { ...orphan, target: { ...orphan.target, prefix: '', suffix: '' } });
    await fs.writeFile(`${path}.ann.yaml`, sidecarFileText(doc));

    const { passages } = await passagesOf(annotationsView, 'Other violation', 2);
    assert.deepEqual(passages.map((p) => [p.label, p.description]), [
      ['Permanent Council', 'line 5'],
      ['A sentence that is not in the source at all, anywhere.', '(orphaned)'],
    ]);
    assert.equal((passages[1].node as PassageNode).anchor.status, 'orphaned');
  });

  it('shows the tag count of the active source in the status bar', async () => {
    const { statusBar } = await api();
    const editor = await openEditor(source);
    await waitFor('"no tags"', () => statusBar.text === '$(tag) no tags');
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor.document, QUOTE), category: 'torture' });
    await waitFor('"1 tag"', () => statusBar.text === '$(tag) 1 tag');
    await vscode.commands.executeCommand(COMMANDS.tag, { uri: editor.document.uri.toString(), ...offsetsOf(editor.document, 'Permanent Council'), category: 'other' });
    await waitFor('"2 tags"', () => statusBar.text === '$(tag) 2 tags');
    // Its click target: the view's focus command, which exists only when the view is contributed and shown.
    await vscode.commands.executeCommand(`${VIEWS.annotations}.focus`);

    // The sidecar is no source: the item is hidden.
    const sidecar = await vscode.workspace.openTextDocument(vscode.Uri.file(`${editor.document.uri.fsPath}.ann.yaml`));
    await vscode.window.showTextDocument(sidecar);
    await waitFor('the item to hide', () => statusBar.text === undefined);
  });
});
