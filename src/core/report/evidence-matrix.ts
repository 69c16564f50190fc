/**
 * The evidence matrix: violation categories against sources, with the tagged quotes behind
 * every count. A fact-finding report cites it as "what we have, where, on which legal basis";
 * reviewers read the untagged-claim count per source as "what is still to be tagged".
 * Pure: built from resolved sources (export-input.ts), rendered by markdown.ts and html.ts.
 */
import type { AnchorResult, AnnotationStatus } from '../sidecar/model';
import type { ResolvedSource } from '../interop/export-input';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { quoteDifference } from '../text/quotes';

export interface MatrixSource {
  /** Workspace-relative, `/`-separated. */
  path: string;
  tags: number;
  /** Claims detected in the source that are neither tagged nor dismissed; undefined when not counted. */
  untaggedClaims?: { untagged: number; untaggedHigh: number };
}

export interface MatrixQuote {
  /** Index into `EvidenceMatrix.sources`. */
  source: number;
  path: string;
  id: string;
  /** 1-based, where the tag sits now; undefined for an orphaned tag (its position is unknown). */
  line?: number;
  /** Code points, end exclusive, where the tag sits now; undefined when orphaned. */
  start?: number;
  end?: number;
  /** The stored quote, what the annotator tagged, whatever the text now reads. */
  quote: string;
  /** How the tag anchors in the source now: a report marks fuzzy and orphaned quotes. */
  anchor: AnchorResult['status'];
  /** For a fuzzy tag, what the text reads where it now sits. */
  currentText?: string;
  note?: string;
  status?: AnnotationStatus;
  author?: string;
}

export interface MatrixCategory {
  id: string;
  label: string;
  legalBasis: string[];
  color: string;
  /** False for a category used in a sidecar but missing from the taxonomy. */
  known: boolean;
  /** Tags per source, in the order of `EvidenceMatrix.sources`. */
  counts: number[];
  total: number;
  /** In source order, then text order. */
  quotes: MatrixQuote[];
}

export interface EvidenceMatrix {
  sources: MatrixSource[];
  /** Categories with at least one tag: taxonomy order, then unknown ids. */
  categories: MatrixCategory[];
  /** Taxonomy categories nobody has tagged yet. */
  untaggedCategories: { id: string; label: string }[];
  totalTags: number;
  /** False when no claim count was available (claims detection off or not run, or no source). */
  claimsCounted: boolean;
}

export type ClaimCounter = (resolved: ResolvedSource) => { untagged: number; untaggedHigh: number } | undefined;

const UNKNOWN_COLOR = '#7a7a7a';

export function buildEvidenceMatrix(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, countClaims?: ClaimCounter): EvidenceMatrix {
  const byId = new Map<string, MatrixCategory>();
  const order = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  const sources: MatrixSource[] = [];
  resolved.forEach((entry, sourceIndex) => {
    const source: MatrixSource = { path: entry.source.path, tags: entry.annotations.length };
    const claims = countClaims?.(entry);
    if (claims) source.untaggedClaims = claims;
    sources.push(source);
    const sorted = [...entry.annotations].sort((a, b) => (a.current?.start ?? Infinity) - (b.current?.start ?? Infinity));
    for (const { annotation, anchor, target, current, line } of sorted) {
      let category = byId.get(annotation.category);
      if (!category) {
        const known = taxonomy.categories.find((c) => c.id === annotation.category);
        category = {
          id: annotation.category,
          label: known?.label ?? annotation.category,
          legalBasis: known ? [...known.legalBasis] : [],
          color: known?.color ?? UNKNOWN_COLOR,
          known: known !== undefined,
          counts: resolved.map(() => 0),
          total: 0,
          quotes: [],
        };
        byId.set(annotation.category, category);
      }
      category.counts[sourceIndex]++;
      category.total++;
      const quote: MatrixQuote = { source: sourceIndex, path: entry.source.path, id: annotation.id, quote: target.exact, anchor: anchor.status };
      if (current) Object.assign(quote, { line, start: current.start, end: current.end });
      if (anchor.status === 'fuzzy' && current) quote.currentText = current.text;
      if (annotation.note) quote.note = annotation.note;
      if (annotation.status) quote.status = annotation.status;
      if (annotation.author) quote.author = annotation.author;
      category.quotes.push(quote);
    }
  });
  const categories = [...byId.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
  return {
    sources,
    categories,
    untaggedCategories: taxonomy.categories.filter((c) => !byId.has(c.id)).map((c) => ({ id: c.id, label: c.label })),
    totalTags: categories.reduce((sum, c) => sum + c.total, 0),
    claimsCounted: sources.some((s) => s.untaggedClaims !== undefined),
  };
}

/**
 * What a report says beside a quote that no longer anchors where it was tagged: it is the stored
 * quote, and the text may now read otherwise. Undefined for an anchored or moved quote (its words
 * are in the text as tagged).
 */
export function anchorMark(quote: MatrixQuote): string | undefined {
  if (quote.anchor === 'orphaned') return 'orphaned: not found in the text as tagged';
  if (quote.anchor !== 'fuzzy') return undefined;
  if (quote.currentText === undefined || quote.currentText === quote.quote) return 'fuzzy: the same words, in other context than tagged';
  return `fuzzy: the text there now reads “${quoteDifference(quote.quote, quote.currentText).current}”`;
}

/** `2 (1 high)` or the dash a report shows when claims were not counted. */
export function untaggedClaimsText(source: MatrixSource): string {
  const claims = source.untaggedClaims;
  if (!claims) return '—';
  return claims.untaggedHigh > 0 && claims.untaggedHigh !== claims.untagged ? `${claims.untagged} (${claims.untaggedHigh} high)` : String(claims.untagged);
}
