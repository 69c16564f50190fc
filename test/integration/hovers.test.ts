import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { updateAnnotation } from '../../src/core/sidecar/sidecar-io';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'hovers.legal.txt';
const TAGGED = 'were tortured with electric shocks';

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

let source = FIXTURE;
let copies = 0;

/** The Markdown of every hover at the first occurrence of `needle` (plus `offset` characters). */
async function hoverAt(editor: vscode.TextEditor, needle: string, offset = 1): Promise<{ text: string; ranges: string[] }> {
  const at = editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, `the fixture holds "${needle}"`);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + offset))) ?? [];
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
  return { text, ranges: hovers.flatMap((h) => (h.range ? [editor.document.getText(h.range)] : [])) };
}

describe('Hovers', () => {
  beforeEach(async () => {
    source = `hovers-${++copies}.legal.txt`;
    await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(source).fsPath);
  });

  afterEach(closeAllEditors);

  it('shows a tag: category, legal basis, note, author, status and date; with the term it overlaps', async () => {
    const { store } = await api();
    const editor = await openEditor(source);
    const start = editor.document.getText().indexOf(TAGGED);
    const id = await vscode.commands.executeCommand<string>(COMMANDS.tag, { uri: editor.document.uri.toString(), start, end: start + TAGGED.length, category: 'torture' });
    assert.ok(id);
    await store.change(editor.document, 'Edit note', (doc) => updateAnnotation(doc, id, { note: 'Two witnesses, *independently*.', author: 'J. Doe' }));

    const { text, ranges } = await hoverAt(editor, 'tortured');
    assert.match(text, /\*\*Tag: Torture\*\* · proposed/);
    assert.match(text, /Legal basis: GC III 17/);
    assert.match(text, /Note: Two witnesses, \\\*independently\\\*\./, 'a note is escaped, never rendered as Markdown');
    assert.match(text, /by J\. Doe · created \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    assert.match(text, /\*\*torture\*\* · crime or violation/, 'the term inside the tag is shown too');
    assert.ok(ranges.includes('tortured'), `hover range: ${ranges.join(' | ')}`);
  });

  it('shows a state with its ISO code, after an astral character (UTF-16 vs code points)', async () => {
    const editor = await openEditor(source);
    const state = await hoverAt(editor, 'Russian Federation', 3);
    assert.match(state.text, /\*\*State: Russia\*\* · ISO 3166-1 `RU`/);
    assert.deepEqual(state.ranges, ['Russian Federation']);

    const demonym = await hoverAt(editor, 'Ukrainian');
    assert.match(demonym.text, /\*\*Ukrainian\*\* · demonym of Ukraine · ISO 3166-1 `UA`/);
  });

  it('shows a date with its normalised value and precision, and a weekday resolved from the document date', async () => {
    const editor = await openEditor(source);
    const date = await hoverAt(editor, '14.11.2025');
    assert.match(date.text, /\*\*Date: `2025-11-14`\*\* · precision: day/);
    assert.deepEqual(date.ranges, ['14.11.2025']);

    const weekday = await hoverAt(editor, 'Saturday');
    assert.match(weekday.text, /\*\*Date: `2025-11-08`\*\* · precision: day/);
    assert.match(weekday.text, /Resolved from the document date `2025-11-14`/);
  });

  it('shows a term with its sub-kind and definition, also where it wraps across lines', async () => {
    const editor = await openEditor(source);
    const term = await hoverAt(editor, 'Convention.');
    assert.match(term.text, /\*\*Third Geneva Convention\*\* · instrument/);
    assert.match(term.text, /GC III \(1949\) on prisoners of war/);
    assert.deepEqual(term.ranges, ['Third Geneva\nConvention']);
  });

  it('follows edits: the next hover sees the new text', async () => {
    const editor = await openEditor(source);
    assert.match((await hoverAt(editor, 'ICRC')).text, /International Committee of the Red Cross/);
    await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().indexOf('ICRC')), 'OSCE and the '));
    const osce = await waitFor('a hover on the inserted term', async () => {
      const { text } = await hoverAt(editor, 'OSCE');
      return /Organization for Security and Co-operation in Europe/.test(text) ? text : undefined;
    });
    assert.match(osce, /institution/);
    await editor.document.save();
  });
});
