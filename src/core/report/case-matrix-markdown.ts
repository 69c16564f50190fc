/**
 * The case matrix as Markdown: a summary (incidents by category, elements established, gaps),
 * then per incident its facts and, per category, a table of the elements: each cell lists the
 * supporting passages linked back to their line, the number of independent origins, or a gap.
 */
import { generatedNote } from './generated';
import { passageMarks, type CaseElement, type CaseIncident, type CaseMatrix, type CasePassage } from './case-matrix';
import { markdownText } from './markdown';

export interface CaseMarkdownOptions {
  /** Relative link to a source's line, from where the report is written. */
  linkFor: (path: string, line: number | undefined) => string;
  generated?: string;
}

export const GAP_MARK = '✗ gap';

export function renderCaseMatrixMarkdown(matrix: CaseMatrix, options: CaseMarkdownOptions): string {
  const { summary } = matrix;
  const lines = ['# Case matrix', ''];
  lines.push(`${summary.incidents} incident${summary.incidents === 1 ? '' : 's'} of ${markdownText(matrix.incidentsFile)}: ${summary.established} of ${summary.elements} element${summary.elements === 1 ? '' : 's'} established, ${summary.gaps} gap${summary.gaps === 1 ? '' : 's'}${generatedNote(options.generated)}.`, '');
  if (summary.byCategory.length > 0) {
    lines.push('| Category | Incidents |', '| --- | ---: |');
    for (const category of summary.byCategory) lines.push(`| ${markdownText(category.label)} | ${category.incidents} |`);
    lines.push('');
  }
  lines.push('| Incident | Elements established | Gaps | Independent origins |', '| --- | ---: | ---: | ---: |');
  for (const incident of matrix.incidents) lines.push(`| [${markdownText(incident.title)}](#incident-${incident.id}) | ${incident.established} / ${incident.elements} | ${incident.gaps} | ${incident.origins.length} |`);
  lines.push('');
  for (const incident of matrix.incidents) lines.push(...incidentSection(incident, options));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function incidentSection(incident: CaseIncident, options: CaseMarkdownOptions): string[] {
  const lines = [`<a id="incident-${incident.id}"></a>`, '', `## ${markdownText(incident.title)}`, ''];
  const facts = [
    `**Id:** \`${incident.id}\``,
    incident.date ? `**Date:** ${markdownText(incident.date)}` : undefined,
    incident.place ? `**Place:** ${markdownText(incident.place)}` : undefined,
    incident.victims ? `**Victims:** ${markdownText(incident.victims.join('; '))}` : undefined,
    incident.perpetrators ? `**Perpetrators:** ${markdownText(incident.perpetrators.join('; '))}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  lines.push(facts.join(' · '), '');
  for (const category of incident.categories) {
    lines.push(`### ${markdownText(category.label)}`, '');
    if (!category.known) {
      lines.push(`*\`${category.id}\` is not in the workspace taxonomy.*`, '');
      continue;
    }
    if (category.elements.length === 0) {
      lines.push('*This category lists no elements.*', '');
      continue;
    }
    lines.push('| # | Element | Evidence | Origins |', '| ---: | --- | --- | ---: |');
    category.elements.forEach((element, i) => lines.push(`| ${i + 1} | ${elementCell(element)} | ${evidenceCell(element, options)} | ${element.established ? element.origins.length : '0'} |`));
    lines.push('');
  }
  if (incident.general.length > 0) {
    lines.push('Evidence of the incident as a whole (no element named):', '');
    for (const passage of incident.general) lines.push(`- ${passageText(passage, options)}`);
    lines.push('');
  }
  return lines;
}

function elementCell(element: CaseElement): string {
  return `${markdownText(element.label)}${element.basis ? `<br>*${markdownText(element.basis)}*` : ''}`;
}

function evidenceCell(element: CaseElement, options: CaseMarkdownOptions): string {
  if (element.passages.length === 0) return `**${GAP_MARK}**: no evidence`;
  const passages = element.passages.map((passage) => passageText(passage, options)).join('<br>');
  return element.established ? passages : `**${GAP_MARK}**: nothing counted<br>${passages}`;
}

/** `“quote” — [path:line](link) (origin; status)`. */
export function passageText(passage: CasePassage, options: CaseMarkdownOptions): string {
  const place = passage.line !== undefined ? `${passage.source}:${passage.line}` : passage.source;
  const link = `[${markdownText(place)}](<${options.linkFor(passage.source, passage.line).replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)`;
  const marks = passageMarks(passage).map(markdownText);
  const quote = passage.quote !== undefined ? `“${markdownText(passage.quote)}” — ` : '';
  const note = passage.note ? ` — ${markdownText(passage.note)}` : '';
  return `${quote}${link}${marks.length > 0 ? ` (${marks.join('; ')})` : ''}${note}`;
}
