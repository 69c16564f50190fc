/**
 * The annotated sources `export` and `report` work on: each PATH is a folder (walked for
 * sidecars), a sidecar or a source with a sidecar, as for `check`. A sidecar with errors or a
 * source that cannot be read is skipped with the reason (the command then exits 1); the
 * taxonomy and the root that relative paths and base IRIs count from are the workspace's
 * (the config nearest the first PATH, else the repository root).
 */
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Sidecar } from '../../core/sidecar/model';
import { readSidecarFile } from '../../core/sidecar/sidecar-file';
import { firstErrorNote } from '../../core/problems/problem';
import { readSourceState, unreadSourceReason } from '../../core/validation/source-state';
import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import type { ExportSource } from '../../core/interop/export-input';
import { sourceIri } from '../../core/interop/iri';
import { collectTargets } from '../check/collect';
import { CliError } from '../output';

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
  for (const sidecarPath of targets.sidecars) {
    const read = await readSidecar(sidecarPath);
    if ('skipped' in read) {
      skipped.push(read.skipped);
      continue;
    }
    const sidecar = read.sidecar;
    const sourcePath = resolve(dirname(sidecarPath), sidecar.source);
    // The same confinement as check: a source outside the sidecar's folder (by "..", an absolute
    // path or a symbolic link) is never read, so a planted sidecar cannot export other files.
    const state = await readSourceState(sidecarPath, sidecar.source);
    if (state.kind !== 'text') {
      skipped.push(`${shown(sidecarPath)}: skipped: ${unreadSourceReason(state, shown(state.kind === 'outside' ? state.to : sourcePath))}`);
      continue;
    }
    const path = workspacePath(config.root, sourcePath);
    if (base && (path.startsWith('../') || isAbsolute(path))) {
      throw new CliError(`${shown(sourcePath)} is outside the workspace ${shown(config.root)}, so --base cannot name it; export it from its own workspace`);
    }
    sources.push({ path, iri: sourceIri(sourcePath, path, base), text: typeof state.text === 'string' ? state.text : state.text.text, sidecar });
    absolutePaths.push(sourcePath);
  }
  return { config, sources, absolutePaths, skipped, withoutSidecar, configWarnings };
}

/** The sidecar (a clean one on the fast path: parseSidecar), or why it is skipped. */
async function readSidecar(path: string): Promise<{ sidecar: Sidecar } | { skipped: string }> {
  const doc = await readSidecarFile(path);
  if (doc?.sidecar) return { sidecar: doc.sidecar };
  return { skipped: `${shown(path)}: skipped: the sidecar has errors${firstErrorNote(shown(path), doc?.problems ?? [])}; legal-annotator check shows them all` };
}

/** `/`-separated path of a file relative to the workspace root. */
export function workspacePath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** A path as the user would type it from the current folder. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}

/** Writes an output file, creating its folder. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  await fs.writeFile(path, text, 'utf8');
}

export function joinPosix(folder: string, relativePath: string): string {
  return join(folder, ...relativePath.split('/'));
}
