/**
 * The "Annotations" view in the explorer: every tag of the workspace by category, then source,
 * then passage (quote and line); clicking a passage opens the source with the passage selected.
 *
 * Open sources show the store's live ranges (they follow unsaved edits); closed ones are read
 * from disk and anchored against the source text on disk, with the same core code the store and
 * the CLI use. Orphaned tags are listed, marked "(orphaned)": never hidden (Hypothesis users'
 * top complaint is orphans that silently disappear). What was read from disk is cached per
 * sidecar until the file watcher or the store says it changed; refreshes are debounced.
 */
import * as vscode from 'vscode';
import { PreparedText } from '../core/anchoring/anchoring';
import { resolveSidecar } from '../core/anchoring/resolve';
import { readTextFile } from '../core/files/read-text-file';
import { SIDECAR_SUFFIX, sidecarPathFor, type AnchorResult, type Annotation } from '../core/sidecar/model';
import { readSidecarFile } from '../core/sidecar/sidecar-file';
import type { Category } from '../core/taxonomy/taxonomy';
import { LineIndex } from '../core/text/positions';
import type { AnnotationStore } from './annotationStore';
import type { CompareService } from './compareService';
import { disagreementsChildren, disagreementsGroup, disagreementsTreeItem, type DisagreementsTreeNode } from './disagreementsGroup';
import { COMMANDS, CONTEXT_KEYS, SETTINGS, VIEWS } from './constants';
import { escapeMarkdown, tagHover } from './hoverText';
import type { IncidentsService } from './incidentsService';
import { incidentsChildren, incidentsGroups, incidentsTreeItem, type IncidentsTreeNode } from './incidentsTree';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';
import type { WorkspaceSidecars } from './workspaceSidecars';

const REFRESH_DELAY_MS = 300;
const REFRESH_MAX_WAIT_MS = 1000;
const QUOTE_LABEL_LENGTH = 60;
/**
 * Passages listed under one source and category: every refresh hands the expanded ones to the
 * workbench, and 100,000 of them kept the extension host busy for seconds after every keystroke.
 * The rest are summed up in one row (the text, the Problems panel and the exports show them all).
 */
export const MAX_PASSAGES_LISTED = 500;

/** One tag as the view lists it. */
export interface PassageNode {
  readonly kind: 'passage';
  readonly sourceUri: vscode.Uri;
  readonly annotation: Annotation;
  /** Position in the sidecar's list: tells apart two tags that (wrongly) share an id. */
  readonly index: number;
  /** UTF-16 offsets in the source as it is now (open: the live document; closed: the file on disk). */
  readonly range?: { start: number; end: number };
  /** 0-based line of the passage's start; undefined when orphaned. */
  readonly line?: number;
  readonly anchor: AnchorResult;
  /** Set when grouped: the category as the workspace's taxonomy defines it. */
  readonly category?: Category;
}

export interface SourceNode {
  readonly kind: 'source';
  readonly categoryId: string;
  readonly sourceUri: vscode.Uri;
  readonly relativePath: string;
  readonly passages: PassageNode[];
  /** Untagged claims of the source, when known (open, or covered by the workspace review). */
  readonly untaggedClaims?: number;
}

/** Where the view learns a source's untagged claims (claimDiagnostics.ts). */
export interface ClaimCounts {
  coverage(uri: vscode.Uri): { untagged: number } | undefined;
  /** Every source whose counts are known, tagged or not. */
  coveredSources(): vscode.Uri[];
  readonly onDidChangeCoverage: vscode.Event<vscode.Uri>;
}

/** The group listing every source with untagged claims, tagged or not (the reviewer's to-do list). */
export interface UntaggedGroupNode {
  readonly kind: 'untagged';
  readonly sources: UntaggedSourceNode[];
}

export interface UntaggedSourceNode {
  readonly kind: 'untagged-source';
  readonly sourceUri: vscode.Uri;
  readonly relativePath: string;
  readonly untaggedClaims: number;
}

export interface CategoryNode {
  readonly kind: 'category';
  readonly categoryId: string;
  readonly category?: Category;
  readonly sources: SourceNode[];
  readonly count: number;
}

/** The row after the first MAX_PASSAGES_LISTED passages of a source: how many more there are. */
export interface MorePassagesNode {
  readonly kind: 'more';
  readonly sourceUri: vscode.Uri;
  readonly categoryId: string;
  readonly count: number;
}

export type AnnotationsNode = UntaggedGroupNode | UntaggedSourceNode | CategoryNode | SourceNode | PassageNode | MorePassagesNode | DisagreementsTreeNode | IncidentsTreeNode;

/** Arguments of the reveal command a passage runs when clicked. */
export interface RevealArgs {
  uri: string;
  id: string;
  start?: number;
  end?: number;
}

export class AnnotationsTreeProvider implements vscode.TreeDataProvider<AnnotationsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AnnotationsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Passages read from disk, by sidecar path (closed sources only). */
  private readonly fromDisk = new Map<string, Promise<PassageNode[]>>();
  private model?: Promise<CategoryNode[]>;
  private timer?: ReturnType<typeof setTimeout>;
  /** When the first change not yet shown arrived. */
  private pendingSince?: number;

  constructor(
    private readonly store: AnnotationStore,
    private readonly configs: WorkspaceConfigService,
    private readonly log: Log,
    private readonly sidecars: WorkspaceSidecars,
    private readonly claims?: ClaimCounts,
    private readonly comparison?: CompareService,
    private readonly incidents?: IncidentsService,
  ) {
    this.disposables.push(
      this.changed,
      // The list of sidecars itself is kept by WorkspaceSidecars.
      sidecars.onDidChangeSidecar(({ uri }) => {
        this.fromDisk.delete(uri.fsPath);
        this.scheduleRefresh();
      }),
      // Runs on every keystroke in a source: only bookkeeping here, the work waits for the debounce.
      store.onDidChange((uri) => {
        // Opened, closed or edited: what was read from disk for it may no longer be what is there.
        this.fromDisk.delete(sidecarPathFor(uri.fsPath));
        this.scheduleRefresh();
      }),
      configs.onDidChange(() => this.scheduleRefresh()),
    );
    if (claims) this.disposables.push(claims.onDidChangeCoverage(() => this.scheduleRefresh()));
    if (comparison) this.disposables.push(comparison.onDidChangeComparison(() => this.scheduleRefresh()));
    if (incidents) this.disposables.push(incidents.onDidChange(() => this.scheduleRefresh()));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Forgets everything cached and rebuilds now (the view's refresh button). */
  refresh(): void {
    this.fromDisk.clear();
    this.sidecars.forgetList();
    this.rebuild();
  }

  /**
   * Debounced, but never postponed past REFRESH_MAX_WAIT_MS: changes that keep coming (a large
   * source's claims, a stream of file events) must not hold the view back for ever.
   */
  private scheduleRefresh(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(REFRESH_DELAY_MS, this.pendingSince + REFRESH_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pendingSince = undefined;
      this.rebuild();
    }, delay);
  }

  private rebuild(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: AnnotationsNode): Promise<AnnotationsNode[]> {
    if (!node) {
      this.model ??= this.build();
      const model = await this.model;
      const groups = [await this.disagreementsGroup(), ...(await this.incidentsGroups(model)), this.untaggedGroup()].filter((group) => group !== undefined);
      return [...groups, ...model];
    }
    if (node.kind === 'incidents' || node.kind === 'incident' || node.kind === 'incident-element' || node.kind === 'incident-passage') return incidentsChildren(node);
    if (node.kind === 'disagreements' || node.kind === 'disagreement-source' || node.kind === 'disagreement') return disagreementsChildren(node);
    if (node.kind === 'untagged') return node.sources;
    if (node.kind === 'category') return node.sources;
    if (node.kind === 'source') return listedPassages(node);
    return [];
  }

  getTreeItem(node: AnnotationsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'untagged': return untaggedGroupItem(node);
      case 'untagged-source': return untaggedSourceItem(node);
      case 'category': return categoryItem(node);
      case 'source': return sourceItem(node);
      case 'passage': return passageItem(node);
      case 'more': return morePassagesItem(node);
      case 'incidents': case 'incident': case 'incident-element': case 'incident-passage': return incidentsTreeItem(node);
      default: return disagreementsTreeItem(node);
    }
  }

  /** While a comparison is on: the sources with disagreements and each disagreement (disagreementsGroup.ts). */
  private async disagreementsGroup(): Promise<DisagreementsTreeNode | undefined> {
    return this.comparison ? disagreementsGroup(this.comparison) : undefined;
  }

  /** The incidents, their elements and the passages cited as evidence (incidentsTree.ts), found among the view's own tags. */
  private async incidentsGroups(model: CategoryNode[]): Promise<IncidentsTreeNode[]> {
    if (!this.incidents) return [];
    const passages = new Map<string, PassageNode>();
    for (const category of model) for (const source of category.sources) for (const passage of source.passages) passages.set(`${source.sourceUri.toString()}#${passage.annotation.id}`, passage);
    // An open source's tag made since the list was built is found in the store.
    return incidentsGroups(await this.incidents.all(), (uri, id) => passages.get(`${uri.toString()}#${id}`) ?? this.livePassages(uri)?.find((p) => p.annotation.id === id));
  }

  /** Sources with untagged claims (open or reviewed), whether or not they have tags yet. */
  private untaggedGroup(): UntaggedGroupNode | undefined {
    const sources = (this.claims?.coveredSources() ?? [])
      .map((uri) => ({ uri, untagged: this.claims?.coverage(uri)?.untagged ?? 0 }))
      .filter((s) => s.untagged > 0)
      .map((s): UntaggedSourceNode => ({ kind: 'untagged-source', sourceUri: s.uri, relativePath: vscode.workspace.asRelativePath(s.uri, false), untaggedClaims: s.untagged }))
      .sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    return sources.length > 0 ? { kind: 'untagged', sources } : undefined;
  }

  /** Every tag of the workspace, grouped by category, then source. */
  private async build(): Promise<CategoryNode[]> {
    const bySource = new Map<string, { uri: vscode.Uri; passages: PassageNode[] }>();
    const sidecars = await this.sidecars.list();
    const sourceUris = new Map<string, vscode.Uri>();
    for (const sidecar of sidecars) {
      const source = vscode.Uri.file(sidecar.fsPath.slice(0, -SIDECAR_SUFFIX.length));
      sourceUris.set(source.toString(), source);
    }
    // Open sources whose sidecar the file search has not seen yet (just created, or outside the folders).
    for (const state of this.store.all()) if (state.sidecar) sourceUris.set(state.sourceUri.toString(), state.sourceUri);
    await Promise.all([...sourceUris.values()].map(async (uri) => {
      const passages = this.livePassages(uri) ?? (await this.diskPassages(uri));
      if (passages.length > 0) bySource.set(uri.toString(), { uri, passages });
    }));

    const categories = new Map<string, Category>();
    const order: string[] = [];
    for (const { uri } of bySource.values()) {
      const { config } = await this.configs.forFile(uri);
      for (const category of config.taxonomy.categories) {
        if (categories.has(category.id)) continue;
        categories.set(category.id, category);
        order.push(category.id);
      }
    }
    const grouped = new Map<string, SourceNode[]>();
    const sortedSources = [...bySource.values()]
      .map((s) => ({ ...s, relativePath: vscode.workspace.asRelativePath(s.uri, false) }))
      .sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    for (const { uri, relativePath, passages } of sortedSources) {
      const byCategory = new Map<string, PassageNode[]>();
      for (const passage of passages) {
        const list = byCategory.get(passage.annotation.category) ?? [];
        list.push({ ...passage, category: categories.get(passage.annotation.category) });
        byCategory.set(passage.annotation.category, list);
      }
      for (const [categoryId, list] of byCategory) {
        list.sort(byPosition);
        const sources = grouped.get(categoryId) ?? [];
        const untaggedClaims = this.claims?.coverage(uri)?.untagged;
        sources.push({ kind: 'source', categoryId, sourceUri: uri, relativePath, passages: list, ...(untaggedClaims !== undefined ? { untaggedClaims } : {}) });
        grouped.set(categoryId, sources);
      }
    }
    // Taxonomy order first; ids the taxonomy does not know (typos, removed categories) after, by id.
    const unknown = [...grouped.keys()].filter((id) => !categories.has(id)).sort();
    return [...order, ...unknown].filter((id) => grouped.has(id)).map((categoryId) => {
      const sources = grouped.get(categoryId)!;
      return { kind: 'category', categoryId, category: categories.get(categoryId), sources, count: sources.reduce((n, s) => n + s.passages.length, 0) };
    });
  }

  /** The store's live view of an open source; undefined when it is not open (or not loaded yet). */
  private livePassages(uri: vscode.Uri): PassageNode[] | undefined {
    const state = this.store.get(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!state || !document || state.version !== document.version) return undefined;
    let index = 0;
    return state.entries.flatMap((entry) => {
      if (entry.kind !== 'annotation') return [];
      const { range } = entry;
      return [{
        kind: 'passage' as const, sourceUri: uri, annotation: entry.entry as Annotation, index: index++, range,
        line: range ? document.positionAt(range.start).line : undefined, anchor: entry.anchor,
      }];
    });
  }

  /** A closed source: its sidecar and its text as they are on disk. */
  private diskPassages(uri: vscode.Uri): Promise<PassageNode[]> {
    const sidecarPath = sidecarPathFor(uri.fsPath);
    let passages = this.fromDisk.get(sidecarPath);
    if (!passages) {
      passages = readPassagesFromDisk(uri, sidecarPath).catch((error: unknown) => {
        this.log.error(`Annotations view: could not read ${sidecarPath}`, error);
        return [];
      });
      this.fromDisk.set(sidecarPath, passages);
    }
    return passages;
  }
}

async function readPassagesFromDisk(uri: vscode.Uri, sidecarPath: string): Promise<PassageNode[]> {
  const sidecar = (await readSidecarFile(sidecarPath))?.sidecar;
  const annotations = sidecar?.annotations ?? [];
  if (annotations.length === 0) return [];
  const decoded = await readTextFile(uri.fsPath, { kind: 'source' });
  if (!decoded.ok) {
    const reason = decoded.failure === 'missing' ? 'the source file is missing' : `the source ${decoded.reason}`;
    return annotations.map((annotation, index) => ({ kind: 'passage', sourceUri: uri, annotation, index, anchor: { status: 'orphaned', reason } }));
  }
  const text = new PreparedText(decoded.text);
  const lines = new LineIndex(decoded.text);
  const anchors = resolveSidecar(text, { annotations }).annotations;
  return annotations.map((annotation, index) => {
    const anchor = anchors[index];
    if (anchor.status === 'orphaned') return { kind: 'passage', sourceUri: uri, annotation, index, anchor };
    const range = { start: text.toUtf16(anchor.start), end: text.toUtf16(anchor.end) };
    return { kind: 'passage', sourceUri: uri, annotation, index, anchor, range, line: lines.positionAt(range.start).line };
  });
}

/** By position; orphans (no position) last, in the sidecar's order. */
function byPosition(a: PassageNode, b: PassageNode): number {
  if (a.range && b.range) return a.range.start - b.range.start || a.index - b.index;
  if (a.range) return -1;
  if (b.range) return 1;
  return a.index - b.index;
}

function untaggedGroupItem(node: UntaggedGroupNode): vscode.TreeItem {
  const total = node.sources.reduce((n, s) => n + s.untaggedClaims, 0);
  const item = new vscode.TreeItem('Untagged claims', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = 'untagged';
  item.description = `${total}`;
  item.tooltip = 'Sentences that report a violation and carry no tag, per source (open sources and the last workspace review)';
  item.iconPath = new vscode.ThemeIcon('warning');
  return item;
}

function untaggedSourceItem(node: UntaggedSourceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.relativePath, vscode.TreeItemCollapsibleState.None);
  item.id = `untagged:${node.sourceUri.toString()}`;
  item.description = `${node.untaggedClaims} untagged ${node.untaggedClaims === 1 ? 'claim' : 'claims'}`;
  item.resourceUri = node.sourceUri;
  item.iconPath = vscode.ThemeIcon.File;
  item.command = { command: 'vscode.open', title: 'Open', arguments: [node.sourceUri] };
  return item;
}

function categoryItem(node: CategoryNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.category?.label ?? node.categoryId, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `category:${node.categoryId}`;
  item.description = `${node.count}`;
  item.tooltip = node.category
    ? new vscode.MarkdownString(`**${escapeMarkdown(node.category.label)}** (${node.count} ${node.count === 1 ? 'tag' : 'tags'})\n\n${escapeMarkdown(node.category.description)}`)
    : `${node.categoryId}: not a category of the taxonomy (${node.count} ${node.count === 1 ? 'tag' : 'tags'})`;
  item.iconPath = new vscode.ThemeIcon('tag', node.category ? new vscode.ThemeColor(nearestChartColor(node.category.color)) : undefined);
  item.contextValue = 'legalAnnotator.category';
  return item;
}

function sourceItem(node: SourceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.relativePath, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `source:${node.categoryId}:${node.sourceUri.toString()}`;
  // "3 tags · 2 untagged claims" (of the whole source) when it has untagged claims; else the count.
  const tags = node.passages.length;
  const untagged = node.untaggedClaims ?? 0;
  item.description = untagged > 0 ? `${tags} ${tags === 1 ? 'tag' : 'tags'} · ${untagged} untagged ${untagged === 1 ? 'claim' : 'claims'}` : `${tags}`;
  item.resourceUri = node.sourceUri;
  item.iconPath = vscode.ThemeIcon.File;
  item.tooltip = node.sourceUri.fsPath;
  item.contextValue = 'legalAnnotator.source';
  return item;
}

function passageItem(node: PassageNode): vscode.TreeItem {
  const { annotation, anchor } = node;
  const item = new vscode.TreeItem(shortQuote(annotation.target.exact), vscode.TreeItemCollapsibleState.None);
  item.id = `passage:${node.sourceUri.toString()}#${annotation.id}#${node.index}`;
  const orphaned = anchor.status === 'orphaned';
  item.description = orphaned ? '(orphaned)' : `line ${node.line! + 1}${anchor.status === 'fuzzy' ? ' (fuzzy)' : ''}`;
  item.iconPath = new vscode.ThemeIcon(orphaned ? 'warning' : 'quote');
  const tooltip = new vscode.MarkdownString(tagHover(annotation, node.category, anchor), true);
  if (orphaned) tooltip.appendMarkdown(`\n\n_Orphaned: ${escapeMarkdown(anchor.reason)}_`);
  item.tooltip = tooltip;
  const args: RevealArgs = { uri: node.sourceUri.toString(), id: annotation.id, ...(node.range ?? {}) };
  item.command = { command: COMMANDS.revealAnnotation, title: 'Show tagged passage', arguments: [args] };
  item.contextValue = orphaned ? 'legalAnnotator.orphanedPassage' : 'legalAnnotator.passage';
  return item;
}

/** The passages a source row lists: the first MAX_PASSAGES_LISTED, then one row counting the rest. */
export function listedPassages(node: SourceNode): (PassageNode | MorePassagesNode)[] {
  if (node.passages.length <= MAX_PASSAGES_LISTED) return node.passages;
  const more: MorePassagesNode = { kind: 'more', sourceUri: node.sourceUri, categoryId: node.categoryId, count: node.passages.length - MAX_PASSAGES_LISTED };
  return [...node.passages.slice(0, MAX_PASSAGES_LISTED), more];
}

function morePassagesItem(node: MorePassagesNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${node.count.toLocaleString('en')} more`, vscode.TreeItemCollapsibleState.None);
  item.id = `more:${node.categoryId}:${node.sourceUri.toString()}`;
  item.description = 'not listed here';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.tooltip = `The view lists the first ${MAX_PASSAGES_LISTED} tags of a source per category. All of them are tinted in the text; "Export annotations…" and the evidence matrix list every one.`;
  item.command = { command: 'vscode.open', title: 'Open the source', arguments: [node.sourceUri] };
  return item;
}

/** One line, at most QUOTE_LABEL_LENGTH characters (cut at a code-point boundary). */
export function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= QUOTE_LABEL_LENGTH ? flat : `${chars.slice(0, QUOTE_LABEL_LENGTH - 1).join('').trimEnd()}…`;
}

/**
 * Tree icons take theme colours, not hex values: the chart colour nearest in hue to the
 * category's colour (grey ones get the foreground colour).
 */
export function nearestChartColor(hex: string): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return 'charts.foreground';
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.15) return 'charts.foreground';
  const d = max - min;
  let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  const charts: Array<[number, string]> = [[0, 'charts.red'], [30, 'charts.orange'], [55, 'charts.yellow'], [120, 'charts.green'], [210, 'charts.blue'], [285, 'charts.purple'], [360, 'charts.red']];
  let best = charts[0];
  for (const chart of charts) if (Math.abs(chart[0] - hue) < Math.abs(best[0] - hue)) best = chart;
  return best[1];
}

/** Registers the view, its refresh and reveal commands, and the context key its `when` clause reads. */
export function registerAnnotationsView(context: vscode.ExtensionContext, store: AnnotationStore, configs: WorkspaceConfigService, log: Log, sidecars: WorkspaceSidecars, claims?: ClaimCounts, comparison?: CompareService, incidents?: IncidentsService): AnnotationsTreeProvider {
  const provider = new AnnotationsTreeProvider(store, configs, log, sidecars, claims, comparison, incidents);
  // An empty tree shows the manifest's `viewsWelcome` text (how to tag a passage).
  const view = vscode.window.createTreeView(VIEWS.annotations, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand(COMMANDS.refreshAnnotationsView, () => provider.refresh()),
    vscode.commands.registerCommand(COMMANDS.revealAnnotation, async (args: RevealArgs) => {
      try {
        await revealAnnotation(store, args);
      } catch (error) {
        log.error('showing a tagged passage failed', error);
        void vscode.window.showErrorMessage(`Legal Annotator: could not show the passage: ${(error as Error).message}`);
      }
    }),
  );
  // The view's `when` clause: shown only in workspaces where the extension is active.
  const shown = vscode.commands.executeCommand('setContext', CONTEXT_KEYS.active, true);
  log.fireAndForget('setting the view context', shown);
  if (vscode.workspace.getConfiguration().get<boolean>(SETTINGS.showAnnotationsViewOnStartup, false)) {
    log.fireAndForget('expanding the Annotations view', async () => {
      await shown;
      await expandKeepingFocus(VIEWS.annotations);
    });
  }
  return provider;
}

/**
 * Expands a view of the Explorer (views an extension adds there start collapsed) and gives the
 * focus back to the editor: the API has no "show without focus" for a view that may be empty.
 */
async function expandKeepingFocus(viewId: string): Promise<void> {
  await vscode.commands.executeCommand(`${viewId}.focus`);
  if (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

/** Opens the source with the passage selected; an orphaned tag opens its sidecar at the tag instead. */
async function revealAnnotation(store: AnnotationStore, args: RevealArgs): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  if (args.start === undefined || args.end === undefined) {
    const sidecar = await vscode.workspace.openTextDocument(vscode.Uri.file(sidecarPathFor(uri.fsPath)));
    const at = sidecar.getText().search(new RegExp(`\\bid:\\s*['"]?${escapeRegExp(args.id)}['"]?\\s*$`, 'm'));
    const position = sidecar.positionAt(Math.max(0, at));
    await vscode.window.showTextDocument(sidecar, { selection: new vscode.Range(position, position) });
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // The live range, when the store has one for this version; the offsets the view computed otherwise
  // (from the file on disk, which is what a document just opened holds).
  const state = store.get(uri);
  const live = state?.version === document.version ? state.entries.find((e) => e.kind === 'annotation' && e.id === args.id)?.range : undefined;
  const { start, end } = live ?? { start: args.start, end: args.end };
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
