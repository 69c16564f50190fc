/**
 * Semantic tokens for what the line-based grammar cannot see (core/grammar/grammar-gaps.ts):
 * terms wrapped across lines, workspace glossary terms and state aliases, weekday references.
 * In Markdown sources, which keep their language and so get no grammar of ours, and in plain-text
 * sources left as plain text (setting `sources.plainTextAsLegalText` off), every entity is a token,
 * except in code, links and front matter.
 *
 * The token types are our own, mapped by `semanticTokenScopes` (package.json) to the grammar's
 * scopes, so a theme colours a token exactly as it colours the grammar's match.
 *
 * VS Code already debounces requests after an edit (300 ms to 2 s, adapting to how long we
 * take) and cancels the one an edit outdates; the scan runs on the background worker
 * (background.ts: about half a CPU-second for 1 MB), the cancellation passed on; results are
 * cached per document version, so a repeated request for an unchanged document costs nothing.
 */
import * as vscode from 'vscode';
import type { BackgroundWork } from './background';
import { LANGUAGE_ID, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, SETTINGS } from './constants';
import type { Log } from './log';
import { TOKEN_FIELDS, type TokenMode } from './semanticTokenData';
import { MARKDOWN, PLAIN_TEXT, type SourceFiles } from './sources';
import type { WorkspaceConfigService } from './workspaceConfig';

/** In the order of TYPE_INDEX (semanticTokenData.ts, which computes the tokens). */
const TOKEN_TYPES = [SEMANTIC_TOKEN_TYPES.state, SEMANTIC_TOKEN_TYPES.date, SEMANTIC_TOKEN_TYPES.term];
export const LEGEND = new vscode.SemanticTokensLegend(TOKEN_TYPES, [...SEMANTIC_TOKEN_MODIFIERS]);

const EMPTY = new vscode.SemanticTokens(new Uint32Array(0));

interface Cached {
  version: number;
  generation: number;
  tokens: vscode.SemanticTokens;
}

export class LegalSemanticTokens implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  static readonly selector: vscode.DocumentSelector = [
    { language: LANGUAGE_ID, scheme: 'file' },
    { language: MARKDOWN, scheme: 'file' },
    { language: PLAIN_TEXT, scheme: 'file' },
  ];

  private readonly cache = new Map<string, Cached>();
  /** Bumped when sources, the config or our settings change: every cached result is stale then. */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly sources: SourceFiles,
    private readonly configs: WorkspaceConfigService,
    private readonly log: Log,
    private readonly background: Pick<BackgroundWork, 'run'>,
  ) {
    const invalidate = () => {
      this.generation++;
      this.changed.fire();
    };
    this.disposables = [
      this.changed,
      sources.onDidChange(invalidate),
      configs.onDidChange(invalidate),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS.highlightMarkdown) || event.affectsConfiguration(SETTINGS.plainTextAsLegalText)) invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString())),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens> {
    const key = document.uri.toString();
    const generation = this.generation;
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.tokens;
    const mode = await this.mode(document);
    if (mode === 'none') return EMPTY;
    const { config } = await this.configs.forFile(document.uri);
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    // Text and version read together, after the last await before the job: the result belongs to this version.
    const version = document.version;
    const started = Date.now();
    const data = await this.background.run('semanticTokens', {
      text: document.getText(), mode, lexiconExtensions: config.lexiconExtensions, dayFirstSlashes: config.dayFirstSlashes,
    }, token);
    // Typed on meanwhile (VS Code normally cancels first): tokens of an older text are not shown.
    if (document.version !== version) throw new vscode.CancellationError();
    const builder = new vscode.SemanticTokensBuilder(LEGEND);
    for (let i = 0; i < data.length; i += TOKEN_FIELDS) builder.push(data[i], data[i + 1], data[i + 2], data[i + 3], data[i + 4]);
    const tokens = builder.build();
    const elapsed = Date.now() - started;
    if (elapsed > 100) this.log.info(`semantic tokens for ${document.uri.fsPath}: ${data.length / TOKEN_FIELDS} in ${elapsed} ms (on the background worker)`);
    this.cache.set(key, { version, generation, tokens });
    return tokens;
  }

  /**
   * `gaps`: a legal-text document, coloured by the grammar, gets tokens for what it misses;
   * `all` / `markdown`: a source in another language gets every entity (outside code in Markdown).
   */
  private async mode(document: vscode.TextDocument): Promise<'none' | TokenMode> {
    const settings = vscode.workspace.getConfiguration(undefined, document.uri);
    switch (document.languageId) {
      case LANGUAGE_ID:
        return 'gaps';
      case MARKDOWN:
        return settings.get<boolean>(SETTINGS.highlightMarkdown, true) && (await this.sources.isSource(document)) ? 'markdown' : 'none';
      case PLAIN_TEXT:
        // Normally a plain-text source becomes legal-text; this covers the setting turned off.
        return !settings.get<boolean>(SETTINGS.plainTextAsLegalText, true) && (await this.sources.isSource(document)) ? 'all' : 'none';
      default:
        return 'none';
    }
  }
}
