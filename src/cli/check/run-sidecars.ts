/**
 * Checking a list of sidecars (with the configs that apply to them), in one thread: what
 * `check` runs directly, and what each worker thread runs on its share of a large list.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { relativeInside } from '../../core/files/inside-root';
import picomatch from 'picomatch';
import { preparedSource } from '../../core/anchoring/utf8-source';
import { fixMovedAnchors, type FixResult } from '../../core/anchoring/fix-anchors';
import type { SidecarDocument } from '../../core/sidecar/sidecar-io';
import { ConfigResolver } from '../../core/workspace/config-resolver';
import type { FileProblems, LoadedConfig } from '../../core/workspace/load-config';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import { checkSidecarFile, type CheckOptions, type SidecarFileCheck } from '../../core/validation/check-file';
import { checkSidecar } from '../../core/validation/sidecar-checks';
import type { FileReport } from './formats';
import { mapLimit } from '../../core/files/map-limit';
import { isInsideRoot } from '../../core/files/inside-root';
import type { Problem } from '../../core/problems/problem';
import { editSidecarForCommand } from '../sidecar-edit';

/** Files read at once: keeps the CPU busy while the disk reads, without opening thousands of files. */
const CONCURRENCY = 16;

export interface SidecarOutcome {
  report: FileReport;
  fix?: FixResult;
}

export interface SidecarsResult {
  /** In the order of the paths given. */
  outcomes: SidecarOutcome[];
  /** Every config (and taxonomy file) loaded on the way, with its problems. */
  configFiles: FileProblems[];
}

export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/') || '.';
}

export async function checkSidecarPaths(sidecars: readonly string[], configs: readonly string[], fix: boolean): Promise<SidecarsResult> {
  // Configs found once per folder and loaded once per file, shared by every sidecar under them,
  // with their `sources` globs compiled once.
  const resolver = new ConfigResolver<LoadedConfig & { isListedSource?: (sourcePath: string) => boolean }>({
    prepare: (loaded) => ({ ...loaded, isListedSource: listedSourceTest(loaded.config) }),
  });
  for (const path of configs) void resolver.forConfigFile(path);
  const outcomes = await mapLimit(sidecars, CONCURRENCY, async (path) => {
    const { config, isListedSource } = await resolver.forFile(path);
    // Blocking reads: for thousands of small files, the thread pool's round trips cost more than the reads.
    const options = { taxonomy: config.taxonomy, isListedSource, blockingReads: true };
    if (!fix) return { report: { file: displayPath(path), problems: (await checkSidecarFile(path, { ...options, problemsOnly: true })).problems } };
    // The problems of a file with moved anchors are those of the fixed file: not positioned before the fix.
    const checkForFix = async () => checkSidecarFile(path, { ...options, positions: false });
    const checked = await checkForFix();
    const planned = await fixAnchors(checked, config, path, options);
    if (!planned.write) return planned.value;
    const outside = await fixOutsideWorkspace(path, config.root);
    if (outside) return { report: { file: displayPath(path), problems: [...(await checkSidecarFile(path, options)).problems, outside] } };
    // Fixed under the sidecar's lock, on the file as it is then: checked and fixed again if another writer changed it since.
    return editSidecarForCommand(path, async (current) => {
      const unchanged = current && checked.doc && current.text === checked.doc.text && current.hadBom === checked.doc.hadBom;
      return unchanged ? planned : fixAnchors(await checkForFix(), config, path, options);
    });
  });
  const configFiles = (await resolver.all()).flatMap((loaded) => loaded.files);
  return { outcomes, configFiles };
}

/**
 * The moved anchors of one checked sidecar rewritten (the document to write), and the result
 * checked again; nothing to write, its problems as they are (listed now if the check left them unlisted).
 */
async function fixAnchors(checked: SidecarFileCheck, config: WorkspaceConfig, path: string, options: CheckOptions): Promise<{ write?: SidecarDocument; value: SidecarOutcome }> {
  const file = displayPath(path);
  const unfixed = async () => ({ value: { report: { file, problems: checked.unlisted ? (await checkSidecarFile(path, options)).problems : checked.problems } } });
  const { doc, anchors, sourceState } = checked;
  // A file with any error (syntax, schema, duplicate id) is never written.
  if (!doc?.writable || !doc.sidecar || !anchors || sourceState?.kind !== 'text') return unfixed();
  const text = preparedSource(sourceState.text);
  const result = fixMovedAnchors(doc, anchors, text);
  if (result.doc === doc) return unfixed();
  const after = checkSidecar({
    doc: result.doc,
    sidecarName: path.slice(path.lastIndexOf(sep) + 1),
    taxonomy: config.taxonomy,
    source: { kind: 'text', text },
    sourceListed: options.isListedSource?.(join(dirname(path), doc.sidecar.source)),
  });
  return { write: result.doc, value: { report: { file, problems: after.problems }, fix: result } };
}

function listedSourceTest(config: WorkspaceConfig): ((sourcePath: string) => boolean) | undefined {
  if (!config.configPath) return undefined;
  const matches = picomatch(config.sources);
  return (sourcePath) => {
    const path = relativeInside(config.root, sourcePath);
    return path !== undefined && matches(path);
  };
}

/**
 * Why a --fix-anchors write of the sidecar at `path` would leave the workspace, or undefined. The
 * sidecar's real folder must lie inside the workspace root and, when the path was named under the
 * current folder, inside that folder too: without a config or a repository the root is the
 * sidecar's own folder, which a folder linked out of the current one would satisfy.
 */
async function fixOutsideWorkspace(path: string, root: string): Promise<Problem | undefined> {
  const cwd = process.cwd();
  const roots = relativeInside(cwd, resolve(path)) === undefined ? [root] : [root, cwd];
  for (const bound of roots) {
    if (await isInsideRoot(path, bound)) continue;
    const message = `not re-anchored: its real folder is outside the workspace ${displayPath(bound)} (a folder linked out of it); nothing was written`;
    return { code: 'fix-outside-workspace', severity: 'error', message, line: 1, column: 1 };
  }
  return undefined;
}
