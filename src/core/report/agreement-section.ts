/**
 * The agreement section of a report (`report --compare A B`, the editor's evidence matrix compared
 * with a ref): how far two annotators agree, per category (span F1 and sentence alpha), and the
 * sources where they agree least. The measures are the team core's (`agree`); this file only
 * chooses what a report shows and renders it as Markdown or HTML.
 */
import { lowestAgreement, measureAgreementBySource, type Agreement, type AnnotatedText, type SourceAgreement } from '../team/agreement';
import { escapeXml } from './bar-chart';
import type { EvidenceMatrix } from './evidence-matrix';

/** How many of the least agreeing sources a report lists. */
export const LOWEST_AGREEMENT_SOURCES = 10;

export interface AgreementSection {
  /** The two sides as the user named them (`git:main`, `alice/`). */
  a: string;
  b: string;
  agreement: Agreement;
  /** The sources with any difference, the lowest agreement first (at most LOWEST_AGREEMENT_SOURCES). */
  lowest: SourceAgreement[];
}

export function buildAgreementSection(a: string, b: string, texts: readonly AnnotatedText[]): AgreementSection {
  const { agreement, sources } = measureAgreementBySource(texts);
  return { a, b, agreement, lowest: lowestAgreement(sources, LOWEST_AGREEMENT_SOURCES) };
}

const score = (value: number) => value.toFixed(3);

/** A category's label from the matrix (tagged or untagged category), else its id. */
function labels(matrix: EvidenceMatrix): (id: string) => string {
  const byId = new Map([...matrix.categories, ...matrix.untaggedCategories].map((c) => [c.id, c.label]));
  return (id) => byId.get(id) ?? id;
}

function summary(section: AgreementSection): string {
  const { overall, sources } = section.agreement;
  return `${sources} source${sources === 1 ? '' : 's'} compared: span F1 exact ${score(overall.spanF1Exact)}, overlapping ${score(overall.spanF1Overlap)}; sentences: Cohen's kappa ${score(overall.sentenceKappa)}, Krippendorff's alpha ${score(overall.sentenceAlpha)}; ${section.agreement.disagreements.length} sentence${section.agreement.disagreements.length === 1 ? '' : 's'} labelled differently.`;
}

/** The section in Markdown, `escape` being the report's escaping of plain text. */
export function agreementMarkdown(section: AgreementSection, matrix: EvidenceMatrix, escape: (text: string) => string): string[] {
  const labelOf = labels(matrix);
  const lines = ['## Agreement', '', `A: ${escape(section.a)} · B: ${escape(section.b)}`, '', escape(summary(section)), ''];
  lines.push('| Category | A | B | F1 exact | F1 overlapping | Sentence alpha |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [id, c] of Object.entries(section.agreement.categories)) {
    lines.push(`| ${escape(labelOf(id))} | ${c.a} | ${c.b} | ${score(c.spanF1Exact)} | ${score(c.spanF1Overlap)} | ${score(c.sentenceAlpha)} |`);
  }
  lines.push('', '### Lowest agreement', '');
  if (section.lowest.length === 0) return [...lines, 'The two annotators agree on every source.', ''];
  lines.push('| Source | A | B | F1 overlapping | Sentence alpha | Sentences differing |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of section.lowest) lines.push(`| ${escape(s.file)} | ${s.a} | ${s.b} | ${score(s.spanF1Overlap)} | ${score(s.sentenceAlpha)} | ${s.sentencesDiffering} of ${s.sentences} |`);
  return [...lines, ''];
}

/** The section in HTML (escaped; no style attribute, so the webview's CSP holds). */
export function agreementHtml(section: AgreementSection, matrix: EvidenceMatrix): string[] {
  const labelOf = labels(matrix);
  const n = (value: string | number) => `<td class="n">${value}</td>`;
  const out = ['<section class="agreement">', '<h2 id="agreement">Agreement</h2>'];
  out.push(`<p class="summary">A: <code>${escapeXml(section.a)}</code> · B: <code>${escapeXml(section.b)}</code></p>`, `<p>${escapeXml(summary(section))}</p>`);
  out.push('<table class="agreement-categories">', '<thead><tr><th>Category</th><th class="n">A</th><th class="n">B</th><th class="n">F1 exact</th><th class="n">F1 overlapping</th><th class="n">Sentence alpha</th></tr></thead>', '<tbody>');
  for (const [id, c] of Object.entries(section.agreement.categories)) {
    out.push(`<tr><td>${escapeXml(labelOf(id))}</td>${n(c.a)}${n(c.b)}${n(score(c.spanF1Exact))}${n(score(c.spanF1Overlap))}${n(score(c.sentenceAlpha))}</tr>`);
  }
  out.push('</tbody>', '</table>', '<h3>Lowest agreement</h3>');
  if (section.lowest.length === 0) return [...out, '<p class="none">The two annotators agree on every source.</p>', '</section>'];
  out.push('<table class="agreement-sources">', '<thead><tr><th>Source</th><th class="n">A</th><th class="n">B</th><th class="n">F1 overlapping</th><th class="n">Sentence alpha</th><th class="n">Sentences differing</th></tr></thead>', '<tbody>');
  for (const s of section.lowest) {
    out.push(`<tr><td>${escapeXml(s.file)}</td>${n(s.a)}${n(s.b)}${n(score(s.spanF1Overlap))}${n(score(s.sentenceAlpha))}${n(`${s.sentencesDiffering} of ${s.sentences}`)}</tr>`);
  }
  return [...out, '</tbody>', '</table>', '</section>'];
}
