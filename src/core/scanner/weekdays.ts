/**
 * Weekday references ("on Saturday", "last Monday") resolved against the document's own date:
 * a news report dated 2025-09-27 that says "on Saturday" means that Saturday or the one before.
 * Only English, and only after one of the words below: a bare "Saturday" is too often a heading.
 */
import type { DateEntity } from './types';
import { isoValue } from './dates';

export type WeekdayRelation = 'on-or-before' | 'before' | 'after';

export const WEEKDAY_RELATIONS: ReadonlyMap<string, WeekdayRelation> = new Map([
  ['on', 'on-or-before'],
  ['last', 'before'],
  ['next', 'after'],
]);

export interface WeekdayReference {
  /** UTF-16 offsets of the weekday name. */
  start: number;
  end: number;
  /** 0 = Sunday. */
  weekday: number;
  relation: WeekdayRelation;
}

const DAY_MS = 86_400_000;

export function resolveWeekday(ref: WeekdayReference, documentDate: string): DateEntity {
  const base = new Date(`${documentDate.slice(0, 10)}T00:00:00Z`);
  let delta = (ref.weekday - base.getUTCDay() + 7) % 7; // days forward to the next such weekday (0 = today)
  if (ref.relation === 'on-or-before') delta = delta === 0 ? 0 : delta - 7;
  else if (ref.relation === 'before') delta = delta === 0 ? -7 : delta - 7;
  else delta = delta === 0 ? 7 : delta;
  const date = new Date(base.getTime() + delta * DAY_MS);
  const value = isoValue({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
  return { kind: 'date', text: '', start: ref.start, end: ref.end, value, precision: 'day', resolvedFrom: documentDate };
}
