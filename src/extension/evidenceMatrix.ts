/**
 * "Legal Annotator: Open evidence matrix": the report of `legal-annotator report --format html`
 * in a webview beside the active editor. The page loads nothing (no local resource roots, a
 * CSP of `default-src 'none'` with only its own nonce'd style and script); its one script turns
 * a click on a quote into a message, and the extension opens the passage, accepting only the
 * sources of the matrix it rendered. It re-renders when tags change.
 *
 * Compared with another annotator (the editor's "Compare annotations with…", or the command's
 * `compareWith` argument: `git:REF` or a folder), the page gets the agreement section of
 * `report --compare`: the workspace's tags (A) against theirs (B). The case matrix of
 * `report --by incident` follows for each workspace folder whose config has an incidents file
 * (folder-case-matrices.ts), its passages linked the same way.
 */
import { generatedAt } from '../core/report/generated';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { workspacePath } from '../core/interop/annotated-sources';
import { resolveSources, type ResolvedSource } from '../core/interop/export-input';
import { originResolver } from '../core/incidents/corroboration';
import type { CasePassage } from '../core/report/case-matrix';
import { EMBEDDED_CASE_MATRIX_STYLE } from '../core/report/case-matrix-html';
import { caseMatrixBlocks, folderCaseMatrices, type FolderCaseMatrix, type FolderIncidents } from '../core/report/folder-case-matrices';
import { CONFIG_FILE_NAME } from '../core/workspace/workspace-config';
import { claimCounter } from '../core/report/claim-counter';
import { buildAgreementSection, type AgreementSection } from '../core/report/agreement-section';
import { buildEvidenceMatrix, type EvidenceMatrix } from '../core/report/evidence-matrix';
import type { ExportSource } from '../core/interop/export-input';
import { pairSides, readAnnotatorSide, type AnnotatorSide } from '../core/team/annotator-side';
import { renderHtml, type HtmlLink } from '../core/report/html';
import { OffsetConverter } from '../core/text/positions';
import type { AnnotationStore } from './annotationStore';
import { COMMANDS, VIEW_TYPES } from './constants';
import { collectWorkspaceSources } from './exportSources';
import type { IncidentsService } from './incidentsService';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';

/** What the page posts when a link is clicked. */
export interface OpenPassageMessage {
  type: 'open';
  path: string;
  id?: string;
  /** Code points; absent for a source link or an orphaned tag. */
  start?: number;
  end?: number;
  /** 1-based line (a passage of the case matrix). */
  line?: number;
}

/** How the workspace's side is named in the agreement section. */
const WORKSPACE_SIDE_LABEL = 'this workspace';
/** Folders the other side's folder walk never enters. */
const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/** The editor's comparison with another annotator (CompareService), as far as the matrix needs it. */
export interface ComparisonSource {
  readonly compared: { given: string; label: string } | undefined;
  readonly onDidChangeComparison: vscode.Event<void>;
}

/** The incidents files as the matrix reads them: the editor's one reader (IncidentsService). */
export type IncidentsSource = Pick<IncidentsService, 'forConfig' | 'onDidChange'>;

/** The command's argument: `compareWith` (`git:REF` or a folder) adds the agreement section. */
export interface OpenEvidenceMatrixArgs {
  compareWith?: string;
}

/** The page's script: links with a `data-path` post a message instead of navigating. */
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-path]') : null;
    if (!link) return;
    event.preventDefault();
    const d = link.dataset;
    vscode.postMessage({ type: 'open', path: d.path, id: d.id || undefined, start: d.start ? Number(d.start) : undefined, end: d.end ? Number(d.end) : undefined, line: d.line ? Number(d.line) : undefined });
  });
})();`;

export class EvidenceMatrixPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private matrix: EvidenceMatrix | undefined;
  private agreement: AgreementSection | undefined;
  /** One per workspace folder with an incidents file, in the folders' order. */
  private caseMatrices: FolderCaseMatrix[] = [];
  /** The side given to the command, else the editor's comparison is followed. */
  private compareWith: string | undefined;
  /** The other side, read once per side named (a ref does not change while compared). */
  private otherSide: { given: string; side: Promise<AnnotatorSide | undefined> } | undefined;
  private absolute = new Map<string, string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Renders started; a render finding a later one started leaves the page to it. */
  private renders = 0;
  private latestRender: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves after each render (tests wait on it). */
  private rendered = new vscode.EventEmitter<EvidenceMatrix>();
  readonly onDidRender = this.rendered.event;

  constructor(private readonly configs: WorkspaceConfigService, private readonly store: AnnotationStore, private readonly incidents: IncidentsSource, private readonly log: Log, private readonly comparison?: ComparisonSource) {
    this.disposables.push(this.rendered, store.onDidChange(() => this.scheduleRefresh()), incidents.onDidChange(() => this.scheduleRefresh()));
    if (comparison) {
      this.disposables.push(comparison.onDidChangeComparison(() => {
        this.otherSide = undefined;
        this.scheduleRefresh();
      }));
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  get current(): { panel: vscode.WebviewPanel; matrix: EvidenceMatrix | undefined; agreement: AgreementSection | undefined; caseMatrices: FolderCaseMatrix[] } | undefined {
    return this.panel ? { panel: this.panel, matrix: this.matrix, agreement: this.agreement, caseMatrices: this.caseMatrices } : undefined;
  }

  /** Opens (or reveals) the matrix; `compareWith` compares it with that side, else with the editor's comparison, if any. */
  async open(args?: OpenEvidenceMatrixArgs): Promise<void> {
    this.compareWith = args?.compareWith?.trim() || undefined;
    this.otherSide = undefined;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPES.evidenceMatrix, 'Evidence matrix', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.matrix = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        this.log.fireAndForget('opening a passage from the evidence matrix', this.handleMessage(message));
      });
    }
    await this.render();
  }

  /** Opens the passage a link names, when it is one of the matrix's sources. */
  async handleMessage(message: unknown): Promise<boolean> {
    const m = message as Partial<OpenPassageMessage>;
    if (m?.type !== 'open' || typeof m.path !== 'string') return false;
    const path = this.absolute.get(m.path);
    if (!path) {
      this.log.warn(`evidence matrix: ignored a link to ${String(m.path)}, which is not one of its sources`);
      return false;
    }
    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    // Not over the matrix: in the editor already showing the source, else in another column.
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn
      ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (!(valid(m.start) && valid(m.end)) && valid(m.line) && m.line >= 1) {
      const at = document.lineAt(Math.min(m.line, document.lineCount) - 1).range.start;
      await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(at, at) });
      return true;
    }
    if (!(valid(m.start) && valid(m.end) && typeof m.id === 'string')) {
      await vscode.window.showTextDocument(document, { viewColumn: column });
      return true;
    }
    // The live range when the source is open and edited since; else the matrix's offsets (code points, from disk).
    const state = this.store.get(uri);
    const live = state?.version === document.version ? state.entries.find((e) => e.kind === 'annotation' && e.id === m.id)?.range : undefined;
    const offsets = new OffsetConverter(document.getText());
    const { start, end } = live ?? { start: offsets.toUtf16(m.start), end: offsets.toUtf16(m.end) };
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.log.fireAndForget('refreshing the evidence matrix', this.render()), 500);
  }

  /**
   * The agreement section when a side is compared: the workspace's sidecars on disk (A, as the
   * matrix reads them) against the other side (B, read once, relative to the workspace root). A
   * side that cannot be read is reported once and the matrix shown without the section.
   */
  private async agreementWith(sources: readonly ExportSource[], skippedSources: ReadonlySet<string>, root: string): Promise<AgreementSection | undefined> {
    const given = this.compareWith ?? this.comparison?.compared?.given;
    if (!given) return undefined;
    const label = this.compareWith ?? this.comparison?.compared?.label ?? given;
    if (this.otherSide?.given !== given) {
      const side = readAnnotatorSide(given, { cwd: root, skipFolders: SKIPPED_FOLDERS }).then((read) => {
        for (const problem of read.problems) this.log.warn(`evidence matrix: ${problem}`);
        return read;
      }, (error: Error) => {
        this.log.warn(`evidence matrix: could not compare with ${given}: ${error.message}`);
        void vscode.window.showWarningMessage(`Legal Annotator: the evidence matrix could not compare with ${label}: ${error.message}`);
        return undefined;
      });
      this.otherSide = { given, side };
    }
    const theirs = await this.otherSide.side;
    if (!theirs) return undefined;
    const mine: AnnotatorSide = { sources: new Map(sources.map((s) => [s.path, { text: s.text, annotations: s.sidecar.annotations }])), problems: [], leftOut: new Set(skippedSources) };
    return buildAgreementSection(WORKSPACE_SIDE_LABEL, label, pairSides(mine, theirs));
  }

  /**
   * The case matrix of each workspace folder's incidents file (as `report --by incident` builds
   * it), over the sources the matrix shows (paths from `pageRoot`); none for a folder without the
   * file, and none (logged) while it has errors. Folders under one config share its file. The
   * file as the incidents service holds it (unsaved changes of its editor included), as the
   * Annotations view and the Problems panel show it.
   */
  private async caseMatricesOf(pageRoot: string, resolved: readonly ResolvedSource[]): Promise<FolderCaseMatrix[]> {
    const folders: FolderIncidents[] = [];
    const seen = new Set<string>();
    for (const folder of (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file')) {
      const { config } = await this.configs.forFile(vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME));
      if (seen.has(config.incidentsPath)) continue;
      seen.add(config.incidentsPath);
      const incidents = await this.incidents.forConfig(config);
      if (!incidents.doc) continue;
      if (!incidents.doc.file) {
        this.log.warn(`evidence matrix: ${incidents.path} has errors; its case matrix is left out until they are fixed (see its Problems)`);
        continue;
      }
      folders.push({
        folder: folder.name, root: config.root, incidentsFile: workspacePath(config.root, incidents.path),
        incidents: incidents.doc.file.incidents, taxonomy: config.taxonomy, originOf: originResolver(config.origins),
      });
    }
    return folderCaseMatrices(folders, resolved, pageRoot);
  }

  /**
   * Renders overlap when changes come faster than a render takes: only the last one started is
   * shown, and each resolves once that one is (so `open` resolves with the page it asked for).
   */
  private render(): Promise<void> {
    const rendering = this.renderNow(++this.renders);
    this.latestRender = rendering;
    return rendering;
  }

  private async renderNow(render: number): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const collected = await collectWorkspaceSources(this.configs);
    if (render !== this.renders) return this.latestRender;
    if (!collected) {
      panel.webview.html = '<!DOCTYPE html><html><body><p>Open a folder with tagged sources to see its evidence matrix.</p></body></html>';
      return;
    }
    for (const line of collected.skipped) this.log.warn(`evidence matrix: ${line}`);
    const resolved = resolveSources(collected.sources);
    const matrix = buildEvidenceMatrix(resolved, collected.config.taxonomy, claimCounter(collected.config));
    const agreement = await this.agreementWith(collected.sources, collected.skippedSources, collected.config.root);
    const caseMatrices = await this.caseMatricesOf(collected.config.root, resolved);
    if (render !== this.renders) return this.latestRender;
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`;
    panel.webview.html = renderHtml(matrix, {
      csp,
      nonce,
      script: SCRIPT,
      generated: generatedAt(),
      agreement,
      appended: caseMatrices.length > 0 ? { style: EMBEDDED_CASE_MATRIX_STYLE, html: caseMatrixBlocks(caseMatrices, collected.config.root, passageLink) } : undefined,
      link: (path, quote) => {
        const data: Record<string, string | number> = { path };
        if (quote?.start !== undefined && quote.end !== undefined) Object.assign(data, { id: quote.id, start: quote.start, end: quote.end });
        return { href: '#', data };
      },
    });
    this.matrix = matrix;
    this.agreement = agreement;
    this.caseMatrices = caseMatrices;
    this.absolute = collected.absolute;
    this.rendered.fire(matrix);
  }
}

/** A case-matrix passage's link: the page's script posts its source, tag and line. */
function passageLink(passage: CasePassage): HtmlLink {
  return { href: '#', data: { path: passage.source, id: passage.annotation, ...(passage.line !== undefined ? { line: passage.line } : {}) } };
}

export function registerEvidenceMatrix(context: vscode.ExtensionContext, configs: WorkspaceConfigService, store: AnnotationStore, incidents: IncidentsSource, log: Log, comparison?: ComparisonSource): EvidenceMatrixPanel {
  const matrix = new EvidenceMatrixPanel(configs, store, incidents, log, comparison);
  context.subscriptions.push(
    matrix,
    vscode.commands.registerCommand(COMMANDS.openEvidenceMatrix, async (args?: OpenEvidenceMatrixArgs) => {
      try {
        await matrix.open(args);
      } catch (error) {
        log.error('opening the evidence matrix failed', error);
        void vscode.window.showErrorMessage(`Legal Annotator: could not open the evidence matrix: ${(error as Error).message}`);
      }
    }),
  );
  return matrix;
}
