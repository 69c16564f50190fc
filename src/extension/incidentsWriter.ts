/**
 * How the editor writes the incidents file: through the core's one locked read-modify-write
 * (editIncidentsFile), and, when the file is open in an editor, through that editor's document
 * (only the changed lines replaced, then saved), so Ctrl+Z there undoes it like a typed change.
 * Every write is also a step of "Undo last annotation change" (the store's journal), which
 * restores the file unless it changed since.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { writeAtomically } from '../core/files/atomic-write';
import { editIncidentsFile } from '../core/incidents/incidents-file';
import { changedSpan } from '../core/text/changed-span';
import type { IncidentsDocument } from '../core/incidents/incidents-io';
import type { AnnotationStore } from './annotationStore';
import type { Log } from './log';

export async function editIncidents(path: string, label: string, edit: (doc: IncidentsDocument) => IncidentsDocument | undefined, store: AnnotationStore, log: Log): Promise<void> {
  const open = openDocument(path);
  if (open?.isDirty) throw new Error(`${basename(path)} has unsaved changes in an editor: save or revert it, then try again`);
  await editIncidentsFile(path, edit, {
    write: async (target, text, before) => {
      const existed = await fs.stat(target).then(() => true, () => false);
      const document = openDocument(target);
      if (document && !document.isDirty) await writeThroughEditor(document, text.replace(/^\uFEFF/, ''));
      else await writeAtomically(target, text);
      store.recordUndo(label, target, existed ? before : undefined, text);
      log.info(`${label}: wrote ${target}`);
    },
  });
}

function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
}

/** Replaces only what differs (the editor keeps its cursor and folds elsewhere), one undo step, then saves. */
async function writeThroughEditor(document: vscode.TextDocument, text: string): Promise<void> {
  const change = changedSpan(document.getText(), text);
  if (change) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${basename(document.uri.fsPath)} in its editor`);
  }
  if (!(await document.save())) throw new Error(`could not save ${basename(document.uri.fsPath)}`);
}
