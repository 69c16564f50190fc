/**
 * The incidents file of each workspace folder (`incidents.yaml`, or where the config's
 * `incidents` puts it) as the editor features see it: read and checked with the CLI's core
 * (loadWorkspaceIncidents), with its gaps and single-origin incidents (incident-coverage.ts).
 * An open incidents file is read from its editor, unsaved changes included. Read again, and
 * announced once (debounced), when the file or any sidecar changes on disk (the one workspace
 * watcher), when its editor's text changes, and when the config changes.
 */
import { relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { incidentCoverageProblems, workspaceSupport } from '../core/incidents/incident-coverage';
import type { SupportOptions } from '../core/incidents/corroboration';
import { loadWorkspaceIncidents, type WorkspaceIncidents } from '../core/incidents/incidents-workspace';
import type { Problem } from '../core/problems/problem';
import type { WorkspaceConfig } from '../core/workspace/workspace-config';
import { CONFIG_FILE_NAME } from '../core/workspace/workspace-config';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';
import { isSidecar, type WorkspaceSidecars } from './workspaceSidecars';

const RELOAD_DELAY_MS = 300;

export interface LoadedIncidents extends WorkspaceIncidents {
  readonly uri: vscode.Uri;
  readonly config: WorkspaceConfig;
  /** Origins and counting, as the case matrix does them. */
  readonly support: SupportOptions;
  /** Elements without evidence and incidents resting on one origin (info; shown as hints for the latter). */
  readonly coverage: Problem[];
}

export class IncidentsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The incidents files were read again (after a change, debounced). */
  readonly onDidChange = this.changed.event;
  private loaded?: Promise<LoadedIncidents[]>;
  /** Incidents files of configs below a workspace folder's (a nested workspace), read when first asked for. */
  private readonly nested = new Map<string, Promise<LoadedIncidents>>();
  /** Paths of the incidents files the last load looked at (existing or not). */
  private paths = new Set<string>();
  /** Whether the last load found at least one incidents file. */
  private anyFileExists = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly configs: WorkspaceConfigService, sidecars: WorkspaceSidecars, private readonly log: Log) {
    const ifIncidents = (document: vscode.TextDocument) => {
      if (this.isIncidentsFile(document.uri)) this.schedule();
    };
    this.disposables = [
      this.changed,
      sidecars.onDidChangeFile(({ uri }) => {
        // A sidecar matters only when an incidents file cites tags.
        if (this.isIncidentsFile(uri) || (isSidecar(uri) && (this.anyFileExists || this.nested.size > 0))) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) ifIncidents(event.document);
      }),
      vscode.workspace.onDidOpenTextDocument(ifIncidents),
      vscode.workspace.onDidCloseTextDocument(ifIncidents),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      configs.onDidChange(() => this.schedule()),
    ];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The incidents file of every workspace folder (one per config), existing or not. */
  all(): Promise<LoadedIncidents[]> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.log.error('reading the incidents file failed', error);
      return [];
    });
    return this.loaded;
  }

  /** The incidents file whose config applies to `uri` (a source, or the file itself). */
  async forFile(uri: vscode.Uri): Promise<LoadedIncidents | undefined> {
    const { config } = await this.configs.forFile(uri);
    const found = (await this.all()).find((loaded) => loaded.path === config.incidentsPath);
    if (found) return found;
    let nested = this.nested.get(config.incidentsPath);
    if (!nested) {
      nested = this.loadOne(config);
      this.nested.set(config.incidentsPath, nested);
      this.paths.add(config.incidentsPath);
    }
    return nested;
  }

  isIncidentsFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.paths.has(uri.fsPath);
  }

  /** Reads everything again now (after a write of ours, so the next question sees it). */
  reload(): Promise<LoadedIncidents[]> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.loaded = undefined;
    this.nested.clear();
    const loaded = this.all();
    void loaded.then(() => this.changed.fire());
    return loaded;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.log.fireAndForget('reading the incidents file', this.reload());
    }, RELOAD_DELAY_MS);
  }

  private async load(): Promise<LoadedIncidents[]> {
    const configs = new Map<string, WorkspaceConfig>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const { config } = await this.configs.forFile(vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME));
      configs.set(config.incidentsPath, config);
    }
    const loaded = await Promise.all([...configs.values()].map((config) => this.loadOne(config)));
    this.paths = new Set(loaded.map((l) => l.path));
    this.anyFileExists = loaded.some((l) => l.doc !== undefined);
    return loaded;
  }

  private async loadOne(config: WorkspaceConfig): Promise<LoadedIncidents> {
    const uri = vscode.Uri.file(config.incidentsPath);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath);
    const found = await loadWorkspaceIncidents(config, open?.getText());
    const support = workspaceSupport(config.origins, found.sidecars);
    const coverage = found.doc ? incidentCoverageProblems(found.doc, config.taxonomy, support) : [];
    return { ...found, uri, config, support, coverage };
  }
}

/** The source's path as evidence cites it: relative to the config's root, `/` between folders; undefined outside the root. */
export function citedPathOf(config: Pick<WorkspaceConfig, 'root'>, uri: vscode.Uri): string | undefined {
  const path = relative(config.root, uri.fsPath);
  if (path === '' || path.startsWith('..') || /^[a-zA-Z]:|^[\\/]/.test(path)) return undefined;
  return path.split(sep).join('/');
}
