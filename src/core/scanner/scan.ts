/**
 * The scanner: finds states, dates and legal terms in one pass over the text's char codes.
 *
 * `scanEntities` hands the entities out as the scan goes, so a long text's never pile up
 * (`scan` collects them). Offsets are found in UTF-16 units and converted to code points as each
 * entity leaves (entity-order.ts), only when the text holds astral characters.
 */
import { lowerChars, wordChars, isSpaceCode } from '../text/chars';
import { getDefaultLexicon, type Lexicon, type PhrasePayload } from '../lexicon/lexicon';
import { firstWordMatches, matchPhraseAfterFirstWord, matchPhraseAt, type Phrase } from '../text/phrase-index';
import { DateParser, isoValue, resolveYearless, type DateScanContext, type MonthAt, type RawDate } from './dates';
import { resolveWeekday, WEEKDAY_RELATIONS, type WeekdayReference } from './weekdays';
import { StateEvidence } from './state-evidence';
import { ENTITY_KINDS, type DateEntity, type Entity, type EntityKind } from './types';
import { EntityOrder } from './entity-order';

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

/** An entity with UTF-16 offsets and no text yet, before `EntityOrder` releases it. */
type Found = Entity;

// Module-level copies: the hot loop must not go through import bindings.
const WORDS = wordChars();
const LOWER = lowerChars();
const isSpace = isSpaceCode;

/** UTF-16 units scanned per stretch: the entities of one stretch are what the scanner holds at a time. */
export const SCAN_STRETCH = 1 << 16;

/** Every entity of `text`, in order (see `EntityOrder`). */
export function scan(text: string, options: ScanOptions = {}): Entity[] {
  return Array.from(scanEntities(text, options));
}

/** The entities of `text` one by one, in the order `scan` returns them, a stretch of text scanned at a time. */
export function* scanEntities(text: string, options: ScanOptions = {}): Generator<Entity, void, undefined> {
  const scanner = new EntityScanner(text, options);
  while (!scanner.done) yield* scanner.nextStretch();
}

/**
 * The scanner, one stretch of text at a time. At each word start it hashes the lower-cased word
 * while finding its end, looks the hash up in the lexicon's phrase index, and verifies the
 * candidates (longest first) against the text. Digits and month names start the date parser.
 *
 * Every find starts at or after the word start where it was made, so once a stretch is scanned,
 * the finds starting before its end are final and leave in order. Only a short text with a
 * dateline (see `datelineDate`) is held whole until its document date is known.
 */
export class EntityScanner {
  private position = 0;
  private readonly kinds: ReadonlySet<EntityKind>;
  private readonly lexicon: Lexicon;
  private readonly dates: DateParser | undefined;
  private readonly evidence: StateEvidence;
  private readonly order: EntityOrder;
  private readonly documentDate: DocumentDate;
  /** Weekday references seen before the document's date is known. */
  private waitingWeekdays: WeekdayReference[] = [];
  private heldMost = 0;
  private finished = false;

  constructor(private readonly text: string, options: ScanOptions = {}) {
    this.lexicon = options.lexicon ?? getDefaultLexicon();
    this.kinds = new Set<EntityKind>(options.kinds ?? ENTITY_KINDS);
    const lexicon = this.lexicon;
    const dateContext: DateScanContext = {
      text,
      dayFirstSlashes: options.dayFirstSlashes ?? true,
      monthAt: (pos) => monthAt(lexicon, text, pos),
      previousWord: (pos) => previousWord(text, pos),
    };
    this.dates = this.kinds.has('date') ? new DateParser(dateContext) : undefined;
    this.evidence = new StateEvidence(text, lexicon);
    this.order = new EntityOrder(text);
    this.documentDate = new DocumentDate(this.dates ? options.documentDate : undefined, this.dates !== undefined && !options.documentDate && text.length <= DATELINE_MAX_TEXT);
  }

  /** Whether every entity has been returned. */
  get done(): boolean {
    return this.finished;
  }

  /** The most finds held at once so far: what the scanner's memory grows with. */
  get mostHeld(): number {
    return this.heldMost;
  }

  /** Scans the next stretch and returns the entities that are final, in order; the last call returns the rest. */
  nextStretch(): Entity[] {
    if (this.finished) return [];
    const found: Found[] = [];
    const weekdayRefs: WeekdayReference[] = [];
    this.scanWords(Math.min(this.text.length, this.position + SCAN_STRETCH), found, weekdayRefs);
    for (const entity of found) {
      this.documentDate.see(entity);
      this.order.add(entity);
    }
    this.waitingWeekdays.push(...weekdayRefs);
    const atEnd = this.position >= this.text.length;
    if (atEnd) this.documentDate.endOfText();
    if (this.documentDate.known) this.addDated(this.documentDate.value);
    this.heldMost = Math.max(this.heldMost, this.order.held);
    if (atEnd) {
      this.finished = true;
      return this.order.release(Infinity);
    }
    return this.documentDate.known ? this.order.release(this.position) : [];
  }

  /** Weekday references and yearless ranges dated by the document's date, or dropped without one. */
  private addDated(documentDate: string | undefined): void {
    if (documentDate) {
      for (const ref of this.waitingWeekdays) this.order.addLate(resolveWeekday(ref, documentDate));
      for (const range of this.dates?.yearless ?? []) {
        const ends = resolveYearless(range, documentDate, this.dates as DateParser);
        if (ends) for (const entity of dateEntities(ends)) this.order.addLate({ ...entity, resolvedFrom: documentDate });
      }
    }
    this.waitingWeekdays = [];
    this.dates?.yearless.splice(0);
  }

  /** The main loop, from `this.position` to the first word start at or after `limit`. */
  private scanWords(limit: number, found: Found[], weekdayRefs: WeekdayReference[]): void {
    const text = this.text;
    const lexicon = this.lexicon;
    const kinds = this.kinds;
    const dates = this.dates;
    const evidence = this.evidence;
    const words = WORDS;
    const lower = LOWER;
    const filter = lexicon.index.firstWordFilter;
    let i = this.position;
    while (i < limit) {
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
    this.position = i;
  }
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
  // Candidates of one first word compare it with the text once (PhraseIndex's `firstWord`).
  let firstWord = -1;
  let firstWordFound = false;
  for (const phrase of candidates) {
    const { payload } = phrase;
    if ((payload.type === 'state' && stateDone) || (payload.type === 'term' && termDone)) continue;
    if (phrase.firstWord !== firstWord) {
      firstWord = phrase.firstWord;
      firstWordFound = firstWordMatches(text, start, phrase);
    }
    if (!firstWordFound) continue;
    const end = matchPhraseAfterFirstWord(text, start, phrase);
    if (end < 0) continue;
    switch (payload.type) {
      case 'state':
        // A name that is also an ordinary word needs evidence (ambiguous-names.ts); a shorter name may still match.
        if (payload.needsEvidence && !evidence.accepts(payload.state, start, end)) break;
        stateDone = true;
        // Two literals rather than a spread of `lang`: the same keys in the same order, without the spread's slow path.
        found.push(payload.state.lang
          ? { kind: 'state', text: '', start, end, code: payload.state.code, name: payload.displayName, subKind: payload.state.subKind, lang: payload.state.lang }
          : { kind: 'state', text: '', start, end, code: payload.state.code, name: payload.displayName, subKind: payload.state.subKind });
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
 * It is the first day-precise date among the finds, in the order they were made, unless a find
 * starting past `DATELINE_WITHIN` comes first.
 */
const DATELINE_WITHIN = 400;
const DATELINE_MAX_TEXT = 100_000;

class DocumentDate {
  private date: string | undefined;
  private decided: boolean;

  /** `given`: the caller's date; `fromDateline`: whether to look for one among the finds. */
  constructor(given: string | undefined, fromDateline: boolean) {
    this.date = given;
    this.decided = !fromDateline;
  }

  get known(): boolean {
    return this.decided;
  }

  /** The date, once `known`; undefined when the document has none. */
  get value(): string | undefined {
    return this.date;
  }

  /** Each find, in the order made. */
  see(entity: Found): void {
    if (this.decided) return;
    if (entity.start >= DATELINE_WITHIN) this.decided = true;
    else if (entity.kind === 'date' && entity.precision === 'day' && !entity.resolvedFrom) {
      this.date = entity.value;
      this.decided = true;
    }
  }

  endOfText(): void {
    this.decided = true;
  }
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
