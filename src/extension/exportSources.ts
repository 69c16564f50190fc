/**
 * The tagged sources of the workspace as the exports and the evidence matrix read them: every
 * sidecar on disk (saved state, as the CLI reads it) with its source's text, loaded by the core
 * as the CLI loads them (interop/annotated-sources.ts). A sidecar with errors or a missing
 * source is skipped with the reason, for the caller to show.
 */
import * as vscode from 'vscode';
import { relativeInside } from '../core/files/inside-root';
import { SIDECAR_SUFFIX, sourcePathFor } from '../core/sidecar/model';
import type { WorkspaceConfig } from '../core/workspace/workspace-config';
import type { ExportSource } from '../core/interop/export-input';
import { loadAnnotatedSources } from '../core/interop/annotated-sources';
import { SKIPPED_FOLDERS_GLOB } from './constants';
import type { WorkspaceConfigService } from './workspaceConfig';

export interface WorkspaceSources {
  /** The config of the first workspace folder: its taxonomy names the categories, its root starts relative paths. */
  config: WorkspaceConfig;
  sources: ExportSource[];
  /** Absolute path of each source, by its workspace-relative path. */
  absolute: Map<string, string>;
  skipped: string[];
  /** The workspace-relative paths of the sources whose sidecars were skipped: what they hold is not known. */
  skippedSources: Set<string>;
}

export async function collectWorkspaceSources(configs: WorkspaceConfigService, base?: string): Promise<WorkspaceSources | undefined> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (folders.length === 0) return undefined;
  const { config } = await configs.forFile(vscode.Uri.joinPath(folders[0].uri, '.legal-annotator.yaml'));
  const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, SKIPPED_FOLDERS_GLOB);
  const sidecars = found.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath).sort();
  const sources: ExportSource[] = [];
  const absolute = new Map<string, string>();
  const skipped: string[] = [];
  const skippedSources = new Set<string>();
  const shown = (path: string) => vscode.workspace.asRelativePath(path);
  for (const one of await loadAnnotatedSources({ sidecarPaths: sidecars, root: config.root, base, shown, taxonomy: config.taxonomy })) {
    if (one.kind === 'skipped') {
      skipped.push(`${shown(one.sidecarPath)}: ${one.reason}`);
      const source = sourcePathFor(one.sidecarPath);
      const key = source === undefined ? undefined : relativeInside(config.root, source);
      if (key) skippedSources.add(key);
    }
    else if (one.kind === 'outside-root') skipped.push(`${shown(one.sidecarPath)}: its source is outside ${config.root}, so the base IRI cannot name it`);
    else {
      sources.push(one.source);
      absolute.set(one.source.path, one.absolutePath);
    }
  }
  return { config, sources, absolute, skipped, skippedSources };
}
