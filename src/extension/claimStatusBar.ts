/**
 * The claim coverage of the active source, beside the tag count (statusBar.ts):
 * "$(checklist) 12 of 15 claims tagged", with the dismissed and low-confidence counts in the
 * tooltip; hidden when the active editor is not a source or claims are off. Clicking it opens the
 * Problems panel, where the untagged ones are listed.
 */
import * as vscode from 'vscode';
import type { ClaimCoverage, ClaimDiagnostics } from './claimDiagnostics';
import { CLAIM_STATUS_BAR_ID } from './constants';

/** Just right of the tag count (priority 100): a higher priority sits further left. */
const PRIORITY = 99;

export class ClaimCoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private shown?: string;

  constructor(private readonly claims: ClaimDiagnostics) {
    this.item = vscode.window.createStatusBarItem(CLAIM_STATUS_BAR_ID, vscode.StatusBarAlignment.Right, PRIORITY);
    this.item.name = 'Legal Annotator: claims';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Show the untagged claims in the Problems panel' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      claims.onDidChangeCoverage((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The text shown, or undefined while hidden (for the integration tests). */
  get text(): string | undefined {
    return this.shown;
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const coverage = uri ? this.claims.coverage(uri) : undefined;
    if (!coverage) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    this.item.text = coverageText(coverage);
    this.item.tooltip = coverageTooltip(coverage);
    this.shown = this.item.text;
    this.item.show();
  }
}

export function coverageText(coverage: ClaimCoverage): string {
  if (coverage.claims === 0) return '$(checklist) no claims';
  return `$(checklist) ${coverage.tagged} of ${coverage.claims} ${coverage.claims === 1 ? 'claim' : 'claims'} tagged`;
}

function coverageTooltip(coverage: ClaimCoverage): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  if (coverage.claims === 0) {
    markdown.appendMarkdown('No sentence of this source reports a violation (no cue of a taxonomy category).');
    return markdown;
  }
  const untaggedHigh = coverage.untaggedHigh;
  markdown.appendMarkdown(`**${coverage.tagged} of ${coverage.claims} claims tagged**\n\n`);
  markdown.appendMarkdown('| | Claims |\n| --- | ---: |\n');
  markdown.appendMarkdown(`| tagged | ${coverage.tagged} |\n| dismissed ("not a claim") | ${coverage.dismissed} |\n`);
  markdown.appendMarkdown(`| untagged | ${untaggedHigh} |\n| untagged, low confidence | ${coverage.lowConfidence} |\n`);
  markdown.appendMarkdown('\nClick to see the untagged ones in the Problems panel; Ctrl+. on a sentence tags or dismisses it.');
  return markdown;
}
