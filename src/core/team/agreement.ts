/**
 * Agreement between two annotators who tagged the same sources (`legal-annotator agree`):
 * - span measures, overall and per category, with one-to-one matching: exact (same source, range
 *   and category) and overlapping (same category, overlapping ranges, the largest overlaps
 *   matched first); F1 = 2 * matches / (|A| + |B|);
 * - sentence measures over the sentences of each source (the core's segmenter): each annotator's
 *   label for a sentence is the sorted set of categories of the tags that overlap it (empty for
 *   none); Cohen's kappa and Krippendorff's alpha (nominal) over those labels; per category,
 *   alpha over "this category or not" on each sentence;
 * - per source (the reports' "lowest agreement"): span F1 overlapping and sentence alpha.
 * Offsets are code points, as stored; a disagreement also gives the 1-based line and column of
 * its start (columns in code points), as check's messages do.
 */
import type { Annotation } from '../sidecar/model';
import { LineIndex } from '../text/positions';
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
  /** Krippendorff's alpha over the sentences, each labelled "has this category" or not by each annotator. */
  sentenceAlpha: number;
}

export interface SourceAgreement {
  file: string;
  /** Tags of each annotator in this source. */
  a: number;
  b: number;
  spanF1Overlap: number;
  sentenceAlpha: number;
  /** Sentences of the source, and how many of them the two labelled differently. */
  sentences: number;
  sentencesDiffering: number;
}

export interface Disagreement {
  file: string;
  /** The sentence's code-point offsets. */
  start: number;
  end: number;
  /** 1-based line and column (in code points) of `start`. */
  line: number;
  column: number;
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

/** A sentence's values for one category, by whether A and B gave it ([0][1]: B only); shared, not one per sentence. */
const PRESENCE_PAIRS: readonly (readonly (readonly [string, string])[])[] = [
  [['no', 'no'], ['no', 'yes']],
  [['yes', 'no'], ['yes', 'yes']],
];

/** A sentence with the label each annotator gave it. */
interface LabelledSentence {
  start: number;
  end: number;
  a: string[];
  b: string[];
  /** The labels as one value each (categories joined), as the coefficients compare them. */
  valueA: string;
  valueB: string;
}

/** Each sentence of `t` with the label each annotator gave it. */
function labelSentences(t: AnnotatedText): LabelledSentence[] {
  return segmentSentencesCodePoints(t.text).map((s) => {
    const a = labelOf(t.a, s.start, s.end);
    const b = labelOf(t.b, s.start, s.end);
    return { start: s.start, end: s.end, a, b, valueA: a.join(','), valueB: b.join(',') };
  });
}

/** The sentences of `t` the two labelled differently, each placed at its line and column. */
function disagreementsIn(t: AnnotatedText, sentences: readonly LabelledSentence[]): Disagreement[] {
  let lines: LineIndex | undefined;
  return sentences.filter((s) => s.valueA !== s.valueB).map((s) => {
    const position = (lines ??= new LineIndex(t.text)).codePointPositionAt(s.start);
    return { file: t.file, start: s.start, end: s.end, line: position.line + 1, column: position.character + 1, a: s.a, b: s.b };
  });
}

function sourceAgreement(t: AnnotatedText, sentences: readonly LabelledSentence[]): SourceAgreement {
  const a = spansOf(t.file, t.a);
  const b = spansOf(t.file, t.b);
  return {
    file: t.file,
    a: a.length,
    b: b.length,
    spanF1Overlap: f1(overlapMatches(a, b), a.length, b.length),
    sentenceAlpha: krippendorffAlphaNominal(sentences.map((s) => [s.valueA, s.valueB] as const)),
    sentences: sentences.length,
    sentencesDiffering: sentences.filter((s) => s.valueA !== s.valueB).length,
  };
}

/** The agreement of the two annotators over all `texts`, and the agreement in each source. */
export function measureAgreementBySource(texts: readonly AnnotatedText[]): { agreement: Agreement; sources: SourceAgreement[] } {
  const a = texts.flatMap((t) => spansOf(t.file, t.a));
  const b = texts.flatMap((t) => spansOf(t.file, t.b));
  const labelled = texts.map((t) => ({ text: t, sentences: labelSentences(t) }));
  const sentences = labelled.flatMap((l) => l.sentences);
  const disagreements: Disagreement[] = labelled.flatMap(({ text, sentences }) => disagreementsIn(text, sentences));
  const categories: Record<string, CategoryAgreement> = {};
  for (const category of [...new Set([...a, ...b].map((s) => s.category))].sort()) {
    const ca = a.filter((s) => s.category === category);
    const cb = b.filter((s) => s.category === category);
    const has = (label: string[]) => (label.includes(category) ? 1 : 0);
    categories[category] = {
      a: ca.length,
      b: cb.length,
      spanF1Exact: f1(exactMatches(ca, cb), ca.length, cb.length),
      spanF1Overlap: f1(overlapMatches(ca, cb), ca.length, cb.length),
      sentenceAlpha: krippendorffAlphaNominal(sentences.map((s) => PRESENCE_PAIRS[has(s.a)][has(s.b)])),
    };
  }
  const labelsA = sentences.map((s) => s.valueA);
  const labelsB = sentences.map((s) => s.valueB);
  const agreement: Agreement = {
    sources: texts.length,
    overall: {
      spanF1Exact: f1(exactMatches(a, b), a.length, b.length),
      spanF1Overlap: f1(overlapMatches(a, b), a.length, b.length),
      sentenceKappa: cohenKappa(labelsA, labelsB),
      sentenceAlpha: krippendorffAlphaNominal(labelsA.map((label, i) => [label, labelsB[i]] as const)),
    },
    categories,
    disagreements,
  };
  return { agreement, sources: labelled.map(({ text, sentences }) => sourceAgreement(text, sentences)) };
}

export function measureAgreement(texts: readonly AnnotatedText[]): Agreement {
  return measureAgreementBySource(texts).agreement;
}

/**
 * The sources where the two annotators agree least: those with any difference, lowest sentence
 * alpha first, then lowest span F1, at most `limit`.
 */
export function lowestAgreement(sources: readonly SourceAgreement[], limit: number): SourceAgreement[] {
  return sources
    .filter((s) => s.sentencesDiffering > 0 || s.spanF1Overlap < 1)
    .sort((x, y) => x.sentenceAlpha - y.sentenceAlpha || x.spanF1Overlap - y.spanF1Overlap || x.file.localeCompare(y.file))
    .slice(0, limit);
}
