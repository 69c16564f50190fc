import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget, PreparedText } from '../../src/core/anchoring/anchoring';
import type { TextTarget } from '../../src/core/sidecar/model';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, extension, openEditor, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const QUOTE = 'were tortured with electric shocks';

/** Each test works on its own copy of the fixture (its own sidecar too). */
let SOURCE = FIXTURE;
let copies = 0;

function sidecarPath(): string {
  return `${workspaceFile(SOURCE).fsPath}.ann.yaml`;
}

async function sourceText(): Promise<string> {
  return fs.readFile(workspaceFile(SOURCE).fsPath, 'utf8');
}

/** A sidecar with one annotation written as one flow mapping per line, so a test can point at columns. */
/** Writes a sidecar whose one tag is stored 12 code points before QUOTE; returns both targets. */
async function writeMovedTag(): Promise<{ current: TextTarget; stale: TextTarget }> {
  const text = await sourceText();
  const prepared = new PreparedText(text);
  const start = prepared.toCodePoint(text.indexOf(QUOTE));
  const current = createTarget(prepared, start, start + [...QUOTE].length);
  const stale = { ...current, start: current.start - 12, end: current.end - 12 };
  await fs.writeFile(sidecarPath(), sidecarWith(text, stale));
  return { current, stale };
}

function sidecarWith(text: string, target: object, extra = ''): string {
  return [
    'version: 1',
    `source: ${SOURCE}`,
    `sourceHash: ${sourceHash(text)}`,
    'annotations:',
    `  - {${extra}id: a1, category: torture, status: proposed, target: ${JSON.stringify(target)}}`,
    'dismissed: []',
    '',
  ].join('\n');
}

function diagnosticsOf(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === code && d.source === 'legal-annotator');
}

function waitForDiagnostic(what: string, uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(what, () => diagnosticsOf(uri, code)[0]);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

async function run(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.command, `"${action.title}" runs a command`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('Diagnostics', () => {
  beforeEach(async () => {
    SOURCE = `diagnostics-${++copies}.legal.txt`;
    await fs.copyFile(workspaceFile(FIXTURE).fsPath, workspaceFile(SOURCE).fsPath);
    await extension().activate();
  });

  afterEach(closeAllEditors);

  it('shows the problems of `check` on a sidecar as it is edited, at UTF-16 columns', async () => {
    const text = await sourceText();
    const prepared = new PreparedText(text);
    const start = prepared.toCodePoint(text.indexOf(QUOTE));
    const target = createTarget(prepared, start, start + [...QUOTE].length);
    // Astral characters before the problems on the same line: code-point and UTF-16 columns differ.
    await fs.writeFile(sidecarPath(), sidecarWith(text, target, 'note: "📌📌 pinned", '));
    const editor = await openEditor(`${SOURCE}.ann.yaml`);
    const uri = editor.document.uri;
    const line = 4;
    const replace = async (from: string, to: string) => {
      const at = editor.document.lineAt(line).text.indexOf(from);
      assert.ok(at >= 0, `line ${line} holds ${from}`);
      assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(line, at, line, at + from.length), to)));
    };

    await replace('category: torture', 'category: tortur');
    const unknown = await waitForDiagnostic('an unknown-category diagnostic', uri, 'unknown-category');
    const column = editor.document.lineAt(line).text.indexOf('tortur,');
    assert.deepEqual([unknown.range.start.line, unknown.range.start.character, unknown.range.end.character], [line, column, column + 'tortur'.length]);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown.message, /did you mean "torture"/);
    assert.equal(editor.document.isDirty, true, 'checked from the editor, not from the disk');

    await replace('status: proposed', 'status: maybe');
    const status = await waitForDiagnostic('a schema-enum diagnostic for "status"', uri, 'schema-enum');
    const statusColumn = editor.document.lineAt(line).text.indexOf('maybe');
    assert.deepEqual([status.range.start.line, status.range.start.character, status.range.end.character], [line, statusColumn, statusColumn + 'maybe'.length]);
    // As in the CLI: with a schema error, the semantic checks (the taxonomy) wait until the shape is right.
    assert.deepEqual(diagnosticsOf(uri, 'unknown-category'), []);

    await replace('status: maybe', 'status: confirmed');
    await replace('category: tortur', 'category: torture');
    await waitFor('no diagnostics once fixed', () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'legal-annotator').length === 0);
  });

  it('reports an orphaned tag on the source, and "Remove" removes it from the sidecar', async () => {
    const text = await sourceText();
    const missing = 'were starved in the cellar for weeks';
    await fs.writeFile(sidecarPath(), sidecarWith(text, { start: 60, end: 60 + missing.length, exact: missing, prefix: '', suffix: '' }));
    const editor = await openEditor(SOURCE);
    const uri = editor.document.uri;
    const orphan = await waitForDiagnostic('an orphaned-annotation diagnostic', uri, 'orphaned-annotation');
    assert.equal(orphan.severity, vscode.DiagnosticSeverity.Error);
    assert.match(orphan.message, /^Tag torture could not be anchored: quote "were starved in the cellar for weeks" not found; it is kept in the sidecar/);

    const actions = await codeActions(uri, orphan.range);
    const titles = actions.map((a) => a.title);
    const remove = actions.find((a) => a.title === 'Remove tag "torture" from the sidecar');
    assert.ok(remove, titles.join(' | '));
    assert.equal(remove.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await run(remove);
    await waitFor('the annotation to be removed from the sidecar', async () => parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar?.annotations.length === 0);
    await waitFor('the diagnostic to go', () => diagnosticsOf(uri, 'orphaned-annotation').length === 0);
  });

  it('shows a fuzzy tag\'s stored quote against the text now there', async () => {
    const text = await sourceText();
    const prepared = new PreparedText(text);
    const start = prepared.toCodePoint(text.indexOf(QUOTE));
    await fs.writeFile(sidecarPath(), sidecarWith(text, createTarget(prepared, start, start + [...QUOTE].length)));
    // Edited outside the editor: one word of the tagged passage changed.
    await fs.writeFile(workspaceFile(SOURCE).fsPath, text.replace(QUOTE, 'were tortured with electrical shocks'));
    const editor = await openEditor(SOURCE);
    const fuzzy = await waitForDiagnostic('an annotation-fuzzy diagnostic', editor.document.uri, 'annotation-fuzzy');
    assert.equal(fuzzy.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(fuzzy.message, /^Tag torture: the quote only matches approximately \(score 0\.\d\d\): "…with electric shocks" → now "…with electrical shocks"$/);
    assert.equal(editor.document.getText(fuzzy.range), 'were tortured with electrical shocks');
  });

  it('keeps a tag\'s stored quote when its passage is typed into and saved, while a tag the edit only moved gets its new offsets', async () => {
    const text = await sourceText();
    const prepared = new PreparedText(text);
    const targetOf = (quote: string) => {
      const start = prepared.toCodePoint(text.indexOf(quote));
      return createTarget(prepared, start, start + [...quote].length);
    };
    const later = 'The Permanent Council met in Vienna';
    await fs.writeFile(sidecarPath(), sidecarWith(text, targetOf(QUOTE)).replace('dismissed: []', `  - {id: a2, category: other, status: proposed, target: ${JSON.stringify(targetOf(later))}}\ndismissed: []`));
    const editor = await openEditor(SOURCE);
    const { store } = (await extension().activate()) as LegalAnnotatorApi;
    await waitFor('both tags anchored in the editor', () => (store.get(editor.document.uri)?.entries.filter((e) => e.range).length === 2 ? true : undefined));
    const at = text.indexOf('electric shocks');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'electric'.length)), 'electrical')));
    assert.ok(await editor.document.save());
    const stored = await waitFor('the moved tag\'s new offsets on disk', async () => {
      const sidecar = parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar;
      return sidecar && sidecar.annotations[1]!.target.start === targetOf(later).start + 2 ? sidecar : undefined;
    });
    assert.equal(stored.annotations[1]!.target.exact, later);
    assert.deepEqual(stored.annotations[0]!.target, targetOf(QUOTE), 'the typed-into tag keeps what was tagged');
    // Leaves the shared workspace's count of tagged sources as the later suites expect it.
    await closeAllEditors();
    await fs.rm(sidecarPath(), { force: true });
    await fs.rm(workspaceFile(SOURCE).fsPath, { force: true });
  });

  it('never reports the same words in other context as a move: the sentence deleted, a glossary copy left', async () => {
    const text = await sourceText();
    const prepared = new PreparedText(text);
    const start = prepared.toCodePoint(text.indexOf(QUOTE));
    await fs.writeFile(sidecarPath(), sidecarWith(text, createTarget(prepared, start, start + [...QUOTE].length)));
    const sentence = text.slice(text.lastIndexOf('\n', text.indexOf(QUOTE)) + 1, text.indexOf('\n', text.indexOf(QUOTE)));
    await fs.writeFile(workspaceFile(SOURCE).fsPath, `${text.replace(sentence, '')}\nGlossary: "${QUOTE}" (see the mission's report).\n`);
    const editor = await openEditor(SOURCE);
    const orphan = await waitForDiagnostic('an orphaned-annotation diagnostic', editor.document.uri, 'orphaned-annotation');
    assert.match(orphan.message, /^Tag torture could not be anchored: quote "were tortured with electric shocks" not found in its context \(an exact copy of the quote exists at \d+, but its context does not match/);
    assert.deepEqual(diagnosticsOf(editor.document.uri, 'annotation-moved'), []);
  });

  it('re-anchors an orphaned tag to the selection', async () => {
    const text = await sourceText();
    await fs.writeFile(sidecarPath(), sidecarWith(text, { start: 60, end: 75, exact: 'not in the text', prefix: '', suffix: '' }));
    const editor = await openEditor(SOURCE);
    const uri = editor.document.uri;
    const orphan = await waitForDiagnostic('an orphaned-annotation diagnostic', uri, 'orphaned-annotation');
    const at = text.indexOf(QUOTE);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + QUOTE.length));
    const actions = await codeActions(uri, orphan.range);
    const reanchor = actions.find((a) => a.title === 'Re-anchor here (to the selection)');
    assert.ok(reanchor, actions.map((a) => a.title).join(' | '));
    await run(reanchor);
    const target = await waitFor('the new target on disk', async () => {
      const stored = parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar?.annotations[0]?.target;
      return stored?.exact === QUOTE ? stored : undefined;
    });
    assert.equal([...text].slice(target.start, target.end).join(''), QUOTE, 'offsets count code points');
    await waitFor('the diagnostic to go', () => diagnosticsOf(uri, 'orphaned-annotation').length === 0);
  });

  it('reports a moved tag on the source, and "Re-anchor here" stores its new offsets', async () => {
    const { current, stale } = await writeMovedTag();
    const editor = await openEditor(SOURCE);
    const uri = editor.document.uri;
    const moved = await waitForDiagnostic('an annotation-moved diagnostic', uri, 'annotation-moved');
    assert.equal(moved.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(moved.message, `Tag torture moved: stored at ${stale.start}–${stale.end}; now here`);
    // At the quote, in UTF-16 positions (the 📌 on the first line is two code units).
    assert.equal(editor.document.getText(moved.range), QUOTE);

    const actions = await codeActions(uri, moved.range);
    const reanchor = actions.find((a) => a.title === 'Re-anchor here');
    assert.ok(reanchor, actions.map((a) => a.title).join(' | '));
    assert.equal(reanchor.isPreferred, true);
    await run(reanchor);
    const target = await waitFor('the new offsets on disk', async () => {
      const stored = parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar?.annotations[0]?.target;
      return stored && stored.start !== stale.start ? stored : undefined;
    });
    assert.deepEqual(target, current);
    await waitFor('the diagnostic to go', () => diagnosticsOf(uri, 'annotation-moved').length === 0);
  });

  it('reports the same moved tag on the sidecar (from the check core) with the same quick fix, once per file', async () => {
    const { current } = await writeMovedTag();
    const source = await openEditor(SOURCE);
    await waitForDiagnostic('the diagnostic on the source', source.document.uri, 'annotation-moved');
    const sidecar = await openEditor(`${SOURCE}.ann.yaml`);
    const uri = sidecar.document.uri;
    const moved = await waitForDiagnostic('the diagnostic on the sidecar', uri, 'annotation-moved');
    assert.equal(moved.range.start.line, 4, 'on the entry');
    assert.equal(diagnosticsOf(source.document.uri, 'annotation-moved').length, 1);
    assert.equal(diagnosticsOf(uri, 'annotation-moved').length, 1);

    const actions = await codeActions(uri, moved.range);
    const reanchor = actions.find((a) => a.title === 'Re-anchor here');
    assert.ok(reanchor, actions.map((a) => a.title).join(' | '));
    await run(reanchor);
    await waitFor('the new offsets in the sidecar editor and on disk', async () =>
      parseSidecar(await fs.readFile(sidecarPath(), 'utf8')).sidecar?.annotations[0]?.target.start === current.start && !sidecar.document.isDirty);
    await waitFor('both diagnostics to go', () => diagnosticsOf(uri, 'annotation-moved').length + diagnosticsOf(source.document.uri, 'annotation-moved').length === 0);
  });
});
