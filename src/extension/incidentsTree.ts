/**
 * The "Incidents" group of the Annotations view: each incident of the incidents file, under it
 * the legal elements of its categories, under each element the tagged passages cited as its
 * evidence. An element no counted evidence supports is a gap: its own icon and "no evidence".
 * Passages come from the view's own list of tags (live for open sources, from disk otherwise);
 * a cited tag the workspace does not have is listed as missing, never hidden.
 */
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { elementSupport, incidentOrigins } from '../core/incidents/corroboration';
import { formatIncidentDate, type Evidence, type Incident } from '../core/incidents/model';
import type { CrimeElement } from '../core/taxonomy/taxonomy';
import { shortQuote, type PassageNode, type RevealArgs } from './annotationsView';
import { COMMANDS } from './constants';
import { escapeMarkdown, tagHover } from './hoverText';
import type { LoadedIncidents } from './incidentsService';

export interface IncidentsGroupNode {
  readonly kind: 'incidents';
  readonly file: LoadedIncidents;
  readonly incidents: IncidentNode[];
}

export interface IncidentNode {
  readonly kind: 'incident';
  readonly file: LoadedIncidents;
  readonly incident: Incident;
  readonly elements: IncidentElementNode[];
  /** Evidence naming no element: it supports the incident as a whole. */
  readonly general: IncidentPassageNode[];
  readonly origins: string[];
}

export interface IncidentElementNode {
  readonly kind: 'incident-element';
  readonly incidentId: string;
  readonly element: CrimeElement;
  readonly categoryLabel: string;
  readonly passages: IncidentPassageNode[];
  /** Distinct origins of the counted evidence; none is a gap. */
  readonly origins: string[];
}

export interface IncidentPassageNode {
  readonly kind: 'incident-passage';
  /** Where it sits in the tree (incident and element), so the same tag under two elements has two ids. */
  readonly parentId: string;
  readonly evidence: Evidence;
  readonly sourceUri: vscode.Uri;
  /** The tag as the view lists it; undefined when the workspace has no such tag. */
  readonly passage?: PassageNode;
}

export type IncidentsTreeNode = IncidentsGroupNode | IncidentNode | IncidentElementNode | IncidentPassageNode;

/** Finds a tag of a source in the view's list. */
export type PassageLookup = (sourceUri: vscode.Uri, annotationId: string) => PassageNode | undefined;

/** One group per incidents file that exists (several folders, or configs nested below a folder, may have several). */
export function incidentsGroups(files: readonly LoadedIncidents[], lookup: PassageLookup): IncidentsGroupNode[] {
  return files.filter((file) => file.doc).map((file) => ({ kind: 'incidents', file, incidents: (file.doc?.file?.incidents ?? []).map((incident) => incidentNode(file, incident, lookup)) }));
}

function incidentNode(file: LoadedIncidents, incident: Incident, lookup: PassageLookup): IncidentNode {
  const passage = (evidence: Evidence, parentId: string): IncidentPassageNode => {
    const sourceUri = vscode.Uri.file(resolve(file.config.root, evidence.source));
    const found = lookup(sourceUri, evidence.annotation);
    const category = found && (found.category ?? file.config.taxonomy.categories.find((c) => c.id === found.annotation.category));
    return { kind: 'incident-passage', parentId, evidence, sourceUri, passage: found && { ...found, category } };
  };
  const taxonomy = file.config.taxonomy;
  const owners = new Map<string, { element: CrimeElement; categoryLabel: string }>();
  for (const category of taxonomy.categories) {
    if (!incident.categories.includes(category.id)) continue;
    for (const element of category.elements) if (!owners.has(element.id)) owners.set(element.id, { element, categoryLabel: category.label });
  }
  const elements = elementSupport(incident, taxonomy, file.support).map(({ element, evidence, origins }): IncidentElementNode => {
    const parentId = `${file.path}#${incident.id}#${element}`;
    const owner = owners.get(element)!;
    return { kind: 'incident-element', incidentId: incident.id, element: owner.element, categoryLabel: owner.categoryLabel, origins, passages: evidence.map((e) => passage(e, parentId)) };
  });
  const general = (incident.evidence ?? []).filter((e) => (e.elements ?? []).length === 0).map((e) => passage(e, `${file.path}#${incident.id}`));
  return { kind: 'incident', file, incident, elements, general, origins: incidentOrigins(incident, file.support) };
}

export function incidentsChildren(node: IncidentsTreeNode): IncidentsTreeNode[] {
  switch (node.kind) {
    case 'incidents': return node.incidents;
    case 'incident': return [...node.elements, ...node.general];
    case 'incident-element': return node.passages;
    default: return [];
  }
}

export function incidentsTreeItem(node: IncidentsTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'incidents': return groupItem(node);
    case 'incident': return incidentItem(node);
    case 'incident-element': return elementItem(node);
    default: return passageItem(node);
  }
}

function groupItem(node: IncidentsGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Incidents', vscode.TreeItemCollapsibleState.Expanded);
  item.id = `incidents:${node.file.path}`;
  const gaps = node.incidents.reduce((n, i) => n + i.elements.filter((e) => e.origins.length === 0).length, 0);
  const errors = node.file.problems.filter((p) => p.severity === 'error').length;
  const counts = `${node.incidents.length} · ${gaps} ${gaps === 1 ? 'gap' : 'gaps'}`;
  const path = vscode.workspace.asRelativePath(node.file.uri, false);
  // A nested workspace's file (its config below a workspace folder) is named, to tell its group from the folder's.
  const nested = !(vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === node.file.config.root);
  item.description = errors > 0 && !node.file.doc?.file ? `${path} has errors` : nested ? `${path} · ${counts}` : counts;
  item.tooltip = `${node.file.uri.fsPath}: each incident, the legal elements of its categories and the tagged passages cited as their evidence`;
  item.iconPath = new vscode.ThemeIcon(errors > 0 ? 'error' : 'law');
  item.resourceUri = node.file.uri;
  item.command = { command: 'vscode.open', title: 'Open the incidents file', arguments: [node.file.uri] };
  item.contextValue = 'legalAnnotator.incidents';
  return item;
}

function incidentItem(node: IncidentNode): vscode.TreeItem {
  const { incident } = node;
  const item = new vscode.TreeItem(incident.title, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `incident:${node.file.path}#${incident.id}`;
  const established = node.elements.filter((e) => e.origins.length > 0).length;
  const date = formatIncidentDate(incident.date);
  item.description = [date, `${established}/${node.elements.length} elements`, `${node.origins.length} ${node.origins.length === 1 ? 'origin' : 'origins'}`].filter(Boolean).join(' · ');
  const lines = [`**${escapeMarkdown(incident.title)}** \`${incident.id}\``];
  if (date) lines.push(`Date: ${escapeMarkdown(date)}`);
  if (incident.place) lines.push(`Place: ${escapeMarkdown(incident.place)}`);
  lines.push(`Categories: ${escapeMarkdown(incident.categories.join(', '))}`);
  if (node.origins.length > 0) lines.push(`Origins: ${escapeMarkdown(node.origins.join(', '))}`);
  item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
  item.iconPath = new vscode.ThemeIcon('briefcase');
  item.contextValue = 'legalAnnotator.incident';
  return item;
}

function elementItem(node: IncidentElementNode): vscode.TreeItem {
  const gap = node.origins.length === 0;
  const item = new vscode.TreeItem(node.element.label, node.passages.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = `incident-element:${node.incidentId}#${node.element.id}`;
  item.description = gap
    ? (node.passages.length > 0 ? 'no evidence (cited tags do not count)' : 'no evidence')
    : `${node.origins.length} ${node.origins.length === 1 ? 'origin' : 'origins'}`;
  item.iconPath = gap ? new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  const basis = node.element.basis ? ` _(${escapeMarkdown(node.element.basis)})_` : '';
  item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(node.element.label)}${basis}\n\n${escapeMarkdown(node.categoryLabel)} · \`${node.element.id}\`\n\n${gap ? 'A gap: no tagged passage is cited as evidence of it. Put the cursor on a tag and press Ctrl+. → "Evidence of element…".' : `Supported by ${escapeMarkdown(node.origins.join(', '))}`}`);
  item.contextValue = gap ? 'legalAnnotator.elementGap' : 'legalAnnotator.element';
  return item;
}

function passageItem(node: IncidentPassageNode): vscode.TreeItem {
  const { evidence, passage } = node;
  const source = vscode.workspace.asRelativePath(node.sourceUri, false);
  if (!passage) {
    const item = new vscode.TreeItem(`${evidence.annotation} (tag not found)`, vscode.TreeItemCollapsibleState.None);
    item.id = `incident-passage:${node.parentId}#${evidence.source}#${evidence.annotation}`;
    item.description = source;
    item.tooltip = `${evidence.source} has no tag "${evidence.annotation}": the tag was removed or the id is mistyped (see the Problems of the incidents file)`;
    item.iconPath = new vscode.ThemeIcon('error');
    return item;
  }
  const { annotation, anchor } = passage;
  const item = new vscode.TreeItem(shortQuote(annotation.target.exact), vscode.TreeItemCollapsibleState.None);
  item.id = `incident-passage:${node.parentId}#${evidence.source}#${evidence.annotation}`;
  const where = passage.line === undefined ? '(orphaned)' : `line ${passage.line + 1}`;
  item.description = `${source} · ${where}${annotation.status === 'disputed' ? ' · disputed' : ''}`;
  item.iconPath = new vscode.ThemeIcon(anchor.status === 'orphaned' ? 'warning' : 'quote');
  item.tooltip = new vscode.MarkdownString(tagHover(annotation, passage.category, anchor), true);
  const args: RevealArgs = { uri: node.sourceUri.toString(), id: annotation.id, ...(passage.range ?? {}) };
  item.command = { command: COMMANDS.revealAnnotation, title: 'Show tagged passage', arguments: [args] };
  return item;
}
