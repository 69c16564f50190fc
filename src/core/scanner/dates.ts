/**
 * Date recognition at one position of the text, by hand on char codes (no RegExp, no
 * allocation on the failure path, which is the common one: most numbers are not dates).
 *
 * Recognised: ISO `2025-09-27` and ISO date-times (`2022-03-04T10:15:00Z`, `20220304T101500Z`);
 * day-first numeric `24.07.2025`, `24/07/2025`, `24-07-2025` (slashes month-first when
 * configured); `3 March 2022`, `14 Sept. 2022`, `3rd of March 2022`, `3. März 2022`,
 * `3 березня 2022`; `March 30, 2023`, `March 3rd, 2022`; `February 2022`; a year alone after a
 * preposition or in parentheses (`in 1949`, `(1991)`); ranges whose first part borrows month and
 * year from the second (`from April 21 to August 12, 1949`, `1–15 October 2025`, `March–May 2023`,
 * `between 1 and 15 October 2025`, `vom 1. bis 15. Oktober 2025`) or is complete itself.
 */
import { isDigitCode as digitCode, isSpaceCode, wordChars } from '../text/chars';

// Module-level copies: the cursor runs on every number and month name, and must not go through
// import bindings per character.
const WORDS = wordChars();
const isSpace = isSpaceCode;
const isDigitCode = digitCode;

export interface RawDate {
  /** UTF-16 offsets. */
  start: number;
  end: number;
  year: number;
  month?: number;
  day?: number;
  /** The time of an ISO date-time as written after the `T` (`10:15:00Z`). */
  time?: string;
}

/** A month name in the text: its month (1-12), its end, whether it is a short form that a period may follow. */
export interface MonthAt {
  month: number;
  end: number;
  abbreviated: boolean;
}

export interface DateScanContext {
  readonly text: string;
  /** Month (1-12) and end offset of a month name starting at `pos`, or undefined. */
  monthAt(pos: number): MonthAt | undefined;
  /** Lower-cased word that ends right before `pos` (spaces skipped), or '' — for the year-alone rule. */
  previousWord(pos: number): string;
  /** How to read `03/04/2022`: day first (3 April) unless false. */
  readonly dayFirstSlashes: boolean;
}

/** Words after which a lone four-digit number is a year ("in 1949", "since 2014"). */
const YEAR_PREPOSITIONS = new Set([
  'in', 'of', 'since', 'until', 'till', 'by', 'from', 'before', 'after', 'during', 'year', 'early', 'late', 'mid',
  'im', 'seit', 'bis', 'von', 'en', 'depuis', 'de', 'sinds', 'tot', 'van', 'w', 'od', 'do', 'у', 'в', 'з', 'с', 'до', 'від', 'от',
]);

/** Words joining the two ends of a range. "and" is left out: "on 3 March and 2 June" is two dates. */
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', 'thru', 'до', 'по', 'do', 'au', 'bis', 'tot']);

/** "between", in our seven languages: after it, "and" joins the two ends of one range. */
const BETWEEN_WORDS = new Set(['between', 'zwischen', 'entre', 'tussen', 'między', 'між', 'между']);

/** "and" after one of `BETWEEN_WORDS`: "between 1 and 15 October", "между 1 и 15 октября". */
const BETWEEN_AND_WORDS = new Set(['and', 'und', 'et', 'en', 'a', 'i', 'і', 'й', 'та', 'и']);

/** Articles that may stand before a day: "zwischen dem 1. und dem 15.", "entre le 1er et le 15". */
const DAY_ARTICLES = new Set(['the', 'dem', 'den', 'le']);

const MIN_YEAR = 1000;
const MAX_YEAR = 2999;
const BARE_YEAR_MIN = 1800;
const BARE_YEAR_MAX = 2099;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

class Cursor {
  constructor(private readonly ctx: DateScanContext) {}

  code(pos: number): number {
    return pos < this.ctx.text.length ? this.ctx.text.charCodeAt(pos) : -1;
  }

  /** Digits at `pos`; undefined when there are fewer than min or more than max of them. */
  number(pos: number, min: number, max: number): { value: number; end: number } | undefined {
    let end = pos;
    let value = 0;
    while (isDigitCode(this.code(end))) {
      value = value * 10 + this.code(end) - 0x30;
      end++;
      if (end - pos > max) return undefined;
    }
    return end - pos >= min ? { value, end } : undefined;
  }

  /** Exactly `count` digits at `pos`, whatever follows them (`0500` -> `05` then `00`). */
  digits(pos: number, count: number): { value: number; end: number } | undefined {
    let value = 0;
    for (let end = pos; end < pos + count; end++) {
      if (!isDigitCode(this.code(end))) return undefined;
      value = value * 10 + this.code(end) - 0x30;
    }
    return { value, end: pos + count };
  }

  /** True when no letter or digit follows at `pos` (the date ends there). */
  endsAt(pos: number): boolean {
    const code = this.code(pos);
    return code < 0 || !WORDS[code];
  }

  /** Skips whitespace; returns the new position (== pos when none). */
  spaces(pos: number): number {
    while (isSpace(this.code(pos))) pos++;
    return pos;
  }

  /** The short word at pos, lower-cased ("of", "to", "між"); undefined when none or longer than 8. */
  wordAt(pos: number): { text: string; end: number } | undefined {
    let end = pos;
    const table = WORDS;
    while (end < this.ctx.text.length && table[this.code(end)]) end++;
    if (end === pos || end - pos > 8) return undefined;
    return { text: this.ctx.text.slice(pos, end).toLowerCase(), end };
  }

  /** A word of `words` (lower case) at pos; returns its end or -1. */
  word(pos: number, words: ReadonlySet<string>): number {
    const word = this.wordAt(pos);
    return word && words.has(word.text) ? word.end : -1;
  }

  /** Start of the word that ends right before `pos` (spaces skipped), or -1 when there is none. */
  previousWordStart(pos: number): number {
    const table = WORDS;
    let end = pos;
    while (end > 0 && isSpace(this.code(end - 1))) end--;
    let start = end;
    while (start > 0 && table[this.code(start - 1)]) start--;
    return start < end ? start : -1;
  }
}

const OF = new Set(['of']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'er']);

/** A date whose parts are not all known yet: the first end of a range, a day and month without a year. */
export interface PartialDate {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  time?: string;
}

/** What `parseAt` returns where no date starts (most numbers): one shared empty list, no allocation. */
const NO_DATES: readonly RawDate[] = Object.freeze([]);

export class DateParser {
  private readonly at: Cursor;

  constructor(private readonly ctx: DateScanContext) {
    this.at = new Cursor(ctx);
  }

  /** Dates starting at `pos`, a word start: none, one, or the two ends of a range. */
  parseAt(pos: number): readonly RawDate[] {
    const first = this.partialAt(pos);
    if (!first) return NO_DATES;
    const second = this.rangeEndAfter(pos, first.end);
    if (second?.year !== undefined) {
      const start = this.borrow(first, second as RawDate);
      if (start && compare(start, second as RawDate) < 0) return [start, second as RawDate];
    } else if (second && first.year === undefined && first.day !== undefined && second.day !== undefined && second.month !== undefined) {
      this.yearless.push({ first, second });
    }
    if (first.year === undefined) return NO_DATES;
    return [first as RawDate];
  }

  /**
   * Day ranges without a year ("1 to 15 October", "from April 21 to May 3"), in text order: the
   * caller dates them by the document's own date (`resolveYearless`) or leaves them out.
   */
  readonly yearless: YearlessRange[] = [];

  /** A date or a date missing its year (and month) as the first part of a range. */
  private partialAt(pos: number): PartialDate | undefined {
    const code = this.at.code(pos);
    if (isDigitCode(code)) return this.numericStart(pos);
    const month = this.ctx.monthAt(pos);
    return month ? this.monthStart(pos, month) : undefined;
  }

  /** Whether the word before `pos`, an article skipped, is "between" ("between 1 and 15 October"). */
  private afterBetween(pos: number): boolean {
    let start = this.at.previousWordStart(pos);
    if (start >= 0 && this.at.word(start, DAY_ARTICLES) > 0) start = this.at.previousWordStart(start);
    return start >= 0 && this.at.word(start, BETWEEN_WORDS) > 0;
  }

  /**
   * The second end of the range whose first part spans `[start, pos)`: a date, or a day and month
   * without a year. "and" joins the two only after "between" ("between 1 and 15 October").
   */
  private rangeEndAfter(start: number, pos: number): PartialDate | undefined {
    let next = this.at.spaces(pos);
    const code = this.at.code(next);
    if (code === 0x2d || code === 0x2013 || code === 0x2014) {
      next = this.at.spaces(next + 1);
    } else {
      if (next === pos) return undefined;
      const joiner = this.at.wordAt(next);
      if (!joiner) return undefined;
      if (!RANGE_WORDS.has(joiner.text) && !(BETWEEN_AND_WORDS.has(joiner.text) && this.afterBetween(start))) return undefined;
      next = this.at.spaces(joiner.end);
      if (next === joiner.end) return undefined;
      const articleEnd = this.at.word(next, DAY_ARTICLES);
      if (articleEnd > 0 && this.at.spaces(articleEnd) > articleEnd) next = this.at.spaces(articleEnd);
    }
    return this.partialAt(next);
  }

  /** Completes the first part of a range with the month and year of the second. */
  borrow(first: PartialDate, second: RawDate): RawDate | undefined {
    const year = first.year ?? second.year;
    const month = first.month ?? second.month;
    if (first.day !== undefined && month === undefined) return undefined;
    if (first.day !== undefined && month !== undefined && !isValidDay(year, month, first.day)) return undefined;
    // A range's ends have the same precision: "March to 12 May 2022" is not one.
    if ((first.day === undefined) !== (second.day === undefined)) return undefined;
    return { start: first.start, end: first.end, year, month, day: first.day };
  }

  private numericStart(pos: number): PartialDate | undefined {
    const four = this.at.number(pos, 4, 4);
    if (four) return this.isoOrYear(pos, four.value, four.end);
    const eight = this.at.number(pos, 8, 8);
    if (eight) return this.isoBasicDateTime(pos, eight.value, eight.end);
    const day = this.at.number(pos, 1, 2);
    if (!day) return undefined;
    return this.numericDate(pos, day.value, day.end) ?? this.dayMonth(pos, day.value, day.end);
  }

  /** `2025-09-27`, `2022-03-04T10:15:00Z`, or a year alone in a context that says it is one. */
  private isoOrYear(pos: number, year: number, end: number): PartialDate | undefined {
    if (this.at.code(end) === 0x2d) {
      const month = this.at.number(end + 1, 2, 2);
      if (month && this.at.code(month.end) === 0x2d) {
        const day = this.at.number(month.end + 1, 2, 2);
        if (day && isValidDay(year, month.value, day.value)) {
          const date = { start: pos, end: day.end, year, month: month.value, day: day.value };
          if (this.at.endsAt(day.end)) return date;
          return this.withTime(date, true);
        }
      }
      return undefined;
    }
    if (!this.at.endsAt(end) || year < BARE_YEAR_MIN || year > BARE_YEAR_MAX) return undefined;
    const before = pos > 0 ? this.at.code(pos - 1) : -1;
    const after = this.at.code(end);
    // A year continued by "." + digit, "/" or ":" is a number of another kind (2022.5, 2022/23, 1949:12).
    if ((after === 0x2e && isDigitCode(this.at.code(end + 1))) || after === 0x2f || after === 0x3a) return undefined;
    const inParentheses = before === 0x28 && after === 0x29;
    if (inParentheses || YEAR_PREPOSITIONS.has(this.ctx.previousWord(pos))) return { start: pos, end, year };
    return undefined;
  }

  /** ISO 8601 basic format, only as a date-time (`20220304T101500Z`): eight digits alone are a number. */
  private isoBasicDateTime(pos: number, digits: number, end: number): PartialDate | undefined {
    const year = Math.floor(digits / 10000);
    const month = Math.floor(digits / 100) % 100;
    const day = digits % 100;
    if (year < MIN_YEAR || year > MAX_YEAR || !isValidDay(year, month, day)) return undefined;
    return this.withTime({ start: pos, end, year, month, day }, false);
  }

  /**
   * Extends an ISO date by the time that follows its `T`: hours, optional minutes and seconds
   * (with colons when `extended`, without in the basic format), an optional fraction and an
   * optional `Z` or offset. Undefined when no well-formed time follows.
   */
  private withTime(date: PartialDate, extended: boolean): PartialDate | undefined {
    const t = date.end;
    if (this.at.code(t) !== 0x54) return undefined; // T
    const hours = this.at.digits(t + 1, 2);
    if (!hours || hours.value > 24) return undefined;
    let end = hours.end;
    for (let field = 0; field < 2; field++) {
      if (extended && this.at.code(end) !== 0x3a) break;
      const part = this.at.digits(extended ? end + 1 : end, 2);
      if (!part || part.value > 59) {
        if (extended) return undefined; // a colon promises minutes or seconds
        break;
      }
      end = part.end;
    }
    if ((this.at.code(end) === 0x2e || this.at.code(end) === 0x2c) && isDigitCode(this.at.code(end + 1))) {
      end++;
      while (isDigitCode(this.at.code(end))) end++;
    }
    end = this.timeZoneEnd(end, extended);
    if (!this.at.endsAt(end)) return undefined;
    return { ...date, end, time: this.ctx.text.slice(t + 1, end) };
  }

  /** End of `Z`, `+02:00`, `-0500` or `+02` at `pos`; `pos` when there is none. */
  private timeZoneEnd(pos: number, extended: boolean): number {
    const code = this.at.code(pos);
    if (code === 0x5a) return pos + 1; // Z
    if (code !== 0x2b && code !== 0x2d && code !== 0x2212) return pos;
    const hours = this.at.digits(pos + 1, 2);
    if (!hours) return pos;
    const minutesAt = extended && this.at.code(hours.end) === 0x3a ? hours.end + 1 : hours.end;
    const minutes = this.at.digits(minutesAt, 2);
    return minutes ? minutes.end : hours.end;
  }

  /** `24.07.2025`, `24/07/2025`, `24-07-2025`: day first unless configured otherwise for slashes. */
  private numericDate(pos: number, first: number, firstEnd: number): PartialDate | undefined {
    const separator = this.at.code(firstEnd);
    if (separator !== 0x2e && separator !== 0x2f && separator !== 0x2d) return undefined;
    const second = this.at.number(firstEnd + 1, 1, 2);
    if (!second || this.at.code(second.end) !== separator) return undefined;
    const year = this.at.number(second.end + 1, 4, 4);
    if (!year || !this.at.endsAt(year.end)) return undefined;
    // "1.2.2025.3" is a version or section number, not a date.
    if (this.at.code(year.end) === separator && isDigitCode(this.at.code(year.end + 1))) return undefined;
    const monthFirst = separator === 0x2f && !this.ctx.dayFirstSlashes;
    const day = monthFirst ? second.value : first;
    const month = monthFirst ? first : second.value;
    if (year.value < MIN_YEAR || year.value > MAX_YEAR || !isValidDay(year.value, month, day)) return undefined;
    return { start: pos, end: year.end, year: year.value, month, day };
  }

  /** `3 March 2022`, `3rd of March 2022`, `3. März 2022`; `1` or `21 April` as a range's first part. */
  private dayMonth(pos: number, day: number, dayEnd: number): PartialDate | undefined {
    if (day < 1 || day > 31) return undefined;
    let next = this.ordinalSuffix(dayEnd);
    if (!this.at.endsAt(next)) return undefined;
    if (this.at.code(next) === 0x2e) next++; // German "3. März", "vom 1. bis 15. Oktober"
    const bare: PartialDate = { start: pos, end: next, day };
    let afterSpace = this.at.spaces(next);
    if (afterSpace === next) return bare;
    const ofEnd = this.at.word(afterSpace, OF);
    if (ofEnd > 0 && this.at.spaces(ofEnd) > ofEnd) afterSpace = this.at.spaces(ofEnd);
    const month = this.ctx.monthAt(afterSpace);
    if (!month) return bare;
    const withMonth: PartialDate = { start: pos, end: this.skipDot(month), day, month: month.month };
    const year = this.yearAfter(withMonth.end, false); // "14 Sept. 2022": the year follows the dot
    if (!year) return withMonth;
    if (!isValidDay(year.value, month.month, day)) return undefined;
    return { start: pos, end: year.end, year: year.value, month: month.month, day };
  }

  /** `March 30, 2023`, `February 2022`, `April 21` or `March` (in `March–May 2023`) as a range's first part. */
  private monthStart(pos: number, month: MonthAt): PartialDate | undefined {
    const afterMonth = this.skipDot(month);
    const next = this.at.spaces(afterMonth);
    if (next === afterMonth) return { start: pos, end: afterMonth, month: month.month };
    const day = this.at.number(next, 1, 2);
    if (day) {
      const dayEnd = this.ordinalSuffix(day.end);
      if (!this.at.endsAt(dayEnd) || day.value < 1 || day.value > 31) return undefined;
      const year = this.yearAfter(dayEnd, true);
      if (!year) return { start: pos, end: dayEnd, month: month.month, day: day.value };
      if (!isValidDay(year.value, month.month, day.value)) return undefined;
      return { start: pos, end: year.end, year: year.value, month: month.month, day: day.value };
    }
    const year = this.yearAfter(afterMonth, true);
    if (year) return { start: pos, end: year.end, year: year.value, month: month.month };
    return { start: pos, end: afterMonth, month: month.month };
  }

  /** A four-digit year after optional comma and required whitespace. */
  private yearAfter(pos: number, allowComma: boolean): { value: number; end: number } | undefined {
    let next = pos;
    if (allowComma && this.at.code(next) === 0x2c) next++;
    const afterSpace = this.at.spaces(next);
    if (afterSpace === next) return undefined;
    const year = this.at.number(afterSpace, 4, 4);
    if (!year || !this.at.endsAt(year.end) || year.value < MIN_YEAR || year.value > MAX_YEAR) return undefined;
    return year;
  }

  private ordinalSuffix(pos: number): number {
    const a = this.at.code(pos) | 0x20;
    const b = this.at.code(pos + 1) | 0x20;
    const suffix = String.fromCharCode(a, b);
    return ORDINAL_SUFFIXES.has(suffix) && this.at.endsAt(pos + 2) ? pos + 2 : pos;
  }

  /** The end of a month name with the period of an abbreviation ("Sept."); a period after a full name ends a sentence. */
  private skipDot(month: MonthAt): number {
    const pos = month.end;
    return month.abbreviated && this.at.code(pos) === 0x2e && !isDigitCode(this.at.code(pos + 1)) ? pos + 1 : pos;
  }
}

/** A day range without a year, "1 to 15 October": both ends have a day, the second a month. */
export interface YearlessRange {
  first: PartialDate;
  second: PartialDate;
}

/**
 * Dates a yearless day range by the document's date (ISO `YYYY-MM-DD`): the year that puts its
 * start nearest that date ("1 to 15 October" in a report of 20 January 2026 is October 2025).
 * Undefined when no year makes a valid range ("29 February" in the wrong years).
 */
export function resolveYearless(range: YearlessRange, documentDate: string, parser: DateParser): RawDate[] | undefined {
  const base = Date.parse(`${documentDate.slice(0, 10)}T00:00:00Z`);
  const documentYear = Number(documentDate.slice(0, 4));
  let best: RawDate[] | undefined;
  let bestDistance = Infinity;
  for (const year of [documentYear - 1, documentYear, documentYear + 1]) {
    const second = { ...range.second, year } as RawDate;
    if (!isValidDay(year, second.month as number, second.day as number)) continue;
    const first = parser.borrow(range.first, second);
    if (!first || compare(first, second) >= 0) continue;
    const distance = Math.abs(Date.UTC(year, (first.month as number) - 1, first.day) - base);
    if (distance < bestDistance) {
      best = [first, second];
      bestDistance = distance;
    }
  }
  return best;
}

function compare(a: RawDate, b: RawDate): number {
  return (a.year - b.year) || ((a.month ?? 0) - (b.month ?? 0)) || ((a.day ?? 0) - (b.day ?? 0));
}

/** ISO 8601 value of a date, as precise as its parts. */
export function isoValue(date: { year: number; month?: number; day?: number }): string {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  const month = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(date.day).padStart(2, '0')}`;
}
