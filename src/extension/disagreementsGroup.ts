/**
 * The "Disagreements" group of the Annotations view, while a comparison is on: every source the
 * compared side annotated that has open disagreements with mine, and under it each disagreement
 * (their tag, my tags on it); clicking one shows the passage, where the code actions decide it.
 * Open sources follow the store; closed ones are read from disk (compareService.ts).
 */
import * as vscode from 'vscode';
import type { Disagreement } from '../core/team/disagreements';
import { LineIndex } from '../core/text/positions';
import type { CompareService } from './compareService';
import { COMMANDS } from './constants';
import { escapeMarkdown } from './hoverText';

export interface DisagreementGroupNode {
  readonly kind: 'disagreements';
  readonly label: string;
  readonly sources: DisagreementSourceNode[];
}

export interface DisagreementSourceNode {
  readonly kind: 'disagreement-source';
  readonly sourceUri: vscode.Uri;
  readonly relativePath: string;
  readonly rows: DisagreementNode[];
}

export interface DisagreementNode {
  readonly kind: 'disagreement';
  readonly sourceUri: vscode.Uri;
  readonly disagreement: Disagreement;
  /** UTF-16 offsets in the source as it is now, and the 0-based line of the start. */
  readonly range: { start: number; end: number };
  readonly line: number;
  readonly quote: string;
}

export type DisagreementsTreeNode = DisagreementGroupNode | DisagreementSourceNode | DisagreementNode;

const KIND_LABELS: Record<Disagreement['kind'], string> = {
  'theirs-only': 'not tagged by me',
  category: 'another category',
  range: 'another range',
};

/** The group, undefined when nothing is compared. */
export async function disagreementsGroup(comparison: CompareService): Promise<DisagreementGroupNode | undefined> {
  const side = comparison.compared;
  if (!side) return undefined;
  const sources: DisagreementSourceNode[] = [];
  for (const uri of comparison.comparedSources()) {
    const compared = await comparison.forSource(uri);
    if (!compared || compared.disagreements.length === 0) continue;
    const lines = new LineIndex(compared.text.text);
    const rows = compared.disagreements.map((disagreement): DisagreementNode => {
      const range = { start: compared.text.toUtf16(disagreement.start), end: compared.text.toUtf16(disagreement.end) };
      return { kind: 'disagreement', sourceUri: uri, disagreement, range, line: lines.positionAt(range.start).line, quote: compared.text.text.slice(range.start, range.end) };
    });
    sources.push({ kind: 'disagreement-source', sourceUri: uri, relativePath: vscode.workspace.asRelativePath(uri, false), rows });
  }
  sources.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  return { kind: 'disagreements', label: side.label, sources };
}

export function disagreementsChildren(node: DisagreementsTreeNode): DisagreementsTreeNode[] {
  if (node.kind === 'disagreements') return node.sources;
  if (node.kind === 'disagreement-source') return node.rows;
  return [];
}

export function disagreementsTreeItem(node: DisagreementsTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'disagreements': {
      const count = node.sources.reduce((n, s) => n + s.rows.length, 0);
      const item = new vscode.TreeItem('Disagreements', vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'disagreements';
      item.description = `${count} with ${node.label}`;
      item.tooltip = `Where the tags of ${node.label} differ from mine; put the cursor on one and press Ctrl+. to accept theirs, keep mine or keep both`;
      item.iconPath = new vscode.ThemeIcon('git-compare');
      return item;
    }
    case 'disagreement-source': {
      const item = new vscode.TreeItem(node.relativePath, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `disagreements:${node.sourceUri.toString()}`;
      item.description = `${node.rows.length}`;
      item.resourceUri = node.sourceUri;
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    case 'disagreement': {
      const { theirs, mine } = node.disagreement;
      const author = theirs.annotation.author ? ` (${theirs.annotation.author})` : '';
      const item = new vscode.TreeItem(`theirs ${theirs.annotation.category}${author} · ${mine.length === 0 ? 'mine: none' : `mine ${mine.map((m) => m.annotation.category).join(', ')}`}`);
      item.id = `disagreement:${node.sourceUri.toString()}#${theirs.annotation.id}#${mine.map((m) => m.annotation.id).join(',')}`;
      item.description = `line ${node.line + 1} · ${KIND_LABELS[node.disagreement.kind]}`;
      item.tooltip = new vscode.MarkdownString(`"${escapeMarkdown(node.quote.replace(/\s+/g, ' ').trim())}"`);
      item.iconPath = new vscode.ThemeIcon('diff');
      item.command = { command: COMMANDS.revealAnnotation, title: 'Show the passage', arguments: [{ uri: node.sourceUri.toString(), id: theirs.annotation.id, ...node.range }] };
      return item;
    }
  }
}
