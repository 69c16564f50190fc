/**
 * Treaty and statute drafting: text that states the law reports no violation.
 *
 * A sentence is drafting when it holds a word of drafting itself ("shall", "Contracting
 * Parties", "this Convention", ...), or when it stands in an article of an instrument: below a
 * heading line "Article N" (also "Art. N", Dutch and German "Artikel N"), up to the next such
 * heading, in an article whose text holds a word of drafting. That catches the lettered and
 * numbered paragraphs of an article that say nothing normative on their own ("(c) the amount to
 * be so paid in the currency of the country in which he is detained"; "2. A sentenced person may
 * ... apply to the Court"), because the article's lead-in or another paragraph does. A report
 * organised by articles ("Article 7: torture", then the findings) uses "should", not "shall", and
 * stays a report.
 */
import { NORMATIVE_PAIRS, NORMATIVE_WORDS } from './context-words';
import { tokenize, type Token } from './tokens';

/** A heading line naming an article: "### Article  75", "Article 3 — Definitions", "Art. 5", "Artikel 12". */
const ARTICLE_HEADING = /^[ \t#*_>]*(?:article|artikel|art\.)[ \t]+(?:\d+[a-z]?|[ivxlc]+)\b[^\n]{0,80}$/gimu;
/** Quick test before the line scan: text without these letters has no article heading. */
const ARTICLE_WORD = /rti(?:cle|kel)|RTI(?:CLE|KEL)|Art\./u;

/** Whether tokens hold a word or a word pair of drafting. */
export function isNormative(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    if (NORMATIVE_WORDS.has(word)) return true;
    if (i + 1 < tokens.length && NORMATIVE_PAIRS.has(`${word} ${tokens[i + 1].word}`)) return true;
  }
  return false;
}

/** The articles of one text, found on first use; one per detectClaims call. */
export class DraftingContext {
  private headings: number[] | undefined;
  private readonly articleStatesLaw = new Map<number, boolean>();

  constructor(private readonly text: string) {}

  /** Whether UTF-16 offset `at` lies in an article of an instrument that states the law. */
  inDraftedArticle(at: number): boolean {
    const headings = this.articleHeadings();
    let low = 0;
    let high = headings.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (headings[mid] <= at) low = mid + 1;
      else high = mid;
    }
    const article = low - 1;
    if (article < 0) return false;
    let statesLaw = this.articleStatesLaw.get(article);
    if (statesLaw === undefined) {
      const end = article + 1 < headings.length ? headings[article + 1] : this.text.length;
      statesLaw = isNormative(tokenize(this.text, headings[article], end));
      this.articleStatesLaw.set(article, statesLaw);
    }
    return statesLaw;
  }

  private articleHeadings(): number[] {
    if (this.headings) return this.headings;
    this.headings = [];
    if (!ARTICLE_WORD.test(this.text)) return this.headings;
    ARTICLE_HEADING.lastIndex = 0;
    for (let match = ARTICLE_HEADING.exec(this.text); match; match = ARTICLE_HEADING.exec(this.text)) this.headings.push(match.index);
    return this.headings;
  }
}
