/**
 * Quick fixes for the anchor diagnostics (anchorDiagnostics.ts), on the source and on the sidecar:
 * - "Re-anchor here" stores the passage the entry now covers (moved, fuzzy) as its new target;
 *   an orphan has no such passage, so it is re-anchored to the user's selection in the source
 *   (disabled, with the reason, while nothing is selected);
 * - "Remove" deletes the entry from the sidecar.
 * Both go through the store (one undo step each, written where the user expects: the sidecar).
 */
import * as vscode from 'vscode';
import { createTarget, PreparedText } from '../core/anchoring/anchoring';
import type { Annotation } from '../core/sidecar/model';
import { removeAnnotation, removeDismissal, updateAnnotation, updateDismissal, parseSidecar } from '../core/sidecar/sidecar-io';
import { sourceNameFor } from '../core/sidecar/model';
import { locateNode } from '../core/sidecar/yaml-source';
import { ALL_ANCHOR_CODES, type AnchorDiagnostics, type AnchorProblem } from './anchorDiagnostics';
import type { AnnotationStore, LiveEntry } from './annotationStore';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './constants';
import type { Log } from './log';
import { isSidecarDocument } from './sidecarDiagnostics';

/** Which entry of which source; `start`/`end` (UTF-16 offsets in the source) re-anchor an orphan to a selection. */
export interface EntryArgs {
  uri: string;
  kind: LiveEntry['kind'];
  id: string;
  start?: number;
  end?: number;
}

const SELECT_FIRST = 'Select the passage in the source that this entry should cover, then choose "Re-anchor here" again';

export class AnchorQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: AnchorDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return isSidecarDocument(document) ? this.sidecarActions(document, context) : this.sourceActions(document, range);
  }

  private sourceActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const problems = this.diagnostics.problemsOf(document.uri);
    if (problems.length === 0) return [];
    const selection = selectionIn(document);
    const actions: vscode.CodeAction[] = [];
    const offered = new Set<AnchorProblem>();
    for (const problem of problems) {
      if (!problem.diagnostic.range.intersection(range)) continue;
      offered.add(problem);
      actions.push(...this.fixes(document.uri, problem, problem.diagnostic, selection));
    }
    // An orphan's diagnostic sits at its old position, not where the user selects its new one.
    if (selection) {
      for (const problem of problems) {
        if (problem.status !== 'orphaned' || offered.has(problem)) continue;
        const action = reanchorAction(`Re-anchor orphaned ${problem.name} to the selection`, { uri: document.uri.toString(), kind: problem.kind, id: problem.id, ...selection }, problem.diagnostic);
        actions.push(action);
      }
    }
    return actions;
  }

  private fixes(sourceUri: vscode.Uri, problem: Pick<AnchorProblem, 'kind' | 'id' | 'status' | 'name'>, diagnostic: vscode.Diagnostic, selection?: { start: number; end: number }): vscode.CodeAction[] {
    const ref = { uri: sourceUri.toString(), kind: problem.kind, id: problem.id };
    let reanchor: vscode.CodeAction;
    if (problem.status !== 'orphaned') {
      reanchor = reanchorAction('Re-anchor here', ref, diagnostic);
      reanchor.isPreferred = problem.status === 'moved';
    } else {
      reanchor = reanchorAction('Re-anchor here (to the selection)', selection ? { ...ref, ...selection } : ref, diagnostic);
      if (!selection) reanchor.disabled = { reason: SELECT_FIRST };
    }
    const removeTitle = problem.kind === 'annotation' ? `Remove ${problem.name} from the sidecar` : 'Remove the dismissal from the sidecar (the claim is reported again)';
    const remove = new vscode.CodeAction(removeTitle, vscode.CodeActionKind.QuickFix);
    remove.command = { command: COMMANDS.removeEntry, title: removeTitle, arguments: [ref] };
    remove.diagnostics = [diagnostic];
    return [reanchor, remove];
  }

  /** On the sidecar, the check core's anchor problems: find the entry under the diagnostic. */
  private sidecarActions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && ALL_ANCHOR_CODES.has(String(d.code)));
    const sourceName = sourceNameFor(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
    if (ours.length === 0 || sourceName === undefined) return [];
    const sourceUri = vscode.Uri.joinPath(document.uri, '..', sourceName);
    const doc = parseSidecar(document.getText());
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const offset = document.offsetAt(diagnostic.range.start);
      const entry = entryAt(doc, offset);
      if (!entry) continue;
      const code = String(diagnostic.code);
      const status = code.endsWith('-moved') ? 'moved' : code.endsWith('-fuzzy') ? 'fuzzy' : 'orphaned';
      const name = entry.kind === 'annotation' ? `tag "${entry.category}"` : 'dismissed claim';
      const fixes = this.fixes(sourceUri, { kind: entry.kind, id: entry.id, status, name }, diagnostic);
      if (status === 'orphaned') fixes[0].disabled = { reason: `Open ${sourceName}, select the passage this entry should cover, and use "Re-anchor here" there` };
      actions.push(...fixes);
    }
    return actions;
  }
}

function reanchorAction(title: string, args: EntryArgs, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command: COMMANDS.reanchorEntry, title, arguments: [args] };
  action.diagnostics = [diagnostic];
  return action;
}

/** The non-empty selection of the editor showing `document`, in UTF-16 offsets. */
function selectionIn(document: vscode.TextDocument): { start: number; end: number } | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ;
  const active = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : editor;
  if (!active || active.selection.isEmpty) return undefined;
  return { start: document.offsetAt(active.selection.start), end: document.offsetAt(active.selection.end) };
}

/** The annotation or dismissal whose YAML node contains `offset`. */
function entryAt(doc: ReturnType<typeof parseSidecar>, offset: number): { kind: LiveEntry['kind']; id: string; category?: string } | undefined {
  for (const [list, kind] of [['annotations', 'annotation'], ['dismissed', 'dismissal']] as const) {
    const node = locateNode(doc.document, `/${list}`).node;
    const items = node && 'items' in node && Array.isArray(node.items) ? node.items : [];
    for (let index = 0; index < items.length; index++) {
      const range = locateNode(doc.document, `/${list}/${index}`).node?.range;
      if (!range || offset < range[0] || offset > range[1]) continue;
      const value: unknown = doc.document.getIn([list, index, 'id']);
      const category: unknown = doc.document.getIn([list, index, 'category']);
      if (typeof value !== 'string') return undefined;
      return { kind, id: value, category: typeof category === 'string' ? category : undefined };
    }
  }
  return undefined;
}

export function registerAnchorQuickFixes(context: vscode.ExtensionContext, store: AnnotationStore, diagnostics: AnchorDiagnostics, log: Log): void {
  const run = (title: string, work: (args: EntryArgs) => Promise<void>) => async (args: EntryArgs) => {
    try {
      await work(args);
    } catch (error) {
      log.error(`${title} failed`, error);
      void vscode.window.showErrorMessage(`Legal Annotator: ${title} failed: ${(error as Error).message}`);
    }
  };
  /** The source document and the entry as the store holds it now (loading the source if the fix came from its sidecar). */
  const find = async (args: EntryArgs): Promise<{ document: vscode.TextDocument; entry: LiveEntry }> => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const state = store.get(document.uri) ?? (await store.load(document));
    const entry = state.entries.find((e) => e.kind === args.kind && e.id === args.id);
    if (!entry) throw new Error(`no ${args.kind} ${args.id} in ${vscode.workspace.asRelativePath(document.uri)} any more`);
    return { document, entry };
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.reanchorEntry, run('Re-anchor', async (args) => {
      const { document, entry } = await find(args);
      const range = args.start !== undefined && args.end !== undefined ? { start: args.start, end: args.end } : entry.range;
      if (!range || range.start >= range.end) throw new Error(SELECT_FIRST);
      const text = new PreparedText(document.getText());
      const target = createTarget(text, text.toCodePoint(range.start), text.toCodePoint(range.end));
      const label = entry.kind === 'annotation' ? `Re-anchor tag "${(entry.entry as Annotation).category}"` : 'Re-anchor dismissed claim';
      await store.change(document, label, (doc) => (entry.kind === 'annotation' ? updateAnnotation(doc, entry.id, { target }) : updateDismissal(doc, entry.id, { target })));
    })),
    vscode.commands.registerCommand(COMMANDS.removeEntry, run('Remove', async (args) => {
      const { document, entry } = await find(args);
      const label = entry.kind === 'annotation' ? `Remove tag "${(entry.entry as Annotation).category}"` : 'Remove dismissal';
      await store.change(document, label, (doc) => (entry.kind === 'annotation' ? removeAnnotation(doc, entry.id) : removeDismissal(doc, entry.id)));
    })),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new AnchorQuickFixes(diagnostics), AnchorQuickFixes.metadata),
  );
}
