/**
 * The scanner: finds states, dates and legal terms in one pass over the text.
 *
 * It walks the text's char codes once. At each word start it hashes the lower-cased word
 * while finding its end, looks the hash up in the lexicon's phrase index, and verifies the
 * candidates (longest first) against the text. Digits and month names start the date parser.
 * Offsets are collected in UTF-16 units and converted to code points at the end, only when
 * the text holds astral characters.
 */
import { lowerChars, wordChars, isSpaceCode } from '../text/chars';
import { OffsetConverter } from '../text/positions';
import { getDefaultLexicon, type Lexicon, type PhrasePayload } from '../lexicon/lexicon';
import { matchPhraseAt, type Phrase } from '../text/phrase-index';
import { DateParser, isoValue, resolveYearless, type DateScanContext, type MonthAt, type RawDate } from './dates';
import { resolveWeekday, WEEKDAY_RELATIONS, type WeekdayReference } from './weekdays';
import { StateEvidence } from './state-evidence';
import type { DateEntity, Entity, EntityKind } from './types';

export interface ScanOptions {
  /** Kinds to find; all by default. */
  kinds?: readonly EntityKind[];
  /** A lexicon compiled with workspace extensions; the default one otherwise. */
  lexicon?: Lexicon;
  /** Read `03/04/2022` as 3 April (default) or, when false, as March 4. */
  dayFirstSlashes?: boolean;
  /** ISO date weekday references resolve against; by default the first full date in the text. */
  documentDate?: string;
}

/** An entity with UTF-16 offsets and no text yet, before `finish`. */
type Found = Entity;

// Module-level copies: the hot loop must not go through import bindings.
const WORDS = wordChars();
const LOWER = lowerChars();
const matchAt = matchPhraseAt;
const isSpace = isSpaceCode;

export function scan(text: string, options: ScanOptions = {}): Entity[] {
  const lexicon = options.lexicon ?? getDefaultLexicon();
  const kinds = new Set<EntityKind>(options.kinds ?? ['state', 'date', 'term']);
  const words = WORDS;
  const lower = LOWER;
  const found: Found[] = [];
  const weekdayRefs: WeekdayReference[] = [];
  const dateContext: DateScanContext = {
    text,
    dayFirstSlashes: options.dayFirstSlashes ?? true,
    monthAt: (pos) => monthAt(lexicon, text, pos),
    previousWord: (pos) => previousWord(text, pos),
  };
  const dates = kinds.has('date') ? new DateParser(dateContext) : undefined;
  const evidence = new StateEvidence(text, lexicon);
  const filter = lexicon.index.firstWordFilter;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    if (words[first] === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    let code = first;
    // Hot loop: inlined hashStep; charCodeAt past the end gives NaN, which is no word char.
    do {
      hash = (Math.imul(hash, 31) + lower[code]) | 0;
      code = text.charCodeAt(++i);
    } while (words[code] === 1);
    const candidates = filter[hash & 0xffff] === 1 ? lexicon.index.candidates(hash) : undefined;
    let tryDate = first >= 0x30 && first <= 0x39;
    if (candidates) tryDate = matchCandidates(text, start, candidates, kinds, found, weekdayRefs, evidence) || tryDate;
    if (dates && tryDate) {
      const raw = dates.parseAt(start);
      if (raw.length > 0) found.push(...dateEntities(raw));
    }
  }
  if (dates && (weekdayRefs.length > 0 || dates.yearless.length > 0)) {
    const documentDate = options.documentDate ?? datelineDate(text, found);
    if (documentDate) {
      for (const ref of weekdayRefs) found.push(resolveWeekday(ref, documentDate));
      for (const range of dates.yearless) {
        const ends = resolveYearless(range, documentDate, dates);
        if (ends) found.push(...dateEntities(ends).map((entity) => ({ ...entity, resolvedFrom: documentDate })));
      }
    }
  }
  return finish(text, found);
}

/** Records the first (longest) match of each kind among the candidates; returns whether a month name starts here. */
function matchCandidates(
  text: string,
  start: number,
  candidates: readonly Phrase<PhrasePayload>[],
  kinds: ReadonlySet<EntityKind>,
  found: Found[],
  weekdayRefs: WeekdayReference[],
  evidence: StateEvidence,
): boolean {
  let stateDone = !kinds.has('state');
  let termDone = !kinds.has('term');
  let isMonth = false;
  for (const phrase of candidates) {
    const { payload } = phrase;
    if ((payload.type === 'state' && stateDone) || (payload.type === 'term' && termDone)) continue;
    const end = matchAt(text, start, phrase);
    if (end < 0) continue;
    switch (payload.type) {
      case 'state':
        // A name that is also an ordinary word needs evidence (ambiguous-names.ts); a shorter name may still match.
        if (payload.needsEvidence && !evidence.accepts(payload.state, start, end)) break;
        stateDone = true;
        found.push({
          kind: 'state', text: '', start, end, code: payload.state.code, name: payload.displayName, subKind: payload.state.subKind,
          ...(payload.state.lang ? { lang: payload.state.lang } : {}),
        });
        break;
      case 'term':
        termDone = true;
        found.push({ kind: 'term', text: '', start, end, id: payload.term.id, subKind: payload.term.kind, label: payload.term.label });
        break;
      case 'month':
        isMonth = true;
        break;
      case 'weekday': {
        const relation = WEEKDAY_RELATIONS.get(previousWord(text, start));
        if (relation) weekdayRefs.push({ start, end, weekday: payload.weekday.weekday, relation });
        break;
      }
    }
  }
  return isMonth;
}

function dateEntity(date: RawDate): DateEntity {
  const precision = date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
  const entity: DateEntity = { kind: 'date', text: '', start: date.start, end: date.end, value: isoValue(date), precision };
  if (date.time !== undefined) entity.time = date.time;
  return entity;
}

/** One date, or the two ends of a range linked by an ISO 8601 interval. */
function dateEntities(dates: readonly RawDate[]): DateEntity[] {
  const entities = dates.map(dateEntity);
  if (entities.length === 2) {
    const value = `${entities[0].value}/${entities[1].value}`;
    entities[0].range = { role: 'start', value };
    entities[1].range = { role: 'end', value };
  }
  return entities;
}

/**
 * The document's own date, when it has a dateline: a full date near the top of a short text
 * (a news report, a statement). Long texts such as treaties name weekdays generically
 * ("preferably on Sunday"), so they get none unless the caller passes `documentDate`.
 */
const DATELINE_WITHIN = 400;
const DATELINE_MAX_TEXT = 100_000;

function datelineDate(text: string, found: readonly Found[]): string | undefined {
  if (text.length > DATELINE_MAX_TEXT) return undefined;
  for (const entity of found) {
    if (entity.start >= DATELINE_WITHIN) return undefined;
    if (entity.kind === 'date' && entity.precision === 'day' && !entity.resolvedFrom) return entity.value;
  }
  return undefined;
}

function monthAt(lexicon: Lexicon, text: string, pos: number): MonthAt | undefined {
  const words = WORDS;
  const lower = LOWER;
  let hash = 0;
  let i = pos;
  // Inlined hashStep, as in the main loop.
  while (i < text.length && words[text.charCodeAt(i)]) hash = (Math.imul(hash, 31) + lower[text.charCodeAt(i++)]) | 0;
  if (i === pos) return undefined;
  for (const phrase of lexicon.index.candidates(hash) ?? []) {
    if (phrase.payload.type !== 'month') continue;
    const end = matchPhraseAt(text, pos, phrase);
    if (end >= 0) return { month: phrase.payload.month.month, end, abbreviated: phrase.payload.month.abbreviated };
  }
  return undefined;
}

/** The lower-cased word before `pos`, skipping whitespace; '' when punctuation intervenes. */
export function previousWord(text: string, pos: number): string {
  const words = WORDS;
  let end = pos;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && words[text.charCodeAt(start - 1)] && end - start < 16) start--;
  return text.slice(start, end).toLowerCase();
}

/**
 * Sorts, drops an entity contained in a longer one of the same kind ("Geneva Convention" in
 * "Third Geneva Convention", "March 2023" in "30 March 2023"), converts offsets to code points.
 * Entities of different kinds may nest ("Ukraine" in "UN Human Rights Monitoring Mission in Ukraine").
 */
function finish(text: string, found: Found[]): Entity[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const reach: Record<EntityKind, number> = { state: -1, date: -1, term: -1 };
  const kept: Found[] = [];
  for (const entity of found) {
    if (entity.end <= reach[entity.kind]) continue;
    reach[entity.kind] = entity.end;
    kept.push(entity);
  }
  const converter = new OffsetConverter(text);
  return kept.map((entity) => {
    const result = { ...entity, text: text.slice(entity.start, entity.end) } as Entity;
    if (converter.hasAstral) {
      result.start = converter.toCodePoint(entity.start);
      result.end = converter.toCodePoint(entity.end);
    }
    return result;
  });
}
