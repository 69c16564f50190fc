/**
 * Claim detection over a source's UTF-8 bytes, a section at a time, never holding the whole text:
 * what `scan`'s worker thread runs while the main thread, which holds the text, finds the entities.
 *
 * The sections are those of `detectClaimSections` (the same starts and ends in the text); each is
 * decoded on its own, with what follows it up to where its end is certain. A claim is read within
 * its paragraph and a section is whole paragraphs, so a section gives the claims it gives in the
 * whole text. The one reading that spans paragraphs is the drafting context (an article of an
 * instrument states the law when any of its paragraphs does, drafting.ts), known only once the
 * article's last section is read: each claim says its article, and the detection ends with the
 * articles that state the law, whose claims the caller drops (as detectClaims never makes them).
 */
import { Buffer } from 'node:buffer';
import { DEFAULT_TAXONOMY } from '../taxonomy/taxonomy';
import { OffsetConverter } from '../text/positions';
import { cueMatcherFor } from './cue-matcher';
import { CLAIM_SECTION, nextSectionStart, sectionClaims, sectionEnd, type DetectOptions } from './detect';
import { articleAt, ArticlesRead } from './drafting';
import type { Claim } from './types';

/** The claims of one section, with what turns their offsets into the whole text's. */
export interface SectionClaims {
  /** UTF-16 offsets of the section's own text (`text`). */
  claims: Claim[];
  /** Per claim, the index of the article of an instrument it stands in (ByteDetection's), or -1. */
  articles: number[];
  /** The section's text as decoded (it may reach past the section's end). */
  text: string;
  /** UTF-16 offset in the whole text of the section's offset 0. */
  utf16Base: number;
  /** Code-point offset in the whole text of a UTF-16 offset of the section's text. */
  codePointAt(local: number): number;
}

/**
 * Bytes of a text, read in order: `read(from, to)` gives bytes [from, to), where `from` never goes
 * back; what it returns may be reused by the next call. A file read as it is needed is one.
 */
export interface ByteSource {
  readonly length: number;
  read(from: number, to: number): Buffer;
}

/** Bytes in memory as a ByteSource. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { length: buffer.length, read: (from, to) => buffer.subarray(from, to) };
}

/**
 * What the detection over bytes knows at the end: where it stopped (UTF-16; the text's length, or
 * where SectionControl stopped it), the articles of instruments it read (their headings' offsets)
 * and whether each states the law (its claims are none). The last article's verdict is the whole
 * text's only when the detection read to the end.
 */
export interface ByteDetection {
  end: number;
  headings: readonly number[];
  statesLaw: readonly boolean[];
}

/**
 * Lets another thread take over the rest of the text: `reached` is told where each section starts
 * (UTF-16), and `stopAt` is read before each section: the detection stops there, at the end of a
 * paragraph (a section's end as detectClaimSections cuts them), or at the next section's start if
 * it is already past it.
 */
export interface SectionControl {
  reached(utf16: number): void;
  stopAt(): number;
}

/** Reads each claim as standing in no article: whether its article states the law is known at the end (SectionClaims.articles). */
const NO_ARTICLE = { inDraftedArticle: (): boolean => false };

/** A first decoding of this many bytes past a section's length finds its paragraph's end in most texts. */
const SECTION_SLACK_BYTES = 16 * 1024;

/**
 * The claims of the text that `source` (UTF-8, no BOM) decodes to, section by section, in order,
 * with those of articles that state the law among them (see ByteDetection). `options.offsets`
 * is ignored: SectionClaims says both.
 */
export function* detectClaimsInBytes(
  source: ByteSource, options: Omit<DetectOptions, 'offsets'> = {}, sectionLength = CLAIM_SECTION, control?: SectionControl,
): Generator<SectionClaims, ByteDetection, undefined> {
  const matcher = cueMatcherFor(options.taxonomy ?? DEFAULT_TAXONOMY);
  const detectOptions: DetectOptions = { ...options, offsets: 'utf16' };
  let byteFrom = 0;
  let utf16Base = 0;
  let pairsBefore = 0;
  const articles = new ArticlesRead();
  while (byteFrom < source.length) {
    control?.reached(utf16Base);
    const stop = control ? control.stopAt() : Infinity;
    if (stop <= utf16Base) break;
    const section = decodeSection(source, byteFrom, sectionLength);
    const { text } = section;
    const to = utf16Base + section.to > stop ? stop - utf16Base : section.to;
    articles.read(text, 0, to, utf16Base);
    const converter = new OffsetConverter(text);
    const codePointBase = utf16Base - pairsBefore;
    const claims = sectionClaims(text, 0, to, matcher, NO_ARTICLE, detectOptions);
    if (claims.length > 0) {
      const articleOf = claims.map((claim) => articleAt(articles.headings, utf16Base + claim.start));
      yield { claims, articles: articleOf, text, utf16Base, codePointAt: (local) => codePointBase + converter.toCodePoint(local) };
    }
    const next = nextSectionStart(0, to);
    pairsBefore += next - converter.toCodePoint(next);
    utf16Base += next;
    byteFrom += Buffer.byteLength(text.slice(0, next), 'utf8');
  }
  return { end: utf16Base, headings: articles.headings, statesLaw: articles.statesLaw };
}

/**
 * The text from byte `from` on, decoded far enough that the section starting there ends where it
 * ends in the whole text, and that end (UTF-16, in the decoded text).
 */
function decodeSection(source: ByteSource, from: number, sectionLength: number): { text: string; to: number } {
  for (let span = sectionLength + SECTION_SLACK_BYTES; ; span *= 2) {
    const bytes = source.read(from, Math.min(source.length, from + span));
    const end = charBoundary(bytes, bytes.length);
    const text = bytes.toString('utf8', 0, end);
    const whole = from + end === source.length;
    const to = sectionEnd(text, 0, sectionLength);
    if (whole) return { text, to };
    // Not the text's end: the section's end is known once the line after it (blank) is whole here.
    if (to < text.length && text.indexOf('\n', to + 1) >= 0) return { text, to };
  }
}

/** Where a decoding of `bytes[0, at)` stops so as to hold whole characters only: `at`, or the start of a character cut there. */
function charBoundary(bytes: Buffer, at: number): number {
  let lead = at - 1;
  while (lead > 0 && at - lead < 4 && (bytes[lead] & 0xc0) === 0x80) lead--;
  const first = bytes[lead];
  const length = first < 0x80 ? 1 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead < 0 || lead + length <= at ? at : lead;
}
