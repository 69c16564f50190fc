/**
 * The order of a claim's categories: which violation the sentence reports first. Keys, in order:
 *
 * 1. A category all of whose cues sit inside a capitalised name ("the Assistance Association for
 *    Political Prisoners", "the Kidnapping Act", a film or book title) goes last: a name is not an
 *    event. Not in a headline set in title case, and not for a cue the taxonomy writes with
 *    capitals itself ("ICRC", "Red Cross": there the name is the cue).
 * 2. A category each of whose cues only frames a cue of another goes after it (PENALTY_FRAME): the
 *    penalty a court imposes frames the trial ("sentenced to five years in prison": the trial
 *    decided it, and a detention after a conviction is as lawful as the trial was fair), and the
 *    charges a detention rests on frame the detention ("imprisoned on fabricated charges": the
 *    detention is the event, the charges qualify it).
 * 3. The summed weight of the distinct cues (a cue weighs its content words: "arbitrary detention"
 *    2 over "held" 1: a legal term of art is more specific than a generic word).
 * 4. A category with a cue in the main clause before one whose cues all sit in a subordinate
 *    clause ("who ...", "after ...", "a crackdown that killed 18"): the background of a sentence
 *    is not its report.
 * 5. `other`, the category of what none of the others covers (FALLBACK_CATEGORY), after any
 *    other category.
 * 6. The earlier first cue.
 *
 * Then a graver category moves ahead of a lesser one whose elements it contains (torture before
 * ill-treatment; enforced disappearance and hostage-taking before arbitrary detention), wherever
 * the keys put them.
 *
 * An arrest or trial of the perpetrators of another violation is dropped before ranking
 * (detect.ts, withoutPerpetratorsProcess). Known limit: clauses are read between commas, so a
 * restrictive relative clause without commas ("the men who were arrested said ...") runs on to
 * the next comma.
 */
import {
  CLAUSE_BREAKS, FALLBACK_CATEGORY, INCLUDED_CATEGORIES, NAME_LINKS, PENALTY_FRAME, REPORTING_WORDS, SUBORDINATORS, THAT_COMPLEMENT_VERBS,
} from './context-words';
import type { CueHit } from './cue-matcher';
import { tokenIndexAt, type Token } from './tokens';
import type { ClaimCategory } from './types';

/** How many words of an object may stand between "sentenced" and "to" ("sentenced the two bloggers to"). */
const OBJECT_WORDS = 3;
/** How far after "sentenced to" a penalty's cue may be ("sentenced to two and a half years in prison"), in words. */
const PENALTY_WORDS = 6;
/** How far before "on ... charges" the detention it grounds may end, in words ("held in detention on ..."). */
const GROUND_WORDS = 4;

interface Ranked {
  category: ClaimCategory;
  first: number;
  seen: Set<string>;
  /** Every cue of the category is inside a capitalised name. */
  named: boolean;
  /** Every cue of the category frames another category's cue (a penalty frames a trial, charges frame a detention). */
  framing: boolean;
  /** Every cue of the category is in a subordinate clause. */
  subordinate: boolean;
}

/** Ranks the categories of the (affirmed, or else all) cues of one sentence, best first. */
export function rankCategories(text: string, tokens: readonly Token[], hits: readonly CueHit[]): ClaimCategory[] {
  const byId = new Map<string, Ranked>();
  for (const hit of hits) {
    const { category: id, cue, weight } = hit.payload;
    let entry = byId.get(id);
    if (!entry) {
      entry = { category: { id, cues: [], score: 0 }, first: hit.start, seen: new Set(), named: true, framing: true, subordinate: true };
      byId.set(id, entry);
    }
    const key = cue.toLowerCase();
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    entry.category.cues.push(cue);
    entry.category.score += weight;
  }
  if (byId.size === 1) return [...byId.values()].map((entry) => entry.category);
  // Each feature in O(1) per hit after a pass over the tokens: a 1 MB hostile sentence has hundreds of thousands of hits.
  const sentence = new SentenceFeatures(text, tokens, hits);
  for (const hit of hits) {
    const entry = byId.get(hit.payload.category) as Ranked;
    entry.named &&= sentence.insideName(hit);
    entry.framing &&= sentence.framesAnother(hit);
    entry.subordinate &&= sentence.inSubordinateClause(hit);
  }
  const ranked = [...byId.values()].sort((a, b) =>
    Number(a.named) - Number(b.named) ||
    Number(a.framing) - Number(b.framing) ||
    b.category.score - a.category.score ||
    Number(a.subordinate) - Number(b.subordinate) ||
    Number(a.category.id === FALLBACK_CATEGORY) - Number(b.category.id === FALLBACK_CATEGORY) ||
    a.first - b.first);
  return graverFirst(ranked).map((entry) => entry.category);
}

/**
 * Moves each graver category just ahead of the first lesser category it includes, when it ranks
 * after it (not a graver one only named: "the Committee against Torture" reports no torture).
 */
function graverFirst(ranked: Ranked[]): Ranked[] {
  const order = [...ranked];
  for (const [graver, lesser] of INCLUDED_CATEGORIES) {
    const at = order.findIndex((entry) => entry.category.id === graver);
    if (at < 0 || order[at].named) continue;
    const target = order.findIndex((entry) => lesser.includes(entry.category.id));
    if (target < 0 || target > at) continue;
    const [moved] = order.splice(at, 1);
    order.splice(target, 0, moved);
  }
  return order;
}

function opensReportedContent(wordBeforeThat: string): boolean {
  return REPORTING_WORDS.has(wordBeforeThat) || THAT_COMPLEMENT_VERBS.has(wordBeforeThat);
}

/** Whether the token starts with a capital letter in the text (ASCII without building strings, since every token is asked). */
function startsUpper(text: string, token: Token): boolean {
  const code = text.charCodeAt(token.start);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const first = text[token.start];
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether a token's (lower-cased) word starts with a letter, not a digit. */
function startsWithLetter(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return /\p{L}/u.test(word[0]);
}

/** What the ranking needs to know about a sentence's tokens, computed once per sentence. */
class SentenceFeatures {
  private readonly headline: boolean;
  /** Per token: whether a subordinating word opens its clause before it. */
  private readonly subordinate: Uint8Array;
  /** Prefix counts of commas and clause breaks: tokens (i, j) are one clause when breaks[j - 1] === breaks[i]. */
  private readonly breaks: Int32Array;
  /**
   * Per token: the first token at or after it where a detention cue starts (tokens.length when
   * none). Undefined in a sentence without a detention cue, as most are: no arrays to build for it.
   */
  private readonly nextDetention: Int32Array | undefined;
  /** Per token: the last token before it where a detention cue ends (-1 when none); undefined as nextDetention. */
  private readonly lastDetentionBefore: Int32Array | undefined;
  /** Tokens where a detention cue starts that is the penalty of a sentencing ("sentenced to [five years in] prison"). */
  private readonly penalties = new Set<number>();

  constructor(private readonly text: string, private readonly tokens: readonly Token[], hits: readonly CueHit[]) {
    const n = tokens.length;
    let words = 0;
    let capitals = 0;
    this.subordinate = new Uint8Array(n);
    this.breaks = new Int32Array(n);
    let open = false;
    let breaks = 0;
    for (let i = 0; i < n; i++) {
      const word = tokens[i].word;
      if (word === ',' || CLAUSE_BREAKS.has(word)) breaks++;
      this.breaks[i] = breaks;
      if (word === ',') open = false;
      this.subordinate[i] = open ? 1 : 0;
      // "that" after a reporting word or a verb of finding opens the reported content, not a subordinate clause.
      if (SUBORDINATORS.has(word)) open = !(word === 'that' && i > 0 && opensReportedContent(tokens[i - 1].word));
      if (word !== ',' && startsWithLetter(word)) {
        words++;
        if (startsUpper(text, tokens[i])) capitals++;
      }
    }
    this.headline = capitals * 2 > words;
    if (!hits.some((hit) => hit.payload.category === PENALTY_FRAME.penalty)) return;
    const nextDetention = new Int32Array(n + 1).fill(n);
    const lastDetentionBefore = new Int32Array(n + 1).fill(-1);
    const starts = new Uint8Array(n + 1);
    const ends = new Uint8Array(n + 1);
    for (const hit of hits) {
      if (hit.payload.category !== PENALTY_FRAME.penalty) continue;
      starts[tokenIndexAt(tokens, hit.start)] = 1;
      ends[tokenIndexAt(tokens, hit.end) - 1] = 1;
    }
    for (let i = n - 1; i >= 0; i--) nextDetention[i] = starts[i] ? i : nextDetention[i + 1];
    for (let i = 1; i <= n; i++) lastDetentionBefore[i] = ends[i - 1] ? i - 1 : lastDetentionBefore[i - 1];
    this.nextDetention = nextDetention;
    this.lastDetentionBefore = lastDetentionBefore;
    for (const hit of hits) {
      if (hit.payload.category !== PENALTY_FRAME.process) continue;
      const penalty = this.penaltyAfter(hit);
      if (penalty >= 0) this.penalties.add(penalty);
    }
  }

  /** Whether tokens strictly between `from` and `to` hold no comma and no clause break. */
  private sameClause(from: number, to: number): boolean {
    return to - from < 2 || this.breaks[to - 1] === this.breaks[from];
  }

  /**
   * Whether the cue is part of a capitalised name: each of its words starts with a capital, and a
   * capitalised word joins it, directly or through "of", "for", "against", ... A sentence's first
   * word is capitalised anyway, so it is no evidence of a name; nor is anything in a headline.
   */
  insideName(hit: CueHit): boolean {
    const { text, tokens } = this;
    if (this.headline) return false;
    if (hit.payload.cue !== hit.payload.cue.toLowerCase()) return false; // "ICRC", "Red Cross": the name is the cue
    const at = tokenIndexAt(tokens, hit.start);
    const after = tokenIndexAt(tokens, hit.end);
    for (let i = at; i < after; i++) if (!startsUpper(text, tokens[i])) return false;
    let before = at - 1;
    while (before >= 0 && NAME_LINKS.has(tokens[before].word) && !startsUpper(text, tokens[before])) before--;
    if (before > 0 && tokens[before].word !== ',' && startsUpper(text, tokens[before])) return true;
    let next = after;
    while (next < tokens.length && NAME_LINKS.has(tokens[next].word) && !startsUpper(text, tokens[next])) next++;
    return next < tokens.length && tokens[next].word !== ',' && startsUpper(text, tokens[next]);
  }

  /**
   * Whether a cue only frames a cue of another category: a detention that is the penalty of a
   * sentencing ("sentenced to [two years in] prison"), or a trial cue that is the ground of a
   * detention ("detained on [trumped-up] charges").
   */
  framesAnother(hit: CueHit): boolean {
    const { category } = hit.payload;
    if (category === PENALTY_FRAME.penalty) return this.penalties.has(tokenIndexAt(this.tokens, hit.start));
    return category === PENALTY_FRAME.process && this.isGround(hit);
  }

  /** The token where the penalty of a sentencing cue starts: "to" after the cue or its object, a detention soon after; -1 when none. */
  private penaltyAfter(hit: CueHit): number {
    const { tokens } = this;
    const after = tokenIndexAt(tokens, hit.end);
    for (let to = after; to < tokens.length && to <= after + OBJECT_WORDS; to++) {
      if (tokens[to].word === ',' || CLAUSE_BREAKS.has(tokens[to].word)) break;
      if (tokens[to].word !== 'to') continue;
      // Commas only: "two and a half years in jail" holds an "and" that breaks no clause.
      const penalty = this.nextDetention ? this.nextDetention[to] : tokens.length;
      return penalty < tokens.length && penalty - to <= PENALTY_WORDS && !tokens.slice(to, penalty).some((token) => token.word === ',') ? penalty : -1;
    }
    return -1;
  }

  /** "on" up to three words before a trial cue ("on politically motivated charges"), a detention just before it. */
  private isGround(hit: CueHit): boolean {
    const { tokens } = this;
    const at = tokenIndexAt(tokens, hit.start);
    for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
      if (tokens[i].word === ',' || CLAUSE_BREAKS.has(tokens[i].word)) return false;
      if (tokens[i].word !== 'on') continue;
      const detention = this.lastDetentionBefore ? this.lastDetentionBefore[i] : -1;
      return detention >= 0 && i - detention - 1 <= GROUND_WORDS && this.sameClause(detention, i);
    }
    return false;
  }

  /** Whether a subordinating word opens the clause of the cue (back to the last comma). */
  inSubordinateClause(hit: CueHit): boolean {
    const at = tokenIndexAt(this.tokens, hit.start);
    return at < this.tokens.length && this.subordinate[at] === 1;
  }
}
