// Fixture copies for the sources and semantic-token tests: each test works on its own files
// under test/fixtures/workspace/sources/ (a folder with its own .legal-annotator.yaml).
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { LegalAnnotatorApi } from '../../src/extension/extension';
import { newSidecarDocument } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';
import { extension, workspaceFile } from './helpers';

let copies = 0;

export async function api(): Promise<LegalAnnotatorApi> {
  return (await extension().activate()) as LegalAnnotatorApi;
}

/** Copies `sources/<folder>/<name>` to a fresh name beside it (same extension) and returns its URI. */
export async function copyFixture(folder: 'statements' | 'notes', name: string): Promise<vscode.Uri> {
  const dot = name.lastIndexOf('.');
  const copy = `${name.slice(0, dot)}-${process.pid}-${++copies}${name.slice(dot)}`;
  const target = workspaceFile('sources', folder, copy);
  await fs.copyFile(workspaceFile('sources', folder, name).fsPath, target.fsPath);
  return target;
}

/** Gives `source` a sidecar with no annotations, as the editor would create it. */
export async function addSidecar(source: vscode.Uri): Promise<void> {
  const text = await fs.readFile(source.fsPath, 'utf8');
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  await fs.writeFile(`${source.fsPath}.ann.yaml`, newSidecarDocument(name, sourceHash(text)).text);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}
