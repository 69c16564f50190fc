/**
 * The tagged sources of the workspace as the exports and the evidence matrix read them: every
 * sidecar on disk (saved state, as the CLI reads it) with its source's text. A sidecar with
 * errors or a missing source is skipped with the reason, for the caller to show.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, type Sidecar } from '../core/sidecar/model';
import { readSidecarFile } from '../core/sidecar/sidecar-file';
import type { WorkspaceConfig } from '../core/workspace/workspace-config';
import type { ExportSource } from '../core/interop/export-input';
import { sourceIri } from '../core/interop/iri';
import { readSourceState, unreadSourceReason } from '../core/validation/source-state';
import type { WorkspaceConfigService } from './workspaceConfig';

export interface WorkspaceSources {
  /** The config of the first workspace folder: its taxonomy names the categories, its root starts relative paths. */
  config: WorkspaceConfig;
  sources: ExportSource[];
  /** Absolute path of each source, by its workspace-relative path. */
  absolute: Map<string, string>;
  skipped: string[];
}

export async function collectWorkspaceSources(configs: WorkspaceConfigService, base?: string): Promise<WorkspaceSources | undefined> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (folders.length === 0) return undefined;
  const { config } = await configs.forFile(vscode.Uri.joinPath(folders[0].uri, '.legal-annotator.yaml'));
  const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '{**/node_modules/**,**/.git/**}');
  const sidecars = found.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath).sort();
  const sources: ExportSource[] = [];
  const absolute = new Map<string, string>();
  const skipped: string[] = [];
  for (const sidecarPath of sidecars) {
    const shown = vscode.workspace.asRelativePath(sidecarPath);
    const sidecar = await readSidecar(sidecarPath);
    if (typeof sidecar === 'string') {
      skipped.push(`${shown}: ${sidecar}`);
      continue;
    }
    const sourcePath = resolve(dirname(sidecarPath), sidecar.source);
    // The confinement check uses: a source outside the sidecar's folder is never read.
    const state = await readSourceState(sidecarPath, sidecar.source);
    if (state.kind !== 'text') {
      skipped.push(`${shown}: ${unreadSourceReason(state, sidecar.source)}`);
      continue;
    }
    const text = typeof state.text === 'string' ? state.text : state.text.text;
    const path = relative(config.root, sourcePath).split(sep).join('/');
    if (base && path.startsWith('../')) {
      skipped.push(`${shown}: its source is outside ${config.root}, so the base IRI cannot name it`);
      continue;
    }
    sources.push({ path, iri: sourceIri(sourcePath, path, base), text, sidecar });
    absolute.set(path, sourcePath);
  }
  return { config, sources, absolute, skipped };
}

/** The sidecar (a clean one on the fast path: parseSidecar), or why it is skipped. */
async function readSidecar(path: string): Promise<Sidecar | string> {
  try {
    const doc = await readSidecarFile(path);
    if (doc?.sidecar) return doc.sidecar;
    const first = doc?.problems.find((p) => p.severity === 'error');
    return `the sidecar has errors${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`;
  } catch (error) {
    return `cannot be read (${(error as Error).message})`;
  }
}
