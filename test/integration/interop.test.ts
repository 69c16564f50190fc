import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../src/core/sidecar/model';
import { writeSidecarFile } from '../../src/core/sidecar/sidecar-file';
import { tagPassage } from '../../src/core/annotations/tagging';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { COMMANDS } from '../../src/extension/constants';
import type { ExportOutcome } from '../../src/extension/exportCommand';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { closeAllEditors, errorMessagesDuring, extension, waitFor, workspaceFile } from './helpers';

const FIXTURE = 'tagging.legal.txt';
const QUOTE = 'were tortured with electric shocks';

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

let copies = 0;

/** A fresh copy of the fixture with one tag (as the CLI's `tag` writes it); returns its workspace path. */
async function taggedCopy(): Promise<{ name: string; id: string }> {
  const name = `interop-${++copies}-${Date.now()}.legal.txt`;
  const path = workspaceFile(name).fsPath;
  await fs.copyFile(workspaceFile(FIXTURE).fsPath, path);
  const text = await fs.readFile(path, 'utf8');
  const result = tagPassage({ text, sourceName: name, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: QUOTE }, note: 'integration note' });
  assert.ok(result.ok, !result.ok ? result.reason : '');
  await writeSidecarFile(sidecarPathFor(path), result.doc);
  return { name, id: result.annotation.id };
}

describe('Export annotations and the evidence matrix', () => {
  afterEach(closeAllEditors);

  it('Export annotations... writes a W3C collection, CSV and brat where it is told to, nowhere else', async () => {
    await api();
    const { name, id } = await taggedCopy();
    const out = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-export-'));
    try {
      const w3c = await vscode.commands.executeCommand<ExportOutcome>(COMMANDS.exportAnnotations, { format: 'w3c', target: vscode.Uri.file(join(out, 'a.jsonld')) });
      assert.ok(w3c && w3c.count >= 1);
      const collection = JSON.parse(await fs.readFile(join(out, 'a.jsonld'), 'utf8'));
      assert.equal(collection.type, 'AnnotationCollection');
      const mine = collection.first.items.find((item: { target: { source: string } }) => item.target.source.endsWith(`/${name}`));
      assert.ok(mine, 'the tagged copy is exported');
      assert.equal(mine.target.source, vscode.Uri.file(workspaceFile(name).fsPath).toString());
      assert.deepEqual(mine.body[0], { type: 'TextualBody', purpose: 'classifying', value: 'torture', label: 'Torture' });
      assert.equal(mine.body[1].value, 'integration note');

      await vscode.commands.executeCommand(COMMANDS.exportAnnotations, { format: 'csv-bom', target: vscode.Uri.file(join(out, 'a.csv')) });
      const csv = await fs.readFile(join(out, 'a.csv'), 'utf8');
      assert.ok(csv.startsWith('\uFEFFfile,id,category,'));
      assert.ok(csv.includes(`${name},${id},torture,Torture,`));

      await vscode.commands.executeCommand(COMMANDS.exportAnnotations, { format: 'brat', target: vscode.Uri.file(join(out, 'brat')) });
      const ann = await fs.readFile(join(out, 'brat', name.replace(/\.txt$/, '.ann')), 'utf8');
      assert.match(ann, new RegExp(`^T1\\ttorture \\d+ \\d+\\t${QUOTE}$`, 'm'));
      assert.equal(await fs.readFile(join(out, 'brat', name), 'utf8'), await fs.readFile(workspaceFile(name).fsPath, 'utf8'));
      assert.ok((await fs.readFile(join(out, 'brat', 'annotation.conf'), 'utf8')).includes('[entities]'));
      // Nothing was written into the workspace.
      assert.deepEqual((await fs.readdir(workspaceFile().fsPath)).filter((f) => /\.(jsonld|csv|ann|conf)$/.test(f)), []);
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  it('Export annotations... as brat refuses a folder holding a file of a copy\'s name it did not make, as the CLI does; colliding names are said', async () => {
    await api();
    const { name } = await taggedCopy();
    const out = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-export-'));
    const stem = `brat-x-${Date.now()}`;
    const collided = [stem, `${stem}.txt`];
    try {
      await fs.writeFile(join(out, name), 'my own notes\n');
      let outcome: ExportOutcome | undefined;
      const errors = await errorMessagesDuring(async () => {
        outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMANDS.exportAnnotations, { format: 'brat', target: vscode.Uri.file(out) });
      });
      assert.equal(outcome, undefined);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.ok(errors[0]!.endsWith(`${name} already exists and is not what an earlier export wrote there (changed since, as by annotating it in brat, or another project's file): bring its annotations in with import --format brat, then remove it, or export into an empty folder; nothing was written (choose an empty folder)`), errors[0]);
      assert.deepEqual(await fs.readdir(out), [name], 'nothing was written');
      assert.equal(await fs.readFile(join(out, name), 'utf8'), 'my own notes\n');

      // Once it is gone, the folder is the export's to fill.
      await fs.rm(join(out, name));
      // Two sources sharing a brat name: the second gets x~2, said as the CLI says it.
      for (const [i, file] of collided.entries()) {
        const text = `The prisoners were tortured in cell ${i}.\n`;
        await fs.writeFile(workspaceFile(file).fsPath, text);
        const result = tagPassage({ text, sourceName: file, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: 'tortured' } });
        assert.ok(result.ok);
        await writeSidecarFile(sidecarPathFor(workspaceFile(file).fsPath), result.doc);
      }
      const exported = await vscode.commands.executeCommand<ExportOutcome>(COMMANDS.exportAnnotations, { format: 'brat', target: vscode.Uri.file(out) });
      assert.ok(exported, 'the export is made');
      assert.equal(await fs.readFile(join(out, name), 'utf8'), await fs.readFile(workspaceFile(name).fsPath, 'utf8'));
      // Made again, over its own files (listed with their hashes in annotation.conf).
      const again = await vscode.commands.executeCommand<ExportOutcome>(COMMANDS.exportAnnotations, { format: 'brat', target: vscode.Uri.file(out) });
      assert.ok(again, 'an earlier export\'s files are replaced');
      assert.ok(exported.warnings.includes(`${stem}.txt: exported as ${stem}~2.txt and ${stem}~2.ann (${stem}.txt is another source's copy)`), exported.warnings.join('\n'));
      assert.notEqual(await fs.readFile(join(out, `${stem}.txt`), 'utf8'), await fs.readFile(join(out, `${stem}~2.txt`), 'utf8'));
    } finally {
      for (const file of collided) {
        await fs.rm(workspaceFile(file).fsPath, { force: true });
        await fs.rm(sidecarPathFor(workspaceFile(file).fsPath), { force: true });
      }
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  it('Export annotations... links the tags to the incidents of incidents.yaml, as the CLI does', async () => {
    await api();
    const { name, id } = await taggedCopy();
    const incidents = workspaceFile('incidents.yaml').fsPath;
    const out = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-export-'));
    await fs.writeFile(incidents, ['version: 1', 'incidents:', '  - id: camp', '    title: Torture in the camp', '    categories: [torture]', '    evidence:', `      - { source: ${name}, annotation: ${id}, elements: [torture-severe-pain] }`, ''].join('\n'));
    try {
      await vscode.commands.executeCommand(COMMANDS.exportAnnotations, { format: 'w3c', target: vscode.Uri.file(join(out, 'a.jsonld')) });
      const items: { motivation?: string; body?: unknown }[] = JSON.parse(await fs.readFile(join(out, 'a.jsonld'), 'utf8')).first.items;
      const links = items.filter((item) => item.motivation === 'linking');
      assert.equal(links.length, 1, JSON.stringify(links));
      assert.ok(JSON.stringify(links[0]!.body).includes('urn:legal-annotator:incident:camp'));
      await vscode.commands.executeCommand(COMMANDS.exportAnnotations, { format: 'csv', target: vscode.Uri.file(join(out, 'a.csv')) });
      const csv = (await fs.readFile(join(out, 'a.csv'), 'utf8')).split(/\r?\n/);
      assert.match(csv[0]!, /,incident,elements$/);
      assert.match(csv.find((line) => line.includes(`${name},${id},`)) ?? '', /,camp,torture-severe-pain$/);
    } finally {
      await fs.rm(incidents, { force: true });
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  it('Open evidence matrix shows a locked-down webview beside the editor; a quote link opens the passage', async () => {
    const { evidenceMatrix } = await api();
    const { name, id } = await taggedCopy();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('basic.legal.txt')));
    await vscode.commands.executeCommand(COMMANDS.openEvidenceMatrix);
    const current = await waitFor('the matrix to list the tagged copy', () => {
      const shown = evidenceMatrix.current;
      return shown?.matrix?.sources.some((s) => s.path === name) ? shown : undefined;
    });
    assert.equal(current.panel.viewColumn, vscode.ViewColumn.Two, 'beside the active editor');
    const html = current.panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-[^&]+&#39;; script-src &#39;nonce-[^&]+&#39;; img-src data:">/);
    assert.doesNotMatch(html, /<script\s+src=|<link\b|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /<svg [^>]*class="chart"/);
    const torture = current.matrix!.categories.find((c) => c.id === 'torture');
    const quote = torture?.quotes.find((q) => q.id === id);
    assert.ok(quote && quote.start !== undefined);
    assert.ok(html.includes(`data-path="${name}" data-id="${id}" data-start="${quote.start}" data-end="${quote.end}"`));

    // What the page posts when the link is clicked.
    assert.equal(await evidenceMatrix.handleMessage({ type: 'open', path: name, id, start: quote.start, end: quote.end }), true);
    const editor = await waitFor('the source to open with the passage selected', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === workspaceFile(name).fsPath && !active.selection.isEmpty ? active : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), QUOTE);
    // A link the matrix did not render is refused.
    assert.equal(await evidenceMatrix.handleMessage({ type: 'open', path: '../../etc/passwd' }), false);
  });

  it('The evidence matrix shows the case matrix of incidents.yaml, a gap closing when a tag is linked; a passage link opens its line', async () => {
    const { evidenceMatrix } = await api();
    const { name, id } = await taggedCopy();
    const incidents = workspaceFile('incidents.yaml').fsPath;
    const file = (elements: string) => ['version: 1', 'incidents:', '  - id: camp', '    title: Torture in the camp', '    categories: [torture]', '    elements: [torture-severe-pain, torture-purpose]', '    evidence:', `      - { source: ${name}, annotation: ${id}, elements: [${elements}] }`, ''].join('\n');
    await fs.writeFile(incidents, file('torture-severe-pain'));
    try {
      await vscode.commands.executeCommand(COMMANDS.openEvidenceMatrix);
      const gapOf = (element: string) => evidenceMatrix.current?.caseMatrices[0]?.matrix.incidents[0]?.categories[0]?.elements.find((e) => e.id === element)?.established;
      await waitFor('the case matrix with one gap', () => (gapOf('torture-severe-pain') === true && gapOf('torture-purpose') === false ? true : undefined));
      const html = evidenceMatrix.current!.panel.webview.html;
      assert.match(html, /<div class="case-matrix">/);
      assert.match(html, /<tr class="gap" data-element="torture-purpose">/);
      const line = evidenceMatrix.current!.caseMatrices[0]!.matrix.incidents[0]!.categories[0]!.elements[0]!.passages[0]!.line!;
      assert.ok(html.includes(`data-path="${name}" data-id="${id}" data-line="${line}"`));

      // The open matrix follows the file.
      await fs.writeFile(incidents, file('torture-severe-pain, torture-purpose'));
      await waitFor('the gap to close', () => (gapOf('torture-purpose') === true ? true : undefined));
      assert.doesNotMatch(evidenceMatrix.current!.panel.webview.html, /<tr class="gap"/);

      assert.equal(await evidenceMatrix.handleMessage({ type: 'open', path: name, id, line }), true);
      const editor = await waitFor('the source to open at the passage\'s line', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.fsPath === workspaceFile(name).fsPath ? active : undefined;
      });
      assert.equal(editor.selection.active.line, line - 1);
    } finally {
      await fs.rm(incidents, { force: true });
    }
  });

  it('The case matrix is the incidents service\'s: a file written just before is read as it is now, an open one with its unsaved changes', async () => {
    const { evidenceMatrix, incidents: service } = await api();
    const { name, id } = await taggedCopy();
    const incidents = workspaceFile('incidents.yaml');
    const file = (elements: string) => ['version: 1', 'incidents:', '  - id: fresh', '    title: Read as it is now', '    categories: [torture]', '    elements: [torture-severe-pain, torture-purpose]', '    evidence:', `      - { source: ${name}, annotation: ${id}, elements: [${elements}] }`, ''].join('\n');
    await service.reload();
    await fs.writeFile(incidents.fsPath, file('torture-severe-pain'));
    try {
      // Asked before the file watcher can have said anything: the service reads what is on disk.
      const read = (await service.all()).find((f) => f.path === incidents.fsPath);
      assert.deepEqual(read?.doc?.file?.incidents.map((i) => i.id), ['fresh']);

      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(incidents));
      // A document an earlier test opened may still hold the file as it was: VS Code brings it up to date.
      await waitFor('the editor to hold the file as written', () => editor.document.getText() === file('torture-severe-pain'));
      // The evidence entry's elements (the incident's own list comes first).
      const elementsAt = editor.document.getText().indexOf('elements: [torture-severe-pain] }');
      assert.ok(elementsAt > 0);
      const at = editor.document.positionAt(elementsAt + 'elements: [torture-severe-pain'.length);
      assert.ok(await editor.edit((edit) => edit.insert(at, ', torture-purpose')));
      assert.ok(editor.document.isDirty);
      await vscode.commands.executeCommand(COMMANDS.openEvidenceMatrix);
      const gapOf = (element: string) => evidenceMatrix.current?.caseMatrices[0]?.matrix.incidents.find((i) => i.id === 'fresh')?.categories[0]?.elements.find((e) => e.id === element)?.established;
      await waitFor('the unsaved link in the case matrix', () => (gapOf('torture-purpose') === true ? true : undefined));
      assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(at, at.translate(0, ', torture-purpose'.length)))));
      await waitFor('the link taken out again in the case matrix', () => (gapOf('torture-purpose') === false ? true : undefined));
    } finally {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(incidents));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await closeAllEditors();
      await fs.rm(incidents.fsPath, { force: true });
    }
  });
});
