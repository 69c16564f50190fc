/**
 * The incidents file of a workspace, read and checked against what the workspace holds: the
 * file named by the config (default `incidents.yaml` at the root), the sources its evidence
 * cites (paths relative to the root) and their sidecars' tags.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { isInsideRoot } from '../files/inside-root';
import type { Problem } from '../problems/problem';
import { sortProblems } from '../problems/problem';
import { sidecarPathFor, type Sidecar } from '../sidecar/model';
import { readSidecarFile } from '../sidecar/sidecar-file';
import type { WorkspaceConfig } from '../workspace/workspace-config';
import { checkIncidents, type CitedSource } from './incident-checks';
import { readIncidentsFile } from './incidents-file';
import { parseIncidents, type IncidentsDocument } from './incidents-io';
import type { Incident } from './model';

export interface WorkspaceIncidents {
  /** Absolute path of the incidents file. */
  path: string;
  /** Undefined when the file does not exist. */
  doc?: IncidentsDocument;
  /** Its schema problems and the checks' problems, in file order. */
  problems: Problem[];
  /** The sidecar of each cited source that has a readable one, by the path the evidence gives. */
  sidecars: Map<string, Sidecar>;
}

/** Where a cited path is on disk; undefined when it leaves the workspace root, by `..` or through a folder linked out. */
export async function citedSourcePath(root: string, source: string): Promise<string | undefined> {
  const path = resolve(root, source);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return (await isInsideRoot(path, root)) ? path : undefined;
}

/** `text`: the file as an editor holds it (unsaved changes included) instead of the file on disk. */
export async function loadWorkspaceIncidents(config: Pick<WorkspaceConfig, 'root' | 'incidentsPath' | 'taxonomy'>, text?: string): Promise<WorkspaceIncidents> {
  const path = config.incidentsPath;
  const doc = text !== undefined ? parseIncidents(text) : await readIncidentsFile(path);
  const sidecars = new Map<string, Sidecar>();
  if (!doc) return { path, problems: [], sidecars };
  const cited = new Map<string, CitedSource>();
  for (const incident of doc.file?.incidents ?? []) {
    for (const evidence of incident.evidence ?? []) {
      if (cited.has(evidence.source)) continue;
      const found = await readCitedSource(config.root, evidence.source);
      cited.set(evidence.source, found.cited);
      if (found.sidecar) sidecars.set(evidence.source, found.sidecar);
    }
  }
  const problems = sortProblems([...doc.problems, ...checkIncidents(doc, { taxonomy: config.taxonomy, lookup: (source) => cited.get(source) ?? { kind: 'missing' } })]);
  return { path, doc, problems, sidecars };
}

async function readCitedSource(root: string, source: string): Promise<{ cited: CitedSource; sidecar?: Sidecar }> {
  const path = await citedSourcePath(root, source);
  if (!path) return { cited: { kind: 'missing' } };
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat?.isFile()) return { cited: { kind: 'missing' } };
  const sidecar = await readSidecarFile(sidecarPathFor(path));
  if (!sidecar) return { cited: { kind: 'no-sidecar' } };
  if (!sidecar.sidecar) return { cited: { kind: 'unreadable' } };
  return { cited: { kind: 'tagged', annotations: new Set(sidecar.sidecar.annotations.map((a) => a.id)) }, sidecar: sidecar.sidecar };
}

/**
 * The incidents an export links its tags to: those of the workspace's incidents file; none when
 * it does not exist, and none with `unread` (its path) when it has errors.
 */
export async function incidentsForExport(config: Pick<WorkspaceConfig, 'root' | 'incidentsPath' | 'taxonomy'>): Promise<{ incidents?: readonly Incident[]; unread?: string }> {
  const loaded = await loadWorkspaceIncidents(config);
  if (!loaded.doc) return {};
  return loaded.doc.file ? { incidents: loaded.doc.file.incidents } : { unread: loaded.path };
}
