/**
 * Sentence-level evaluation of claim detection against a labelled gold set (news-gold/gold.jsonl):
 * one JSON object a line with `file`, `start`/`end` (code points into the article), `text`,
 * `claim` (yes / no / borderline) and `categories` (the most specific first).
 *
 * A claim predicts a gold sentence when it covers at least half of the sentence, or the sentence
 * covers at least half of the claim (the gold set's README): the gold was split by another
 * splitter than the core's, so spans differ at the edges. Figures:
 * - precision: high-confidence claims that predict a `yes` or `borderline` sentence, among all
 *   high-confidence claims (a claim predicting no sentence counts against it);
 * - recall: `yes` sentences predicted by a claim of any confidence (a low-confidence claim is still
 *   shown to the reviewer, as information), also by high-confidence claims only, each also without
 *   the sentences whose only category is `other` (borderline sentences count neither way);
 * - top category: among the `yes` sentences predicted, those whose predicting claim's first
 *   category is one of the sentence's gold categories (also without the `other`-only sentences);
 * - claims per 1,000 words of the gold articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectClaims } from '../src/core/claims/detect';
import type { Claim } from '../src/core/claims/types';

export interface GoldSentence {
  file: string;
  start: number;
  end: number;
  text: string;
  claim: 'yes' | 'no' | 'borderline';
  categories: string[];
}

/** A count over all `yes` sentences, and over those with a category other than `other`. */
export interface Split {
  all: number;
  withoutOtherOnly: number;
}

export interface GoldFigures {
  articles: number;
  sentences: number;
  words: number;
  claimsAll: number;
  claimsHigh: number;
  /** High-confidence claims predicting a yes or borderline sentence. */
  highOnClaim: number;
  gold: Split;
  /** Yes sentences predicted by a claim of any confidence, and by a high-confidence claim. */
  recalled: Split;
  recalledHigh: Split;
  /** Yes sentences predicted whose claim's first category is a gold category. */
  topRight: Split;
  /** Disagreements, for reading: false alarms, misses, wrong first category. */
  falseAlarms: { sentence: string; claim: Claim }[];
  misses: { gold: GoldSentence; low?: Claim }[];
  wrongTop: { gold: GoldSentence; claim: Claim }[];
}

export function readGold(file: string): GoldSentence[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as GoldSentence);
}

/** Whether a claim predicts a gold sentence: either covers at least half of the other. */
export function predicts(claim: { start: number; end: number }, sentence: { start: number; end: number }): boolean {
  const overlap = Math.min(claim.end, sentence.end) - Math.max(claim.start, sentence.start);
  if (overlap <= 0) return false;
  return overlap * 2 >= sentence.end - sentence.start || overlap * 2 >= claim.end - claim.start;
}

const split = (): Split => ({ all: 0, withoutOtherOnly: 0 });
const isOtherOnly = (sentence: GoldSentence): boolean => sentence.categories.length > 0 && sentence.categories.every((id) => id === 'other');

export function evaluateGold(gold: readonly GoldSentence[], newsDir: string): GoldFigures {
  const byFile = new Map<string, GoldSentence[]>();
  for (const sentence of gold) {
    const list = byFile.get(sentence.file) ?? [];
    list.push(sentence);
    byFile.set(sentence.file, list);
  }
  const figures: GoldFigures = {
    articles: byFile.size, sentences: gold.length, words: 0, claimsAll: 0, claimsHigh: 0, highOnClaim: 0,
    gold: split(), recalled: split(), recalledHigh: split(), topRight: split(),
    falseAlarms: [], misses: [], wrongTop: [],
  };
  for (const [file, sentences] of byFile) {
    const text = readFileSync(join(newsDir, file), 'utf8');
    figures.words += text.split(/\s+/u).filter((word) => word !== '').length;
    const claims = detectClaims(text);
    const high = claims.filter((claim) => claim.confidence === 'high');
    figures.claimsAll += claims.length;
    figures.claimsHigh += high.length;
    for (const claim of high) {
      const hit = sentences.filter((sentence) => predicts(claim, sentence));
      if (hit.some((sentence) => sentence.claim !== 'no')) figures.highOnClaim++;
      else figures.falseAlarms.push({ sentence: hit.map((sentence) => sentence.text).join(' | ') || claim.text, claim });
    }
    for (const sentence of sentences) {
      if (sentence.claim !== 'yes') continue;
      const count = (tally: Split): void => {
        tally.all++;
        if (!isOtherOnly(sentence)) tally.withoutOtherOnly++;
      };
      count(figures.gold);
      const highClaim = high.find((candidate) => predicts(candidate, sentence));
      const claim = highClaim ?? claims.find((candidate) => predicts(candidate, sentence));
      if (highClaim) count(figures.recalledHigh);
      if (!highClaim) figures.misses.push({ gold: sentence, low: claim });
      if (!claim) continue;
      count(figures.recalled);
      if (sentence.categories.includes(claim.categories[0].id)) count(figures.topRight);
      else figures.wrongTop.push({ gold: sentence, claim });
    }
  }
  return figures;
}

const ratio = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(2));

/** The sentence-level table, Markdown. */
export function goldTable(figures: GoldFigures): string[] {
  const { gold, recalled, recalledHigh, topRight } = figures;
  const both = (found: Split, of: Split): string =>
    `${ratio(found.all, of.all)} (${found.all} of ${of.all}) | ${ratio(found.withoutOtherOnly, of.withoutOtherOnly)} (${found.withoutOtherOnly} of ${of.withoutOtherOnly})`;
  return [
    `Sentence level: ${figures.sentences} gold sentences of ${figures.articles} articles (${figures.words.toLocaleString('en')} words); ` +
      `${gold.all} yes, ${gold.all - gold.withoutOtherOnly} of them only \`other\`.`,
    '',
    '| measure | all yes sentences | without the `other`-only ones | goal |',
    '| --- | ---: | ---: | ---: |',
    `| precision: high-confidence claims on gold yes or borderline | ${ratio(figures.highOnClaim, figures.claimsHigh)} (${figures.highOnClaim} of ${figures.claimsHigh}) | | 0.90 |`,
    `| recall of gold yes, claims of any confidence | ${both(recalled, gold)} | 0.90 without |`,
    `| recall of gold yes, high-confidence claims | ${both(recalledHigh, gold)} | |`,
    `| top suggestion is a gold category, among the yes sentences found | ${both(topRight, recalled)} | 0.90 |`,
    `| claims per 1,000 words, all / high confidence | ${((figures.claimsAll / figures.words) * 1000).toFixed(1)} / ${((figures.claimsHigh / figures.words) * 1000).toFixed(1)} | | |`,
  ];
}

/** The disagreements, one line each, for reading before changing anything. */
export function goldDisagreements(figures: GoldFigures): string[] {
  const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').slice(0, 220);
  const cueOf = (claim: Claim): string => claim.cues.map((cue) => `${cue.text}→${cue.category}${cue.use === 'affirmed' ? '' : `(${cue.use})`}`).join(', ');
  return [
    `false alarms (${figures.falseAlarms.length}):`,
    ...figures.falseAlarms.map(({ sentence, claim }) => `  FA [${claim.categories[0].id}; ${cueOf(claim)}] ${oneLine(sentence)}`),
    `yes sentences without a high-confidence claim (${figures.misses.length}):`,
    ...figures.misses.map(({ gold, low }) =>
      `  MISS [${gold.categories.join(',')}]${low ? ` low (${low.reason}; ${cueOf(low)})` : ''} ${gold.file}: ${oneLine(gold.text)}`),
    `wrong first category (${figures.wrongTop.length}):`,
    ...figures.wrongTop.map(({ gold, claim }) => `  TOP gold [${gold.categories.join(',')}] got [${claim.categories.map((c) => c.id).join(',')}; ${cueOf(claim)}] ${oneLine(gold.text)}`),
  ];
}
