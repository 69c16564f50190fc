/**
 * Loading the annotated sources that exports and reports work on, for the CLI and the editor
 * alike: each sidecar (read with readSidecarFile) with its source's text. The source is read with
 * the same confinement as `check` (readSourceState): one outside the sidecar's folder (by "..",
 * an absolute path or a symbolic link) is never read, so a planted sidecar cannot export other
 * files. A sidecar with errors, one whose `source` is not the file its name says, or a source
 * that cannot be read is skipped with the reason.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { preparedSource } from '../anchoring/utf8-source';
import { firstErrorNote } from '../problems/problem';
import { problemCodeInfo } from '../problems/problem-codes';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { checkContent } from '../validation/sidecar-checks';
import { SIDECAR_SUFFIX, sourceNameFor } from '../sidecar/model';
import { readSidecarFile } from '../sidecar/sidecar-file';
import { readSourceState, unreadSourceReason } from '../validation/source-state';
import type { ExportSource } from './export-input';
import { sourceIri } from './iri';

export type LoadedSidecar =
  /** `errors`: the codes of the errors `check` reports in it (exported anyway; the command then exits 1). */
  | { kind: 'source'; source: ExportSource; sidecarPath: string; absolutePath: string; errors: string[] }
  | { kind: 'skipped'; sidecarPath: string; reason: string }
  /** Loaded, but its source lies outside `root`, so a base IRI cannot name it. */
  | { kind: 'outside-root'; sidecarPath: string; absolutePath: string };

export interface LoadRequest {
  sidecarPaths: readonly string[];
  /** The workspace root that the sources' relative paths count from. */
  root: string;
  /** The base IRI of the sources, if any (see iri.ts). */
  base?: string;
  /** How a path is shown in a reason. */
  shown: (path: string) => string;
  /** The workspace taxonomy, against which the sidecars are checked as `check` does. */
  taxonomy: Taxonomy;
}

/** `/`-separated path of a file relative to the workspace root. */
export function workspacePath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** Every sidecar of the request, loaded or skipped with the reason, in the request's order. */
export async function loadAnnotatedSources(request: LoadRequest): Promise<LoadedSidecar[]> {
  const loaded: LoadedSidecar[] = [];
  for (const sidecarPath of request.sidecarPaths) loaded.push(await loadOne(sidecarPath, request));
  return loaded;
}

async function loadOne(sidecarPath: string, request: LoadRequest): Promise<LoadedSidecar> {
  const doc = await readSidecarFile(sidecarPath);
  const sidecar = doc?.sidecar;
  if (!sidecar) {
    const reason = doc ? `the sidecar has errors${firstErrorNote(request.shown(sidecarPath), doc.problems)}; legal-annotator check shows them all` : 'the sidecar no longer exists';
    return { kind: 'skipped', sidecarPath, reason };
  }
  const absolutePath = resolve(dirname(sidecarPath), sidecar.source);
  const state = await readSourceState(sidecarPath, sidecar.source);
  if (state.kind !== 'text') return { kind: 'skipped', sidecarPath, reason: unreadSourceReason(state, request.shown(state.kind === 'outside' ? state.to : absolutePath)) };
  // A copied or renamed sidecar (`a.txt.ann.yaml` saying `source: b.txt`) would count b.txt's
  // tags a second time beside b.txt.ann.yaml's, so it is skipped, not exported with a warning.
  const named = sourceNameFor(basename(sidecarPath));
  if (named !== undefined && named !== sidecar.source) {
    return { kind: 'skipped', sidecarPath, reason: `its "source" is ${sidecar.source} but its name says ${named} (source-name-mismatch: a copied or renamed sidecar, whose tags would count twice); rename it to ${sidecar.source}${SIDECAR_SUFFIX} or correct "source"` };
  }
  const path = workspacePath(request.root, absolutePath);
  if (request.base !== undefined && (path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path))) return { kind: 'outside-root', sidecarPath, absolutePath };
  const text = typeof state.text === 'string' ? state.text : preparedSource(state.text).text;
  const errors = new Set<string>();
  // The check anchors every entry; the export reuses those anchors instead of anchoring again.
  const checked = checkContent(sidecar, { sidecarName: basename(sidecarPath), taxonomy: request.taxonomy, source: state }, (code) => {
    if (problemCodeInfo(code).severity === 'error') errors.add(code);
  });
  const source = { path, iri: sourceIri(absolutePath, path, request.base), text, sidecar, ...(checked.anchors ? { anchors: checked.anchors.annotations } : {}) };
  return { kind: 'source', sidecarPath, absolutePath, source, errors: [...errors] };
}
