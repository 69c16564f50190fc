/**
 * The incidents file of every config of the workspace (each workspace folder's, and each
 * `.legal-annotator.yaml` below one: a nested workspace has its own `incidents.yaml`, or where its
 * `incidents` puts it) as the editor features see it: read and checked with the CLI's core
 * (loadWorkspaceIncidents), with its gaps and single-origin incidents (incident-coverage.ts). The
 * editor's one reader of incidents files: problems, the Annotations view, hovers, code actions and
 * the evidence matrix all ask here.
 *
 * A file with unsaved changes is read from its editor, any other from disk. The incidents file
 * itself is never handed out stale: each question first compares its state (its editor's version,
 * else its modification time, size and inode) with the one read, and reads it again when it
 * changed, before the file watcher has said anything. The sidecars it cites are read again with
 * everything else, announced once (debounced), when the file or any sidecar changes on disk (the
 * one workspace watcher), when its editor's text changes, and when a config or the workspace
 * folders change; the list of configs is dropped at once then, so that no question meanwhile
 * compares a new config with an old one.
 */
import { promises as fs } from 'node:fs';
import { relativeInside } from '../core/files/inside-root';
import * as vscode from 'vscode';
import { incidentCoverageProblems, workspaceSupport } from '../core/incidents/incident-coverage';
import type { SupportOptions } from '../core/incidents/corroboration';
import { loadWorkspaceIncidents, type WorkspaceIncidents } from '../core/incidents/incidents-workspace';
import type { Problem } from '../core/problems/problem';
import type { WorkspaceConfig } from '../core/workspace/workspace-config';
import { CONFIG_FILE_NAME } from '../core/workspace/workspace-config';
import { SKIPPED_FOLDERS_GLOB } from './constants';
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
  /** The file's state when it was read (fileState): a different state now means it changed since. */
  readonly readAt: string;
}

export class IncidentsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The incidents files were read again (after a change, debounced). */
  readonly onDidChange = this.changed.event;
  /** The workspace's configs, one per incidents file, found once until a config or the folders change. */
  private found?: Promise<WorkspaceConfig[]>;
  /** Each incidents file read, by path, until something changes (or, when asked, it is found changed). */
  private readonly files = new Map<string, Promise<LoadedIncidents>>();
  /** Paths of every incidents file asked about (existing or not). */
  private readonly paths = new Set<string>();
  /** Paths of the incidents files that existed when last read. */
  private readonly existing = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  /** A config or a workspace folder changed since the configs were last looked for. */
  private configsChanged = false;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly configs: WorkspaceConfigService, sidecars: WorkspaceSidecars, private readonly log: Log) {
    const ifIncidents = (document: vscode.TextDocument) => {
      if (this.isIncidentsFile(document.uri)) this.schedule();
    };
    this.disposables = [
      this.changed,
      sidecars.onDidChangeFile(({ uri, kind }) => {
        // A sidecar matters only when an incidents file cites tags; a folder deleted is one event, not one per file in it.
        if (kind === 'deleted' && this.holdsIncidentsFile(uri)) this.schedule({ configsToo: true });
        else if (this.isIncidentsFile(uri) || (isSidecar(uri) && this.existing.size > 0)) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) ifIncidents(event.document);
      }),
      vscode.workspace.onDidOpenTextDocument(ifIncidents),
      vscode.workspace.onDidCloseTextDocument(ifIncidents),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule({ configsToo: true })),
      configs.onDidChange(() => {
        this.found = undefined;
        this.schedule({ configsToo: true });
      }),
    ];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The incidents file of every config of the workspace (nested ones included), existing or not. */
  async all(): Promise<LoadedIncidents[]> {
    return Promise.all((await this.workspaceConfigs()).map((config) => this.fileOf(config)));
  }

  /** The incidents file whose config applies to `uri` (a source, or the file itself). */
  async forFile(uri: vscode.Uri): Promise<LoadedIncidents> {
    const { config } = await this.configs.forFile(uri);
    return this.forConfig(config);
  }

  /** The incidents file of `config` (one the config service gave). */
  forConfig(config: WorkspaceConfig): Promise<LoadedIncidents> {
    return this.fileOf(config);
  }

  isIncidentsFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.paths.has(uri.fsPath);
  }

  /** Whether `uri` is a folder holding an incidents file asked about. */
  private holdsIncidentsFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && [...this.paths].some((path) => Boolean(relativeInside(uri.fsPath, path)));
  }

  /**
   * Reads every incidents file again now (after a write of ours, so the next question sees it);
   * `configsToo` looks for the workspace's configs again first (a config or a folder changed).
   */
  reload({ configsToo = false } = {}): Promise<LoadedIncidents[]> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (configsToo || this.configsChanged) this.found = undefined;
    this.configsChanged = false;
    this.files.clear();
    const loaded = this.all();
    void loaded.then(() => this.changed.fire());
    return loaded;
  }

  /** A reload in RELOAD_DELAY_MS (one for a burst of changes), looking for the configs again when one of the changes asked to. */
  private schedule({ configsToo = false } = {}): void {
    this.configsChanged ||= configsToo;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.log.fireAndForget('reading the incidents file', this.reload());
    }, RELOAD_DELAY_MS);
  }

  /** What was read of `config`'s incidents file, unless the file changed since: then it is read again, and that announced. */
  private async fileOf(config: WorkspaceConfig): Promise<LoadedIncidents> {
    const path = config.incidentsPath;
    this.paths.add(path);
    const cached = this.files.get(path);
    if (cached) {
      const file = await cached;
      const current = file.config === config && file.readAt === (await fileState(path));
      // Read again meanwhile (a reload, another question): that reading is the newer one.
      if (this.files.get(path) !== cached) return this.fileOf(config);
      if (current) return file;
    }
    const read = this.read(config);
    this.files.set(path, read);
    // Found changed before the watcher said so: the features showing it ask again.
    if (cached) void read.then(() => this.changed.fire());
    return read;
  }

  /** The workspace folders' configs, then every config file below them, one per incidents file. */
  private workspaceConfigs(): Promise<WorkspaceConfig[]> {
    this.found ??= this.findConfigs().catch((error: unknown) => {
      this.log.error('finding the workspace configs failed', error);
      this.found = undefined;
      return [];
    });
    return this.found;
  }

  private async findConfigs(): Promise<WorkspaceConfig[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    const below = (await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, SKIPPED_FOLDERS_GLOB)).filter((uri) => uri.scheme === 'file');
    below.sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
    const byIncidents = new Map<string, WorkspaceConfig>();
    for (const uri of [...folders.map((folder) => vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME)), ...below]) {
      const { config } = await this.configs.forFile(uri);
      if (!byIncidents.has(config.incidentsPath)) byIncidents.set(config.incidentsPath, config);
    }
    return [...byIncidents.values()];
  }

  /** Reads the file (from its editor when it has unsaved changes); a failure is logged and read as no file. */
  private async read(config: WorkspaceConfig): Promise<LoadedIncidents> {
    const path = config.incidentsPath;
    const uri = vscode.Uri.file(path);
    // Its state first: a change during the read makes the next question read it again.
    const readAt = await fileState(path);
    let found: WorkspaceIncidents;
    try {
      found = await loadWorkspaceIncidents(config, unsavedDocument(path)?.getText());
    } catch (error) {
      this.log.error(`reading ${path} failed`, error);
      found = { path, problems: [], sidecars: new Map() };
    }
    if (found.doc) this.existing.add(path);
    else this.existing.delete(path);
    const support = workspaceSupport(config.origins, found.sidecars);
    const coverage = found.doc ? incidentCoverageProblems(found.doc, config.taxonomy, support) : [];
    return { ...found, uri, config, support, coverage, readAt };
  }
}

/** The open document of `path` when it has unsaved changes (its text is then the file as the user sees it). */
function unsavedDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === path);
}

/** The state of an incidents file, which changes with any change of its text: its editor's version when it has unsaved changes, else its stat. */
async function fileState(path: string): Promise<string> {
  const unsaved = unsavedDocument(path);
  if (unsaved) return `editor ${unsaved.uri.toString()} ${unsaved.version}`;
  const stat = await fs.stat(path).catch(() => undefined);
  return stat ? `disk ${stat.mtimeMs} ${stat.ctimeMs} ${stat.size} ${stat.ino}` : 'absent';
}

/** The source's path as evidence cites it: relative to the config's root, `/` between folders; undefined outside the root. */
export function citedPathOf(config: Pick<WorkspaceConfig, 'root'>, uri: vscode.Uri): string | undefined {
  return relativeInside(config.root, uri.fsPath) || undefined;
}
