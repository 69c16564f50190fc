/**
 * Claim detection: which sentences of a source report a violation, and which categories they
 * suggest.
 *
 * A sentence (sentences.ts) is a claim when it holds a cue of a taxonomy category (whole words,
 * any case, line breaks allowed inside a cue) that it does not merely use as the name of a norm.
 * Policy, per cue (the windows stop at clause punctuation and at "but", "and", "while", ...):
 *
 * - NOT A CLAIM (dropped): treaty and statute drafting and names of norms. A sentence with
 *   "shall", "Contracting Parties", "Detaining Power", "States Parties", "this Convention"
 *   states the law, and so does every paragraph of an article whose text does (drafting.ts);
 *   "the prohibition of torture", "Convention against Torture", "the crime of enforced
 *   disappearance", "torture is prohibited" name a norm; a cue ending a hyphenated compound
 *   ("anti-kidnapping squad", "life-threatening") names something else. There is nothing to tag as an
 *   event, and a warning on every article of a treaty would bury the real claims.
 * - LOW CONFIDENCE (kept, with a `reason`): negated ("no evidence of torture", "were not
 *   tortured", "denied that he was beaten"), hypothetical ("would constitute", "may amount to",
 *   "at risk of torture", "threatened to kill") and bare mentions (a cue that names an act, such
 *   as "murder", in a sentence without any reported event or reporting word: a list of acts).
 *   A question, a call for a release or an investigation, a release or an acquittal ("not guilty"), and a
 *   proceeding named as a purpose ("extradited for trial") are low confidence too
 *   (non-reports.ts).
 *   A negation does not lower the cues of a violation that is a withholding ("the ICRC never
 *   visited", "no medical care"): there the negation is the report.
 *   They are kept because a denial or a hedge in a report often carries an allegation a reviewer
 *   must judge ("the authorities denied that he was tortured"), and a word-window reading of
 *   negation scope is not reliable enough to hide a sentence silently. The CLI reports them as
 *   information, not warnings; they never count against --max-untagged.
 * - HIGH CONFIDENCE: every other claim: an affirmed cue that reports an event ("tortured",
 *   "shot dead") or a cue in a sentence with an event ("was", "were", a past form), a practice in
 *   the present ("routinely", "are subjecting") or a reporting context ("reported", "according
 *   to", "witnesses", "alleged"), listed in `reporting`.
 *
 * Categories are ranked (rank.ts) by the summed weight of their distinct affirmed cues (a cue
 * weighs its content words: "summarily executed" 2, "charged with" 1), after demoting a category
 * named only inside a capitalised name or only framing another ("sentenced to ... prison": the
 * penalty frames the trial), then main clause before subordinate clause, then `other` after the
 * rest, then the first cue's position; a graver category
 * goes before a lesser one it includes (torture before ill-treatment). A cue inside a longer cue
 * of the same category ("executed" in "summarily executed") is not counted twice.
 *
 * Speed: one pass finds every cue (cue-matcher.ts); only the paragraphs holding a cue are
 * segmented, and only the sentences holding one are read word by word.
 */
import { DEFAULT_TAXONOMY, type Taxonomy } from '../taxonomy/taxonomy';
import { OffsetConverter } from '../text/positions';
import { paragraphAround, segmentSentences, type SentenceSpan } from '../text/sentences';
import {
  CLAUSE_BREAKS, CONCEPT_FOLLOWERS, CONCEPT_MARKERS, DENIAL_FOLLOWERS, DENIALS, HYPOTHETICALS, NEGATION_CANCELLED_BY,
  NEGATIONS, REPORTING_PAIRS, REPORTING_PREFIXES, REPORTING_WORDS, CHARGE_LINKS, HABITUAL_WORDS, PRESENT_AUXILIARIES, PERPETRATOR_PAIRS, PERPETRATOR_WORDS,
  PROCESS_CATEGORIES, WITHHOLDING_CATEGORIES, CHARGE_QUALIFIERS, PROCEEDING_NOUNS,
} from './context-words';
import { DraftingContext, isNormative } from './drafting';
import { acquittalAt, isQuestion, nonReportAt } from './non-reports';
import { cueMatcherFor, findCues, isEventWord, type CueHit, type CueMatcher } from './cue-matcher';
import { rankCategories } from './rank';
import { tokenIndexAt, tokenize, WordPairs, type Token } from './tokens';
import type { Claim, ClaimCue, CueUse } from './types';

export interface DetectOptions {
  /** Default: the default taxonomy. Pass the workspace's (config.taxonomy); matchers are cached per taxonomy object. */
  taxonomy?: Taxonomy;
  /** Offsets of the result: code points (default, as sidecars and the CLI) or UTF-16 (the editor). */
  offsets?: 'code-point' | 'utf16';
  /** Keep low-confidence claims (default true). */
  includeLow?: boolean;
}

/** How far before a cue a negation or a condition reaches, in words. */
const SCOPE_WORDS = 6;
/** How far before or after a cue a norm's name reaches ("prohibition of the torture"). */
const CONCEPT_WORDS = 3;
/** How many determiners and qualifiers may stand between a charge link and the act ("with the alleged first-degree murder"). */
const MAX_QUALIFIERS = 4;
const REPORTING = new WordPairs(REPORTING_PAIRS);
const PERPETRATORS = new WordPairs(PERPETRATOR_PAIRS);
/** Words skipped when looking after a cue for "is prohibited". */
const COPULAS = new Set(['is', 'are', 'was', 'be', 'been', 'remains', 'strictly', 'absolutely', 'also', 'always', 'never', 'not', 'equally']);

/** What detection asks of the drafting context (drafting.ts): whether a sentence stands in an article that states the law. */
type Drafting = Pick<DraftingContext, 'inDraftedArticle'>;

/** Every claim of `text`, in order. */
export function detectClaims(text: string, options: DetectOptions = {}): Claim[] {
  const claims: Claim[] = [];
  for (const section of detectClaimSections(text, options)) for (const claim of section) claims.push(claim);
  return claims;
}

/**
 * UTF-16 units of text per section of `detectClaimSections`, extended to the end of a paragraph:
 * small enough that a section's objects die young (1 MB sections let a 200 MB source's scan grow to 950 MB).
 */
export const CLAIM_SECTION = 1 << 16;

/**
 * The claims of `text` a section at a time (about `sectionLength` units of whole paragraphs), in
 * order: the same claims as `detectClaims`, but a long text's are never all held at once. A claim
 * is read within its sentence and paragraph, so a section that ends where a paragraph does changes
 * nothing; the drafting context (the articles of an instrument) is the whole text's. `start`: the
 * claims from there on only, where a section or a paragraph ends (scan's main thread takes over
 * the rest of a text from its worker).
 */
export function* detectClaimSections(text: string, options: DetectOptions = {}, sectionLength = CLAIM_SECTION, start = 0): Generator<Claim[], void, undefined> {
  const matcher = cueMatcherFor(options.taxonomy ?? DEFAULT_TAXONOMY);
  const drafting = new DraftingContext(text);
  const converter = options.offsets === 'utf16' ? undefined : new OffsetConverter(text);
  for (let from = start; from < text.length; ) {
    const to = sectionEnd(text, from, sectionLength);
    const claims = sectionClaims(text, from, to, matcher, drafting, options);
    if (claims.length > 0) yield converter?.hasAstral ? toCodePoints(converter, claims) : claims;
    from = nextSectionStart(from, to);
  }
}

/** Where the section of `detectClaimSections` that starts at `from` ends: the end of the paragraph holding `from + sectionLength`, or the text's. */
export function sectionEnd(text: string, from: number, sectionLength = CLAIM_SECTION): number {
  return from + sectionLength >= text.length ? text.length : paragraphAround(text, from + sectionLength).end;
}

/** Where the next section starts: past the line break that ends the paragraph, on the blank line after it. */
export function nextSectionStart(from: number, to: number): number {
  return Math.max(to, from + 1);
}

/**
 * The claims of one section, text[from, to) (whole paragraphs), UTF-16 offsets of `text`. Heads of
 * gapped cues are looked for back to the text's start, as over the whole text.
 */
export function sectionClaims(text: string, from: number, to: number, matcher: CueMatcher, drafting: Drafting, options: DetectOptions): Claim[] {
  return claimsBetween(text, findCues(text, matcher, from, to, 0), drafting, options);
}

/** The claims of the sentences holding `hits` (in text order, all within whole paragraphs). */
function claimsBetween(text: string, hits: readonly CueHit[], drafting: Drafting, options: DetectOptions): Claim[] {
  const claims: Claim[] = [];
  let h = 0;
  while (h < hits.length) {
    const paragraph = paragraphAround(text, hits[h].start);
    const sentences = segmentSentences(text, paragraph.start, paragraph.end);
    let s = 0;
    // Hits of this paragraph, assigned to the sentence holding their start.
    while (h < hits.length && hits[h].start < paragraph.end) {
      while (s < sentences.length && sentences[s].end <= hits[h].start) s++;
      if (s >= sentences.length) {
        h++;
        continue;
      }
      const sentence = sentences[s];
      const inSentence: CueHit[] = [];
      while (h < hits.length && hits[h].start < sentence.end) {
        if (hits[h].start >= sentence.start && hits[h].end <= sentence.end) inSentence.push(hits[h]);
        h++;
      }
      if (inSentence.length === 0) continue;
      const claim = readSentence(text, sentence, inSentence, drafting);
      if (claim && (claim.confidence === 'high' || options.includeLow !== false)) claims.push(claim);
    }
    // A hit outside every paragraph (none should be) must not stall the loop.
    if (h < hits.length && hits[h].start < paragraph.end) h++;
  }
  return claims;
}

/** The claim a sentence makes with these cues, or undefined when it states a norm. */
function readSentence(text: string, sentence: SentenceSpan, hits: readonly CueHit[], drafting: Drafting): Claim | undefined {
  const tokens = tokenize(text, sentence.start, sentence.end);
  if (isNormative(tokens) || drafting.inDraftedArticle(sentence.start)) return undefined;
  const reporting = reportingWords(tokens);
  const live: { hit: CueHit; use: CueUse; because?: string }[] = [];
  const question = isQuestion(text, sentence.start, sentence.end);
  for (const hit of withoutPerpetratorsProcess(tokens, withoutNested(hits))) {
    const at = tokenIndexAt(tokens, hit.start);
    const after = tokenIndexAt(tokens, hit.end);
    if (namesANorm(tokens, at, after) || endsACompound(text, hit.start)) continue;
    const { use, because } = useOf(text, tokens, hit, at, after, question);
    live.push({ hit, use, because });
  }
  if (live.length === 0) return undefined;
  const affirmed = live.filter((entry) => entry.use === 'affirmed');
  let confidence: Claim['confidence'] = 'high';
  let reason: string | undefined;
  if (affirmed.length === 0) {
    confidence = 'low';
    reason = `${live[0].use}: "${live[0].because}"`;
  } else if (!affirmed.some((entry) => entry.hit.payload.eventive) && reporting.length === 0 && !reportsAnEvent(tokens)) {
    confidence = 'low';
    reason = 'mention without a reported event';
  }
  const scored = affirmed.length > 0 ? affirmed : live;
  const cues: ClaimCue[] = live.map(({ hit, use }) => ({
    cue: hit.payload.cue, category: hit.payload.category, start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), use,
  }));
  const start = sentence.start;
  const end = sentence.end;
  const categories = rankCategories(text, tokens, scored.map((entry) => entry.hit));
  // Two literals rather than a spread of the reason: the same keys in the same order, without the spread's slow path.
  return reason
    ? { start, end, text: text.slice(start, end), categories, confidence, reason, cues, reporting }
    : { start, end, text: text.slice(start, end), categories, confidence, cues, reporting };
}

/**
 * Whether a sentence reports an event: a past form or an auxiliary ("was", "tortured", "held"), a
 * practice in the present ("routinely", "systematic", "widespread", "again") or an act in
 * progress ("are subjecting", "is standing trial"). Without one (and without a reporting word or
 * an eventive cue) a cue is a bare mention.
 */
function reportsAnEvent(tokens: readonly Token[]): boolean {
  const habitual = HABITUAL_WORDS;
  const auxiliaries = PRESENT_AUXILIARIES;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    if (isEventWord(word) || habitual.has(word)) return true;
    if (auxiliaries.has(word) && i + 1 < tokens.length && tokens[i + 1].word.length > 4 && tokens[i + 1].word.endsWith('ing')) return true;
  }
  return false;
}

/** How the sentence uses the cue spanning tokens [at, after): affirmed, or a mention and the words that make it one. */
function useOf(text: string, tokens: readonly Token[], hit: CueHit, at: number, after: number, question: boolean): { use: CueUse; because?: string } {
  if (question) return { use: 'question', because: '?' };
  const acquittal = acquittalAt(text, tokens, at, after);
  if (acquittal) return acquittal;
  const negation = WITHHOLDING_CATEGORIES.has(hit.payload.category) ? undefined : negationBefore(text, tokens, at);
  if (negation) return { use: 'negated', because: negation };
  const nonReport = nonReportAt(text, tokens, at, after, hit.payload.eventive);
  if (nonReport) return nonReport;
  const condition = conditionBefore(tokens, at);
  return condition ? { use: 'hypothetical', because: condition } : { use: 'affirmed' };
}

/** Drops a hit inside a longer hit of the same category ("executed" in "summarily executed"). */
function withoutNested(hits: readonly CueHit[]): readonly CueHit[] {
  // A lone hit, as in most sentences, is nested in nothing: no sort, map or set to build.
  if (hits.length < 2) return hits;
  // One sweep per category in (start, longest first) order: a hit is nested when an earlier hit of
  // its category reaches past it, or reaches its end from further left. O(n log n): a sentence of
  // a 1 MB hostile input ("not tortured not tortured ...") has hundreds of thousands of hits.
  const order = hits.map((hit, index) => ({ hit, index }))
    .sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
  const reach = new Map<string, { start: number; end: number }>();
  const nested = new Set<number>();
  for (const { hit, index } of order) {
    const covering = reach.get(hit.payload.category);
    if (covering && (covering.end > hit.end || (covering.end === hit.end && covering.start < hit.start))) nested.add(index);
    if (!covering || hit.end > covering.end) reach.set(hit.payload.category, { start: hit.start, end: hit.end });
  }
  return hits.filter((_, index) => !nested.has(index));
}

/**
 * Drops arrest and trial cues when they are about the perpetrators of another violation:
 * "police arrested two suspects", "the prosecution of those responsible", "the men were convicted
 * of the murder of ...", "charged with first-degree kidnapping", "convicted in the murder case".
 */
function withoutPerpetratorsProcess(tokens: readonly Token[], hits: readonly CueHit[]): readonly CueHit[] {
  const process = hits.filter((hit) => PROCESS_CATEGORIES.has(hit.payload.category));
  if (process.length === 0) return hits;
  const namesPerpetrators = (token: Token, i: number): boolean => PERPETRATOR_WORDS.has(token.word) || PERPETRATORS.at(tokens, i);
  const aboutPerpetrators = tokens.some(namesPerpetrators) ||
    hits.some((hit) => !PROCESS_CATEGORIES.has(hit.payload.category) && (isTheCharge(tokens, hit, process) || namesAProceeding(tokens, hit)));
  return aboutPerpetrators ? hits.filter((hit) => !PROCESS_CATEGORIES.has(hit.payload.category)) : hits;
}

/**
 * "charged with kidnapping", "arrested for the alleged murder", "convicted of first-degree
 * murder": after an arrest or trial cue, the act follows a charge link, past determiners, numbers
 * and the qualifiers of a charge.
 */
function isTheCharge(tokens: readonly Token[], hit: CueHit, process: readonly CueHit[]): boolean {
  if (!process.some((p) => p.end <= hit.start)) return false;
  let i = tokenIndexAt(tokens, hit.start) - 1;
  for (let skipped = 0; i >= 0 && skipped < MAX_QUALIFIERS && (CHARGE_QUALIFIERS.has(tokens[i].word) || /^\d/u.test(tokens[i].word)); skipped++) i--;
  return i >= 0 && CHARGE_LINKS.has(tokens[i].word);
}

/** "the murder case", "kidnapping charges": the act names the proceeding the arrest or trial belongs to. */
function namesAProceeding(tokens: readonly Token[], hit: CueHit): boolean {
  const after = tokenIndexAt(tokens, hit.end);
  return after < tokens.length && PROCEEDING_NOUNS.has(tokens[after].word);
}

function reportingWords(tokens: readonly Token[]): string[] {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    if (REPORTING.at(tokens, i)) found.add(`${word} ${tokens[i + 1].word}`);
    else if (REPORTING_WORDS.has(word) && word !== 'according') found.add(word);
  }
  return [...found];
}

/** "the prohibition of torture", "Convention against Torture", "torture is prohibited". */
function namesANorm(tokens: readonly Token[], at: number, after: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - CONCEPT_WORDS; i--) {
    const word = tokens[i].word;
    if (word === ',' || CLAUSE_BREAKS.has(word)) break;
    if (CONCEPT_MARKERS.has(word)) return true;
  }
  for (let i = after, seen = 0; i < tokens.length && seen < CONCEPT_WORDS; i++, seen++) {
    const word = tokens[i].word;
    if (CONCEPT_FOLLOWERS.has(word)) return true;
    if (!COPULAS.has(word)) break;
  }
  return false;
}

/** "anti-kidnapping squad", "life-threatening", "self-censorship": the cue ends a hyphenated compound that names something else. */
function endsACompound(text: string, start: number): boolean {
  if (start < 2 || text[start - 1] !== '-') return false;
  let wordStart = start - 1;
  while (wordStart > 0 && /\p{L}/u.test(text[wordStart - 1])) wordStart--;
  return wordStart < start - 1 && !REPORTING_PREFIXES.has(text.slice(wordStart, start - 1).toLowerCase());
}

/** The negation whose scope reaches the cue at token `at`, as written, or undefined. */
function negationBefore(text: string, tokens: readonly Token[], at: number): string | undefined {
  for (let i = at - 1; i >= 0 && i >= at - SCOPE_WORDS; i--) {
    const word = tokens[i].word;
    if (word === ',' || CLAUSE_BREAKS.has(word)) return undefined;
    const next = tokens[i + 1]?.word ?? '';
    if (word === 't' && (tokens[i - 1]?.word === 'can' || tokens[i - 1]?.word === 'won')) return text.slice(tokens[i - 1].start, tokens[i].end);
    if (!NEGATIONS.has(word) || NEGATION_CANCELLED_BY.has(next)) continue;
    if (DENIALS.has(word) && !DENIAL_FOLLOWERS.has(next)) continue;
    // As written, with the next word unless it is the cue: "no evidence", "weren't", "not".
    return text.slice(tokens[i].start, tokens[i + 1 < at ? i + 1 : i].end);
  }
  return undefined;
}

/** The conditional or modal word whose scope reaches the cue at token `at`, or undefined. */
function conditionBefore(tokens: readonly Token[], at: number): string | undefined {
  for (let i = at - 1; i >= 0 && i >= at - SCOPE_WORDS; i--) {
    const token = tokens[i];
    if (token.word === ',' || CLAUSE_BREAKS.has(token.word)) return undefined;
    if (!HYPOTHETICALS.has(token.word)) continue;
    if (token.word === 'may' && !token.lowerInText) continue; // "May 2020", not "may amount to"
    return token.word;
  }
  return undefined;
}

function toCodePoints(converter: OffsetConverter, claims: Claim[]): Claim[] {
  const point = (utf16: number): number => converter.toCodePoint(utf16);
  return claims.map((claim) => ({
    ...claim,
    start: point(claim.start),
    end: point(claim.end),
    cues: claim.cues.map((cue) => ({ ...cue, start: point(cue.start), end: point(cue.end) })),
  }));
}
