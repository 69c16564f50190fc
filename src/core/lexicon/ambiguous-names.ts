/**
 * State names and demonyms that are also ordinary words, and the evidence the scanner wants
 * before it takes them for a state (see docs/scanner.md, "Names that need evidence").
 *
 * Case-sensitive matching already keeps "chad", "turkey", "us" and Dutch "indien" (mid-sentence)
 * out. What is left are capitalised uses: a sentence start, a first name or surname, a place that
 * is not the state (Lake Chad, the Niger Delta, Georgia in the US), another language's word, a
 * language name ("the French text"). Each entry says why the name is ambiguous and which
 * evidence settles it; the scanner (src/core/scanner/state-evidence.ts) applies it only where one
 * of these names matched, so the common path costs nothing.
 */
import type { StateLanguage } from './function-words';

export interface AmbiguousName {
  /** The name exactly as the lexicon holds it. */
  name: string;
  /** ISO 3166-1 alpha-2 code of the state it may name. */
  code: string;
  /** Why the name is ambiguous, for the docs and for whoever edits this list. */
  reason: string;
  /**
   * Languages in which the word is an ordinary word. In a paragraph written in one of them the
   * name is no state, unless `stateMidSentence` and it stands capitalised inside a sentence.
   * Where the paragraph's language cannot be told, the name counts only inside a sentence.
   */
  commonIn?: readonly StateLanguage[];
  /** The state has this name in the `commonIn` languages too (Polish "Mali"), so a capital inside a sentence marks it. */
  stateMidSentence?: boolean;
  /** Lower-case words right after the name that make it something else ("Niger Delta", "Guinea pig"). */
  notBefore?: readonly string[];
  /** Lower-case words right before the name that make it something else ("Lake Chad", "Gulf of Guinea"). */
  notAfter?: readonly string[];
  /**
   * A first name (followed by a capitalised surname: "Chad Smith") or a surname (after a
   * capitalised first name: "Michael Jordan").
   */
  person?: 'first-name' | 'surname' | 'both';
  /** In text written all in capitals the name is also an object pronoun ("LET US", "FOR US"). */
  capitalsPronoun?: boolean;
}

export const AMBIGUOUS_NAMES: readonly AmbiguousName[] = [
  {
    name: 'Indien', code: 'IN', commonIn: ['nl'],
    reason: 'German for India; Dutch "indien" means "if" and starts many sentences of Dutch legal text.',
  },
  {
    name: 'Island', code: 'IS', commonIn: ['en', 'nl'],
    reason: 'German for Iceland; an English word in place names ("Snake Island", "Rhode Island").',
  },
  {
    name: 'Того', code: 'TG', commonIn: ['uk', 'ru'], stateMidSentence: true,
    reason: 'Ukrainian and Russian for Togo; also "того" ("of that"), which starts sentences ("Того ж дня").',
  },
  {
    name: 'Малі', code: 'ML', commonIn: ['uk'], stateMidSentence: true,
    reason: 'Ukrainian for Mali; also "малі" ("small", plural).',
  },
  {
    name: 'Mali', code: 'ML', commonIn: ['pl'], stateMidSentence: true,
    reason: 'Mali in most languages; Polish "mali" means "small" (plural) and can start a sentence.',
  },
  {
    name: 'Czad', code: 'TD', commonIn: ['pl'], stateMidSentence: true,
    reason: 'Polish for Chad; also "czad" (carbon monoxide).',
  },
  {
    name: 'Grenade', code: 'GD', commonIn: ['fr', 'en'],
    reason: 'French for Grenada, but in French texts also the city of Granada and "grenade" (a grenade), the English word too.',
  },
  {
    name: 'Chad', code: 'TD', person: 'first-name', notAfter: ['lake'],
    reason: 'An English first name ("Chad Smith"); "Lake Chad" is a lake shared by four states.',
  },
  {
    name: 'Jordan', code: 'JO', person: 'both', notAfter: ['river'], notBefore: ['river', 'valley'],
    reason: 'A first name and surname ("Michael Jordan"); the river ("River Jordan", "Jordan Valley" in the West Bank).',
  },
  {
    name: 'Georgia', code: 'GE', notBefore: ['state', 'tech', 'county', ', usa', ', u.s.'], notAfter: ['atlanta,', 'savannah,', 'augusta,', 'macon,', 'brunswick,'],
    reason: 'Also a US state: "Atlanta, Georgia", "Georgia State University", "Georgia, USA".',
  },
  {
    name: 'Guinea', code: 'GN', notBefore: ['pig', 'pigs', 'fowl', 'worm'], notAfter: ['gulf of', 'new'],
    reason: 'Also "guinea pig", "guinea fowl" at a sentence start, the Gulf of Guinea and (Papua) New Guinea.',
  },
  {
    name: 'Niger', code: 'NE', notBefore: ['state', 'states', 'delta', 'river', 'basin'], notAfter: ['river'],
    reason: 'Also the river ("River Niger", "Niger Delta") and a state of Nigeria ("Niger State").',
  },
  {
    name: 'Turkey', code: 'TR', notBefore: ['dinner', 'sandwich', 'sandwiches', 'meat', 'breast', 'feathers', 'vulture', 'vultures', 'farm', 'farms'],
    reason: 'Also the bird, capitalised at a sentence start ("Turkey sandwiches were served").',
  },
  {
    name: 'US', code: 'US', capitalsPronoun: true,
    reason: 'In text written all in capitals "US" is also "us" ("LET US", "FOR US").',
  },
];

/**
 * Words after which "US" in all-capital text is the pronoun: verbs and prepositions that take
 * an object ("LET US", "TOLD US", "FOR US"). "THE US", "US TROOPS" stay the state.
 */
export const PRONOUN_BEFORE_US: ReadonlySet<string> = new Set([
  'let', 'give', 'gives', 'gave', 'tell', 'tells', 'told', 'help', 'helps', 'join', 'joins', 'contact', 'show', 'send',
  'about', 'for', 'with', 'among', 'between', 'against', 'upon', 'of', 'to', 'from', 'behind', 'before', 'unto',
]);

/**
 * Capitalised words that may stand right before a state name without making it a surname
 * ("Eastern Chad", "Hashemite Kingdom of Jordan" has "of" between).
 */
export const NOT_FIRST_NAMES: ReadonlySet<string> = new Set([
  'eastern', 'western', 'northern', 'southern', 'central', 'north', 'south', 'east', 'west', 'neighbouring', 'neighboring',
]);

/**
 * Capitalised words that may follow a state name without making it a first name: offices and
 * bodies of the state ("Chad President Déby", "Jordan Government").
 */
export const NOT_SURNAMES: ReadonlySet<string> = new Set([
  'president', 'prime', 'minister', 'ministry', 'government', 'army', 'armed', 'police', 'king', 'queen', 'parliament',
  'national', 'embassy', 'foreign', 'state', 'court', 'authorities', 'republic',
]);

// Demonyms that also name a language ("the French text", "Arabic, Chinese, English, French").

/**
 * English demonyms that are also the name of a language. Listed or followed by a word of
 * `LANGUAGE_NOUNS`, they name the language, not the state. Plural nouns ("Russians") never do.
 */
export const LANGUAGE_DEMONYMS_EN: readonly string[] = [
  'Albanian', 'Armenian', 'Azerbaijani', 'Belarusian', 'Bosnian', 'Bulgarian', 'Chinese', 'Croatian', 'Czech', 'Danish',
  'Dutch', 'Estonian', 'Finnish', 'French', 'Georgian', 'German', 'Greek', 'Hungarian', 'Icelandic', 'Indonesian',
  'Italian', 'Japanese', 'Kazakh', 'Latvian', 'Lithuanian', 'Macedonian', 'Maltese', 'Mongolian', 'Norwegian', 'Polish',
  'Portuguese', 'Romanian', 'Russian', 'Serbian', 'Slovak', 'Slovenian', 'Spanish', 'Swedish', 'Tajik', 'Thai',
  'Turkish', 'Turkmen', 'Ukrainian', 'Uzbek', 'Vietnamese',
];

/**
 * States whose adjectives in the six other languages also name the language ("російська мова",
 * "язык", "die russische Fassung", "de Franse tekst"); every form listed in demonyms.ts for them.
 */
export const LANGUAGE_DEMONYM_CODES: readonly string[] = ['UA', 'RU', 'BY', 'PL', 'FR', 'DE', 'NL', 'GE', 'MD', 'CZ', 'SE'];

/**
 * Language names that are no demonym of ours (English has no state of its own here, Arabic
 * none at all). In a list with one of them, a demonym names a language: "in English and French",
 * "Arabisch, Chinees, Engels, Frans, Russisch en Spaans".
 */
export const LANGUAGE_ONLY_NAMES: ReadonlySet<string> = new Set([
  // en
  'english', 'arabic', 'hebrew', 'persian', 'farsi', 'hindi', 'urdu', 'kurdish', 'latin', 'swahili',
  // nl
  'engels', 'engelse', 'arabisch', 'arabische', 'frans', 'spaans', 'spaanse', 'chinees', 'italiaans',
  // de
  'englisch', 'englische', 'englischen', 'englischer', 'arabische', 'arabischen', 'spanisch', 'spanische', 'spanischen', 'chinesisch', 'chinesische',
  // fr
  'anglais', 'anglaise', 'arabe', 'espagnol', 'espagnole', 'chinois', 'chinoise',
  // pl
  'angielski', 'angielsku', 'angielskim', 'angielskiego', 'arabski', 'arabskim', 'hiszpański', 'hiszpańskim', 'chiński', 'chińskim',
  // uk
  'англійська', 'англійською', 'англійської', 'арабська', 'арабською', 'іспанська', 'іспанською', 'китайська', 'китайською',
  // ru
  'английский', 'английском', 'английского', 'арабский', 'арабском', 'испанский', 'испанском', 'китайский', 'китайском',
  'русский', 'русском', 'русского', 'русская',
]);

/** Words for a language or a text in one: after a demonym (or before it, as in French and Polish) they make it a language name. */
export const LANGUAGE_NOUNS: ReadonlySet<string> = new Set([
  // en
  'language', 'languages', 'text', 'texts', 'version', 'versions', 'translation', 'translations', 'original', 'speaking', 'speakers', 'speaker',
  // nl
  'taal', 'talen', 'tekst', 'teksten', 'versie', 'versies', 'vertaling', 'sprekend', 'sprekende', 'talig', 'talige',
  // de
  'sprache', 'sprachen', 'sprachig', 'sprachige', 'sprachigen', 'textes', 'texte', 'fassung', 'fassungen', 'wortlaut', 'übersetzung',
  // fr
  'langue', 'langues', 'texte', 'traduction', 'traductions',
  // pl
  'język', 'języka', 'języku', 'językiem', 'języki', 'tekstu', 'tekście', 'wersja', 'wersji', 'wersję', 'przekład', 'tłumaczenie', 'tłumaczeniu',
  // uk
  'мова', 'мови', 'мові', 'мову', 'мовою', 'мовний', 'текст', 'тексті', 'тексту', 'версія', 'версії', 'переклад', 'перекладі',
  // ru
  'язык', 'языка', 'языке', 'языком', 'тексте', 'текста', 'версия', 'версии', 'перевод', 'переводе',
]);

/**
 * Words that may stand between the languages of a list: "and", "or", commas aside, and the
 * prepositions and articles of "in English and in French", "de Franse en de Engelse taal".
 */
export const LANGUAGE_LIST_LINKS: ReadonlySet<string> = new Set([
  'and', 'or', 'in', 'the', 'en', 'of', 'de', 'het', 'und', 'oder', 'auf', 'die', 'der', 'et', 'ou', 'le', 'la',
  'i', 'lub', 'albo', 'oraz', 'w', 'po', 'и', 'или', 'на', 'і', 'й', 'та', 'або', 'чи', 'в', 'у',
]);
