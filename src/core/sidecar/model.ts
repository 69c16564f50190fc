/**
 * The annotation model as stored in a sidecar (`report.txt` -> `report.txt.ann.yaml`).
 * Offsets are Unicode code points over the source text (UTF-8 decoded, BOM excluded, line
 * endings as stored), `end` exclusive, as in the W3C Web Annotation model and brat.
 */

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.ann.yaml';
/** Characters of context stored before and after a quote (what Hypothesis stores). */
export const CONTEXT_LENGTH = 32;

export type AnnotationStatus = 'proposed' | 'confirmed' | 'disputed';
export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['proposed', 'confirmed', 'disputed'];

/** Where an annotation points: a position and a quote with its context (W3C TextPosition + TextQuote). */
export interface TextTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation {
  id: string;
  /** Taxonomy category id, kebab-case. */
  category: string;
  target: TextTarget;
  note?: string;
  author?: string;
  /** ISO 8601 date-time. */
  created?: string;
  modified?: string;
  status?: AnnotationStatus;
  /** Set by the merge driver: the id of the other version of this entry, kept beside it. */
  conflict?: string;
  /** Set when two annotators' tags were adjudicated and this one kept: where it came from. */
  adjudicated?: Adjudication;
}

/** A decision between two annotators' tags, recorded on each tag kept (see core/team/adjudication.ts). */
export interface Adjudication {
  /** The ids of the tags the decision was made between (theirs and mine), this one's included. */
  from: string[];
  /** Who decided. */
  by: string;
  /** When, ISO 8601 date-time. */
  at: string;
}

/** A claim a reviewer recorded as "not a claim", anchored like a tag. */
export interface Dismissal {
  id: string;
  target: TextTarget;
  author?: string;
  created?: string;
  reason?: string;
  /** Set by the merge driver: the id of the other version of this dismissal, kept beside it. */
  conflict?: string;
}

export interface Sidecar {
  version: number;
  /** File name of the source, relative to the sidecar's folder (normally the sidecar's name minus `.ann.yaml`). */
  source: string;
  /** `sha256:<hex>` of the source text the offsets refer to (UTF-8, BOM excluded). */
  sourceHash: string;
  /** Where the source comes from (a wire service, a mission): sources of one origin count once as corroboration. */
  origin?: string;
  annotations: Annotation[];
  dismissed: Dismissal[];
}

/** Result of anchoring one stored target against the current source text (offsets in code points). */
export type AnchorResult =
  /** Found exactly where it was stored. */
  | { status: 'anchored'; start: number; end: number }
  /** The quote was found exactly, elsewhere. */
  | { status: 'moved'; start: number; end: number }
  /** Only an approximate match: `text` is what it now covers, `score` in [0, 1]. */
  | { status: 'fuzzy'; start: number; end: number; score: number; text: string }
  /** Not found: reported, never dropped, never moved onto other text. */
  | { status: 'orphaned'; reason: string };

/**
 * Whether two stored targets name the same passage: the same offsets and the same quote. The
 * context (`prefix`, `suffix`) is left out: it is derived from the text around the passage.
 * Two annotations of one category, or two dismissals, on the same passage are duplicates.
 */
export function samePassage(a: TextTarget, b: TextTarget): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact;
}

/** A string equal for two targets exactly when `samePassage` holds, to find duplicates with a Map. */
export function passageKey(target: TextTarget): string {
  return JSON.stringify([target.start, target.end, target.exact]);
}

export function sidecarPathFor(sourcePath: string): string {
  return `${sourcePath}${SIDECAR_SUFFIX}`;
}

/** The source file name a sidecar's own name implies (`report.txt.ann.yaml` -> `report.txt`). */
export function sourceNameFor(sidecarName: string): string | undefined {
  return sidecarName.endsWith(SIDECAR_SUFFIX) && sidecarName.length > SIDECAR_SUFFIX.length ? sidecarName.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/**
 * The path of the source a sidecar's path implies (`a/report.txt.ann.yaml` -> `a/report.txt`);
 * undefined when the file name is not a sidecar's (`a/.ann.yaml` names no source).
 */
export function sourcePathFor(sidecarPath: string): string | undefined {
  const name = sidecarPath.slice(Math.max(sidecarPath.lastIndexOf('/'), sidecarPath.lastIndexOf('\\')) + 1);
  return sourceNameFor(name) === undefined ? undefined : sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
}
