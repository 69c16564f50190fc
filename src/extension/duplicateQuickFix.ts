/**
 * "Remove duplicate": the quick fix of `duplicate-annotation` and `duplicate-dismissal`, which the
 * check core reports on a sidecar (sidecarDiagnostics.ts) at the later of two identical entries.
 * It removes that later entry through the store's `change()`: the sidecar's lock, the write
 * through the sidecar's open editor, one undo step. Under the lock it first checks, on the file
 * as it is then, that the entry still repeats the earlier one, so an edit made since the
 * diagnostic can never turn the fix into the removal of a record that is no longer a copy.
 * A duplicate that is one of two versions of a merge conflict gets no fix: removing it would take
 * a side the merge-conflict error leaves open (the diagnostic says to resolve the conflict).
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { sourceNameFor } from '../core/sidecar/model';
import { parseSidecar, removeAnnotation, removeDismissal, type SidecarDocument } from '../core/sidecar/sidecar-io';
import { locateNode } from '../core/sidecar/yaml-source';
import { findDuplicates, type Duplicate } from '../core/validation/duplicates';
import type { AnnotationStore } from './annotationStore';
import { COMMANDS, DIAGNOSTIC_SOURCE, DUPLICATE_CODES } from './constants';
import type { Log } from './log';
import { isSidecarDocument } from './sidecarDiagnostics';

/** Which entry of which sidecar to remove, and the earlier entry it must still repeat. */
export interface RemoveDuplicateArgs {
  sidecarUri: string;
  list: Duplicate['list'];
  id: string;
  firstId: string;
}

export class DuplicateQuickFix implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!isSidecarDocument(document)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && DUPLICATE_CODES.has(String(d.code)));
    if (ours.length === 0) return [];
    const doc = parseSidecar(document.getText());
    // A sidecar with errors is not written (the store refuses it); its errors come first.
    if (!doc.sidecar) return [];
    const duplicates = findDuplicates(doc.sidecar);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const duplicate = duplicateAt(doc, duplicates, document.offsetAt(diagnostic.range.start));
      if (!duplicate || duplicate.conflict !== undefined) continue;
      const title = `Remove duplicate ${duplicate.id} (keeps ${duplicate.first.id})`;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      const args: RemoveDuplicateArgs = { sidecarUri: document.uri.toString(), list: duplicate.list, id: duplicate.id, firstId: duplicate.first.id };
      action.command = { command: COMMANDS.removeDuplicate, title, arguments: [args] };
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }
}

/** The duplicate whose id node (where the check core puts its diagnostic) contains `offset`. */
function duplicateAt(doc: SidecarDocument, duplicates: readonly Duplicate[], offset: number): Duplicate | undefined {
  return duplicates.find((duplicate) => {
    const range = locateNode(doc.document, `/${duplicate.list}/${duplicate.index}/id`).node?.range;
    return range != null && range[0] <= offset && offset <= range[1];
  });
}

/** Removes the duplicate from `doc` if it still repeats the same earlier entry and is no version of a merge conflict; throws, naming both, if not. */
export function removeDuplicate(doc: SidecarDocument, args: RemoveDuplicateArgs, sidecarName: string): SidecarDocument {
  const still = doc.sidecar && findDuplicates(doc.sidecar).find((d) => d.list === args.list && d.id === args.id && d.first.id === args.firstId);
  if (!still) throw new Error(`${args.id} no longer repeats ${args.firstId} in ${sidecarName}; nothing was removed`);
  if (still.conflict !== undefined) throw new Error(`${args.id} and ${still.conflict} are two versions of one entry from a git merge in ${sidecarName}: resolve the conflict first; nothing was removed`);
  return args.list === 'annotations' ? removeAnnotation(doc, args.id) : removeDismissal(doc, args.id);
}

export function registerDuplicateQuickFix(context: vscode.ExtensionContext, store: AnnotationStore, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.removeDuplicate, async (args: RemoveDuplicateArgs) => {
      try {
        const sidecarUri = vscode.Uri.parse(args.sidecarUri);
        const sidecarName = basename(sidecarUri.fsPath);
        const sourceName = sourceNameFor(sidecarName);
        if (sourceName === undefined) throw new Error(`${sidecarName} is not named SOURCE.ann.yaml`);
        // The store keys a sidecar by its source: the source is opened (not shown) to reach it.
        const source = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(sidecarUri, '..', sourceName));
        await store.change(source, `Remove duplicate ${args.id}`, (doc) => removeDuplicate(doc, args, sidecarName));
      } catch (error) {
        log.error('Remove duplicate failed', error);
        void vscode.window.showErrorMessage(`Legal Annotator: Remove duplicate failed: ${(error as Error).message}`);
      }
    }),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new DuplicateQuickFix(), DuplicateQuickFix.metadata),
  );
}
