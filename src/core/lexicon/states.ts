/**
 * State names: every known state (see un-states.ts) by its names in seven languages from
 * `i18n-iso-countries`, plus our aliases and demonyms. Each name is linked to its ISO 3166-1
 * alpha-2 code.
 */
// The package's Node entry registers all 80 languages (700 KB in the bundle); its plain entry registers none and we add our seven.
import * as countries from 'i18n-iso-countries/index';
import en from 'i18n-iso-countries/langs/en.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import de from 'i18n-iso-countries/langs/de.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import { KNOWN_STATE_CODES } from './un-states';
import type { AmbiguousName } from './ambiguous-names';
import type { DemonymEntry, StateAliasEntry } from './types';

export const STATE_LANGUAGES = ['en', 'uk', 'ru', 'pl', 'fr', 'de', 'nl'] as const;

for (const locale of [en, uk, ru, pl, fr, de, nl]) countries.registerLocale(locale);

export type StateNameKind = 'name' | 'demonym';

export interface StateName {
  /** The name as written in texts, words separated by single spaces. */
  text: string;
  code: string;
  subKind: StateNameKind;
  /** Language of the name, when known. */
  lang?: string;
  /** Set on a name that is also an ordinary word: the evidence that makes it the state. */
  ambiguous?: AmbiguousName;
  /** Set on a demonym that also names a language ("French"): not a state in "the French text". */
  languageName?: boolean;
}

/**
 * Names shared by two states in the package's data, and the state they are taken to mean.
 * "Congo" alone is the Republic of the Congo's ISO short name; the other is written
 * "DR Congo" or "Democratic Republic of the Congo".
 */
const SHARED_NAME_OWNERS: Record<string, string> = { Congo: 'CG', Конго: 'CG', Kongo: 'CG' };

/**
 * Turns the package's catalogue forms into the forms texts use:
 * "Korea, Republic of" -> "Republic of Korea", "Korea";
 * "Holy See (Vatican City State)" -> "Holy See", "Vatican City State";
 * "Netherlands (Kingdom of the)" -> "Netherlands", "Kingdom of the Netherlands";
 * "The Republic of North Macedonia" -> "Republic of North Macedonia".
 */
export function textFormsOfCatalogueName(name: string): string[] {
  const forms: string[] = [];
  const inverted = /^(.+), (.+ (?:of|of the|de|de la|du|des|von|van))$/u.exec(name);
  const parenthesised = /^(.+?) \((.+)\)$/u.exec(name);
  if (inverted) {
    forms.push(`${inverted[2]} ${inverted[1]}`, inverted[1]);
  } else if (parenthesised) {
    const [, head, inner] = parenthesised;
    forms.push(head);
    forms.push(/ (?:of|of the)$/u.test(inner) ? `${inner} ${head}` : inner);
  } else if (!name.includes(',')) {
    forms.push(name);
  }
  return forms
    .map((form) => form.replace(/^(?:The|the) /u, '').replace(/\s+/gu, ' ').trim())
    .filter((form) => form.length > 1);
}

/** Every state name and demonym, deduplicated: a text form belongs to one state only. */
export function buildStateNames(demonyms: readonly DemonymEntry[], aliases: readonly StateAliasEntry[]): StateName[] {
  const byText = new Map<string, StateName>();
  const add = (entry: StateName): void => {
    const owner = SHARED_NAME_OWNERS[entry.text];
    if (owner && owner !== entry.code) return;
    if (!byText.has(entry.text)) byText.set(entry.text, entry);
  };
  for (const alias of aliases) {
    for (const text of alias.names) add({ text, code: alias.code, subKind: 'name' });
  }
  for (const lang of STATE_LANGUAGES) {
    const names = countries.getNames(lang, { select: 'all' });
    for (const code of KNOWN_STATE_CODES) {
      for (const catalogueName of names[code] ?? []) {
        for (const text of textFormsOfCatalogueName(catalogueName)) add({ text, code, subKind: 'name', lang });
      }
    }
  }
  for (const demonym of demonyms) {
    for (const text of demonym.forms) add({ text, code: demonym.code, subKind: 'demonym' });
  }
  return [...byText.values()];
}

/** The English short name of a state, for hovers and JSON output. */
export function stateDisplayName(code: string): string {
  return countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? code;
}
