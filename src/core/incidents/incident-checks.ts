/**
 * What `check` finds in an incidents file beyond its schema: incident ids used twice, categories
 * and elements the taxonomy does not have, an element that belongs to none of the incident's
 * categories, a date range that ends before it starts, and evidence citing a source or a tag
 * the workspace does not have. Pure: what the workspace holds comes in as `EvidenceLookup`.
 * Each problem is positioned at the value it is about.
 */
import type { Problem } from '../problems/problem';
import { sortProblems } from '../problems/problem';
import { locateNode, rangeAt } from '../sidecar/yaml-source';
import { closestName } from '../text/edit-distance';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { IncidentsDocument } from './incidents-io';
import type { Evidence, Incident } from './model';

/** What the workspace holds for a cited source path. */
export type CitedSource =
  | { kind: 'missing' }
  /** The source exists but has no sidecar (no tags at all). */
  | { kind: 'no-sidecar' }
  /** Its sidecar has errors: its tags cannot be known. */
  | { kind: 'unreadable' }
  | { kind: 'tagged'; annotations: ReadonlySet<string> };

export type EvidenceLookup = (source: string) => CitedSource;

export interface IncidentCheckContext {
  taxonomy: Taxonomy;
  lookup: EvidenceLookup;
}

export function checkIncidents(doc: IncidentsDocument, context: IncidentCheckContext): Problem[] {
  if (!doc.file) return [];
  const found: { code: string; severity: Problem['severity']; pointer: string; message: string }[] = [];
  const report = (code: string, severity: Problem['severity'], pointer: string, message: string) => found.push({ code, severity, pointer, message });
  const categoryIds = context.taxonomy.categories.map((category) => category.id);
  const allElements = [...new Set(context.taxonomy.categories.flatMap((category) => category.elements.map((element) => element.id)))];
  const seen = new Map<string, number>();
  doc.file.incidents.forEach((incident, i) => {
    const at = `/incidents/${i}`;
    const first = seen.get(incident.id);
    if (first !== undefined) report('duplicate-incident-id', 'error', `${at}/id`, `incident id "${incident.id}" is used by incident ${first + 1} already; give this one a new id`);
    else seen.set(incident.id, i);
    incident.categories.forEach((id, c) => {
      if (categoryIds.includes(id)) return;
      const suggestion = closestName(id, categoryIds);
      report('unknown-category', 'error', `${at}/categories/${c}`, `category "${id}" is not in the taxonomy${suggestion ? `: did you mean "${suggestion}"?` : ''}`);
    });
    if (incident.date && typeof incident.date === 'object' && incident.date.from > incident.date.to) {
      report('incident-date-range', 'error', `${at}/date`, `the date range ends (${incident.date.to}) before it starts (${incident.date.from}); swap from and to`);
    }
    const ownElements = elementsOf({ categories: incident.categories }, context.taxonomy);
    // A mistyped category is reported once (with its "did you mean"), not again for each element of the category meant.
    const meant = incident.categories.filter((id) => !categoryIds.includes(id)).map((id) => closestName(id, categoryIds)).filter((id): id is string => id !== undefined);
    const meantElements = elementsOf({ categories: meant }, context.taxonomy);
    const checkElement = (element: string, pointer: string) => {
      if (ownElements.has(element)) return true;
      if (meantElements.has(element)) return false;
      if (allElements.includes(element)) {
        const owners = context.taxonomy.categories.filter((category) => category.elements.some((x) => x.id === element)).map((category) => category.id);
        report('element-not-in-categories', 'error', pointer, `element "${element}" belongs to ${owners.join(', ')}, not to this incident's categories (${incident.categories.join(', ')}); add the category to the incident or cite another element`);
        return false;
      }
      const suggestion = closestName(element, [...ownElements]);
      report('unknown-element', 'error', pointer, `element "${element}" is in no category of the taxonomy${suggestion ? `: did you mean "${suggestion}"?` : ''}`);
      return false;
    };
    (incident.elements ?? []).forEach((element, k) => checkElement(element, `${at}/elements/${k}`));
    (incident.evidence ?? []).forEach((evidence, e) => {
      checkCitation(evidence, `${at}/evidence/${e}`, context.lookup, report);
      (evidence.elements ?? []).forEach((element, k) => {
        const pointer = `${at}/evidence/${e}/elements/${k}`;
        if (checkElement(element, pointer) && incident.elements && !incident.elements.includes(element)) {
          report('element-not-in-incident', 'warning', pointer, `element "${element}" is not among the incident's elements (${incident.elements.join(', ')}): the case matrix does not show it; add it to the incident's elements or cite another one`);
        }
      });
    });
  });
  return sortProblems(found.map(({ code, severity, pointer, message }) => {
    const located = locateNode(doc.source.document, pointer);
    const range = (located.node ?? located.key)?.range ?? [0, 0];
    return { code, severity, message, ...rangeAt(doc.source.text, doc.source.lines, range[0], range[1]) };
  }));
}

/** The ids of the elements of an incident's categories (those in the taxonomy), or of those it selects with `elements`. */
export function elementsOf(incident: Pick<Incident, 'categories' | 'elements'>, taxonomy: Taxonomy): Set<string> {
  const ids = new Set<string>();
  for (const category of taxonomy.categories) {
    if (!incident.categories.includes(category.id)) continue;
    for (const element of category.elements) if (!incident.elements || incident.elements.includes(element.id)) ids.add(element.id);
  }
  return ids;
}

function checkCitation(evidence: Evidence, pointer: string, lookup: EvidenceLookup, report: (code: string, severity: Problem['severity'], pointer: string, message: string) => void): void {
  const cited = lookup(evidence.source);
  switch (cited.kind) {
    case 'missing':
      report('evidence-source-missing', 'error', `${pointer}/source`, `source "${evidence.source}" is not a file of the workspace (paths are relative to the workspace root, the folder of .legal-annotator.yaml)`);
      return;
    case 'no-sidecar':
      report('evidence-annotation-missing', 'error', `${pointer}/annotation`, `source "${evidence.source}" has no sidecar, so no tag "${evidence.annotation}"`);
      return;
    case 'unreadable':
      return; // the sidecar's own errors are reported with it
    case 'tagged':
      if (!cited.annotations.has(evidence.annotation)) {
        const suggestion = closestName(evidence.annotation, [...cited.annotations]);
        report('evidence-annotation-missing', 'error', `${pointer}/annotation`, `the sidecar of "${evidence.source}" has no tag "${evidence.annotation}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`);
      }
  }
}
