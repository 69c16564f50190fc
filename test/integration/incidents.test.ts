/**
 * Incidents in the editor: the problems of incidents.yaml (check errors, gaps, a single origin)
 * in the Problems panel; a tag linked to an incident and to its elements by the code actions'
 * commands, the gap closing in the Annotations view's Incidents group; the tag's hover naming
 * its incident; and the write undone, through the open editor and through the undo journal.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { parseIncidents } from '../../src/core/incidents/incidents-io';
import { tagPassage } from '../../src/core/annotations/tagging';
import { sidecarPathFor } from '../../src/core/sidecar/model';
import { writeSidecarFile } from '../../src/core/sidecar/sidecar-file';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { COMMANDS } from '../../src/extension/constants';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import type { AnnotationsNode } from '../../src/extension/annotationsView';
import type { IncidentElementNode, IncidentNode, IncidentsGroupNode } from '../../src/extension/incidentsTree';
import { closeAllEditors, errorMessagesDuring, extension, openEditor, waitFor, workspaceFile } from './helpers';

const SOURCE = 'incidents.legal.txt';
const TEXT = [
  'Former prisoners of war said they were tortured with electric shocks during interrogations.',
  '',
  'Guards beat them to obtain confessions, a second witness said.',
  '',
].join('\n');
const INCIDENTS = [
  '# The cases of this workspace (kept by hand)',
  'version: 1',
  'incidents:',
  '  - id: camp-2022',
  '    title: Torture in the camp',
  '    date: 2022-07',
  '    categories: [torture]',
  '  - id: broken',
  '    title: Cites a tag that is not there',
  '    categories: [torture]',
  '    evidence:',
  '      - {source: incidents.legal.txt, annotation: no-such-tag}',
  '',
].join('\n');

async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

const incidentsUri = () => workspaceFile('incidents.yaml');

async function tagQuote(editor: vscode.TextEditor, quote: string): Promise<string> {
  const start = editor.document.getText().indexOf(quote);
  const id = await vscode.commands.executeCommand<string>(COMMANDS.tag, { uri: editor.document.uri.toString(), start, end: start + quote.length, category: 'torture' });
  assert.ok(id, `tagged "${quote}"`);
  return id;
}

/** The incident's node in the view's Incidents group, once it is there. */
async function incidentNode(la: LegalAnnotatorApi, id: string): Promise<IncidentNode | undefined> {
  const roots = await la.annotationsView.getChildren();
  const group = roots.find((node) => node.kind === 'incidents');
  if (!group) return undefined;
  const incidents = (await la.annotationsView.getChildren(group)) as AnnotationsNode[];
  return incidents.find((node): node is IncidentNode => node.kind === 'incident' && node.incident.id === id);
}

async function element(la: LegalAnnotatorApi, incident: string, id: string): Promise<{ node: IncidentElementNode; item: vscode.TreeItem }> {
  const parent = await waitFor(`incident ${incident} in the view`, () => incidentNode(la, incident));
  const node = parent.elements.find((e) => e.element.id === id);
  assert.ok(node, `element ${id} listed under ${incident}`);
  return { node, item: la.annotationsView.getTreeItem(node) };
}

function diagnosticsOfIncidents(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(incidentsUri());
}

async function onDisk(): Promise<string> {
  return fs.readFile(incidentsUri().fsPath, 'utf8');
}

describe('Incidents in the editor', function () {
  this.timeout(60000);
  let first: string;
  let second: string;

  before(async () => {
    await fs.writeFile(workspaceFile(SOURCE).fsPath, TEXT);
    await fs.writeFile(incidentsUri().fsPath, INCIDENTS);
  });

  after(async () => {
    await closeAllEditors();
    await fs.rm(incidentsUri().fsPath, { force: true });
  });

  it('shows the problems of incidents.yaml: check errors, and each element without evidence', async () => {
    await api();
    const diagnostics = await waitFor('diagnostics on incidents.yaml', () => {
      const found = diagnosticsOfIncidents();
      return found.some((d) => d.code === 'evidence-annotation-missing') && found.some((d) => d.code === 'element-without-evidence') ? found : undefined;
    });
    const missing = diagnostics.find((d) => d.code === 'evidence-annotation-missing')!;
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(missing.range.start.line, 11, 'at the evidence entry that cites the missing tag');
    const gaps = diagnostics.filter((d) => d.code === 'element-without-evidence');
    assert.ok(gaps.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    assert.ok(gaps.some((d) => d.message.includes('incident "camp-2022": no evidence of element "torture-severe-pain"')), gaps.map((d) => d.message).join('\n'));
  });

  it('links a tag to an incident and an element: the gap closes in the Incidents group, a single origin is a hint', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    first = await tagQuote(editor, 'tortured with electric shocks');
    const before = await element(la, 'camp-2022', 'torture-severe-pain');
    assert.equal(before.item.description, 'no evidence');
    assert.equal((before.item.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');

    // The code actions on the tag offer the link.
    const at = editor.document.positionAt(TEXT.indexOf('electric'));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at))) ?? [];
    const add = actions.find((a) => a.title === 'Add tag "torture" to incident…');
    assert.ok(add?.command, actions.map((a) => a.title).join(' | '));
    assert.ok(!actions.some((a) => a.title.startsWith('Evidence of element')), 'no element to set before the tag is in an incident');

    await vscode.commands.executeCommand(add.command.command, { ...add.command.arguments![0], incident: 'camp-2022', elements: ['torture-severe-pain'] });
    await waitFor('the element established in the view', async () => (await element(la, 'camp-2022', 'torture-severe-pain')).item.description === '1 origin');
    const after = await element(la, 'camp-2022', 'torture-severe-pain');
    assert.equal((after.item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    const [passage] = await la.annotationsView.getChildren(after.node);
    assert.equal(la.annotationsView.getTreeItem(passage).label, 'tortured with electric shocks');
    assert.equal((await element(la, 'camp-2022', 'torture-purpose')).item.description, 'no evidence');

    const text = await onDisk();
    assert.ok(text.startsWith('# The cases of this workspace (kept by hand)\n'), 'the comment is kept');
    assert.deepEqual(parseIncidents(text).file!.incidents[0].evidence, [{ source: SOURCE, annotation: first, elements: ['torture-severe-pain'] }]);
    const hint = await waitFor('the single-origin hint', () => diagnosticsOfIncidents().find((d) => d.code === 'single-origin-incident'));
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    const gaps = diagnosticsOfIncidents().filter((d) => d.code === 'element-without-evidence').map((d) => d.message);
    assert.ok(!gaps.some((m) => m.startsWith('incident "camp-2022": no evidence of element "torture-severe-pain"')), 'the gap of that element is gone');
    assert.ok(gaps.some((m) => m.startsWith('incident "camp-2022": no evidence of element "torture-purpose"')), 'the others stay');
  });

  it('sets the elements of a cited tag ("Evidence of element…") and names the incident in the tag\'s hover', async () => {
    const la = await api();
    const editor = await openEditor(SOURCE);
    await vscode.commands.executeCommand(COMMANDS.evidenceOfElement, { uri: editor.document.uri.toString(), id: first, elements: ['torture-severe-pain', 'torture-purpose'] });
    await waitFor('the purpose established', async () => (await element(la, 'camp-2022', 'torture-purpose')).item.description === '1 origin');

    const position = editor.document.positionAt(TEXT.indexOf('electric') + 1);
    const hovers = await waitFor('a hover naming the incident', async () => {
      const found = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position)) ?? [];
      const markdown = found.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return markdown.includes('Torture in the camp') ? markdown : undefined;
    });
    assert.match(hovers, /\*\*Torture in the camp\*\* `camp-2022` · evidence of: The perpetrator inflicted severe physical or mental pain/);
    assert.match(hovers, /; The pain or suffering was inflicted for a purpose/);
  });

  it('writes through the open incidents.yaml: a new incident is one edit that Ctrl+Z undoes', async () => {
    const la = await api();
    const source = await openEditor(SOURCE);
    second = await tagQuote(source, 'beat them to obtain confessions');
    const incidentsDoc = await vscode.workspace.openTextDocument(incidentsUri());
    const editor = await vscode.window.showTextDocument(incidentsDoc);
    const before = incidentsDoc.getText();
    const errors = await errorMessagesDuring(async () => vscode.commands.executeCommand(COMMANDS.addToIncident, {
      uri: source.document.uri.toString(), id: second, newIncident: { id: 'beatings', title: 'Beatings for confessions', date: '2022-08', place: 'Camp' }, elements: ['torture-purpose'],
    }));
    assert.deepEqual(errors, []);
    assert.ok(incidentsDoc.getText().includes('- id: beatings'), 'the open document holds the new incident');
    assert.equal(incidentsDoc.isDirty, false, 'and it was saved');
    assert.equal(await onDisk(), incidentsDoc.getText());
    await waitFor('the new incident in the view', () => incidentNode(la, 'beatings'));

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(incidentsDoc.getText(), before, 'one undo step takes the whole link back');
    await incidentsDoc.save();
    await waitFor('the incident gone from the view', async () => ((await incidentNode(la, 'beatings')) ? undefined : true));
  });

  it('undoes a write to a closed incidents.yaml with "Undo last annotation change"', async () => {
    await closeAllEditors();
    const la = await api();
    const source = await openEditor(SOURCE);
    const before = await onDisk();
    assert.deepEqual(await errorMessagesDuring(async () => vscode.commands.executeCommand(COMMANDS.addToIncident, { uri: source.document.uri.toString(), id: second, incident: 'camp-2022', elements: [] })), []);
    assert.notEqual(await onDisk(), before);
    await waitFor('the tag listed under the incident as a whole', async () => (await incidentNode(la, 'camp-2022'))?.general.length === 1);
    await vscode.commands.executeCommand(COMMANDS.undo);
    assert.equal(await onDisk(), before);
  });

  it('creates incidents.yaml with a new incident when there is none; undo removes it again', async () => {
    await closeAllEditors();
    await fs.rm(incidentsUri().fsPath);
    const source = await openEditor(SOURCE);
    const errors = await errorMessagesDuring(async () => vscode.commands.executeCommand(COMMANDS.addToIncident, {
      uri: source.document.uri.toString(), id: first, newIncident: { id: 'first-case', title: 'First case' }, elements: [],
    }));
    assert.deepEqual(errors, []);
    const created = parseIncidents(await onDisk());
    assert.deepEqual(created.problems, []);
    assert.deepEqual(created.file!.incidents, [{ id: 'first-case', title: 'First case', categories: ['torture'], evidence: [{ source: SOURCE, annotation: first }] }]);
    await vscode.commands.executeCommand(COMMANDS.undo);
    await assert.rejects(fs.stat(incidentsUri().fsPath), 'the file the link created is gone');
  });

  it('shows the problems and the Incidents group of an incidents file under a nested config too', async () => {
    const la = await api();
    const folder = workspaceFile('nested-case');
    const source = vscode.Uri.joinPath(folder, 'reports', 'witness.legal.txt');
    const incidents = vscode.Uri.joinPath(folder, 'cases.yaml');
    await fs.mkdir(vscode.Uri.joinPath(folder, 'reports').fsPath, { recursive: true });
    await fs.writeFile(source.fsPath, TEXT);
    const tagged = tagPassage({ text: TEXT, sourceName: 'witness.legal.txt', taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: 'tortured with electric shocks' } });
    assert.ok(tagged.ok, !tagged.ok ? tagged.reason : '');
    await writeSidecarFile(sidecarPathFor(source.fsPath), tagged.doc);
    await fs.writeFile(incidents.fsPath, [
      'version: 1', 'incidents:', '  - id: nested-camp', '    title: The nested workspace\'s case', '    categories: [torture]', '    evidence:',
      `      - {source: reports/witness.legal.txt, annotation: ${tagged.annotation.id}, elements: [torture-severe-pain]}`,
      '      - {source: reports/witness.legal.txt, annotation: not-there}', '',
    ].join('\n'));
    await fs.writeFile(vscode.Uri.joinPath(folder, '.legal-annotator.yaml').fsPath, ['version: 1', 'sources: ["reports/**/*.legal.txt"]', 'incidents: cases.yaml', ''].join('\n'));
    try {
      const missing = await waitFor('the nested file\'s problems', () => vscode.languages.getDiagnostics(incidents).find((d) => d.code === 'evidence-annotation-missing'));
      assert.equal(missing.range.start.line, 7, 'at the evidence entry citing the missing tag');
      const nestedGroup = async () => (await la.annotationsView.getChildren()).find((node): node is IncidentsGroupNode => node.kind === 'incidents' && node.file.path === incidents.fsPath);
      const group = await waitFor('the nested file\'s group in the view', nestedGroup);
      const [incident] = (await la.annotationsView.getChildren(group)) as IncidentNode[];
      assert.equal(incident?.incident.id, 'nested-camp');
      assert.equal(incident.elements.find((e) => e.element.id === 'torture-severe-pain')?.passages[0]?.sourceUri.fsPath, source.fsPath, 'cited paths are relative to the nested config');
      // The cited tag found among the view's tags (open, so it does not wait for the file watcher to list the new sidecar).
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
      const cited = async () => {
        const shown = await nestedGroup();
        const [node] = shown ? ((await la.annotationsView.getChildren(shown)) as IncidentNode[]) : [];
        return node?.elements.find((e) => e.element.id === 'torture-severe-pain')?.passages[0]?.passage?.annotation.id;
      };
      assert.equal(await waitFor('the cited tag in the nested group', cited), tagged.annotation.id);
      assert.match(String(la.annotationsView.getTreeItem(group).description), /nested-case\/cases\.yaml/, 'the group names its file');
    } finally {
      await fs.rm(folder.fsPath, { recursive: true, force: true });
    }
    await waitFor('the nested file\'s problems gone with it', () => vscode.languages.getDiagnostics(incidents).length === 0);
  });
});
