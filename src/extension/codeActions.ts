/**
 * Tagging by code action (Ctrl+., the light bulb): with a selection, or else for the sentence
 * under the cursor, "Tag as <category>" for the categories whose cues occur in it (best first,
 * the first preferred), then "Tag as…" for the whole taxonomy; on a tagged passage, actions to
 * change its category, note or status, or remove it.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import { suggestCategories } from '../core/taxonomy/suggest';
import { sentenceAt } from '../core/text/sentence-at';
import type { AnnotationStore } from './annotationStore';
import { claimFixesApply, isUntaggedClaimDiagnostic } from './claimDiagnostics';
import { COMMANDS } from './constants';
import type { PassageArgs, TagArgs, TagRef } from './tagCommands';
import type { SourceFiles } from './sources';
import type { WorkspaceConfigService } from './workspaceConfig';

/** Code actions of ours are quick fixes under this sub-kind, so keybindings can ask for them. */
export const TAG_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('legalAnnotator');
const MAX_SUGGESTIONS = 5;

export class TagCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [TAG_ACTION_KIND] };

  constructor(private readonly store: AnnotationStore, private readonly configs: WorkspaceConfigService, private readonly sources: Pick<SourceFiles, 'isSource'>) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!(await this.isSource(document)) || token.isCancellationRequested) return [];
    const state = this.store.get(document.uri);
    if (state?.readError) {
      const action = new vscode.CodeAction('Tag passage', TAG_ACTION_KIND);
      action.disabled = { reason: state.readError };
      return [action];
    }
    const text = document.getText();
    const passage = this.passageOf(document, range, text);
    const uri = document.uri.toString();
    const actions: vscode.CodeAction[] = [];
    for (const tagRef of this.tagsAt(document, range)) actions.push(...this.editActions(tagRef.ref, tagRef.label));
    // On an untagged claim (cursor, or its diagnostic's range), its quick fixes (claimQuickFixes.ts) tag the sentence: no second list.
    const claimFixesOffered = context.diagnostics.some((d) => isUntaggedClaimDiagnostic(d) && claimFixesApply(d, range));
    if (passage.start < passage.end && !claimFixesOffered) {
      const { config } = await this.configs.forFile(document.uri);
      const suggestions = suggestCategories(text.slice(passage.start, passage.end), config.taxonomy).slice(0, MAX_SUGGESTIONS);
      suggestions.forEach((suggestion, index) => {
        const args: TagArgs = { uri, ...passage, category: suggestion.category.id };
        const action = new vscode.CodeAction(`Tag as ${suggestion.category.label}`, TAG_ACTION_KIND);
        action.command = { command: COMMANDS.tag, title: action.title, arguments: [args] };
        action.isPreferred = index === 0;
        actions.push(action);
      });
      const args: PassageArgs = { uri, ...passage };
      const tagAs = new vscode.CodeAction(range.isEmpty ? 'Tag sentence as…' : 'Tag as…', TAG_ACTION_KIND);
      tagAs.command = { command: COMMANDS.tagAs, title: tagAs.title, arguments: [args] };
      actions.push(tagAs);
    }
    return actions;
  }

  /** As SourceFiles decides: a file the user toggled out of the sources gets no tagging actions. */
  private isSource(document: vscode.TextDocument): Promise<boolean> {
    return this.sources.isSource(document);
  }

  /** The selection, or the sentence under the cursor: UTF-16 offsets. */
  private passageOf(document: vscode.TextDocument, range: vscode.Range, text: string): { start: number; end: number } {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    return start === end ? sentenceAt(text, start) : { start, end };
  }

  private tagsAt(document: vscode.TextDocument, range: vscode.Range): Array<{ ref: TagRef; label: string }> {
    return tagsAtRange(this.store, document, range).map((tag) => ({ ref: tag.ref, label: tag.annotation.category }));
  }

  private editActions(ref: TagRef, category: string): vscode.CodeAction[] {
    const make = (title: string, command: string): vscode.CodeAction => {
      const action = new vscode.CodeAction(title, TAG_ACTION_KIND);
      action.command = { command, title, arguments: [ref] };
      return action;
    };
    return [
      make(`Change category of tag "${category}"…`, COMMANDS.changeCategory),
      make(`Edit note of tag "${category}"…`, COMMANDS.editNote),
      make(`Set status of tag "${category}"…`, COMMANDS.setStatus),
      make(`Remove tag "${category}"`, COMMANDS.removeTag),
    ];
  }
}

/** The tags of the document that overlap the range (or hold the cursor), in the store's order. */
export function tagsAtRange(store: AnnotationStore, document: vscode.TextDocument, range: vscode.Range): Array<{ ref: TagRef; annotation: Annotation }> {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return (store.get(document.uri)?.entries ?? [])
    .filter((e) => e.kind === 'annotation' && e.range && e.range.start <= end && start <= e.range.end && e.range.start < e.range.end)
    .map((e) => ({ ref: { uri: document.uri.toString(), id: e.id }, annotation: e.entry as Annotation }));
}
