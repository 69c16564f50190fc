import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/model';
import { lexiconsCompiled } from '../core/lexicon/lexicon';
import { registerAdjudication } from './adjudicationActions';
import { AgreementStatusBar } from './agreementStatusBar';
import { AnchorDiagnostics } from './anchorDiagnostics';
import { registerAnchorQuickFixes } from './anchorQuickFixes';
import { AnnotationStore } from './annotationStore';
import { BackgroundWork, WORKER_BUNDLE } from './background';
import { registerAnnotationsView, type AnnotationsTreeProvider } from './annotationsView';
import { registerClaimCommands } from './claimCommands';
import { ClaimDiagnostics } from './claimDiagnostics';
import { ClaimQuickFixes } from './claimQuickFixes';
import { ClaimCoverageStatusBar } from './claimStatusBar';
import { TagCodeActions } from './codeActions';
import { registerCompareCommands } from './compareCommand';
import { CompareService } from './compareService';
import { COMMANDS, OUTPUT_CHANNEL_NAME } from './constants';
import { TagDecorations } from './decorations';
import { registerDuplicateQuickFix } from './duplicateQuickFix';
import { registerEvidenceMatrix, type EvidenceMatrixPanel } from './evidenceMatrix';
import { registerExportCommand } from './exportCommand';
import { GhostTags } from './ghostTags';
import { SourceHovers } from './hovers';
import { registerIncidentActions } from './incidentActions';
import { IncidentDiagnostics } from './incidentDiagnostics';
import { IncidentsService } from './incidentsService';
import { SidecarDiagnostics } from './sidecarDiagnostics';
import { registerFileLimits } from './fileLimits';
import { Log } from './log';
import { registerScanCommand } from './scanCommand';
import { LegalSemanticTokens, LEGEND } from './semanticTokens';
import { SourceFiles } from './sources';
import { TagCountStatusBar } from './statusBar';
import { registerTagCommands } from './tagCommands';
import { WorkspaceConfigService } from './workspaceConfig';
import { WorkspaceSidecars } from './workspaceSidecars';
import { registerWorkspaceReview } from './workspaceReview';

/** What other features (and the integration tests) reach through `extension.exports`. */
export interface LegalAnnotatorApi {
  store: AnnotationStore;
  configs: WorkspaceConfigService;
  /** Which documents are sources (the toggle command's choices included). */
  sources: SourceFiles;
  /** Resolves when every document open at activation has been loaded. */
  ready: Promise<void>;
  /** Extension-host time measurements, read by the editor benchmark (bench/editor). */
  metrics: EditorMetrics;
  /** The Annotations view's tree (tests call `getChildren` and `getTreeItem`). */
  annotationsView: AnnotationsTreeProvider;
  /** The tag count of the active source as the status bar shows it. */
  statusBar: TagCountStatusBar;
  /** Untagged-claim diagnostics and claim counts per source. */
  claims: ClaimDiagnostics;
  /** The claim coverage of the active source as the status bar shows it. */
  claimStatusBar: ClaimCoverageStatusBar;
  /** The evidence matrix webview (tests read what it rendered and send it link clicks). */
  evidenceMatrix: EvidenceMatrixPanel;
  /** The background worker (tests check that the heavy work ran there). */
  background: BackgroundWork;
  /** The comparison with another annotator's branch, ref or folder ("Compare annotations with…"). */
  comparison: CompareService;
  /** The other side's tags as painted (tests read `painted`). */
  ghostTags: GhostTags;
  /** The agreement of the active source with the compared side, as the status bar shows it. */
  agreementStatusBar: AgreementStatusBar;
  /** The incidents file(s) as read and checked (tests wait on `onDidChange`). */
  incidents: IncidentsService;
}

export interface EditorMetrics {
  /** Milliseconds `activate()` took. */
  activationMs: number;
  /**
   * Lexicons compiled in this extension host by the time `activate()` returned, loading the bundle
   * included: 0, since the lexicon is compiled when the first source is scanned.
   */
  lexiconsCompiledAtActivation: number;
  /** Lexicons compiled so far (the same counter, read now). */
  lexiconsCompiled(): number;
  /** Milliseconds of the last edit's handling: moving the ranges and repainting the tags. */
  lastEditMs: number;
}

/** Entry point: wires each editor feature into VS Code. Features live in their own files. */
export function activate(context: vscode.ExtensionContext): LegalAnnotatorApi {
  const started = performance.now();
  const metrics: EditorMetrics = { activationMs: 0, lexiconsCompiledAtActivation: 0, lexiconsCompiled, lastEditMs: 0 };
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const log = new Log(channel);
  registerFileLimits(context);
  // The one file system watcher: the configs, the store, the sources, the Annotations view and the claim review listen to it.
  const sidecars = new WorkspaceSidecars();
  const configs = new WorkspaceConfigService(log, sidecars.onDidChangeFile);
  // Heavy pure work (reading sidecars, claims, semantic tokens) runs on this worker thread.
  const background = new BackgroundWork(vscode.Uri.joinPath(context.extensionUri, WORKER_BUNDLE).fsPath, log);
  const store = new AnnotationStore(log, background);
  context.subscriptions.push(channel, configs, background, store, sidecars);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showOutput, () => channel.show()));
  registerScanCommand(context, channel);
  registerTagCommands(context, store, configs, log);
  context.subscriptions.push(new TagDecorations(store, configs, log));
  const sources = new SourceFiles(context.workspaceState, configs, store, log, sidecars);
  context.subscriptions.push(
    sources,
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new TagCodeActions(store, configs, sources), TagCodeActions.metadata),
  );
  // The incidents file: its problems, the actions on a tag, the hover's incidents, the view's Incidents group.
  const incidents = new IncidentsService(configs, sidecars, log);
  context.subscriptions.push(incidents, new IncidentDiagnostics(incidents, log));
  registerIncidentActions(context, store, incidents, sources, log);
  const hovers = new SourceHovers(store, configs, sources, incidents);
  context.subscriptions.push(hovers, vscode.languages.registerHoverProvider([{ scheme: 'file' }], hovers));
  const claims = new ClaimDiagnostics(store, configs, log, sidecars, background);
  context.subscriptions.push(claims, vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new ClaimQuickFixes(claims, store, configs), ClaimQuickFixes.metadata));
  registerClaimCommands(context, store, claims, log);
  const comparison = new CompareService(store, sidecars, log);
  const ghostTags = new GhostTags(comparison, store, configs, log);
  const agreementStatusBar = new AgreementStatusBar(comparison, store);
  context.subscriptions.push(comparison, ghostTags, agreementStatusBar, vscode.languages.registerHoverProvider([{ scheme: 'file' }], ghostTags));
  registerCompareCommands(context, comparison, log);
  registerAdjudication(context, store, comparison, log);
  const annotationsView = registerAnnotationsView(context, store, configs, log, sidecars, claims, comparison, incidents);
  const statusBar = new TagCountStatusBar(store, configs, log);
  const claimStatusBar = new ClaimCoverageStatusBar(claims);
  context.subscriptions.push(statusBar, claimStatusBar);
  registerWorkspaceReview(context, configs, sources, claims, log);
  const semanticTokens = new LegalSemanticTokens(sources, configs, log, background);
  context.subscriptions.push(semanticTokens, vscode.languages.registerDocumentSemanticTokensProvider(LegalSemanticTokens.selector, semanticTokens, LEGEND));
  const anchorDiagnostics = new AnchorDiagnostics(store, log);
  context.subscriptions.push(anchorDiagnostics, new SidecarDiagnostics(configs, log));
  registerAnchorQuickFixes(context, store, anchorDiagnostics, log);
  registerDuplicateQuickFix(context, store, log);
  registerExportCommand(context, configs, log);
  const evidenceMatrix = registerEvidenceMatrix(context, configs, store, incidents, log, comparison);
  const ready = trackSources(context, store, configs, sources, sidecars, log, metrics);
  log.fireAndForget('loading open sources', ready);
  metrics.activationMs = performance.now() - started;
  metrics.lexiconsCompiledAtActivation = lexiconsCompiled();
  log.info(`Legal Annotator activated in ${metrics.activationMs.toFixed(1)} ms`);
  return { store, configs, sources, ready, metrics, annotationsView, statusBar, claims, claimStatusBar, evidenceMatrix, background, comparison, ghostTags, agreementStatusBar, incidents };
}

/** Keeps the store in step with the editor: open, edit, save, close, and sidecars changed on disk. */
function trackSources(context: vscode.ExtensionContext, store: AnnotationStore, configs: WorkspaceConfigService, sources: SourceFiles, sidecars: WorkspaceSidecars, log: Log, metrics: EditorMetrics): Promise<void> {
  const loadIfSource = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || document.uri.fsPath.endsWith(SIDECAR_SUFFIX)) return;
    if (await sources.isSource(document)) await store.load(document);
  };
  context.subscriptions.push(
    sidecars.onDidChangeSidecar(({ uri }) => log.fireAndForget(`re-reading ${uri.fsPath}`, store.sidecarChangedOnDisk(uri))),
    vscode.workspace.onDidOpenTextDocument((document) => log.fireAndForget(`loading ${document.uri.fsPath}`, loadIfSource(document))),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const started = performance.now();
      // Synchronous: the store moves the ranges and its change event repaints the tags.
      if (store.applyDocumentChange(event)) metrics.lastEditMs = performance.now() - started;
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (store.get(document.uri)) log.fireAndForget(`updating anchors of ${document.uri.fsPath}`, store.saveMoves(document));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => store.forget(document.uri)),
    vscode.workspace.onDidRenameFiles((event) => {
      for (const { oldUri, newUri } of event.files) {
        if (oldUri.fsPath.endsWith(SIDECAR_SUFFIX)) continue;
        log.fireAndForget(`moving the sidecar of ${oldUri.fsPath}`, async () => {
          const refused = await store.sourceRenamed(oldUri, newUri);
          if (refused) void vscode.window.showWarningMessage(`Legal Annotator: ${refused}.`);
        });
      }
    }),
    vscode.workspace.onDidDeleteFiles((event) => {
      for (const uri of event.files) {
        if (uri.scheme !== 'file' || uri.fsPath.endsWith(SIDECAR_SUFFIX)) continue;
        log.fireAndForget(`looking for the sidecar of deleted ${uri.fsPath}`, async () => {
          const sidecar = sidecarPathFor(uri.fsPath);
          if (!(await fs.stat(sidecar).then(() => true, () => false))) return;
          const message = `${vscode.workspace.asRelativePath(uri)} was deleted; its annotations are kept in ${vscode.workspace.asRelativePath(sidecar)}. Restore the source, or delete the sidecar if they are no longer needed.`;
          log.warn(message);
          void vscode.window.showWarningMessage(`Legal Annotator: ${message}`);
        });
      }
    }),
    store.onConflict((conflict) => {
      const keepMine = 'Keep my position';
      const keepDisk = 'Keep the version on disk';
      const where = vscode.workspace.asRelativePath(conflict.sourceUri);
      log.fireAndForget('asking about a conflict', async () => {
        const answer = await vscode.window.showWarningMessage(
          `Legal Annotator: tag ${conflict.id} in ${where} was changed on disk while your unsaved edits moved it. The version on disk is shown; keep the position your edits gave it instead?`,
          keepMine, keepDisk);
        if (answer) await store.resolveConflict(conflict, answer === keepMine);
      });
    }),
    configs.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) log.fireAndForget(`reloading ${document.uri.fsPath}`, loadIfSource(document));
    }),
  );
  return Promise.all(vscode.workspace.textDocuments.map(loadIfSource)).then(() => undefined);
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions, which VS Code disposes.
}
