/** What the scanner finds. Offsets are Unicode code points, `end` exclusive (see BRIEF, section 2). */
import type { TermKind } from '../lexicon/types';
import type { StateNameKind } from '../lexicon/states';

export type EntityKind = 'state' | 'date' | 'term';

export const ENTITY_KINDS: readonly EntityKind[] = ['state', 'date', 'term'];

interface EntityBase {
  kind: EntityKind;
  /** The text as it stands in the source (line breaks inside a wrapped term included). */
  text: string;
  start: number;
  end: number;
}

export interface StateEntity extends EntityBase {
  kind: 'state';
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** English short name of the state. */
  name: string;
  /** A name of the state, or a demonym ("Ukrainian") linked to it. */
  subKind: StateNameKind;
  /** Language of the matched name, where it is known. */
  lang?: string;
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateEntity extends EntityBase {
  kind: 'date';
  /** ISO 8601, as precise as the text: `2025-07-24`, `2022-02`, `1949`. */
  value: string;
  precision: DatePrecision;
  /** The time of an ISO date-time (`2022-03-04T10:15:00Z`) as written after the `T`: `10:15:00Z`. `value` holds the date. */
  time?: string;
  /** Set on both ends of a range ("from April 21 to August 12, 1949"): ISO 8601 interval `start/end`. */
  range?: { role: 'start' | 'end'; value: string };
  /** Set on weekday references ("on Saturday") resolved against the document's own date. */
  resolvedFrom?: string;
}

export interface TermEntity extends EntityBase {
  kind: 'term';
  /** Glossary id. */
  id: string;
  subKind: TermKind;
  label: string;
}

export type Entity = StateEntity | DateEntity | TermEntity;
