/**
 * The `legalAnnotator.sources.maxFileSizeMB` setting: the size bound of the sources and import files the
 * extension reads from disk (the core's limits.ts; the workspace review, exports, imports).
 * Documents open in the editor are VS Code's to read.
 */
import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_MB, setUserFileLimitMb } from '../core/files/limits';
import { SETTINGS } from './constants';

function apply(): void {
  const mb = vscode.workspace.getConfiguration().get<number>(SETTINGS.maxFileSizeMB);
  // The default leaves every kind at the core's defaults (imports may be larger than sources).
  setUserFileLimitMb(typeof mb === 'number' && mb > 0 && mb !== DEFAULT_MAX_FILE_MB.source ? mb : undefined, `the ${SETTINGS.maxFileSizeMB} setting`);
}

export function registerFileLimits(context: vscode.ExtensionContext): void {
  apply();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS.maxFileSizeMB)) apply();
    }),
  );
}
