/**
 * The case matrix: for each incident, the legal elements of its categories against the evidence.
 * Each cell holds the tagged passages that support the element (quote, source, line), the
 * number of independent origins behind them, and is a gap when there is none. A summary counts
 * incidents by category, elements established and gaps. Pure: built from the incidents file,
 * the taxonomy and the resolved sources (export-input.ts); rendered as Markdown, HTML and JSON
 * (the JSON is this structure as it is, documented in docs/incidents.md).
 */
import type { ResolvedAnnotation, ResolvedSource } from '../interop/export-input';
import { elementSupport, incidentOrigins, type OriginOf } from '../incidents/corroboration';
import { formatIncidentDate, incidentUrn, type Evidence, type Incident } from '../incidents/model';
import type { AnchorResult, AnnotationStatus } from '../sidecar/model';
import type { Taxonomy } from '../taxonomy/taxonomy';

/** One tagged passage cited as evidence. */
export interface CasePassage {
  /** Workspace-relative path, `/`-separated, as the evidence gives it. */
  source: string;
  annotation: string;
  /** The stored quote; undefined when the tag is not found (`anchor: "missing"`). */
  quote?: string;
  /** 1-based line where the tag sits now; undefined when orphaned or missing. */
  line?: number;
  /** How the tag anchors now; `missing` when the source or its tag is not in the workspace. */
  anchor: AnchorResult['status'] | 'missing';
  status?: AnnotationStatus;
  /** The tag's own category. */
  category?: string;
  origin: string;
  /** The evidence entry's note. */
  note?: string;
  /** False for a disputed or missing tag: shown, but not counted as support. */
  counted: boolean;
}

export interface CaseElement {
  id: string;
  label: string;
  basis?: string;
  passages: CasePassage[];
  /** Distinct origins of the counted passages, sorted. */
  origins: string[];
  /** At least one counted passage; false is a gap. */
  established: boolean;
}

export interface CaseCategory {
  id: string;
  label: string;
  /** False for a category id the taxonomy does not have (no elements). */
  known: boolean;
  elements: CaseElement[];
}

export interface CaseIncident {
  id: string;
  /** `urn:legal-annotator:incident:<id>`, as exports name it. */
  iri: string;
  title: string;
  /** `2022-07-29`, or an ISO 8601 interval `2022-03/2022-09` for a range. */
  date?: string;
  place?: string;
  victims?: string[];
  perpetrators?: string[];
  categories: CaseCategory[];
  /** Distinct origins of all its counted evidence. */
  origins: string[];
  /** Element rows (over its categories), how many are established, how many are gaps. */
  elements: number;
  established: number;
  gaps: number;
  /** Evidence entries that name no element (they support the incident as a whole). */
  general: CasePassage[];
}

export interface CaseMatrix {
  /** Workspace-relative path of the incidents file. */
  incidentsFile: string;
  incidents: CaseIncident[];
  summary: {
    incidents: number;
    /** Per category of the taxonomy used by at least one incident, in taxonomy order. */
    byCategory: { id: string; label: string; incidents: number }[];
    elements: number;
    established: number;
    gaps: number;
  };
}

/** Resolved tags by `source` path and annotation id. */
function tagIndex(resolved: readonly ResolvedSource[]): Map<string, Map<string, ResolvedAnnotation>> {
  const index = new Map<string, Map<string, ResolvedAnnotation>>();
  for (const { source, annotations } of resolved) {
    index.set(source.path, new Map(annotations.map((a) => [a.annotation.id, a])));
  }
  return index;
}

export function buildCaseMatrix(incidents: readonly Incident[], taxonomy: Taxonomy, resolved: readonly ResolvedSource[], originOf: OriginOf, incidentsFile: string): CaseMatrix {
  const tags = tagIndex(resolved);
  const sidecarOrigins = new Map(resolved.map(({ source }) => [source.path, source.sidecar.origin]));
  const passage = (evidence: Evidence): CasePassage => {
    const tag = tags.get(evidence.source)?.get(evidence.annotation);
    const origin = originOf(evidence.source, sidecarOrigins.get(evidence.source));
    const note = evidence.note !== undefined ? { note: evidence.note } : {};
    if (!tag) return { source: evidence.source, annotation: evidence.annotation, anchor: 'missing', origin, counted: false, ...note };
    const { annotation, anchor, line } = tag;
    return {
      source: evidence.source, annotation: evidence.annotation, quote: annotation.target.exact, line, anchor: anchor.status,
      status: annotation.status, category: annotation.category, origin, counted: annotation.status !== 'disputed', ...note,
    };
  };
  const built = incidents.map((incident) => buildIncident(incident, taxonomy, passage));
  const byCategory = taxonomy.categories
    .map((category) => ({ id: category.id, label: category.label, incidents: incidents.filter((incident) => incident.categories.includes(category.id)).length }))
    .filter((entry) => entry.incidents > 0);
  const sum = (pick: (incident: CaseIncident) => number) => built.reduce((total, incident) => total + pick(incident), 0);
  return {
    incidentsFile,
    incidents: built,
    summary: { incidents: built.length, byCategory, elements: sum((i) => i.elements), established: sum((i) => i.established), gaps: sum((i) => i.gaps) },
  };
}

function buildIncident(incident: Incident, taxonomy: Taxonomy, passage: (evidence: Evidence) => CasePassage): CaseIncident {
  const passages = new Map((incident.evidence ?? []).map((evidence) => [evidence, passage(evidence)]));
  const options = { originOf: (evidence: Evidence) => passages.get(evidence)!.origin, counts: (evidence: Evidence) => passages.get(evidence)!.counted };
  const support = new Map(elementSupport(incident, taxonomy, options).map((entry) => [entry.element, entry]));
  const categories = incident.categories.map((id): CaseCategory => {
    const category = taxonomy.categories.find((c) => c.id === id);
    if (!category) return { id, label: id, known: false, elements: [] };
    const elements = category.elements.filter((element) => support.has(element.id)).map((element): CaseElement => {
      const found = support.get(element.id)!;
      return { id: element.id, label: element.label, ...(element.basis ? { basis: element.basis } : {}), passages: found.evidence.map((e) => passages.get(e)!), origins: found.origins, established: found.origins.length > 0 };
    });
    return { id, label: category.label, known: true, elements };
  });
  const rows = categories.flatMap((category) => category.elements);
  const established = rows.filter((row) => row.established).length;
  const list = (value: string | string[] | undefined) => (value === undefined ? undefined : [value].flat());
  const optional = {
    ...(incident.date !== undefined ? { date: formatIncidentDate(incident.date) } : {}),
    ...(incident.place !== undefined ? { place: incident.place } : {}),
    ...(incident.victims !== undefined ? { victims: list(incident.victims) } : {}),
    ...(incident.perpetrators !== undefined ? { perpetrators: list(incident.perpetrators) } : {}),
  };
  return {
    id: incident.id,
    iri: incidentUrn(incident.id),
    title: incident.title,
    ...optional,
    categories,
    origins: incidentOrigins(incident, options),
    elements: rows.length,
    established,
    gaps: rows.length - established,
    general: (incident.evidence ?? []).filter((e) => (e.elements ?? []).length === 0).map((e) => passages.get(e)!),
  };
}

/** What a report says beside a passage: its origin (when it is not the source itself), a tag not found or not anchoring exactly, its review status. */
export function passageMarks(passage: CasePassage): string[] {
  return [
    passage.origin !== passage.source ? `origin: ${passage.origin}` : undefined,
    passage.anchor === 'missing' ? `tag ${passage.annotation} not found` : passage.anchor === 'fuzzy' || passage.anchor === 'orphaned' ? passage.anchor : undefined,
    passage.status === 'disputed' ? 'disputed, not counted' : passage.status === 'confirmed' ? 'confirmed' : undefined,
  ].filter((mark): mark is string => mark !== undefined);
}
