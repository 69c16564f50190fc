/**
 * Character classes for the scanner, as lookup tables over UTF-16 code units.
 *
 * The scanner walks char codes instead of running regular expressions (see
 * docs/architecture.md, "Scanner design"): a table lookup per code unit is what makes
 * 30+ MB/s possible. Tables are built once, on first use, from Unicode property escapes,
 * so they agree with `\p{L}`/`\p{N}`/`\p{M}` for every BMP character.
 */

let wordTable: Uint8Array | undefined;
let lowerTable: Uint16Array | undefined;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function buildTables(): void {
  const word = new Uint8Array(0x10000);
  const lower = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    lower[code] = code;
    if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates: neither word nor foldable
    const ch = String.fromCharCode(code);
    if (code < 0x80) {
      word[code] = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0;
      lower[code] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      continue;
    }
    word[code] = WORD_CHAR.test(ch) ? 1 : 0;
    const folded = ch.toLowerCase();
    // Only one-to-one foldings keep offsets aligned; others (e.g. U+0130) stay as they are.
    if (folded.length === 1) lower[code] = folded.charCodeAt(0);
  }
  wordTable = word;
  lowerTable = lower;
}

/** 1 where the code unit is a letter, digit or combining mark (part of a word), else 0. */
export function wordChars(): Uint8Array {
  if (!wordTable) buildTables();
  return wordTable as Uint8Array;
}

/** The simple lower-case mapping of each code unit (identity where there is none). */
export function lowerChars(): Uint16Array {
  if (!lowerTable) buildTables();
  return lowerTable as Uint16Array;
}

/** Whitespace the scanner lets stand between the words of a multi-word name (line breaks included). */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0 || code === 0x202f ||
    code === 0x0c || code === 0x0b || code === 0x2009 || code === 0x2002 || code === 0x2003 || code === 0x3000;
}

export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Apostrophes and hyphens that texts use interchangeably. Folded to one canonical code for comparison. */
export function canonicalPunctuation(code: number): number {
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc) return 0x27; // ’ ‘ ʼ -> '
  if (code === 0x2010 || code === 0x2011) return 0x2d; // ‐ ‑ -> -
  return code;
}
