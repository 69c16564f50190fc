/**
 * The evidence matrix as one self-contained HTML file: inline CSS (with print rules: no
 * navigation colours, tables that do not split rows, headings kept with what follows), the
 * chart as inline SVG, no external resource of any kind and a Content-Security-Policy that
 * forbids them. The editor's webview renders the same page with its own CSP and a nonce'd
 * script that turns quote links into "open the passage" messages (see `HtmlOptions.link`).
 */
import { agreementHtml, type AgreementSection } from './agreement-section';
import { barChartSvg, escapeXml } from './bar-chart';
import { anchorMark, untaggedClaimsText, type EvidenceMatrix, type MatrixQuote } from './evidence-matrix';
import { anchorOf } from './markdown';

export interface HtmlLink {
  href: string;
  /** Extra `data-*` attributes, e.g. for the webview's click handler. */
  data?: Record<string, string | number>;
}

export interface HtmlOptions {
  /** The link of a source (line undefined) or of a tagged quote. */
  link: (path: string, quote: MatrixQuote | undefined) => HtmlLink;
  title?: string;
  generated?: string;
  /** The page's Content-Security-Policy; default: nothing external, inline styles only. */
  csp?: string;
  /** Nonce of the inline style and script (the webview's CSP allows only nonce'd ones). */
  nonce?: string;
  /** An inline script (the webview's); none by default. */
  script?: string;
  /** Two annotators compared (`report --compare`, the editor's comparison): an agreement section after the matrix. */
  agreement?: AgreementSection;
  /** Sections after the matrix and its agreement (the editor's case matrix), with their style rules. */
  appended?: { style: string; html: readonly string[] };
}

export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light dark; --muted: #6b6b6b; --rule: #d0d0d0; --stripe: rgba(127,127,127,.08); }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
body.vscode-dark, body.vscode-light, body.vscode-high-contrast { color: var(--vscode-foreground); background: var(--vscode-editor-background); --rule: var(--vscode-panel-border, #555); }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
.summary, .basis, .none { color: var(--muted); }
body[class*=vscode] .summary, body[class*=vscode] .basis, body[class*=vscode] .none { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
th { text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: var(--stripe); }
tr.all td, tr.claims td { font-weight: 600; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: baseline; background: var(--cat); }
.quotes { list-style: none; padding: 0; }
.quotes li { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid var(--cat); }
.quote { font-style: italic; }
.where { font-size: .9em; white-space: nowrap; }
.note { display: block; color: inherit; }
.status { font-size: .8em; border: 1px solid var(--rule); border-radius: 3px; padding: 0 .3em; }
.anchor { font-size: .85em; font-weight: bold; }
.chart { max-width: 100%; height: auto; }
a { color: #1a5fb4; }
body[class*=vscode] a { color: var(--vscode-textLink-foreground); }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; background: #fff; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, .chart { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .noprint { display: none; }
}
`;

/** A link's `href` and `data-*` attributes, escaped. */
export function linkAttributes(link: HtmlLink): string {
  const data = Object.entries(link.data ?? {}).map(([key, value]) => ` data-${key}="${escapeXml(String(value))}"`).join('');
  return `href="${escapeXml(link.href)}"${data}`;
}

function text(value: string): string {
  return escapeXml(value).replace(/\r\n|\r|\n/g, '<br>');
}

export function renderHtml(matrix: EvidenceMatrix, options: HtmlOptions): string {
  const title = options.title ?? 'Evidence matrix';
  const nonce = options.nonce ? ` nonce="${escapeXml(options.nonce)}"` : '';
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${escapeXml(options.csp ?? DEFAULT_CSP)}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${escapeXml(title)}</title>`, `<style${nonce}>${STYLE}${categoryRules(matrix)}${options.appended?.style ?? ''}</style>`, '</head>', '<body>');
  out.push(`<h1>${escapeXml(title)}</h1>`);
  out.push(`<p class="summary">${matrix.totalTags} tag${matrix.totalTags === 1 ? '' : 's'} in ${matrix.categories.length} categor${matrix.categories.length === 1 ? 'y' : 'ies'} across ${matrix.sources.length} source${matrix.sources.length === 1 ? '' : 's'}${options.generated ? ` · generated ${escapeXml(options.generated)} by Legal Annotator` : ''}</p>`);

  out.push('<h2>Tags per category</h2>', barChartSvg(matrix.categories));

  out.push('<h2>Categories and sources</h2>', '<table class="matrix">', '<thead><tr><th>Category</th>');
  matrix.sources.forEach((source) => out.push(`<th class="n"><a ${linkAttributes(options.link(source.path, undefined))} title="${escapeXml(source.path)}">${escapeXml(shortName(source.path))}</a></th>`));
  out.push('<th class="n">Total</th></tr></thead>', '<tbody>');
  for (const category of matrix.categories) {
    out.push(`<tr><td><span class="swatch ${categoryClass(category.id)}"></span><a href="#${anchorOf(category.id)}">${escapeXml(category.label)}</a></td>`);
    out.push(...category.counts.map((n) => `<td class="n">${n === 0 ? '' : n}</td>`), `<td class="n">${category.total}</td></tr>`);
  }
  out.push(`<tr class="all"><td>All tags</td>${matrix.sources.map((s) => `<td class="n">${s.tags}</td>`).join('')}<td class="n">${matrix.totalTags}</td></tr>`);
  const claimTotal = matrix.claimsCounted ? String(matrix.sources.reduce((sum, s) => sum + (s.untaggedClaims?.untagged ?? 0), 0)) : '—';
  out.push(`<tr class="claims"><td>Untagged claims</td>${matrix.sources.map((s) => `<td class="n">${escapeXml(untaggedClaimsText(s))}</td>`).join('')}<td class="n">${claimTotal}</td></tr>`);
  out.push('</tbody>', '</table>');
  if (!matrix.claimsCounted && matrix.sources.length > 0) out.push('<p class="none">Untagged claims were not counted (claim detection is off in <code>.legal-annotator.yaml</code>).</p>');
  if (matrix.untaggedCategories.length > 0) out.push(`<p class="none">Not tagged in any source: ${matrix.untaggedCategories.map((c) => escapeXml(c.label)).join('; ')}.</p>`);
  if (options.agreement) out.push(...agreementHtml(options.agreement, matrix));

  for (const category of matrix.categories) {
    out.push(`<section class="${categoryClass(category.id)}">`, `<h2 id="${anchorOf(category.id)}"><span class="swatch"></span>${escapeXml(category.label)} (${category.total})</h2>`);
    if (!category.known) out.push(`<p class="none"><code>${escapeXml(category.id)}</code> is not in the workspace taxonomy.</p>`);
    out.push(`<p class="basis">Legal basis: ${category.legalBasis.length > 0 ? escapeXml(category.legalBasis.join('; ')) : '—'}</p>`, '<ul class="quotes">');
    for (const quote of category.quotes) {
      const place = quote.line !== undefined ? `${quote.path}:${quote.line}` : quote.path;
      const status = quote.status && quote.status !== 'proposed' ? ` <span class="status">${escapeXml(quote.status)}</span>` : '';
      const mark = anchorMark(quote);
      const anchor = mark ? ` <span class="anchor">${text(mark)}</span>` : '';
      out.push(`<li><span class="quote">“${text(quote.quote)}”</span> <a class="where" ${linkAttributes(options.link(quote.path, quote))}>${escapeXml(place)}</a>${status}${anchor}${quote.note ? `<span class="note">${text(quote.note)}</span>` : ''}</li>`);
    }
    out.push('</ul>', '</section>');
  }
  if (options.appended) out.push(...options.appended.html);
  if (options.script) out.push(`<script${nonce}>${options.script}</script>`);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/**
 * Category colours as classes in the style sheet, not `style` attributes: the webview's CSP
 * allows only its nonce'd style element, and blocks inline style attributes.
 */
function categoryRules(matrix: EvidenceMatrix): string {
  return matrix.categories.map((c) => `.${categoryClass(c.id)} { --cat: ${/^#[0-9a-fA-F]{3,8}$/.test(c.color) ? c.color : '#7a7a7a'}; }`).join('\n');
}

function categoryClass(id: string): string {
  return `cat-${id.replace(/[^a-z0-9-]/gi, '_')}`;
}

function shortName(path: string): string {
  return path.split('/').pop() ?? path;
}
