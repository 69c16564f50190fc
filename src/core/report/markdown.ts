/**
 * The evidence matrix as Markdown: a table of categories against sources, the bar chart as
 * inline SVG, and under each category its legal basis and every tagged quote, linked to its
 * place with a plain relative link (`reports/r.txt#L12`: GitHub and GitLab open the line; no
 * `vscode://` link, which works on one machine only).
 */
import { generatedNote } from './generated';
import { agreementMarkdown, type AgreementSection } from './agreement-section';
import { barChartSvg } from './bar-chart';
import { anchorMark, untaggedClaimsText, type EvidenceMatrix, type MatrixQuote } from './evidence-matrix';

export interface MarkdownOptions {
  /** Relative link to a source's line, from where the report is written. */
  linkFor: (path: string, line: number | undefined) => string;
  title?: string;
  /** When the report was made (ISO date-time shown in the header). */
  generated?: string;
  /** Two annotators compared (`report --compare`): an agreement section after the matrix. */
  agreement?: AgreementSection;
}

/** Escapes what Markdown would read as markup, and folds line breaks (a table cell or list item is one line). */
export function markdownText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/([\\`*_[\]{}<>#|~!])/g, '\\$1');
}

function linkTarget(href: string): string {
  return `<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

export function anchorOf(categoryId: string): string {
  return `category-${categoryId}`;
}

export function renderMarkdown(matrix: EvidenceMatrix, options: MarkdownOptions): string {
  const lines: string[] = [];
  const title = options.title ?? 'Evidence matrix';
  lines.push(`# ${markdownText(title)}`, '');
  lines.push(`${matrix.totalTags} tag${matrix.totalTags === 1 ? '' : 's'} in ${matrix.categories.length} categor${matrix.categories.length === 1 ? 'y' : 'ies'} across ${matrix.sources.length} source${matrix.sources.length === 1 ? '' : 's'}${generatedNote(options.generated)}.`, '');

  lines.push('## Tags per category', '', barChartSvg(matrix.categories), '');

  lines.push('## Categories and sources', '');
  lines.push('Sources:', '');
  matrix.sources.forEach((source, i) => lines.push(`${i + 1}. [${markdownText(source.path)}](${linkTarget(options.linkFor(source.path, undefined))})`));
  lines.push('');
  const header = ['Category', ...matrix.sources.map((_, i) => `${i + 1}`), 'Total'];
  lines.push(`| ${header.join(' | ')} |`, `| --- | ${matrix.sources.map(() => '---:').join(' | ')} | ---: |`);
  for (const category of matrix.categories) {
    lines.push(`| [${markdownText(category.label)}](#${anchorOf(category.id)}) | ${category.counts.map((n) => (n === 0 ? '' : String(n))).join(' | ')} | ${category.total} |`);
  }
  lines.push(`| **All tags** | ${matrix.sources.map((s) => String(s.tags)).join(' | ')} | ${matrix.totalTags} |`);
  lines.push(`| *Untagged claims* | ${matrix.sources.map(untaggedClaimsText).join(' | ')} | ${matrix.claimsCounted ? String(matrix.sources.reduce((sum, s) => sum + (s.untaggedClaims?.untagged ?? 0), 0)) : '—'} |`);
  lines.push('');
  if (!matrix.claimsCounted && matrix.sources.length > 0) lines.push('Untagged claims were not counted (claim detection is off in `.legal-annotator.yaml`).', '');
  if (matrix.untaggedCategories.length > 0) {
    lines.push(`Not tagged in any source: ${matrix.untaggedCategories.map((c) => markdownText(c.label)).join('; ')}.`, '');
  }
  if (options.agreement) lines.push(...agreementMarkdown(options.agreement, matrix, markdownText));

  for (const category of matrix.categories) {
    lines.push(`<a id="${anchorOf(category.id)}"></a>`, '', `## ${markdownText(category.label)} (${category.total})`, '');
    if (!category.known) lines.push(`*\`${category.id}\` is not in the workspace taxonomy.*`, '');
    lines.push(category.legalBasis.length > 0 ? `**Legal basis:** ${markdownText(category.legalBasis.join('; '))}` : '**Legal basis:** —', '');
    for (const quote of category.quotes) lines.push(quoteItem(quote, options));
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function quoteItem(quote: MatrixQuote, options: MarkdownOptions): string {
  const place = quote.line !== undefined ? `${quote.path}:${quote.line}` : quote.path;
  const link = `[${markdownText(place)}](${linkTarget(options.linkFor(quote.path, quote.line))})`;
  const mark = anchorMark(quote);
  const details = [mark ? `**${markdownText(mark)}**` : undefined, quote.note ? markdownText(quote.note) : undefined, quote.status && quote.status !== 'proposed' ? `*${quote.status}*` : undefined].filter(Boolean);
  return `- “${markdownText(quote.quote)}” — ${link}${details.length > 0 ? ` — ${details.join(' — ')}` : ''}`;
}
