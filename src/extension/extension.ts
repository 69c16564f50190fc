import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../core/annotations/model';
import { AnnotationStore } from './annotationStore';
import { TagCodeActions } from './codeActions';
import { COMMANDS, LANGUAGE_ID, OUTPUT_CHANNEL_NAME } from './constants';
import { TagDecorations } from './decorations';
import { Log } from './log';
import { registerScanCommand } from './scanCommand';
import { registerTagCommands } from './tagCommands';
import { WorkspaceConfigService } from './workspaceConfig';

/** What other features (and the integration tests) reach through `extension.exports`. */
export interface LegalAnnotatorApi {
  store: AnnotationStore;
  configs: WorkspaceConfigService;
  /** Resolves when every document open at activation has been loaded. */
  ready: Promise<void>;
  /** Extension-host time measurements, read by the editor benchmark (bench/editor). */
  metrics: EditorMetrics;
}

export interface EditorMetrics {
  /** Milliseconds `activate()` took. */
  activationMs: number;
  /** Milliseconds of the last edit's handling: moving the ranges and repainting the tags. */
  lastEditMs: number;
}

/** Entry point: wires each editor feature into VS Code. Features live in their own files. */
export function activate(context: vscode.ExtensionContext): LegalAnnotatorApi {
  const started = performance.now();
  const metrics: EditorMetrics = { activationMs: 0, lastEditMs: 0 };
  const channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const log = new Log(channel);
  const configs = new WorkspaceConfigService(log);
  const store = new AnnotationStore(log);
  context.subscriptions.push(channel, configs, store);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showOutput, () => channel.show()));
  registerScanCommand(context, channel);
  registerTagCommands(context, store, configs, log);
  context.subscriptions.push(new TagDecorations(store, configs, log));
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new TagCodeActions(store, configs), TagCodeActions.metadata),
  );
  const ready = trackSources(context, store, configs, log, metrics);
  log.fireAndForget('loading open sources', ready);
  metrics.activationMs = performance.now() - started;
  log.info(`Legal Annotator activated in ${metrics.activationMs.toFixed(1)} ms`);
  return { store, configs, ready, metrics };
}

/** Keeps the store in step with the editor: open, edit, save, close, and sidecars changed on disk. */
function trackSources(context: vscode.ExtensionContext, store: AnnotationStore, configs: WorkspaceConfigService, log: Log, metrics: EditorMetrics): Promise<void> {
  const loadIfSource = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || document.uri.fsPath.endsWith(SIDECAR_SUFFIX)) return;
    if (await isSource(document, configs)) await store.load(document);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
  const sidecarChanged = (uri: vscode.Uri) => log.fireAndForget(`re-reading ${uri.fsPath}`, store.sidecarChangedOnDisk(uri));
  context.subscriptions.push(
    watcher,
    watcher.onDidChange(sidecarChanged),
    watcher.onDidCreate(sidecarChanged),
    watcher.onDidDelete(sidecarChanged),
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
    configs.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) log.fireAndForget(`reloading ${document.uri.fsPath}`, loadIfSource(document));
    }),
  );
  return Promise.all(vscode.workspace.textDocuments.map(loadIfSource)).then(() => undefined);
}

async function isSource(document: vscode.TextDocument, configs: WorkspaceConfigService): Promise<boolean> {
  if (document.languageId === LANGUAGE_ID) return true;
  if (await configs.isSource(document.uri)) return true;
  return fs.stat(sidecarPathFor(document.uri.fsPath)).then(() => true, () => false);
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions, which VS Code disposes.
}
