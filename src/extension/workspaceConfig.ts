/**
 * The workspace config (`.legal-annotator.yaml`) as the editor sees it: loaded with the same
 * core code as the CLI, per folder it applies to, reloaded when a config file changes, is created
 * or deleted, also with a folder above it (the workspace's one file watcher, workspaceSidecars.ts).
 */
import { basename } from 'node:path';
import { relativeInside } from '../core/files/inside-root';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { ConfigResolver } from '../core/workspace/config-resolver';
import type { LoadedConfig } from '../core/workspace/load-config';
import { CONFIG_FILE_NAME, type WorkspaceConfig } from '../core/workspace/workspace-config';
import { DEFAULT_TAXONOMY } from '../core/taxonomy/taxonomy';
import { compileLexicon, getDefaultLexicon, type Lexicon, type LexiconExtensions } from '../core/lexicon/lexicon';
import type { Log } from './log';
import type { FileChange } from './workspaceSidecars';

interface Loaded {
  config: WorkspaceConfig;
  /** Compiled on first read: deciding whether a file is a source needs only the globs. */
  readonly lexicon: Lexicon;
  isSource: (relativePath: string) => boolean;
}

export class WorkspaceConfigService implements vscode.Disposable {
  /**
   * Found once per folder and loaded once per config file: the folders under one config share one
   * load, one compiled lexicon and one taxonomy object (which the claim detector's matcher cache
   * is keyed on).
   */
  private readonly configs = new ConfigResolver<Loaded>({
    prepare: (loaded) => this.prepare(loaded),
    onError: (what, error) => this.log.error(what, error),
  });
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly fileChanges: vscode.Disposable;
  /** Restricted Mode was explained once this session (it is said once, not per folder or reload). */
  private restrictedNoticeShown = false;
  private readonly trustGranted: vscode.Disposable;

  /** `fileChanges`: every file of the workspace created, changed or deleted on disk (WorkspaceSidecars.onDidChangeFile). */
  constructor(private readonly log: Log, fileChanges: vscode.Event<FileChange>) {
    const reset = () => {
      this.configs.clear();
      this.changed.fire();
    };
    // VS Code reports a folder deleted with what it holds (rm -rf) as the folder's deletion alone.
    this.fileChanges = fileChanges(({ uri, kind }) => {
      if (uri.scheme !== 'file') return;
      if (basename(uri.fsPath) === CONFIG_FILE_NAME || (kind === 'deleted' && this.holdsLoadedConfig(uri.fsPath))) reset();
    });
    // Trusting the workspace brings its glossary and taxonomy in (see restricted()).
    this.trustGranted = vscode.workspace.onDidGrantWorkspaceTrust(reset);
  }

  dispose(): void {
    this.fileChanges.dispose();
    this.trustGranted.dispose();
    this.changed.dispose();
  }

  /** The config that applies to a file (the defaults when it has none or cannot be read). */
  forFile(uri: vscode.Uri): Promise<Loaded> {
    return this.configs.forFolder(vscode.Uri.joinPath(uri, '..').fsPath);
  }

  async isSource(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file') return false;
    const { config, isSource } = await this.forFile(uri);
    const path = relativeInside(config.root, uri.fsPath);
    return path !== undefined && isSource(path);
  }

  /** Whether a loaded config file lies under the folder at `path` (any depth). */
  private holdsLoadedConfig(path: string): boolean {
    return this.configs.configFiles().some((configPath) => Boolean(relativeInside(path, configPath)));
  }

  private prepare(result: LoadedConfig): Loaded {
    for (const file of result.files) {
      for (const problem of file.problems) this.log.warn(`${file.path}:${problem.line}:${problem.column}: ${problem.code}: ${problem.message}`);
    }
    const config = vscode.workspace.isTrusted ? result.config : this.restricted(result.config);
    const lexicon = lazyLexicon(config.lexiconExtensions);
    return {
      config,
      get lexicon() {
        return lexicon();
      },
      isSource: picomatch(config.sources, { dot: false }),
    };
  }

  /**
   * In Restricted Mode the config's own glossary, state aliases and taxonomy are not used: they
   * are data from whoever wrote the repository, fed to the scanner and shown as categories, and
   * the user has not said they trust it. Sources, highlighting with the built-in lexicon and the
   * default taxonomy still work. Said once, in the log and in a message.
   */
  private restricted(config: WorkspaceConfig): WorkspaceConfig {
    const custom = config.taxonomy !== DEFAULT_TAXONOMY || (config.lexiconExtensions.terms?.length ?? 0) > 0 || (config.lexiconExtensions.stateAliases?.length ?? 0) > 0;
    if (custom && !this.restrictedNoticeShown) {
      this.restrictedNoticeShown = true;
      const message = `Restricted Mode: Legal Annotator ignores the custom glossary, state aliases and taxonomy of ${config.configPath ?? CONFIG_FILE_NAME} and uses the built-in ones until you trust this workspace.`;
      this.log.info(message);
      void vscode.window.showInformationMessage(message);
    }
    return { ...config, taxonomy: DEFAULT_TAXONOMY, lexiconExtensions: {} };
  }
}

/** The lexicon of a config, compiled when first asked for (the shared default one without extensions). */
function lazyLexicon(extensions: LexiconExtensions): () => Lexicon {
  const hasExtensions = (extensions.terms?.length ?? 0) > 0 || (extensions.stateAliases?.length ?? 0) > 0;
  if (!hasExtensions) return getDefaultLexicon;
  let compiled: Lexicon | undefined;
  return () => (compiled ??= compileLexicon(extensions));
}
