/**
 * Reviewing sources on disk: for each source, its claims marked tagged or dismissed by its
 * sidecar (`report.txt.ann.yaml`), with the workspace config that applies to it (taxonomy,
 * claim settings). `legal-annotator check --claims` and the editor's workspace review both use
 * it; the editor passes `readText` so that open documents are reviewed with their unsaved text.
 *
 * Files are read 16 at a time; detection is synchronous per file, so a review of hundreds of
 * sources yields to the event loop between files and can be cancelled with an AbortSignal.
 */
import { SIDECAR_SUFFIX, sidecarPathFor, type Sidecar } from '../sidecar/model';
import { parseSidecar } from '../sidecar/sidecar-io';
import { configForFile, workspaceConfigResolver } from '../workspace/config-resolver';
import type { WorkspaceConfig } from '../workspace/workspace-config';
import { readTextFile } from '../files/read-text-file';
import { withBom } from '../text/decode';
import { countClaims, markClaimSections, reviewClaims, reviewClaimSections, type ReviewCounts } from './review';
import type { Claim, ReviewedClaim } from './types';

export interface SourceReview {
  /** The path as given. */
  path: string;
  /** The source's text (for positions); undefined when skipped. */
  text?: string;
  /** Code-point offsets. Empty when claims are disabled in the config or the source was skipped. */
  claims: ReviewedClaim[];
  counts: ReviewCounts;
  /** The config that applied (its `claims.severity` is the diagnostics' severity). */
  config: WorkspaceConfig;
  /** Whether a sidecar exists next to the source. */
  hasSidecar: boolean;
  /** Why the source was not reviewed (not UTF-8 text, unreadable). */
  skipped?: string;
  /** Why the sidecar was ignored (it has errors: `check` reports them), when it was. */
  sidecarIgnored?: string;
}

export interface ReviewOptions {
  /** The config for a source path; default: the nearest `.legal-annotator.yaml`, loaded once per folder. */
  configFor?: (path: string) => Promise<WorkspaceConfig>;
  /**
   * A source's or sidecar's current text when the caller has a fresher one than the disk (an
   * editor's unsaved document); return undefined to read the file.
   */
  readText?: (path: string) => string | undefined;
  /** Stops between files; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each source with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Files read at once (default 16). */
  concurrency?: number;
}

const EMPTY_COUNTS: ReviewCounts = { claims: 0, tagged: 0, dismissed: 0, untagged: 0, untaggedHigh: 0 };

/** Reviews every source of `paths` (files, not folders), in the given order. */
export async function reviewWorkspace(paths: readonly string[], options: ReviewOptions = {}): Promise<SourceReview[]> {
  const configFor = options.configFor ?? configForFile(workspaceConfigResolver());
  const results = new Array<SourceReview>(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      options.signal?.throwIfAborted();
      const index = next++;
      results[index] = await reviewSourceFile(paths[index], await configFor(paths[index]), options.readText);
      options.onProgress?.(++done, paths.length);
      // Let other work (a cancel click, the editor) in between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, paths.length) }, worker));
  options.signal?.throwIfAborted();
  return results;
}

/** Reviews one source with the given config. */
export async function reviewSourceFile(path: string, config: WorkspaceConfig, readText?: (path: string) => string | undefined): Promise<SourceReview> {
  const base = { path, claims: [], counts: EMPTY_COUNTS, config, hasSidecar: false };
  const source = await textOf(path, readText);
  if (!source.ok) return { ...base, skipped: source.reason };
  const { sidecar, hasSidecar, sidecarIgnored } = await claimSidecarOf(path, readText, config.claims.enabled);
  if (!config.claims.enabled) return { ...base, text: source.text, hasSidecar };
  const claims = reviewClaims(source.text, sidecar, { taxonomy: config.taxonomy });
  return { ...base, text: source.text, claims, counts: countClaims(claims), hasSidecar, ...(sidecarIgnored ? { sidecarIgnored } : {}) };
}

/**
 * The claims of a source already read, matched against its sidecar, a section of text at a time
 * (reviewClaimSections): `scan` prints them as they come, and a large source's are never all held.
 * `detected`: its claims found already (code points, by scan's worker thread), only marked here.
 * None when the config disables claims. `ignored` hears why a sidecar that exists marks nothing
 * (it cannot be read, or has errors): its claims would otherwise read as untagged without a word.
 */
export async function reviewSourceSections(path: string, text: string, config: WorkspaceConfig, detected?: Iterable<readonly Claim[]>, ignored?: (reason: string) => void): Promise<Iterable<ReviewedClaim[]>> {
  if (!config.claims.enabled) return [];
  const { sidecar, sidecarIgnored } = await claimSidecarOf(path);
  if (sidecarIgnored) ignored?.(sidecarIgnored);
  return detected ? markClaimSections(text, sidecar, detected) : reviewClaimSections(text, sidecar, { taxonomy: config.taxonomy });
}

/** The sidecar of `path` whose tags and dismissals mark claims, when it exists and reads without errors (parsed only when `parse`). */
async function claimSidecarOf(path: string, readText?: (path: string) => string | undefined, parse = true): Promise<{ sidecar?: Pick<Sidecar, 'annotations' | 'dismissed'>; hasSidecar: boolean; sidecarIgnored?: string }> {
  const sidecarText = await textOf(sidecarPathFor(path), readText);
  const hasSidecar = sidecarText.ok || !sidecarText.missing;
  if (!parse) return { hasSidecar };
  if (!sidecarText.ok) return { hasSidecar, ...(hasSidecar ? { sidecarIgnored: `the sidecar ${sidecarText.reason}` } : {}) };
  const sidecar = parseSidecar(sidecarText.text).sidecar;
  return sidecar ? { sidecar, hasSidecar } : { hasSidecar, sidecarIgnored: 'the sidecar has errors (see legal-annotator check); its tags are not counted' };
}

type TextRead = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/** The text of `path`: the editor's unsaved text when `readText` has it, else the file (readTextFile; a sidecar keeps its BOM). */
async function textOf(path: string, readText?: (path: string) => string | undefined): Promise<TextRead> {
  const given = readText?.(path);
  if (given !== undefined) return { ok: true, text: given };
  const read = await readTextFile(path, { kind: path.endsWith(SIDECAR_SUFFIX) ? 'sidecar' : 'source' });
  if (read.ok) return { ok: true, text: withBom(read) };
  return { ok: false, missing: read.failure === 'missing', reason: read.reason };
}
