// Helpers shared by the integration tests (they run inside the VS Code extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/extension/constants';

/** The workspace folder the runner opened: a fresh temp copy of test/fixtures/workspace plus samples/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the test VS Code`);
  return ext;
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then fails with `what`). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a workspace file in an editor and returns it. */
export async function openEditor(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  return vscode.window.showTextDocument(doc);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Records the error messages the extension shows while `work` runs (the tests' bundles belong to
 * the extension under development, so they share its `vscode.window`), and shows none of them.
 */
export async function errorMessagesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const shown: string[] = [];
  const original = vscode.window.showErrorMessage;
  vscode.window.showErrorMessage = (async (message: string) => {
    shown.push(message);
    return undefined;
  }) as typeof vscode.window.showErrorMessage;
  try {
    await work();
  } finally {
    vscode.window.showErrorMessage = original;
  }
  return shown;
}

/**
 * Runs `work` with auto-save off. VS Code for the Web saves a file a second after the last edit
 * by default (`files.autoSave`: afterDelay), so on a loaded machine unsaved edits that a test
 * means to revert may be saved first, and the revert then has nothing to take back.
 */
export async function withAutoSaveOff<T>(work: () => Promise<T>): Promise<T> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<string>('autoSave')?.globalValue;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  try {
    return await work();
  } finally {
    await vscode.workspace.getConfiguration('files').update('autoSave', before, vscode.ConfigurationTarget.Global);
  }
}
