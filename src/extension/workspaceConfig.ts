/**
 * The workspace config (`.legal-annotator.yaml`) as the editor sees it: loaded with the same
 * core code as the CLI, per folder it applies to, reloaded when a config file changes.
 */
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { loadConfigFor, type LoadedConfig } from '../core/config/load-config';
import { nodeConfigFs } from '../core/config/node-config-fs';
import { CONFIG_FILE_NAME, defaultWorkspaceConfig, type WorkspaceConfig } from '../core/config/workspace-config';
import { compileLexicon, getDefaultLexicon, type Lexicon } from '../core/lexicon/lexicon';
import type { Log } from './log';

interface Loaded {
  config: WorkspaceConfig;
  lexicon: Lexicon;
  isSource: (relativePath: string) => boolean;
}

export class WorkspaceConfigService implements vscode.Disposable {
  /** By the folder of the source (a config applies to a whole tree; folders are few). */
  private readonly byFolder = new Map<string, Promise<Loaded>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(private readonly log: Log) {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = () => {
      this.byFolder.clear();
      this.changed.fire();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }

  /** The config that applies to a file (the defaults when it has none or cannot be read). */
  async forFile(uri: vscode.Uri): Promise<Loaded> {
    const folder = vscode.Uri.joinPath(uri, '..').fsPath;
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      loaded = this.load(folder);
      this.byFolder.set(folder, loaded);
    }
    return loaded;
  }

  async isSource(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file') return false;
    const { config, isSource } = await this.forFile(uri);
    const path = relative(config.root, uri.fsPath);
    return !path.startsWith('..') && isSource(path.split(sep).join('/'));
  }

  private async load(folder: string): Promise<Loaded> {
    let result: LoadedConfig;
    try {
      result = await loadConfigFor(folder, nodeConfigFs);
    } catch (error) {
      this.log.error(`could not load ${CONFIG_FILE_NAME} for ${folder}`, error);
      result = { config: defaultWorkspaceConfig(folder), files: [] };
    }
    for (const file of result.files) {
      for (const problem of file.problems) this.log.warn(`${file.path}:${problem.line}:${problem.column}: ${problem.code}: ${problem.message}`);
    }
    const { config } = result;
    const extensions = config.lexiconExtensions;
    const hasExtensions = (extensions.terms?.length ?? 0) > 0 || (extensions.stateAliases?.length ?? 0) > 0;
    return {
      config,
      lexicon: hasExtensions ? compileLexicon(extensions) : getDefaultLexicon(),
      isSource: picomatch(config.sources, { dot: false }),
    };
  }
}
