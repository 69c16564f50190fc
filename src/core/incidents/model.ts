/**
 * The incidents file (`incidents.yaml` by default; `incidents` in `.legal-annotator.yaml`): each
 * incident is one event (who did what to whom, when, where), the violation categories it may
 * amount to, and the tagged passages that are evidence of the legal elements of those
 * categories. The shapes mirror `schemas/incidents.schema.json`.
 */

export const INCIDENTS_VERSION = 1;
export const DEFAULT_INCIDENTS_FILE = 'incidents.yaml';
/** The IRI prefix that names an incident in exports: `urn:legal-annotator:incident:<id>`. */
export const INCIDENT_URN_PREFIX = 'urn:legal-annotator:incident:';

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type IncidentDay = string;

export interface DateRange {
  from: IncidentDay;
  to: IncidentDay;
}

/** A tagged passage linked to an incident, by the source's path (relative to the workspace root) and the tag's id. */
export interface Evidence {
  source: string;
  annotation: string;
  /** Ids of the elements (of the incident's categories) the passage is evidence of. */
  elements?: string[];
  note?: string;
}

export interface Incident {
  id: string;
  title: string;
  date?: IncidentDay | DateRange;
  place?: string;
  categories: string[];
  /** The elements the incident is to establish; default every element of its categories. */
  elements?: string[];
  victims?: string | string[];
  perpetrators?: string | string[];
  evidence?: Evidence[];
}

export interface IncidentsFile {
  version: number;
  incidents: Incident[];
}

/** The IRI exports name an incident by. */
export function incidentUrn(id: string): string {
  return `${INCIDENT_URN_PREFIX}${id}`;
}

/** The incident's date as one line: `2022-07-29`, or `2022-07-28/2022-07-29` (ISO 8601 interval) for a range. */
export function formatIncidentDate(date: Incident['date']): string | undefined {
  if (date === undefined) return undefined;
  return typeof date === 'string' ? date : `${date.from}/${date.to}`;
}
