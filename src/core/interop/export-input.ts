/**
 * What every exporter starts from: a source's current text and its parsed sidecar, with each
 * annotation anchored against that text. Exports describe the text as it is now, so a tag whose
 * quote moved is exported where it is now; one that only anchors approximately is exported at
 * its approximate match (and reported); an orphan is reported and exported only where a format
 * can hold a quote without a position (W3C, CSV), never placed on text it does not cover.
 */
import { anchorAll, createTarget, PreparedText } from '../anchoring/anchoring';
import type { AnchorResult, Annotation, Sidecar, TextTarget } from '../sidecar/model';
import type { Category, Taxonomy } from '../taxonomy/taxonomy';
import { LineIndex } from '../text/positions';

export interface ExportSource {
  /** Path shown in exports and used for links and relative IRIs: relative to the workspace root, `/`-separated. */
  path: string;
  /** The IRI of the source (W3C `target.source`): `file:///...` or built from a configured base. */
  iri: string;
  /** Current text of the source (UTF-8 decoded, BOM excluded, line endings as stored). */
  text: string;
  sidecar: Sidecar;
}

export interface ResolvedAnnotation {
  annotation: Annotation;
  anchor: AnchorResult;
  /**
   * The target as exported: the stored one when the quote is where it was stored, a fresh one
   * (new position and context) when it moved or matched approximately, the stored one when orphaned.
   */
  target: TextTarget;
  /** False for an orphan: its position is not known, only its quote. */
  positioned: boolean;
  /** 1-based line of the start, for positioned annotations. */
  line?: number;
}

export interface ResolvedSource {
  source: ExportSource;
  annotations: ResolvedAnnotation[];
}

/** Something an export could not represent exactly, for the user to read. */
export interface ExportWarning {
  path: string;
  id: string;
  message: string;
}

export function resolveSource(source: ExportSource): ResolvedSource {
  const prepared = new PreparedText(source.text);
  const stored = source.sidecar.annotations;
  const anchors = anchorAll(prepared, stored.map((a) => a.target));
  let lines: LineIndex | undefined;
  const lineOf = (start: number): number => {
    lines ??= new LineIndex(source.text);
    return lines.codePointPositionAt(start).line + 1;
  };
  const annotations = stored.map((annotation, index): ResolvedAnnotation => {
    const anchor = anchors[index];
    if (anchor.status === 'orphaned') return { annotation, anchor, target: annotation.target, positioned: false };
    const target = anchor.status === 'anchored' ? annotation.target : createTarget(prepared, anchor.start, anchor.end);
    return { annotation, anchor, target, positioned: true, line: lineOf(target.start) };
  });
  return { source, annotations };
}

export function resolveSources(sources: readonly ExportSource[]): ResolvedSource[] {
  return sources.map(resolveSource);
}

/** What an export changed or left out for each annotation that did not anchor exactly. */
export function anchorWarnings(resolved: readonly ResolvedSource[], orphanHandling: string): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  for (const { source, annotations } of resolved) {
    for (const { annotation, anchor, target } of annotations) {
      if (anchor.status === 'fuzzy') {
        warnings.push({ path: source.path, id: annotation.id, message: `exported at its approximate match ${target.start}-${target.end} "${short(target.exact)}" (score ${anchor.score.toFixed(2)}); the stored quote "${short(annotation.target.exact)}" is no longer in the text` });
      } else if (anchor.status === 'orphaned') {
        warnings.push({ path: source.path, id: annotation.id, message: `orphaned (${anchor.reason}); ${orphanHandling}` });
      }
    }
  }
  return warnings;
}

export function categoryIndex(taxonomy: Taxonomy): Map<string, Category> {
  return new Map(taxonomy.categories.map((category) => [category.id, category]));
}

function short(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, '⏎');
  return flat.length > 50 ? `${flat.slice(0, 47)}...` : flat;
}
