/**
 * Corroboration: how many independent origins support each element of an incident. Two articles
 * copying one wire report are one origin, not two. A source's origin is its sidecar's `origin`,
 * else the `origin` of the first config rule whose `sources` globs match its path, else the
 * source itself (each source its own origin).
 */
import picomatch from 'picomatch';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { unsafeGlobReason } from '../workspace/glob-safety';
import type { OriginRule } from '../workspace/workspace-config';
import type { Evidence, Incident } from './model';

/** The origin of a source: its path relative to the workspace root, `/` between folders, and its sidecar's `origin` if any. */
export type OriginOf = (source: string, sidecarOrigin?: string) => string;

/** Origins from the config's rules; a rule's glob that could hang the matcher (glob-safety.ts) is left out. */
export function originResolver(rules: readonly OriginRule[]): OriginOf {
  const compiled = rules
    .map((rule) => ({ origin: rule.origin, sources: rule.sources.filter((glob) => unsafeGlobReason(glob) === undefined) }))
    .filter((rule) => rule.sources.length > 0)
    .map((rule) => ({ origin: rule.origin, matches: picomatch(rule.sources) }));
  return (source, sidecarOrigin) => sidecarOrigin ?? compiled.find((rule) => rule.matches(source))?.origin ?? source;
}

/** What supports one element of an incident. */
export interface ElementSupport {
  element: string;
  /** The evidence entries that name the element, in file order. */
  evidence: Evidence[];
  /** The distinct origins of the counted evidence, sorted: their number is the element's corroboration. */
  origins: string[];
}

export interface SupportOptions {
  /** The origin of an evidence entry's source. */
  originOf: (evidence: Evidence) => string;
  /** Whether an evidence entry counts (a disputed tag does not); default: every entry. */
  counts?: (evidence: Evidence) => boolean;
}

/**
 * Per element of the incident's categories (in the taxonomy's order, each once; only those it
 * selects with `elements` when it does), the evidence
 * naming it and its independent origins. An element with no counted evidence has no origins: a gap.
 */
export function elementSupport(incident: Incident, taxonomy: Taxonomy, options: SupportOptions): ElementSupport[] {
  const order: string[] = [];
  for (const category of taxonomy.categories) {
    if (!incident.categories.includes(category.id)) continue;
    for (const element of category.elements) if (!order.includes(element.id) && (!incident.elements || incident.elements.includes(element.id))) order.push(element.id);
  }
  const counts = options.counts ?? (() => true);
  return order.map((element) => {
    const evidence = (incident.evidence ?? []).filter((entry) => entry.elements?.includes(element));
    const origins = [...new Set(evidence.filter(counts).map(options.originOf))].sort();
    return { element, evidence, origins };
  });
}

/** The distinct origins of all the counted evidence of an incident, sorted. */
export function incidentOrigins(incident: Incident, options: SupportOptions): string[] {
  const counts = options.counts ?? (() => true);
  return [...new Set((incident.evidence ?? []).filter(counts).map(options.originOf))].sort();
}
