/**
 * The problems of `legal-annotator check` for every open sidecar (`*.ann.yaml`), in the Problems
 * panel as the user edits it. The text comes from the editor, not the disk, and goes through the
 * CLI's own core (`checkSidecarDocument`), so the editor and CI never disagree. Re-checked
 * (debounced) on every edit, on open, when the source is saved and when the config changes.
 */
import { basename } from 'node:path';
import { relativeInside } from '../core/files/inside-root';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/model';
import { parseSidecar } from '../core/sidecar/sidecar-io';
import { checkSidecarDocument } from '../core/validation/check-document';
import type { Problem, Severity } from '../core/problems/problem';
import { LineIndex } from '../core/text/positions';
import { sourceNameFor } from '../core/sidecar/model';
import { DIAGNOSTIC_SOURCE } from './constants';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';

/** Long enough that typing a word costs one check, short enough to feel immediate. */
const DEBOUNCE_MS = 300;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function isSidecarDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && document.uri.fsPath.endsWith(SIDECAR_SUFFIX);
}

export class SidecarDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legal-annotator-sidecars');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The check in flight per sidecar: a newer one cancels it. */
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly configs: WorkspaceConfigService, private readonly log: Log) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
      // The source's text on disk is what the offsets are checked against.
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (isSidecarDocument(saved)) return;
        for (const document of this.openSidecars()) if (this.sourcePathOf(document) === saved.uri.fsPath) this.schedule(document, DEBOUNCE_MS);
      }),
      configs.onDidChange(() => {
        for (const document of this.openSidecars()) this.schedule(document, DEBOUNCE_MS);
      }),
    );
    for (const document of this.openSidecars()) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const source of this.running.values()) source.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private openSidecars(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter(isSidecarDocument);
  }

  /** The source this sidecar pairs with by its name (a mismatching `source` is itself reported). */
  private sourcePathOf(document: vscode.TextDocument): string | undefined {
    const name = sourceNameFor(basename(document.uri.fsPath));
    return name === undefined ? undefined : vscode.Uri.joinPath(document.uri, '..', name).fsPath;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isSidecarDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.log.fireAndForget(`checking ${document.uri.fsPath}`, this.check(document));
    }, delay));
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.collection.delete(uri);
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.running.get(key)?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.running.set(key, cancellation);
    try {
      const version = document.version;
      const text = document.getText();
      const { config, isSource } = await this.configs.forFile(document.uri);
      // As the CLI does: whether the source is listed is only checked when a config file lists sources.
      const isListedSource = config.configPath
        ? (sourcePath: string) => {
            const path = relativeInside(config.root, sourcePath);
            return path !== undefined && isSource(path);
          }
        : undefined;
      const result = await checkSidecarDocument(document.uri.fsPath, parseSidecar(text), { taxonomy: config.taxonomy, isListedSource });
      // The user typed on, or closed the file, while we checked: a newer check (or none) applies.
      if (cancellation.token.isCancellationRequested || document.isClosed || document.version !== version) return;
      this.collection.set(document.uri, toDiagnostics(result.problems, text));
    } finally {
      if (this.running.get(key) === cancellation) this.running.delete(key);
      cancellation.dispose();
    }
  }
}

/** Problems count 1-based lines and code-point columns; VS Code counts UTF-16 columns from 0. */
export function toDiagnostics(problems: readonly Problem[], text: string): vscode.Diagnostic[] {
  const lines = new LineIndex(text);
  const position = (line: number, column: number): vscode.Position => {
    const codePoint = lines.codePointOffsetAt({ line: line - 1, character: column - 1 });
    const at = lines.positionAt(lines.toUtf16(codePoint));
    return new vscode.Position(at.line, at.character);
  };
  return problems.map((problem) => {
    const start = position(problem.line, problem.column);
    const end = problem.endLine !== undefined && problem.endColumn !== undefined ? position(problem.endLine, problem.endColumn) : start;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, SEVERITIES[problem.severity]);
    diagnostic.code = problem.code;
    diagnostic.source = DIAGNOSTIC_SOURCE;
    return diagnostic;
  });
}
