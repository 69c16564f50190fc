/**
 * Linking a tag to an incident as the editor's "Add to incident…" and "Evidence of element…" do:
 * the tag becomes evidence of exactly the elements chosen. A new incident is added with the tag
 * as its first evidence; an incident that does not cite the tag gets a new evidence entry; one
 * that does has that entry's elements set (added ones only: the entry's lines alone change).
 */
import { addEvidence, addIncident, updateIncident, type IncidentsDocument } from './incidents-io';
import type { Evidence, Incident } from './model';

export interface TagLink {
  /** The source as evidence cites it (workspace-relative, `/`-separated) and the tag's id. */
  source: string;
  annotation: string;
  /** An existing incident's id, or a new incident (its evidence is ignored). */
  incident: string | Incident;
  /** The element ids the tag is evidence of; empty: the incident as a whole. */
  elements: string[];
}

export function linkTag(doc: IncidentsDocument, link: TagLink): IncidentsDocument {
  const evidence: Evidence = { source: link.source, annotation: link.annotation, ...(link.elements.length > 0 ? { elements: [...link.elements] } : {}) };
  if (typeof link.incident !== 'string') return addIncident(doc, { ...link.incident, evidence: [evidence] });
  const id = link.incident;
  const cited = doc.file?.incidents.find((i) => i.id === id)?.evidence?.find((e) => e.source === link.source && e.annotation === link.annotation);
  if (!cited || (cited.elements ?? []).every((e) => link.elements.includes(e))) return addEvidence(doc, id, evidence);
  return updateIncident(doc, id, (incident) => ({
    ...incident,
    evidence: (incident.evidence ?? []).map((e) => (e === cited || (e.source === link.source && e.annotation === link.annotation) ? withElements(e, link.elements) : e)),
  }));
}

function withElements(evidence: Evidence, elements: string[]): Evidence {
  const rest: Evidence = { ...evidence };
  delete rest.elements;
  return elements.length > 0 ? { ...rest, elements: [...elements] } : rest;
}
