/**
 * Agreement between two annotators who tagged the same sources (`legal-annotator agree`):
 * - span measures, overall and per category, with one-to-one matching: exact (same source, range
 *   and category) and overlapping (same category, overlapping ranges, the largest overlaps
 *   matched first); F1 = 2 * matches / (|A| + |B|);
 * - sentence measures over the sentences of each source (the core's segmenter): each annotator's
 *   label for a sentence is the sorted set of categories of the tags that overlap it (empty for
 *   none); Cohen's kappa and Krippendorff's alpha (nominal) over those labels.
 * Offsets are code points, as stored.
 */
import type { Annotation } from '../sidecar/model';
import { segmentSentencesCodePoints } from '../text/sentences';
import { cohenKappa, krippendorffAlphaNominal } from './agreement-stats';

export interface AnnotatedText {
  /** The source's path as shown (relative to the workspace). */
  file: string;
  text: string;
  a: readonly Annotation[];
  b: readonly Annotation[];
}

export interface CategoryAgreement {
  a: number;
  b: number;
  spanF1Exact: number;
  spanF1Overlap: number;
}

export interface Disagreement {
  file: string;
  start: number;
  end: number;
  a: string[];
  b: string[];
}

export interface Agreement {
  sources: number;
  overall: { spanF1Exact: number; spanF1Overlap: number; sentenceKappa: number; sentenceAlpha: number };
  categories: Record<string, CategoryAgreement>;
  disagreements: Disagreement[];
}

interface Span {
  file: string;
  start: number;
  end: number;
  category: string;
}

function spansOf(file: string, annotations: readonly Annotation[]): Span[] {
  return annotations.map((a) => ({ file, start: a.target.start, end: a.target.end, category: a.category }));
}

function f1(matches: number, a: number, b: number): number {
  return a + b === 0 ? 1 : (2 * matches) / (a + b);
}

function exactMatches(a: readonly Span[], b: readonly Span[]): number {
  const counts = new Map<string, number>();
  const key = (s: Span) => `${s.file}\u0000${s.start}\u0000${s.end}\u0000${s.category}`;
  for (const span of a) counts.set(key(span), (counts.get(key(span)) ?? 0) + 1);
  let matches = 0;
  for (const span of b) {
    const left = counts.get(key(span)) ?? 0;
    if (left > 0) {
      matches++;
      counts.set(key(span), left - 1);
    }
  }
  return matches;
}

/** One-to-one matches of overlapping spans of the same file and category, largest overlaps first. */
function overlapMatches(a: readonly Span[], b: readonly Span[]): number {
  const pairs: { i: number; j: number; overlap: number }[] = [];
  const byKey = new Map<string, number[]>();
  b.forEach((span, j) => {
    const key = `${span.file}\u0000${span.category}`;
    const list = byKey.get(key) ?? [];
    list.push(j);
    byKey.set(key, list);
  });
  a.forEach((span, i) => {
    for (const j of byKey.get(`${span.file}\u0000${span.category}`) ?? []) {
      const overlap = Math.min(span.end, b[j].end) - Math.max(span.start, b[j].start);
      if (overlap > 0) pairs.push({ i, j, overlap });
    }
  });
  pairs.sort((x, y) => y.overlap - x.overlap || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matches = 0;
  for (const { i, j } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matches++;
  }
  return matches;
}

/** The sorted categories of the annotations overlapping [start, end). */
function labelOf(annotations: readonly Annotation[], start: number, end: number): string[] {
  const categories = new Set<string>();
  for (const a of annotations) if (a.target.start < end && a.target.end > start) categories.add(a.category);
  return [...categories].sort();
}

export function measureAgreement(texts: readonly AnnotatedText[]): Agreement {
  const a = texts.flatMap((t) => spansOf(t.file, t.a));
  const b = texts.flatMap((t) => spansOf(t.file, t.b));
  const labelsA: string[] = [];
  const labelsB: string[] = [];
  const disagreements: Disagreement[] = [];
  for (const t of texts) {
    for (const sentence of segmentSentencesCodePoints(t.text)) {
      const la = labelOf(t.a, sentence.start, sentence.end);
      const lb = labelOf(t.b, sentence.start, sentence.end);
      labelsA.push(la.join(','));
      labelsB.push(lb.join(','));
      if (la.join(',') !== lb.join(',')) disagreements.push({ file: t.file, start: sentence.start, end: sentence.end, a: la, b: lb });
    }
  }
  const categories: Record<string, CategoryAgreement> = {};
  for (const category of [...new Set([...a, ...b].map((s) => s.category))].sort()) {
    const ca = a.filter((s) => s.category === category);
    const cb = b.filter((s) => s.category === category);
    categories[category] = { a: ca.length, b: cb.length, spanF1Exact: f1(exactMatches(ca, cb), ca.length, cb.length), spanF1Overlap: f1(overlapMatches(ca, cb), ca.length, cb.length) };
  }
  return {
    sources: texts.length,
    overall: {
      spanF1Exact: f1(exactMatches(a, b), a.length, b.length),
      spanF1Overlap: f1(overlapMatches(a, b), a.length, b.length),
      sentenceKappa: cohenKappa(labelsA, labelsB),
      sentenceAlpha: krippendorffAlphaNominal(labelsA.map((label, i) => [label, labelsB[i]])),
    },
    categories,
    disagreements,
  };
}
