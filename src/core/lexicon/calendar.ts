/**
 * Month and weekday names, taken from the JavaScript runtime's ICU data (`Intl.DateTimeFormat`)
 * instead of typed tables: standalone and "in a date" forms (the genitive in Ukrainian, Russian
 * and Polish: "березня", "марта", "marca"), long and abbreviated.
 */

/** Languages whose month names the scanner recognises (the same as the state names). */
export const DATE_LANGUAGES = ['en', 'uk', 'ru', 'pl', 'fr', 'de', 'nl'] as const;

export interface MonthName {
  /** The name as written, lower case, without a trailing dot. */
  name: string;
  /** 1-12. */
  month: number;
  lang: string;
  /** A short form ("Sept", "févr", "лют"), which a period may follow; not the long name. */
  abbreviated: boolean;
}

export interface WeekdayName {
  name: string;
  /** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. */
  weekday: number;
  lang: string;
}

function monthPart(formatter: Intl.DateTimeFormat, date: Date): string {
  const part = formatter.formatToParts(date).find((p) => p.type === 'month');
  return part ? part.value : '';
}

function cleanName(name: string): string {
  return name.toLocaleLowerCase().replace(/\.$/, '').trim();
}

/** Index of the first formatter with `month: 'short'` below: what they add are abbreviations. */
const SHORT_FORMATTERS_FROM = 2;

/** Every month name of the supported languages, deduplicated per language. */
export function monthNames(languages: readonly string[] = DATE_LANGUAGES): MonthName[] {
  const names: MonthName[] = [];
  for (const lang of languages) {
    const formatters = [
      new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    ];
    const seen = new Set<string>();
    for (let month = 1; month <= 12; month++) {
      const date = new Date(Date.UTC(2022, month - 1, 3));
      formatters.forEach((formatter, index) => {
        const name = cleanName(monthPart(formatter, date));
        // Numeric "months" appear where a locale has no short name; they are not names.
        if (!name || /\d/.test(name) || seen.has(name)) return;
        seen.add(name);
        names.push({ name, month, lang, abbreviated: index >= SHORT_FORMATTERS_FROM });
      });
    }
    // English writes "Sept." as often as "Sep."; ICU knows only one of them.
    if (lang === 'en' && !seen.has('sept')) names.push({ name: 'sept', month: 9, lang, abbreviated: true });
  }
  return names;
}

/** English weekday names (weekday references are resolved only in English, see docs/scanner.md). */
export function weekdayNames(): WeekdayName[] {
  const formatter = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
  const names: WeekdayName[] = [];
  // 2022-01-02 was a Sunday.
  for (let weekday = 0; weekday < 7; weekday++) {
    const name = formatter.format(new Date(Date.UTC(2022, 0, 2 + weekday)));
    names.push({ name, weekday, lang: 'en' });
  }
  return names;
}
