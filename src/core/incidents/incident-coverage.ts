/**
 * What an incidents file still lacks, as problems positioned in it: an element of an incident's
 * categories that no counted evidence supports (a gap, `element-without-evidence`), and an
 * incident whose counted evidence all comes from one origin (`single-origin-incident`: one
 * source, or copies of one wire report). Both are `info`: the file is valid, the case is not
 * made yet. Also which incidents cite a given tag, for the editor's hover and code actions.
 */
import type { Problem } from '../problems/problem';
import { sortProblems } from '../problems/problem';
import type { Sidecar } from '../sidecar/model';
import { locateNode, rangeAt } from '../sidecar/yaml-source';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { OriginRule } from '../workspace/workspace-config';
import { elementSupport, incidentOrigins, originResolver, type SupportOptions } from './corroboration';
import type { IncidentsDocument } from './incidents-io';
import type { Evidence, Incident } from './model';

export const ELEMENT_WITHOUT_EVIDENCE = 'element-without-evidence';
export const SINGLE_ORIGIN_INCIDENT = 'single-origin-incident';

/**
 * Origins and counting as the case matrix does them: a source's origin from its sidecar's
 * `origin`, else the config's rules, else the source itself; a tag counts when its sidecar has
 * it and it is not disputed.
 */
export function workspaceSupport(origins: readonly OriginRule[], sidecars: ReadonlyMap<string, Sidecar>): SupportOptions {
  const originOf = originResolver(origins);
  return {
    originOf: (evidence) => originOf(evidence.source, sidecars.get(evidence.source)?.origin),
    counts: (evidence) => {
      const tag = sidecars.get(evidence.source)?.annotations.find((a) => a.id === evidence.annotation);
      return tag !== undefined && tag.status !== 'disputed';
    },
  };
}

/** The gaps and single-origin incidents of a valid incidents file, in file order. */
export function incidentCoverageProblems(doc: IncidentsDocument, taxonomy: Taxonomy, support: SupportOptions): Problem[] {
  if (!doc.file) return [];
  const problems: Problem[] = [];
  const at = (pointer: string): Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'> => {
    const located = locateNode(doc.source.document, pointer);
    const range = (located.node ?? located.key)?.range ?? [0, 0];
    return rangeAt(doc.source.text, doc.source.lines, range[0], range[1]);
  };
  doc.file.incidents.forEach((incident, i) => {
    const labels = elementLabels(incident, taxonomy);
    for (const { element, origins } of elementSupport(incident, taxonomy, support)) {
      if (origins.length > 0) continue;
      const owner = labels.get(element);
      const pointer = owner ? `/incidents/${i}/categories/${owner.index}` : `/incidents/${i}/id`;
      problems.push({
        code: ELEMENT_WITHOUT_EVIDENCE, severity: 'info', ...at(pointer),
        message: `incident "${incident.id}": no evidence of element "${element}"${owner ? ` (${owner.label})` : ''}; link a tagged passage to it ("Evidence of element…" on the tag)`,
      });
    }
    const origins = incidentOrigins(incident, support);
    if (origins.length === 1) {
      problems.push({
        code: SINGLE_ORIGIN_INCIDENT, severity: 'info', ...at(`/incidents/${i}/id`),
        message: `incident "${incident.id}" rests on a single origin (${origins[0]}); corroborate it with an independent source`,
      });
    }
  });
  return sortProblems(problems);
}

/** Each element of the incident's categories: its label and the index of the category (in `categories`) it comes from first. */
function elementLabels(incident: Incident, taxonomy: Taxonomy): Map<string, { label: string; index: number }> {
  const labels = new Map<string, { label: string; index: number }>();
  incident.categories.forEach((id, index) => {
    for (const element of taxonomy.categories.find((c) => c.id === id)?.elements ?? []) {
      if (!labels.has(element.id)) labels.set(element.id, { label: element.label, index });
    }
  });
  return labels;
}

/** One incident citing a tag, and the entry that cites it. */
export interface TagCitation {
  incident: Incident;
  evidence: Evidence;
}

/** The incidents that cite the tag `annotation` of `source` (a workspace-relative path, `/`-separated), in file order. */
export function citationsOfTag(incidents: readonly Incident[], source: string, annotation: string): TagCitation[] {
  return incidents.flatMap((incident) => {
    const evidence = incident.evidence?.find((e) => e.source === source && e.annotation === annotation);
    return evidence ? [{ incident, evidence }] : [];
  });
}
