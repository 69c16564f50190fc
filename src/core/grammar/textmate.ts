/**
 * Generates the TextMate grammar `syntaxes/legal-text.tmLanguage.json` from the core lexicon,
 * so the editor's colouring and the scanner can never disagree on what a state or a term is.
 * Run `npm run build:grammar`; a unit test fails when the committed file differs.
 *
 * What a line-based grammar cannot do (terms wrapped across lines, weekday references,
 * workspace glossary terms, date ranges, names that need evidence from their context) is left
 * to the scanner and, in the editor, to semantic tokens.
 */
import { isAbbreviation, type Lexicon } from '../lexicon/lexicon';
import { TERM_KINDS, type TermKind } from '../lexicon/types';
import { trieAlternation } from './regex-trie';

export const GRAMMAR_SCOPE = 'text.legal-text';

/** Scope names under roots that every common theme colours, three different colours in Dark/Light Modern. */
export const SCOPES = {
  state: 'entity.name.type.state.legal-text',
  demonym: 'entity.name.type.state.demonym.legal-text',
  date: 'constant.numeric.date.legal-text',
  term: (kind: TermKind) => `keyword.other.term.${kind}.legal-text`,
} as const;

const WORD_START = '(?<![\\p{L}\\p{N}\\p{M}])';
const WORD_END = '(?![\\p{L}\\p{N}\\p{M}])';

interface Rule {
  name: string;
  match: string;
}

/** Case-sensitive names are also matched written all in capitals, as in headings. */
function withCapitals(names: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const name of names) {
    all.add(name);
    all.add(name.toUpperCase());
  }
  return all;
}

/** One alternation where the case-sensitive part and the `(?i:...)` part are both prefix-factored. */
function namesPattern(caseSensitive: Iterable<string>, caseInsensitive: Iterable<string>): string {
  const parts: string[] = [];
  const exact = withCapitals(caseSensitive);
  const folded = new Set([...caseInsensitive].map((name) => name.toLowerCase()));
  if (exact.size > 0) parts.push(trieAlternation([...exact].sort()));
  if (folded.size > 0) parts.push(`(?i:${trieAlternation([...folded].sort())})`);
  return `${WORD_START}(?:${parts.join('|')})`;
}

function bounded(pattern: string, endsInWord = true): string {
  return endsInWord ? `${pattern}${WORD_END}` : pattern;
}

/**
 * Names that are also ordinary words ("Indien", "Chad", "US") and demonyms that also name a
 * language ("French") need evidence from their context, which a line-based grammar cannot
 * weigh: they are left out, and the editor colours those the scanner keeps by semantic tokens.
 */
function stateRules(lexicon: Lexicon): Rule[] {
  const plainStates = lexicon.states.filter((s) => !s.ambiguous && !s.languageName);
  const names = plainStates.filter((s) => s.subKind === 'name').map((s) => s.text);
  const demonyms = plainStates.filter((s) => s.subKind === 'demonym').map((s) => s.text);
  // Names ending in a dot ("U.S.") take no word-end check.
  const [dotted, plain] = partition(names, (name) => name.endsWith('.'));
  return [
    { name: SCOPES.state, match: bounded(namesPattern(plain, [])) + (dotted.length ? `|${namesPattern(dotted, [])}` : '') },
    { name: SCOPES.demonym, match: bounded(namesPattern(demonyms, [])) },
  ];
}

function termRules(lexicon: Lexicon): Rule[] {
  return TERM_KINDS.map((kind) => {
    const exact: string[] = [];
    const folded: string[] = [];
    for (const term of lexicon.terms.filter((t) => t.kind === kind)) {
      for (const variant of term.variants) (term.properName || isAbbreviation(variant) ? exact : folded).push(variant);
    }
    return { name: SCOPES.term(kind), match: bounded(namesPattern(exact, folded)) };
  });
}

function dateRules(lexicon: Lexicon): Rule[] {
  const months = `(?i:${trieAlternation(lexicon.monthNames.map((m) => m.name).sort())})(?:\\.(?!\\d))?`;
  const day = '(?:3[01]|[12]\\d|0?[1-9])(?i:st|nd|rd|th|er)?';
  const year = '(?:1\\d{3}|2\\d{3})';
  const fraction = '(?:[.,]\\d+)?';
  const zone = (colon: string) => `(?:Z|[-+\u2212]\\d{2}(?:${colon}\\d{2})?)?`;
  const to = '(?:\\s*[-–—]\\s*|\\s+(?i:to|until|till|through|до|по|do|au|bis|tot)\\s+)';
  const dayMonthYear = `${day}\\.?\\s+(?:(?i:of)\\s+)?${months}\\s+${year}`;
  const monthDayYear = `${months}\\s+${day},?\\s+${year}`;
  const alternatives = [
    // Ranges first: "from April 21 to August 12, 1949", "1–15 October 2025".
    `${months}\\s+${day}${to}(?:${months}\\s+)?${day},?\\s+${year}`,
    `${day}\\.?(?:\\s+${months})?${to}${dayMonthYear}`,
    // ISO dates and date-times: "2022-03-04", "2022-03-04T10:15:00Z", basic "20220304T101500Z".
    `\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}(?::\\d{2}){0,2}${fraction}${zone(':?')})?`,
    `\\d{8}T\\d{2}(?:\\d{2}){0,2}${fraction}${zone('')}`,
    '(?:3[01]|[12]\\d|0?[1-9])([./-])(?:1[0-2]|0?[1-9])\\1\\d{4}',
    dayMonthYear,
    monthDayYear,
    `${months},?\\s+${year}`,
    // A year alone, in parentheses or after a preposition: "(1991)", "in 1949".
    `(?<=\\()(?:1[89]|20)\\d\\d(?=\\))`,
    `(?<=(?i:\\bin|\\bof|since|until|\\bby|from|before|after|during) )(?:1[89]|20)\\d\\d(?![\\d.,/:]\\d)`,
  ];
  return [{ name: SCOPES.date, match: bounded(`${WORD_START}(?:${alternatives.join('|')})`) }];
}

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (predicate(item) ? yes : no).push(item);
  return [yes, no];
}

/** The grammar as a JSON-serialisable object. Pattern order breaks ties at one position: dates, terms, states. */
export function generateGrammar(lexicon: Lexicon): object {
  const rules = [...dateRules(lexicon), ...termRules(lexicon), ...stateRules(lexicon)];
  const repository: Record<string, Rule> = {};
  const keys = ['date', ...TERM_KINDS.map((kind) => `term-${kind}`), 'state', 'demonym'];
  rules.forEach((rule, index) => (repository[keys[index]] = rule));
  return {
    name: 'Legal Text',
    scopeName: GRAMMAR_SCOPE,
    comment: 'GENERATED by `npm run build:grammar` from src/core/lexicon; do not edit by hand.',
    patterns: keys.map((key) => ({ include: `#${key}` })),
    repository,
  };
}

export function grammarJson(lexicon: Lexicon): string {
  return `${JSON.stringify(generateGrammar(lexicon), null, 2)}\n`;
}
