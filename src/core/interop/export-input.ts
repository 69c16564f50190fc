/**
 * What every exporter starts from: a source's current text and its parsed sidecar, with each
 * annotation anchored against that text. The stored quote is evidence, what the annotator
 * tagged: every export carries it, with the anchor state, and never the current text in its
 * place. A tag whose quote moved is exported where it is now; one that only anchors
 * approximately keeps its stored quote and says where it now sits and what the text there reads
 * (`current`); an orphan is reported and exported only where a format can hold a quote without
 * a position (W3C, CSV), never placed on text it does not cover.
 */
import { createTarget, PreparedText } from '../anchoring/anchoring';
import { resolveSidecar } from '../anchoring/resolve';
import type { AnchorResult, Annotation, Sidecar, TextTarget } from '../sidecar/model';
import type { Category, Taxonomy } from '../taxonomy/taxonomy';
import { LineIndex } from '../text/positions';
import { describeFuzzyMatch } from '../text/quotes';

export interface ExportSource {
  /** Path shown in exports and used for links and relative IRIs: relative to the workspace root, `/`-separated. */
  path: string;
  /** The IRI of the source (W3C `target.source`): `file:///...` or built from a configured base. */
  iri: string;
  /** Current text of the source (UTF-8 decoded, BOM excluded, line endings as stored). */
  text: string;
  sidecar: Sidecar;
  /** The annotations already anchored in `text` (by the loader's check), in the sidecar's order; else anchored here. */
  anchors?: readonly AnchorResult[];
}

export interface ResolvedAnnotation {
  annotation: Annotation;
  anchor: AnchorResult;
  /**
   * The target as exported, whose quote is always the stored one: as stored when the quote is
   * where it was stored, with its new position and context when it moved, as stored (old
   * position and context) when it is fuzzy or orphaned.
   */
  target: TextTarget;
  /** True when the stored quote is in the text at `target`'s position (anchored, moved). */
  positioned: boolean;
  /**
   * Where the annotation sits in the text now and what the text there reads (code points);
   * undefined for an orphan. For a fuzzy one `text` differs from the stored quote.
   */
  current?: { start: number; end: number; text: string };
  /** 1-based line of `current.start`. */
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
  const anchors = source.anchors ?? resolveSidecar(prepared, { annotations: stored }).annotations;
  let lines: LineIndex | undefined;
  const lineOf = (start: number): number => {
    lines ??= new LineIndex(source.text);
    return lines.codePointPositionAt(start).line + 1;
  };
  const annotations = stored.map((annotation, index): ResolvedAnnotation => {
    const anchor = anchors[index];
    if (anchor.status === 'orphaned') return { annotation, anchor, target: annotation.target, positioned: false };
    const line = lineOf(anchor.start);
    if (anchor.status === 'fuzzy') {
      const current = { start: anchor.start, end: anchor.end, text: anchor.text };
      return { annotation, anchor, target: annotation.target, positioned: false, current, line };
    }
    const target = anchor.status === 'anchored' ? annotation.target : createTarget(prepared, anchor.start, anchor.end);
    return { annotation, anchor, target, positioned: true, current: { start: target.start, end: target.end, text: target.exact }, line };
  });
  return { source, annotations };
}

export function resolveSources(sources: readonly ExportSource[]): ResolvedSource[] {
  return sources.map(resolveSource);
}

/** What an export changed or left out for each annotation that did not anchor exactly. */
export function anchorWarnings(resolved: readonly ResolvedSource[], orphanHandling: string, fuzzyHandling: string): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  for (const { source, annotations } of resolved) {
    for (const { annotation, anchor, target } of annotations) {
      if (anchor.status === 'fuzzy') {
        const found = describeFuzzyMatch(target.exact, anchor, `${anchor.start}-${anchor.end}`);
        warnings.push({ path: source.path, id: annotation.id, message: `${found}; ${fuzzyHandling}` });
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
