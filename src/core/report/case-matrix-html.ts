/**
 * The case matrix as one self-contained HTML file (inline CSS, no external resource, a
 * Content-Security-Policy that forbids them): the summary, then per incident a table of its
 * categories' elements with the supporting passages linked to their source, the number of
 * independent origins, and gaps marked.
 */
import { escapeXml } from './bar-chart';
import { passageMarks, type CaseElement, type CaseIncident, type CaseMatrix, type CasePassage } from './case-matrix';
import { GAP_MARK } from './case-matrix-markdown';
import { DEFAULT_CSP, linkAttributes, type HtmlLink } from './html';

export interface CaseHtmlOptions {
  /** The href of a passage's source line. */
  linkFor: (path: string, line: number | undefined) => string;
  /** The link of a passage, in place of `linkFor`'s (the editor's webview adds `data-*` attributes). */
  link?: (passage: CasePassage) => HtmlLink;
  generated?: string;
  /** The heading (default "Case matrix"). */
  title?: string;
}

const CASE_MATRIX_STYLE = `
:root { color-scheme: light dark; --muted: #6b6b6b; --rule: #d0d0d0; --gap: #c01c28; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin-bottom: .2rem; }
.summary, .basis, .facts, .meta { color: var(--muted); }
.basis, .meta { font-size: .85em; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.gap td { background: rgba(192, 28, 40, .07); }
.gapmark { color: var(--gap); font-weight: 600; }
.passages { list-style: none; padding: 0; margin: 0; }
.passages li { margin: .2rem 0; }
.quote { font-style: italic; }
a { color: #1a5fb4; }
@media print { tr { break-inside: avoid; } h2, h3 { break-after: avoid; } a { color: inherit; } }
`;

/**
 * The rules the case matrix adds to another page (the editor's evidence matrix, whose own rules
 * style its headings and tables), all under `.case-matrix`.
 */
export const EMBEDDED_CASE_MATRIX_STYLE = `
.case-matrix { --gap: #c01c28; margin-top: 2.5rem; }
.case-matrix .facts, .case-matrix .meta, .case-matrix .basis { opacity: .75; }
.case-matrix .basis, .case-matrix .meta { font-size: .85em; }
.case-matrix tr.gap td { background: rgba(192, 28, 40, .07); }
.case-matrix .gapmark { color: var(--gap); font-weight: 600; }
.case-matrix .passages { list-style: none; padding: 0; margin: 0; }
.case-matrix .passages li { margin: .2rem 0; }
.case-matrix .quote { font-style: italic; }
`;

export function renderCaseMatrixHtml(matrix: CaseMatrix, options: CaseHtmlOptions): string {
  const body = caseMatrixSections(matrix, options);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DEFAULT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Case matrix</title>',
    `<style>${CASE_MATRIX_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The case matrix's heading, summary and one section per incident: the body of its page, or sections of another. */
export function caseMatrixSections(matrix: CaseMatrix, options: CaseHtmlOptions): string[] {
  const { summary } = matrix;
  const body: string[] = [`<h1>${escapeXml(options.title ?? 'Case matrix')}</h1>`];
  body.push(`<p class="summary">${summary.incidents} incident(s) of ${escapeXml(matrix.incidentsFile)}: ${summary.established} of ${summary.elements} element(s) established, ${summary.gaps} gap(s)${options.generated ? ` (generated ${escapeXml(options.generated)} by Legal Annotator)` : ''}.</p>`);
  if (summary.byCategory.length > 0) {
    body.push('<table class="by-category"><thead><tr><th>Category</th><th class="n">Incidents</th></tr></thead><tbody>');
    for (const category of summary.byCategory) body.push(`<tr><td>${escapeXml(category.label)}</td><td class="n">${category.incidents}</td></tr>`);
    body.push('</tbody></table>');
  }
  body.push('<table class="incidents"><thead><tr><th>Incident</th><th class="n">Elements established</th><th class="n">Gaps</th><th class="n">Independent origins</th></tr></thead><tbody>');
  for (const incident of matrix.incidents) body.push(`<tr><td><a href="#incident-${escapeXml(incident.id)}">${escapeXml(incident.title)}</a></td><td class="n">${incident.established} / ${incident.elements}</td><td class="n">${incident.gaps}</td><td class="n">${incident.origins.length}</td></tr>`);
  body.push('</tbody></table>');
  for (const incident of matrix.incidents) body.push(incidentHtml(incident, options));
  return body;
}

function incidentHtml(incident: CaseIncident, options: CaseHtmlOptions): string {
  const facts = [
    `id <code>${escapeXml(incident.id)}</code>`,
    incident.date ? `date ${escapeXml(incident.date)}` : undefined,
    incident.place ? `place ${escapeXml(incident.place)}` : undefined,
    incident.victims ? `victims ${escapeXml(incident.victims.join('; '))}` : undefined,
    incident.perpetrators ? `perpetrators ${escapeXml(incident.perpetrators.join('; '))}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const parts = [`<section id="incident-${escapeXml(incident.id)}">`, `<h2>${escapeXml(incident.title)}</h2>`, `<p class="facts">${facts.join(' · ')}</p>`];
  for (const category of incident.categories) {
    parts.push(`<h3>${escapeXml(category.label)}</h3>`);
    if (!category.known || category.elements.length === 0) {
      parts.push(`<p class="meta">${category.known ? 'This category lists no elements.' : `<code>${escapeXml(category.id)}</code> is not in the workspace taxonomy.`}</p>`);
      continue;
    }
    parts.push('<table><thead><tr><th class="n">#</th><th>Element</th><th>Evidence</th><th class="n">Origins</th></tr></thead><tbody>');
    category.elements.forEach((element, i) => parts.push(elementRow(element, i + 1, options)));
    parts.push('</tbody></table>');
  }
  if (incident.general.length > 0) parts.push(`<p class="meta">Evidence of the incident as a whole (no element named):</p>${passageList(incident.general, options)}`);
  parts.push('</section>');
  return parts.join('\n');
}

function elementRow(element: CaseElement, number: number, options: CaseHtmlOptions): string {
  const label = `${escapeXml(element.label)}${element.basis ? `<div class="basis">${escapeXml(element.basis)}</div>` : ''}`;
  const gap = element.established ? '' : `<span class="gapmark">${GAP_MARK}</span>${element.passages.length === 0 ? ': no evidence' : ': nothing counted'}`;
  const evidence = `${gap}${element.passages.length > 0 ? passageList(element.passages, options) : ''}`;
  return `<tr class="${element.established ? 'established' : 'gap'}" data-element="${escapeXml(element.id)}"><td class="n">${number}</td><td>${label}</td><td>${evidence}</td><td class="n">${element.origins.length}</td></tr>`;
}

function passageList(passages: readonly CasePassage[], options: CaseHtmlOptions): string {
  return `<ul class="passages">${passages.map((passage) => `<li>${passageHtml(passage, options)}</li>`).join('')}</ul>`;
}

function passageHtml(passage: CasePassage, options: CaseHtmlOptions): string {
  const place = passage.line !== undefined ? `${passage.source}:${passage.line}` : passage.source;
  const quote = passage.quote !== undefined ? `<span class="quote">“${escapeXml(passage.quote)}”</span> — ` : '';
  const marks = passageMarks(passage).map(escapeXml);
  const note = passage.note ? ` <span class="meta">— ${escapeXml(passage.note)}</span>` : '';
  const link = options.link?.(passage) ?? { href: options.linkFor(passage.source, passage.line) };
  return `${quote}<a ${linkAttributes(link)}>${escapeXml(place)}</a>${marks.length > 0 ? ` <span class="meta">(${marks.join('; ')})</span>` : ''}${note}`;
}
