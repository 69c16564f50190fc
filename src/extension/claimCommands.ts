/**
 * The reviewer's commands on claims: "Not a claim" records a dismissal of the sentence in the
 * sidecar (anchored like a tag, with who and when), so its diagnostic does not come back, not
 * after reopening either; "Restore claim" removes it. Both go through the store, so "Legal
 * Annotator: Undo last annotation change" undoes them. Quick fixes pass explicit arguments; from
 * the command palette they work on the claim (or sentence) under the active editor's cursor.
 */
import * as vscode from 'vscode';
import { newDismissal } from '../core/annotations/new-annotation';
import { PreparedText } from '../core/anchoring/prepared-text';
import { addDismissal, removeDismissal } from '../core/sidecar/sidecar-io';
import { sentenceAt } from '../core/text/sentence-at';
import type { AnnotationStore } from './annotationStore';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { COMMANDS } from './constants';
import type { Log } from './log';
import { authorFor } from './author';
import type { PassageArgs } from './tagCommands';

export interface DismissalRef {
  uri: string;
  id: string;
}

export function registerClaimCommands(context: vscode.ExtensionContext, store: AnnotationStore, claims: ClaimDiagnostics, log: Log): void {
  const run = <A>(title: string, work: (args?: A) => Promise<unknown>) => async (args?: A) => {
    try {
      return await work(args);
    } catch (error) {
      log.error(`${title} failed`, error);
      void vscode.window.showErrorMessage(`Legal Annotator: ${title} failed: ${(error as Error).message}`);
      return undefined;
    }
  };

  /** Returns the new dismissal's id. */
  const dismiss = async (args?: PassageArgs): Promise<string | undefined> => {
    const passage = args ?? activeClaim(claims);
    if (!passage) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(passage.uri));
    const text = new PreparedText(document.getText());
    const author = await authorFor(document.uri);
    let id: string | undefined;
    await store.change(document, 'Not a claim', (doc) => {
      const dismissal = newDismissal({
        text, start: text.toCodePoint(passage.start), end: text.toCodePoint(passage.end),
        author, existingIds: new Set((doc.sidecar?.dismissed ?? []).map((d) => d.id)),
      });
      id = dismissal.id;
      return addDismissal(doc, dismissal);
    });
    return id;
  };

  const restore = async (ref?: DismissalRef): Promise<void> => {
    const target = ref ?? activeDismissal(store);
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    await store.change(document, 'Restore claim', (doc) => removeDismissal(doc, target.id));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.dismissClaim, run('Not a claim', dismiss)),
    vscode.commands.registerCommand(COMMANDS.restoreClaim, run('Restore claim', restore)),
  );
}

/** The untagged claim under the active editor's cursor, else the sentence there. */
function activeClaim(claims: ClaimDiagnostics): PassageArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Legal Annotator: put the cursor on a claim in a source text.');
    return undefined;
  }
  const { document } = editor;
  const offset = document.offsetAt(editor.selection.active);
  const claim = claims.problemsOf(document.uri).find((p) => p.start <= offset && offset <= p.end);
  const passage = claim ?? sentenceAt(document.getText(), offset);
  if (passage.start === passage.end) return undefined;
  return { uri: document.uri.toString(), start: passage.start, end: passage.end };
}

/** The dismissal under the active editor's cursor. */
function activeDismissal(store: AnnotationStore): DismissalRef | undefined {
  const editor = vscode.window.activeTextEditor;
  const offset = editor ? editor.document.offsetAt(editor.selection.active) : -1;
  const entry = editor && store.get(editor.document.uri)?.entries.find((e) => e.kind === 'dismissal' && e.range && e.range.start <= offset && offset <= e.range.end);
  if (!editor || !entry) {
    void vscode.window.showWarningMessage('Legal Annotator: put the cursor on a sentence dismissed as "not a claim".');
    return undefined;
  }
  return { uri: editor.document.uri.toString(), id: entry.id };
}
