/**
 * Evaluates state recognition on the labelled news corpus.
 *
 *   npm run eval:countries -- DIR     (DIR holds labels.jsonl and the articles, e.g. ../shared/corpus/news)
 *
 * For each article whose labelled country resolves to an ISO code (with i18n-iso-countries, not
 * with our own lexicon) and whose text names that country by one of the package's English names,
 * checks that the scanner found a state entity with that code. Prints the share and the misses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import { scan } from '../src/core/scanner/scan';
import { KNOWN_STATE_CODES } from '../src/core/lexicon/un-states';
import type { StateEntity } from '../src/core/scanner/types';

countries.registerLocale(en);

interface Label {
  file: string;
  country: string | null;
}

/**
 * The labels are free text typed by annotators: typos, demonyms and short names the package
 * does not know. Corrected here, on the label side only; the scanner gets no help from this.
 */
const LABEL_CORRECTIONS: Record<string, string> = {
  Nigeia: 'NG', Turrkey: 'TR', 'Unites States of America': 'US', Columbia: 'CO', Syria: 'SY', Burma: 'MM',
  Bosnia: 'BA', Macedonia: 'MK', Yemeni: 'YE', Pakistani: 'PK', Ethiopian: 'ET',
};

function codeOfLabel(label: string): string | undefined {
  const code = LABEL_CORRECTIONS[label] ?? countries.getAlpha2Code(label, 'en') ?? countries.getAlpha2Code(label.replace(/^the /iu, ''), 'en');
  // Only states the scanner is meant to know (UN members and observers): not Western Sahara, not Texas.
  return code && KNOWN_STATE_CODES.includes(code) ? code : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether the text names the country: by the label as written or one of the package's English names. */
function namesCountry(text: string, code: string, label: string): boolean {
  const names = [label, ...(countries.getNames('en', { select: 'all' })[code] ?? [])];
  return names.some((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run eval:countries -- DIR   (a folder with labels.jsonl)');
    process.exit(2);
  }
  const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Label);
  let evaluated = 0;
  let found = 0;
  let notNamed = 0;
  const unresolved = new Map<string, number>();
  const misses: string[] = [];
  for (const label of labels) {
    const code = label.country ? codeOfLabel(label.country) : undefined;
    if (!code) {
      unresolved.set(String(label.country), (unresolved.get(String(label.country)) ?? 0) + 1);
      continue;
    }
    const text = readFileSync(join(dir, label.file), 'utf8');
    if (!namesCountry(text, code, label.country as string)) {
      notNamed++;
      continue;
    }
    evaluated++;
    const codes = new Set(scan(text, { kinds: ['state'] }).map((entity) => (entity as StateEntity).code));
    if (codes.has(code)) found++;
    else misses.push(`${label.file}: ${label.country} (${code})`);
  }
  const share = evaluated > 0 ? (100 * found) / evaluated : 0;
  console.log(`articles: ${labels.length}; label not a resolvable state: ${[...unresolved.values()].reduce((a, b) => a + b, 0)}; country not named in the text: ${notNamed}`);
  console.log(`evaluated: ${evaluated}; labelled country found by the scanner: ${found} (${share.toFixed(1)}%, goal >= 95%)`);
  if (unresolved.size > 0) console.log(`unresolved labels: ${[...unresolved.entries()].map(([name, count]) => `${name} (${count})`).join(', ')}`);
  for (const miss of misses) console.log(`  missed: ${miss}`);
  process.exitCode = share >= 95 ? 0 : 1;
}

main();
