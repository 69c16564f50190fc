/**
 * Quick fixes for untagged claims (Ctrl+. on the sentence, or the light bulb in the Problems
 * panel): "Tag sentence as <Label>" for each suggested category (the first one preferred),
 * "Tag sentence as…" for the whole taxonomy, and "Not a claim", which records a dismissal in
 * the sidecar. On a dismissed sentence: "Restore claim", which removes the dismissal. The tag
 * actions run the annotator's own `tag`/`tagAs` commands, so a tag is written one way only.
 */
import * as vscode from 'vscode';
import { findCategory } from '../core/taxonomy/taxonomy';
import type { AnnotationStore } from './annotationStore';
import { claimFixesApply, isUntaggedClaimDiagnostic, type ClaimDiagnostics } from './claimDiagnostics';
import type { DismissalRef } from './claimCommands';
import { TAG_ACTION_KIND } from './codeActions';
import { COMMANDS } from './constants';
import type { PassageArgs, TagArgs } from './tagCommands';
import type { WorkspaceConfigService } from './workspaceConfig';

const MAX_SUGGESTIONS = 5;

export class ClaimQuickFixes implements vscode.CodeActionProvider {
  /** A sub-kind of QuickFix (the tagging actions' kind), so the Problems panel and Ctrl+. list them. */
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [TAG_ACTION_KIND] };

  constructor(private readonly diagnostics: ClaimDiagnostics, private readonly store: AnnotationStore, private readonly configs: WorkspaceConfigService) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => isUntaggedClaimDiagnostic(d) && claimFixesApply(d, range));
    if (range.isEmpty) {
      // The cursor at the very start or end of a sentence: VS Code may not pass its diagnostic along.
      for (const problem of this.diagnostics.problemsOf(document.uri)) {
        if (problem.diagnostic.range.contains(range.start) && !ours.some((d) => d.range.isEqual(problem.diagnostic.range))) ours.push(problem.diagnostic);
      }
    }
    const dismissals = this.dismissalsAt(document, range);
    if (ours.length === 0 && dismissals.length === 0) return [];
    const { taxonomy } = (await this.configs.forFile(document.uri)).config;
    if (token.isCancellationRequested) return [];
    const uri = document.uri.toString();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const problem = this.diagnostics.problemFor(document.uri, diagnostic);
      // A diagnostic from a review of the file on disk may be a version behind: its range is what the user sees.
      const passage: PassageArgs = problem
        ? { uri, start: problem.start, end: problem.end }
        : { uri, start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
      const action = (title: string, command: string, args: unknown, preferred = false): vscode.CodeAction => {
        const fix = new vscode.CodeAction(title, TAG_ACTION_KIND);
        fix.command = { command, title, arguments: [args] };
        fix.diagnostics = [diagnostic];
        fix.isPreferred = preferred;
        return fix;
      };
      (problem?.categories ?? []).slice(0, MAX_SUGGESTIONS).forEach((id, index) => {
        const label = findCategory(taxonomy, id)?.label ?? id;
        const args: TagArgs = { ...passage, category: id };
        actions.push(action(`Tag sentence as ${label}`, COMMANDS.tag, args, index === 0));
      });
      actions.push(action('Tag sentence as…', COMMANDS.tagAs, passage));
      actions.push(action('Not a claim', COMMANDS.dismissClaim, passage));
    }
    for (const id of dismissals) {
      const restore = new vscode.CodeAction('Restore claim (remove "Not a claim")', TAG_ACTION_KIND);
      const args: DismissalRef = { uri, id };
      restore.command = { command: COMMANDS.restoreClaim, title: restore.title, arguments: [args] };
      actions.push(restore);
    }
    return actions;
  }

  /** Ids of the dismissals whose live range holds the cursor or meets the selection. */
  private dismissalsAt(document: vscode.TextDocument, range: vscode.Range): string[] {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    return (this.store.get(document.uri)?.entries ?? [])
      .filter((e) => e.kind === 'dismissal' && e.range && e.range.start <= end && start <= e.range.end)
      .map((e) => e.id);
  }
}
