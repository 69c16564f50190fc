/**
 * The texts whose claims are pinned (test/unit/claims/claims-pinned.test.ts): the samples, the
 * hostile corpus's sources (at a small size) and a seeded text that mixes every cue of the default
 * taxonomy with every context word the detector reads, in sentences, lists, headings and articles.
 * A claim is digested with all its fields, so a change of the detector that changes a claim, a cue,
 * a reason or an order shows as a changed digest.
 *
 *   npx tsx test/claims-pin/pinned-texts.ts --write   (writes digests.json from the current code)
 *
 * Write it only when the claims are meant to change (a new cue, a new rule), and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededIntegers } from '../../bench/support';
import { REPORT_PARAGRAPH, writeHostileCorpus } from '../../scripts/generate-hostile';
import * as contextWords from '../../src/core/claims/context-words';
import { detectClaims } from '../../src/core/claims/detect';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { decodeSourceText } from '../../src/core/text/decode';

export const DIGESTS_FILE = join(__dirname, 'digests.json');
const REPOSITORY = join(__dirname, '../..');

export interface PinnedText {
  name: string;
  text: string;
}

/** Per text: how many claims, and the SHA-256 of the claims (code points) and of the high-confidence ones in UTF-16. */
export interface ClaimDigest {
  claims: number;
  codePoints: string;
  utf16High: string;
}

export function digestOf(text: string): ClaimDigest {
  const claims = detectClaims(text);
  const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  return { claims: claims.length, codePoints: sha(claims), utf16High: sha(detectClaims(text, { offsets: 'utf16', includeLow: false })) };
}

/** Every pinned text, by a stable name. */
export function pinnedTexts(): PinnedText[] {
  return [
    ...sampleTexts(),
    ...hostileTexts(),
    { name: 'dense report (bench:large)', text: `${REPORT_PARAGRAPH.trimEnd()}\n\n`.repeat(40) },
    { name: 'seeded mix, dense', text: seededMix(7, 4_000, { cues: 8, context: 8 }) },
    { name: 'seeded mix, sparse', text: seededMix(11, 8_000, { cues: 1, context: 6 }) },
  ];
}

function sampleTexts(): PinnedText[] {
  const samples = join(REPOSITORY, 'samples');
  return readdirSync(samples, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(?:txt|md)$/u.test(path))
    .sort()
    .map((path) => ({ name: `samples/${path}`, text: readFileSync(join(samples, path), 'utf8') }));
}

/** The hostile corpus's sources that are text (its sidecars hold times; its binary files are skipped as scan skips them). */
function hostileTexts(): PinnedText[] {
  const root = mkdtempSync(join(tmpdir(), 'la-claims-pin-'));
  try {
    writeHostileCorpus(root, { sourceMegabytes: 0.1, annotationCount: 10 });
    const workspace = join(root, 'workspace');
    const found: PinnedText[] = [];
    for (const path of regularFiles(workspace)) {
      if (!/\.(?:txt|md)$/u.test(path)) continue;
      const read = decodeSourceText(readFileSync(join(workspace, path)));
      if (read.ok) found.push({ name: `hostile/${path}`, text: read.text });
    }
    return found;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Paths of the regular files under `root`, sorted: no link is followed (the corpus links to devices, to / and in loops), no FIFO read. */
function regularFiles(root: string, folder = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) found.push(...regularFiles(root, path));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}

const FILLER = [
  'the', 'a', 'of', 'in', 'on', 'to', 'by', 'police', 'soldiers', 'men', 'women', 'journalist', 'activist', 'village', 'camp', 'prison',
  'Olenivka', 'Kharkiv', 'Myanmar', 'Amnesty', 'International', 'Human', 'Rights', 'Watch', 'Committee', 'Act', 'United', 'Nations',
  'March', 'May', '2022', '17', 'three', 'years', 'his', 'their', 'said', 'says', 'were', 'was', 'is', 'are', 'been', 'had', 'that',
  'then', 'later', 'again', 'also', 'forces', 'guards', 'detainees', 'prisoners', 'family', 'lawyer', 'court', 'U.S.', 'e.g.', 'Art.',
  'Mr.', 'J.', 'etc.', 'No.', 'Zürich', 'Türkiye', '😀', '𝐑𝐮𝐬𝐬𝐢𝐚', 'anti', 'self', 're', 'well', 'can', "can't", "won't", 'weren’t',
];
const PUNCTUATION = [',', ',', ';', ':', ' (', ')', ' –', ' —', '"', '”', '-'];
const ENDS = ['.', '.', '.', '?', '!', '…', '."', '.)', ''];

/** Every word and word pair the detector reads, but those of drafting (which make a sentence no claim). */
function contextVocabulary(): string[] {
  const words: string[] = [];
  const drafting: unknown[] = [contextWords.NORMATIVE_WORDS, contextWords.NORMATIVE_PAIRS];
  for (const value of Object.values(contextWords)) {
    if (drafting.includes(value)) continue;
    if (value instanceof Set || Array.isArray(value)) for (const word of value) if (typeof word === 'string') words.push(word);
    if (value instanceof Map) for (const [key, list] of value) words.push(key, ...(list as string[]));
  }
  return words;
}

/** Every cue of the default taxonomy, a gap filled with two words. */
function cueVocabulary(): string[] {
  return DEFAULT_TAXONOMY.categories.flatMap((category) => category.cues.map((cue) => cue.replace(/\s*(?:…|\.\.\.)\s*/u, ' two soldiers ')));
}

/** Of every 24 words, how many are cues and how many context words (the rest is filler). */
export interface MixShares {
  cues: number;
  context: number;
}

/**
 * About `sentences` sentences of cues, context words and filler, in every case, with clause
 * punctuation, questions, paragraphs, list items, headings and (in the last quarter) the articles of
 * an instrument.
 */
export function seededMix(seed: number, sentences: number, shares: MixShares): string {
  const pick = seededIntegers(seed);
  const cues = cueVocabulary();
  const context = contextVocabulary();
  const drafting = [...contextWords.NORMATIVE_WORDS, ...contextWords.NORMATIVE_PAIRS];
  const word = (): string => {
    const roll = pick(24);
    if (roll < shares.cues) return cues[pick(cues.length)];
    if (roll < shares.cues + shares.context) return context[pick(context.length)];
    return FILLER[pick(FILLER.length)];
  };
  const parts: string[] = [];
  const cased = (text: string): string => {
    const roll = pick(10);
    if (roll === 0) return text.toUpperCase();
    if (roll < 3) return text.charAt(0).toUpperCase() + text.slice(1);
    return text;
  };
  for (let s = 0; s < sentences; s++) {
    const layout = pick(40);
    // An article holding a word of drafting is no claim to its end: articles only in the last quarter.
    if (layout === 0 && s > (sentences * 3) / 4) parts.push(`\n\nArticle ${1 + pick(90)}${pick(2) ? ' — General provisions' : ''}\n`);
    else if (layout === 1) parts.push(`\n\n${pick(2) ? '# ' : ''}${word().toUpperCase()} ${FILLER[pick(FILLER.length)].toUpperCase()}\n\n`);
    else if (layout < 4) parts.push(`\n${['-', '*', '1.', '(a)', 'iv.', '•'][pick(6)]} `);
    else if (layout < 9) parts.push('\n\n');
    else if (layout === 9) parts.push('\r\n');
    const length = 3 + pick(28);
    const sentence: string[] = [];
    for (let w = 0; w < length; w++) {
      sentence.push(w === 0 || pick(12) === 0 ? cased(word()) : word());
      if (pick(9) === 0) sentence.push(PUNCTUATION[pick(PUNCTUATION.length)]);
    }
    if (pick(40) === 0) sentence.splice(pick(sentence.length), 0, drafting[pick(drafting.length)]);
    sentence[0] = sentence[0].charAt(0).toUpperCase() + sentence[0].slice(1);
    parts.push(`${sentence.join(' ')}${ENDS[pick(ENDS.length)]} `);
  }
  return parts.join('');
}

function writeDigests(): void {
  const digests: Record<string, ClaimDigest> = {};
  for (const { name, text } of pinnedTexts()) digests[name] = digestOf(text);
  writeFileSync(DIGESTS_FILE, `${JSON.stringify(digests, null, 2)}\n`);
  console.log(`${Object.keys(digests).length} digests written to ${DIGESTS_FILE}`);
}

if (require.main === module && process.argv.includes('--write')) writeDigests();
