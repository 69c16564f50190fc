import * as vscode from 'vscode';
import { scan } from '../core/scanner/scan';
import type { Entity, EntityKind } from '../core/scanner/types';
import { COMMANDS } from './constants';

/** "Legal Annotator: Scan document": lists the states, dates and terms of the active editor in the log. */
export function registerScanCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.scanActiveEditor, () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('Legal Annotator: open a source text to scan it.');
        return undefined;
      }
      const entities = scan(editor.document.getText());
      const counts = countByKind(entities);
      const summary = `${counts.state} states, ${counts.date} dates, ${counts.term} legal terms`;
      output.info(`Scanned ${editor.document.uri.toString()}: ${summary}`);
      for (const entity of entities) output.debug(`  ${entity.kind} ${entity.start}-${entity.end} ${JSON.stringify(entity.text)}`);
      void vscode.window.showInformationMessage(`Legal Annotator: ${summary} in ${vscode.workspace.asRelativePath(editor.document.uri)}.`);
      return entities;
    }),
  );
}

function countByKind(entities: readonly Entity[]): Record<EntityKind, number> {
  const counts: Record<EntityKind, number> = { state: 0, date: 0, term: 0 };
  for (const entity of entities) counts[entity.kind]++;
  return counts;
}
