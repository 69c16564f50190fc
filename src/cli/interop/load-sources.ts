/**
 * The annotated sources `export` and `report` work on: each PATH is a folder (walked for
 * sidecars), a sidecar or a source with a sidecar, as for `check`, loaded by the core
 * (interop/annotated-sources.ts). A sidecar with errors, one whose `source` is another file's, or
 * a source that cannot be read is skipped with the reason (the command then exits 1); the
 * taxonomy and the root that relative paths and base IRIs count from are the workspace's
 * (the config nearest the first PATH, else the repository root).
 */
import { join, sep } from 'node:path';
import { relativeInside } from '../../core/files/inside-root';
import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import type { ExportSource } from '../../core/interop/export-input';
import { loadAnnotatedSources as loadSidecars } from '../../core/interop/annotated-sources';
import { collectTargets } from '../check/collect';
import { CliError } from '../output';
import { visibleControls } from '../../core/text/visible';

export interface LoadedSources {
  config: WorkspaceConfig;
  sources: ExportSource[];
  /** Absolute source paths, in the order of `sources`. */
  absolutePaths: string[];
  /** One line each: what was skipped and why (the command exits 1). */
  skipped: string[];
  /** Sources given by name that have no sidecar: nothing to do, not a problem. */
  withoutSidecar: string[];
  /** Config problems worth a warning (the defaults were used instead). */
  configWarnings: string[];
}

export async function loadAnnotatedSources(paths: readonly string[], base?: string): Promise<LoadedSources> {
  const given = paths.length > 0 ? paths : ['.'];
  const loaded = await loadConfigFor(given[0], nodeConfigFs);
  const config = loaded.config;
  const configWarnings = loaded.files.flatMap(({ path, problems }) =>
    problems.filter((p) => p.severity === 'error').map((p) => `${shown(path)}:${p.line}:${p.column}: warning ${p.code}: ${p.message}`));
  const targets = await collectTargets(given);
  const withoutSidecar = targets.sourcesWithoutSidecar.map((path) => `${path}: has no sidecar; no tags`);
  const skipped: string[] = [];
  const sources: ExportSource[] = [];
  const absolutePaths: string[] = [];
  for (const one of await loadSidecars({ sidecarPaths: targets.sidecars, root: config.root, base, shown, taxonomy: config.taxonomy })) {
    if (one.kind === 'outside-root') {
      throw new CliError(`${shown(one.absolutePath)} is outside the workspace ${shown(config.root)}, so --base cannot name it; export it from its own workspace`);
    }
    if (one.kind === 'skipped') {
      // The reason may quote the sidecar's `source`, which may hold escape sequences or a forged line.
      skipped.push(visibleControls(`${shown(one.sidecarPath)}: skipped: ${one.reason}`));
      continue;
    }
    // Exported all the same, but the command exits 1, as check would.
    if (one.errors.length > 0) skipped.push(visibleControls(`${shown(one.sidecarPath)}: has errors (${one.errors.join(', ')}); legal-annotator check shows them all`));
    sources.push(one.source);
    absolutePaths.push(one.absolutePath);
  }
  return { config, sources, absolutePaths, skipped, withoutSidecar, configWarnings };
}

/** A path as the user would type it from the current folder. */
export function shown(path: string): string {
  const rel = relativeInside(process.cwd(), path);
  return rel === '' ? '.' : rel ?? path.split(sep).join('/');
}

export function joinPosix(folder: string, relativePath: string): string {
  return join(folder, ...relativePath.split('/'));
}
