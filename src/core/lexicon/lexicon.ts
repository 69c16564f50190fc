/**
 * The lexicon: everything the scanner and the generated grammar recognise, compiled once.
 * Workspace glossary terms and extra state aliases extend the default one.
 */
import { GLOSSARY } from './glossary';
import { DEMONYMS, DEMONYM_LANGUAGES, DEMONYMS_BY_LANGUAGE } from './demonyms';
import { AMBIGUOUS_NAMES, LANGUAGE_DEMONYM_CODES, LANGUAGE_DEMONYMS_EN } from './ambiguous-names';
import { STATE_ALIASES } from './state-aliases';
import { buildStateNames, stateDisplayName, type StateName } from './states';
import { monthNames, weekdayNames, type MonthName, type WeekdayName } from './calendar';
import type { GlossaryTerm, StateAliasEntry } from './types';
import { PhraseIndex } from '../text/phrase-index';

/** What a phrase of the index stands for. One index holds them all: one lookup per word. */
export type PhrasePayload =
  | { type: 'state'; state: StateName; displayName: string; needsEvidence: boolean }
  | { type: 'term'; term: GlossaryTerm }
  | { type: 'month'; month: MonthName }
  | { type: 'weekday'; weekday: WeekdayName };

export interface LexiconExtensions {
  /** Workspace glossary terms, added to (and on an id clash replacing) the default glossary. */
  terms?: readonly GlossaryTerm[];
  /** Extra names of states. */
  stateAliases?: readonly StateAliasEntry[];
}

export interface Lexicon {
  readonly index: PhraseIndex<PhrasePayload>;
  readonly states: readonly StateName[];
  readonly terms: readonly GlossaryTerm[];
  readonly monthNames: readonly MonthName[];
  readonly weekdayNames: readonly WeekdayName[];
}

/**
 * A variant written all in capitals ("IHL", "POWs" counts: capitals plus a plural s) is an
 * abbreviation and is matched case-sensitively even in an entry that is not a proper name.
 */
export function isAbbreviation(variant: string): boolean {
  return /^[\p{Lu}\d.&-]+s?$/u.test(variant) && /\p{Lu}.*\p{Lu}/u.test(variant);
}

/**
 * Workspace terms first, then the default ones they do not replace by id. The phrase index keeps
 * insertion order among phrases of equal length, so a workspace variant wins a tie.
 */
export function mergeTerms(base: readonly GlossaryTerm[], extra: readonly GlossaryTerm[] = []): GlossaryTerm[] {
  const extraIds = new Set(extra.map((term) => term.id));
  return [...extra, ...base.filter((term) => !extraIds.has(term.id))];
}

/** How many lexicons this process has compiled (the editor checks it builds none while activating). */
let compiledCount = 0;

export function lexiconsCompiled(): number {
  return compiledCount;
}

/** Demonyms that also name a language: the English ones listed, every other-language form of the states listed. */
function languageDemonyms(): Set<string> {
  const forms = new Set(LANGUAGE_DEMONYMS_EN);
  for (const lang of DEMONYM_LANGUAGES) {
    for (const entry of DEMONYMS_BY_LANGUAGE[lang]) if (LANGUAGE_DEMONYM_CODES.includes(entry.code)) entry.forms.forEach((form) => forms.add(form));
  }
  return forms;
}

let evidenceNames: ReadonlySet<string> | undefined;

/**
 * Lower-cased state names and demonyms that count only with evidence from their context
 * (ambiguous-names.ts). The grammar leaves them out; semantic tokens colour those the scanner keeps.
 */
export function namesNeedingEvidence(): ReadonlySet<string> {
  return (evidenceNames ??= new Set([...AMBIGUOUS_NAMES.map((entry) => entry.name), ...languageDemonyms()].map((name) => name.toLowerCase())));
}

/** Marks the names that need evidence (see `StateName.ambiguous`, `StateName.languageName`). */
function markAmbiguity(states: readonly StateName[]): void {
  const ambiguous = new Map(AMBIGUOUS_NAMES.map((entry) => [entry.name, entry]));
  const languages = languageDemonyms();
  for (const state of states) {
    const entry = ambiguous.get(state.text);
    if (entry && entry.code === state.code) state.ambiguous = entry;
    if (state.subKind === 'demonym' && languages.has(state.text)) state.languageName = true;
  }
}

export function compileLexicon(extensions: LexiconExtensions = {}): Lexicon {
  compiledCount += 1;
  const demonyms = [...DEMONYMS, ...DEMONYM_LANGUAGES.flatMap((lang) => DEMONYMS_BY_LANGUAGE[lang])];
  const states = buildStateNames(demonyms, [...(extensions.stateAliases ?? []), ...STATE_ALIASES]);
  markAmbiguity(states);
  const terms = mergeTerms(GLOSSARY, extensions.terms);
  const index = new PhraseIndex<PhrasePayload>();
  const displayNames = new Map<string, string>();
  for (const state of states) {
    let displayName = displayNames.get(state.code);
    if (!displayName) displayNames.set(state.code, (displayName = stateDisplayName(state.code)));
    // State names are proper names: "Chad", "Jordan", "Turkey", "US" must not match "chad", "us".
    // `needsEvidence` on every payload keeps the scanner's hot loop monomorphic.
    index.add(state.text, true, { type: 'state', state, displayName, needsEvidence: state.ambiguous !== undefined || state.languageName === true });
  }
  for (const term of terms) {
    for (const variant of term.variants) {
      index.add(variant, term.properName || isAbbreviation(variant), { type: 'term', term });
    }
  }
  const allMonths = monthNames();
  for (const month of allMonths) index.add(month.name, false, { type: 'month', month });
  const allWeekdays = weekdayNames();
  for (const weekday of allWeekdays) index.add(weekday.name, false, { type: 'weekday', weekday });
  return { index, states, terms, monthNames: allMonths, weekdayNames: allWeekdays };
}

let defaultLexicon: Lexicon | undefined;

/** The lexicon without workspace extensions, compiled on first use and shared. */
export function getDefaultLexicon(): Lexicon {
  return (defaultLexicon ??= compileLexicon());
}
