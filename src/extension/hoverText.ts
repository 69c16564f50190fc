/**
 * The Markdown of hovers, one section per item. No `vscode` import: unit tests check the text
 * in plain Node. Everything that comes from a user (notes, authors, config labels) is escaped,
 * so a note can never turn into a link or a heading.
 */
import type { AnchorResult, Annotation } from '../core/sidecar/model';
import type { GlossaryTerm, TermKind } from '../core/lexicon/types';
import type { DateEntity, StateEntity, TermEntity } from '../core/scanner/types';
import type { Category, CrimeElement } from '../core/taxonomy/taxonomy';
import { quoteDifference } from '../core/text/quotes';

const TERM_KIND_LABELS: Record<TermKind, string> = {
  instrument: 'instrument',
  institution: 'institution',
  violation: 'crime or violation',
  status: 'status or concept',
};

/** Escapes the characters that make inline Markdown (emphasis, code, links, HTML, tables). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Escaped, with line breaks kept and nothing at a line start read as a heading, list or quote. */
function escapeBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line).replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2'))
    .join('  \n');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** `2025-11-21T14:03:22.123Z` -> `2025-11-21 14:03 UTC`; anything else as written. */
export function formatTimestamp(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!match) return value;
  const zone = match[3] === undefined ? '' : match[3] === 'Z' ? ' UTC' : ` ${match[3]}`;
  return `${match[1]} ${match[2]}${zone}`;
}

export function tagHover(annotation: Annotation, category: Category | undefined, anchor?: AnchorResult): string {
  const label = category ? escapeMarkdown(category.label) : `${code(annotation.category)} (not in the taxonomy)`;
  const lines = [`$(tag) **Tag: ${label}** · ${annotation.status ?? 'proposed'}`];
  if (category && category.legalBasis.length > 0) lines.push(`Legal basis: ${escapeMarkdown(category.legalBasis.join('; '))}`);
  if (annotation.note) lines.push(`Note: ${escapeBlock(annotation.note)}`);
  const byline = [
    annotation.author ? `by ${escapeMarkdown(annotation.author)}` : undefined,
    annotation.created ? `created ${formatTimestamp(annotation.created)}` : undefined,
    annotation.modified && annotation.modified !== annotation.created ? `modified ${formatTimestamp(annotation.modified)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (byline.length > 0) lines.push(byline.join(' · '));
  if (category && category.elements.length > 0) lines.push(elementsList(category.elements));
  if (anchor?.status === 'fuzzy') lines.push(`_Anchored approximately (match ${Math.round(anchor.score * 100)} %): ${escapeMarkdown(fuzzyDetail(annotation.target.exact, anchor.text))}._`);
  return lines.join('\n\n');
}

/** An incident that cites a tag, and the elements the tag is cited as evidence of (their labels). */
export interface TagIncidentLink {
  id: string;
  title: string;
  elements: string[];
}

/** The incidents a tag is evidence in, one line each with the elements it goes to. */
export function tagIncidentsHover(links: readonly TagIncidentLink[]): string {
  const lines = links.map((link) => {
    const elements = link.elements.length > 0 ? `evidence of: ${link.elements.map(escapeMarkdown).join('; ')}` : 'no element named yet';
    return `- **${escapeMarkdown(link.title)}** ${code(link.id)} · ${elements}`;
  });
  return `$(briefcase) In ${links.length === 1 ? 'incident' : `${links.length} incidents`}:\n\n${lines.join('\n')}`;
}

/** The legal elements of the category's crime, numbered, each with where it comes from. */
function elementsList(elements: readonly CrimeElement[]): string {
  const items = elements.map((element, i) => `${i + 1}. ${escapeMarkdown(element.label)}${element.basis ? ` _(${escapeMarkdown(element.basis)})_` : ''}`);
  return `Elements to establish:\n\n${items.join('\n')}`;
}

/** What changed since the tag was set: its words (stored quote against the text now), or only their context. */
function fuzzyDetail(stored: string, current: string): string {
  if (stored === current) return 'the same words, in other context than tagged';
  const difference = quoteDifference(stored, current);
  return `tagged as “${difference.stored}”, the text now reads “${difference.current}”`;
}

export function stateHover(entity: StateEntity): string {
  const iso = `ISO 3166-1 ${code(entity.code)}`;
  if (entity.subKind === 'demonym') return `$(globe) **${escapeMarkdown(entity.text)}** · demonym of ${escapeMarkdown(entity.name)} · ${iso}`;
  return `$(globe) **State: ${escapeMarkdown(entity.name)}** · ${iso}`;
}

export function dateHover(entity: DateEntity): string {
  const lines = [`$(calendar) **Date: ${code(entity.value)}** · precision: ${entity.precision}`];
  if (entity.range) lines.push(`${entity.range.role === 'start' ? 'Start' : 'End'} of the range ${code(entity.range.value)}`);
  if (entity.resolvedFrom) lines.push(`Resolved from the document date ${code(entity.resolvedFrom)}`);
  return lines.join('\n\n');
}

export function termHover(entity: TermEntity, term: GlossaryTerm | undefined): string {
  const lines = [`$(law) **${escapeMarkdown(term?.label ?? entity.label)}** · ${TERM_KIND_LABELS[entity.subKind] ?? entity.subKind}`];
  if (term?.definition) lines.push(escapeBlock(term.definition));
  return lines.join('\n\n');
}
