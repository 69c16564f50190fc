import * as vscode from 'vscode';
import { COMMANDS, OUTPUT_CHANNEL_NAME } from './constants';
import { registerScanCommand } from './scanCommand';

/** Entry point: wires each editor feature into VS Code. Features live in their own files. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(output);
  output.info('Legal Annotator activated');
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show()),
  );
  registerScanCommand(context, output);
}

export function deactivate(): void {
  // Nothing to release beyond context.subscriptions, which VS Code disposes.
}
