/**
 * Which open documents are sources, and what that does to them.
 *
 * A document is a source, without the user doing anything, when it is `legal-text`, or plain
 * text or Markdown that the `sources` globs of `.legal-annotator.yaml` match or that has a
 * sidecar. "Legal Annotator: Toggle source" overrides that per file; the choice is kept in the
 * workspace state and wins over the rules.
 *
 * Plain-text sources are switched to the `legal-text` language, so its grammar colours them;
 * Markdown sources keep their language (semanticTokens.ts colours them). Switching a language
 * makes VS Code close and reopen the document, which the annotation store follows by itself
 * (extension.ts); for Markdown, whose language never changes, the toggle loads or forgets it here.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../core/sidecar/model';
import type { AnnotationStore } from './annotationStore';
import { COMMANDS, LANGUAGE_ID, SETTINGS } from './constants';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';
import type { WorkspaceSidecars } from './workspaceSidecars';

export const PLAIN_TEXT = 'plaintext';
export const MARKDOWN = 'markdown';
/** Languages a file may have to be a source (legal-text always is one). */
const SOURCE_LANGUAGES: ReadonlySet<string> = new Set([LANGUAGE_ID, PLAIN_TEXT, MARKDOWN]);
/** workspaceState key: the user's explicit choices, `{ [uri]: boolean }`. */
const CHOICES_KEY = 'legalAnnotator.sourceChoices';

export class SourceFiles implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when a file stops or starts being a source (undefined: possibly any file). */
  readonly onDidChange = this.changed.event;
  /** Whether a file has a sidecar, by URI; cleared when sidecars come and go. */
  private readonly sidecarKnown = new Map<string, Promise<boolean>>();
  /** Documents we have seen opened: a second open event for one of them is a language change. */
  private readonly seen = new WeakSet<vscode.TextDocument>();
  /** URIs whose language the user changed by hand: never switched again in this session. */
  private readonly userLanguage = new Set<string>();
  /** URIs we are switching ourselves, and those we switched to legal-text (to switch back). */
  private readonly switching = new Set<string>();
  private readonly switchedByUs = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly configs: WorkspaceConfigService,
    private readonly store: AnnotationStore,
    private readonly log: Log,
    sidecars: WorkspaceSidecars,
  ) {
    this.disposables.push(
      this.changed,
      sidecars.onDidChangeSidecar(({ uri, kind }) => {
        if (kind !== 'changed') this.sidecarCameOrWent(uri);
      }),
      configs.onDidChange(() => this.rulesChanged()),
      vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isClosed) this.sidecarKnown.delete(document.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS.plainTextAsLegalText) || event.affectsConfiguration(SETTINGS.highlightMarkdown)) this.rulesChanged();
      }),
      vscode.commands.registerCommand(COMMANDS.toggleSource, (uri?: vscode.Uri) => this.toggle(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The user's explicit choice for a file, if any. */
  choice(uri: vscode.Uri): boolean | undefined {
    return this.choices()[uri.toString()];
  }

  /** Whether `document` is a source: the user's choice first, then legal-text, the config's globs, a sidecar. */
  async isSource(document: vscode.TextDocument): Promise<boolean> {
    const { uri } = document;
    if (uri.scheme !== 'file' || uri.fsPath.endsWith(SIDECAR_SUFFIX)) return false;
    const choice = this.choice(uri);
    if (choice !== undefined) return choice;
    if (document.languageId === LANGUAGE_ID) return true;
    if (!SOURCE_LANGUAGES.has(document.languageId)) return false;
    return (await this.configs.isSource(uri)) || (await this.hasSidecar(uri));
  }

  /** "Toggle source": makes the file of `uri` (or the active editor's) a source, or not one. */
  async toggle(uri?: vscode.Uri): Promise<boolean | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const document = target && vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (!document) {
      void vscode.window.showInformationMessage('Open a plain-text or Markdown file to make it a source.');
      return undefined;
    }
    if (document.uri.scheme !== 'file' || !SOURCE_LANGUAGES.has(document.languageId)) {
      void vscode.window.showInformationMessage('Only plain-text, Markdown and legal-text files saved on disk can be sources.');
      return undefined;
    }
    const makeSource = !(await this.isSource(document));
    await this.state.update(CHOICES_KEY, { ...this.choices(), [document.uri.toString()]: makeSource });
    this.userLanguage.delete(document.uri.toString());
    if (document.languageId === MARKDOWN) {
      if (makeSource) await this.store.load(document);
      else this.store.forget(document.uri);
    } else {
      // The language change closes and reopens the document: the store forgets and reloads it then.
      await this.setLanguage(document, makeSource ? LANGUAGE_ID : PLAIN_TEXT);
      if (makeSource) this.switchedByUs.add(document.uri.toString());
    }
    this.changed.fire(document.uri);
    this.log.info(`${document.uri.fsPath} is ${makeSource ? 'now' : 'no longer'} a source`);
    return makeSource;
  }

  private choices(): Record<string, boolean> {
    return this.state.get<Record<string, boolean>>(CHOICES_KEY) ?? {};
  }

  private hasSidecar(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    let known = this.sidecarKnown.get(key);
    if (!known) {
      known = fs.stat(sidecarPathFor(uri.fsPath)).then(() => true, () => false);
      this.sidecarKnown.set(key, known);
    }
    return known;
  }

  private opened(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const reopened = this.seen.has(document);
    this.seen.add(document);
    if (reopened && !this.switching.has(key)) {
      // The user picked a language by hand (the status bar's language mode): respect it.
      this.userLanguage.add(key);
      this.switchedByUs.delete(key);
      return;
    }
    if (!reopened) this.log.fireAndForget(`checking whether ${document.uri.fsPath} is a source`, this.applyLanguage(document));
  }

  /** The config or a setting changed: re-apply the rules to every open document. */
  private rulesChanged(): void {
    this.sidecarKnown.clear();
    this.changed.fire(undefined);
    for (const document of vscode.workspace.textDocuments) {
      this.log.fireAndForget(`checking whether ${document.uri.fsPath} is a source`, this.applyRules(document));
    }
  }

  /** A sidecar was created or deleted: its source may have started or stopped being one. */
  private sidecarCameOrWent(sidecar: vscode.Uri): void {
    const source = vscode.Uri.file(sidecar.fsPath.slice(0, -SIDECAR_SUFFIX.length));
    this.sidecarKnown.delete(source.toString());
    this.changed.fire(source);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    if (document) this.log.fireAndForget(`checking whether ${document.uri.fsPath} is a source`, this.applyRules(document));
  }

  /** Re-applies the rules to an open document: its language, and whether the store keeps it. */
  private async applyRules(document: vscode.TextDocument): Promise<void> {
    await this.applyLanguage(document);
    if (document.isClosed || document.uri.scheme !== 'file') return;
    // A language switch reopened the document and the store followed; otherwise follow here.
    const source = await this.isSource(document);
    const loaded = this.store.get(document.uri) !== undefined;
    if (source && !loaded) await this.store.load(document);
    else if (!source && loaded) this.store.forget(document.uri);
  }

  /** Plain-text sources become legal-text; documents that are no longer sources get their language back. */
  private async applyLanguage(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.uri.scheme !== 'file' || this.userLanguage.has(key)) return;
    const language = document.languageId;
    if (language !== PLAIN_TEXT && language !== LANGUAGE_ID) return;
    const source = await this.isSource(document);
    if (document.isClosed || document.languageId !== language) return;
    const enabled = vscode.workspace.getConfiguration(undefined, document.uri).get<boolean>(SETTINGS.plainTextAsLegalText, true);
    if (language === PLAIN_TEXT && source && (enabled || this.choice(document.uri) === true)) {
      await this.setLanguage(document, LANGUAGE_ID);
      this.switchedByUs.add(key);
    } else if (language === LANGUAGE_ID && (this.choice(document.uri) === false || (!source && this.switchedByUs.has(key)))) {
      await this.setLanguage(document, PLAIN_TEXT);
    }
  }

  private async setLanguage(document: vscode.TextDocument, language: string): Promise<void> {
    const key = document.uri.toString();
    if (document.languageId === language) return;
    this.switching.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, language);
    } finally {
      this.switching.delete(key);
    }
    if (language !== LANGUAGE_ID) this.switchedByUs.delete(key);
  }
}
