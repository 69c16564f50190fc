/**
 * Evaluates claim detection on the labelled news corpus.
 *
 *   npm run eval:claims -- [--gold GOLD.jsonl [--list]] DIR [--out FILE]
 *
 * DIR holds labels.jsonl and the articles (e.g. ../shared/corpus/news). With --gold (e.g.
 * ../shared/corpus/news-gold/gold.jsonl) the sentence-level figures of that gold set are printed
 * first (eval-claims-gold.ts); --list adds its false alarms, misses and wrong first categories.
 *
 * Labels are per article (violation types merged from several annotators), not per sentence, so
 * the figures are:
 * - recall per type: the share of the articles labelled with a type in which at least one claim
 *   suggests the matching category (among its ranked categories);
 * - top-suggestion agreement: the share of all claims whose first category is one of the
 *   article's labelled types (articles labelled only "other" or "unknown" count too: every
 *   claim there disagrees);
 * - the same with any of a claim's categories instead of its first: the most any ranking of the
 *   categories within a sentence could reach (what is left is claims that suggest no labelled type);
 * - claims per 1,000 words, so that a detector firing on every sentence shows.
 * Each figure is given for all claims and for high-confidence claims only. `--out` also writes
 * the table as Markdown (docs/eval-claims.md keeps the latest).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { detectClaims } from '../src/core/claims/detect';
import type { Claim } from '../src/core/claims/types';
import { evaluateGold, goldDisagreements, goldTable, readGold } from './eval-claims-gold';

interface Label {
  file: string;
  violation_types: string[];
}

/** Labelled violation types and the default taxonomy's category for each. */
const TYPE_TO_CATEGORY: Record<string, string> = {
  killing: 'wilful-killing',
  torture: 'torture',
  'arbitrary detention': 'arbitrary-detention',
  kidnapping: 'hostage-taking',
  'enforced disappearance': 'enforced-disappearance',
};

function usage(): never {
  process.stderr.write('usage: npm run eval:claims -- [--gold GOLD.jsonl [--list]] DIR [--out FILE]   (DIR holds labels.jsonl, e.g. ../shared/corpus/news)\n');
  process.exit(2);
}

/** Removes `--name VALUE` from args; undefined when absent, usage() when the value is missing. */
function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) usage();
  args.splice(at, 2);
  return value;
}

const args = process.argv.slice(2);
const outFile = takeOption(args, '--out');
const goldFile = takeOption(args, '--gold');
const listAt = args.indexOf('--list');
const list = listAt >= 0;
if (list) args.splice(listAt, 1);
const dir = args[0];
if (!dir || args.length > 1 || (list && !goldFile)) usage();

const goldLines: string[] = [];
if (goldFile) {
  const figures = evaluateGold(readGold(goldFile), dir);
  goldLines.push(...goldTable(figures), '');
  if (list) process.stderr.write(`${goldDisagreements(figures).join('\n')}\n\n`);
}

const labels: Label[] = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Label);

interface Tally {
  articles: number;
  found: number;
  foundHigh: number;
}
const perType = new Map<string, Tally>(Object.keys(TYPE_TO_CATEGORY).map((type) => [type, { articles: 0, found: 0, foundHigh: 0 }]));
let claimsAll = 0;
let claimsHigh = 0;
let agreeAll = 0;
let agreeHigh = 0;
let agreeOtherAll = 0;
let agreeOtherHigh = 0;
let anyAll = 0;
let anyHigh = 0;
let mappableAll = 0;
let mappableAgree = 0;
const MAPPED = new Set(Object.values(TYPE_TO_CATEGORY));
let words = 0;
let millis = 0;

for (const label of labels) {
  const text = readFileSync(join(dir, label.file), 'utf8');
  words += text.split(/\s+/u).filter((w) => w !== '').length;
  const started = performance.now();
  const claims = detectClaims(text);
  millis += performance.now() - started;
  const high = claims.filter((claim) => claim.confidence === 'high');
  const labelled = new Set(label.violation_types.map((type) => TYPE_TO_CATEGORY[type]).filter((id) => id !== undefined));
  const suggests = (list: Claim[], id: string): boolean => list.some((claim) => claim.categories.some((category) => category.id === id));
  for (const type of label.violation_types) {
    const tally = perType.get(type);
    if (!tally) continue;
    tally.articles++;
    if (suggests(claims, TYPE_TO_CATEGORY[type])) tally.found++;
    if (suggests(high, TYPE_TO_CATEGORY[type])) tally.foundHigh++;
  }
  claimsAll += claims.length;
  claimsHigh += high.length;
  agreeAll += claims.filter((claim) => labelled.has(claim.categories[0].id)).length;
  agreeHigh += high.filter((claim) => labelled.has(claim.categories[0].id)).length;
  const anyLabelled = (claim: Claim): boolean => claim.categories.some((category) => labelled.has(category.id));
  anyAll += claims.filter(anyLabelled).length;
  anyHigh += high.filter(anyLabelled).length;
  // The labels' "other" type is a violation other than the five: a claim whose top category is
  // none of the five (ill-treatment, unfair prosecution, ...) agrees with it.
  const agreesReadingOther = (claim: Claim): boolean =>
    labelled.has(claim.categories[0].id) || (label.violation_types.includes('other') && !MAPPED.has(claim.categories[0].id));
  agreeOtherAll += claims.filter(agreesReadingOther).length;
  agreeOtherHigh += high.filter(agreesReadingOther).length;
  const mappable = claims.filter((claim) => MAPPED.has(claim.categories[0].id));
  mappableAll += mappable.length;
  mappableAgree += mappable.filter((claim) => labelled.has(claim.categories[0].id)).length;
}

const ratio = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(2));
const lines = [
  ...goldLines,
  `Document level: claims on ${labels.length} labelled news articles (${words.toLocaleString('en')} words), default taxonomy.`,
  '',
  '| labelled type | category | articles | recall (all claims) | recall (high confidence) |',
  '| --- | --- | ---: | ---: | ---: |',
  ...[...perType].map(([type, t]) => `| ${type} | ${TYPE_TO_CATEGORY[type]} | ${t.articles} | ${ratio(t.found, t.articles)} | ${ratio(t.foundHigh, t.articles)} |`),
  '',
  '| figure | all claims | high confidence |',
  '| --- | ---: | ---: |',
  `| claims | ${claimsAll} | ${claimsHigh} |`,
  `| top suggestion is a labelled type, the categories outside the five reading as "other" (goal 0.70) | ${ratio(agreeOtherAll, claimsAll)} | ${ratio(agreeOtherHigh, claimsHigh)} |`,
  `| same, strict: "other" agrees with nothing | ${ratio(agreeAll, claimsAll)} | ${ratio(agreeHigh, claimsHigh)} |`,
  `| strict, among claims whose top category is one of the five with a label (${mappableAll} claims) | ${ratio(mappableAgree, mappableAll)} | |`,
  `| strict, some suggestion at any rank is a labelled type (the ceiling of any ranking) | ${ratio(anyAll, claimsAll)} | ${ratio(anyHigh, claimsHigh)} |`,
  `| claims per 1,000 words | ${((claimsAll / words) * 1000).toFixed(1)} | ${((claimsHigh / words) * 1000).toFixed(1)} |`,
  '',
  `Detection time: ${millis.toFixed(0)} ms for all articles (${(millis / labels.length).toFixed(2)} ms per article; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores).`,
];
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
if (outFile) {
  const command = `npm run eval:claims -- ${goldFile ? '--gold ../shared/corpus/news-gold/gold.jsonl ' : ''}../shared/corpus/news --out docs/eval-claims.md`;
  const doc = `# Claim detection on labelled news\n\nLatest output of \`${command}\`` +
    ` (corpus: HRDsAttack, 400 articles${goldFile ? ', and the 803 gold sentences of 25 of them' : ''}; see docs/claims.md).\n\n${table}`;
  writeFileSync(outFile, doc);
}
