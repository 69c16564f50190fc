/**
 * Incidents in exports. Each evidence link of the incidents file (a tag cited as evidence of an
 * incident) becomes a W3C Annotation with motivation `linking`: its target is the tag's own
 * Annotation (its IRI, as the `classifying` export names it), its body the incident's IRI
 * (`urn:legal-annotator:incident:<id>`) and, for each element the tag is evidence of, a
 * `classifying` TextualBody holding the element's id and label. CSV rows get the incidents that
 * cite the tag and the elements it is evidence of.
 */
import { incidentUrn, type Evidence, type Incident } from '../incidents/model';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { ResolvedSource } from './export-input';
import { annotationIri } from './iri';

export interface W3cIncidentBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
}

export interface W3cElementBody {
  type: 'TextualBody';
  purpose: 'classifying';
  value: string;
  label?: string;
}

export interface W3cLinkingAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  generator?: unknown;
  generated?: string;
  body: (W3cIncidentBody | W3cElementBody)[];
  target: string;
}

/** The IRI of one evidence link: the incident's URN, then the source and tag it cites. */
export function evidenceLinkIri(incident: Incident, evidence: Evidence): string {
  return `${incidentUrn(incident.id)}:evidence:${encodeURIComponent(evidence.source)}:${encodeURIComponent(evidence.annotation)}`;
}

/** Tag key: `source` path and annotation id. */
function tagKey(source: string, annotation: string): string {
  return `${source}\u0000${annotation}`;
}

/** The tags the export holds, by source path and id. */
function exportedTags(resolved: readonly ResolvedSource[]): Set<string> {
  return new Set(resolved.flatMap(({ source, annotations }) => annotations.map(({ annotation }) => tagKey(source.path, annotation.id))));
}

/** One `linking` Annotation per evidence link whose tag the export holds, in the incidents file's order. */
export function linkingAnnotations(incidents: readonly Incident[], resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: { base?: string; context?: string; extra?: Pick<W3cLinkingAnnotation, 'generator' | 'generated'> }): W3cLinkingAnnotation[] {
  const exported = exportedTags(resolved);
  const labels = new Map(taxonomy.categories.flatMap((category) => category.elements.map((element) => [element.id, element.label] as const)));
  const links: W3cLinkingAnnotation[] = [];
  for (const incident of incidents) {
    for (const evidence of incident.evidence ?? []) {
      if (!exported.has(tagKey(evidence.source, evidence.annotation))) continue;
      const elements = (evidence.elements ?? []).map((id): W3cElementBody => {
        const label = labels.get(id);
        return { type: 'TextualBody', purpose: 'classifying', value: id, ...(label !== undefined ? { label } : {}) };
      });
      links.push({
        ...(options.context ? { '@context': options.context } : {}),
        id: evidenceLinkIri(incident, evidence),
        type: 'Annotation',
        motivation: 'linking',
        ...options.extra,
        body: [{ type: 'SpecificResource', purpose: 'linking', source: incidentUrn(incident.id) }, ...elements],
        target: annotationIri(evidence.source, evidence.annotation, options.base),
      });
    }
  }
  return links;
}

/** Per tag (source path and id), the incidents citing it and the elements it is evidence of, each once, in file order. */
export function incidentsByTag(incidents: readonly Incident[]): (source: string, annotation: string) => { incidents: string[]; elements: string[] } {
  const index = new Map<string, { incidents: string[]; elements: string[] }>();
  for (const incident of incidents) {
    for (const evidence of incident.evidence ?? []) {
      const key = tagKey(evidence.source, evidence.annotation);
      const entry = index.get(key) ?? { incidents: [], elements: [] };
      if (!entry.incidents.includes(incident.id)) entry.incidents.push(incident.id);
      for (const element of evidence.elements ?? []) if (!entry.elements.includes(element)) entry.elements.push(element);
      index.set(key, entry);
    }
  }
  return (source, annotation) => index.get(tagKey(source, annotation)) ?? { incidents: [], elements: [] };
}
