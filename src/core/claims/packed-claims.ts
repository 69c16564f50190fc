/**
 * Claims held compactly: 32-bit integers, strings and numbers given once each. `scan` prints every
 * entity of a file before any claim, so the claims its worker thread finds while the entities are
 * printed wait until then; as objects or as JSON a 200 MB report's claims take more memory than
 * its text (475 MB of JSON), packed about 124 bytes a claim. The claims' texts are not packed: the
 * thread that prints them holds the text and slices it.
 *
 * Per claim: its start and end in UTF-16 and in code points, the article it stands in, confidence,
 * reason, its categories (id, score, cues), its cues (cue, category, offsets, use) and its
 * reporting words.
 */
import type { SectionClaims } from './byte-sections';
import type { Claim, ClaimCategory, ClaimCue, CueUse } from './types';

/** Packed claims, and the strings and numbers they are the first to use (the unpacker adds them to its tables in order). */
export interface ClaimPack {
  ints: Int32Array;
  strings: string[];
  numbers: number[];
}

const NO_REASON = -1;
/** Integers a pack is given before it is sent on (4 MB): few messages, each small beside a large source. */
export const PACK_INTS = 1 << 20;
const INITIAL_INTS = 1 << 16;

/** How many integers `claim` packs into. */
function packedLength(claim: Claim): number {
  let length = 10 + claim.reporting.length + claim.cues.length * 7;
  for (const category of claim.categories) length += 3 + category.cues.length;
  return length;
}

/** An id for each distinct value, in the order first seen; `takeNew` lists the values first seen since it was last called. */
class Ids<T> {
  private readonly ids = new Map<T, number>();
  private fresh: T[] = [];

  of(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
      this.fresh.push(value);
    }
    return id;
  }

  takeNew(): T[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** Packs claims of SectionClaims; `take` hands out what was packed since the last call. */
export class ClaimPacker {
  private ints = new Int32Array(INITIAL_INTS);
  private length = 0;
  private readonly strings = new Ids<string>();
  private readonly numbers = new Ids<number>();

  /** Integers packed since the last `take`. */
  get size(): number {
    return this.length;
  }

  add({ claims, articles, utf16Base, codePointAt }: SectionClaims): void {
    for (let c = 0; c < claims.length; c++) {
      const claim = claims[c];
      this.reserve(packedLength(claim));
      this.push(utf16Base + claim.start);
      this.push(utf16Base + claim.end);
      this.push(codePointAt(claim.start));
      this.push(codePointAt(claim.end));
      this.push(articles[c]);
      this.push(claim.confidence === 'high' ? 0 : 1);
      this.push(claim.reason === undefined ? NO_REASON : this.string(claim.reason));
      this.push(claim.categories.length);
      for (const category of claim.categories) {
        this.push(this.string(category.id));
        this.push(this.number(category.score));
        this.push(category.cues.length);
        for (const cue of category.cues) this.push(this.string(cue));
      }
      this.push(claim.cues.length);
      for (const cue of claim.cues) {
        this.push(this.string(cue.cue));
        this.push(this.string(cue.category));
        this.push(this.string(cue.use));
        this.push(utf16Base + cue.start);
        this.push(utf16Base + cue.end);
        this.push(codePointAt(cue.start));
        this.push(codePointAt(cue.end));
      }
      this.push(claim.reporting.length);
      for (const word of claim.reporting) this.push(this.string(word));
    }
  }

  take(): ClaimPack {
    const pack = { ints: this.ints.slice(0, this.length), strings: this.strings.takeNew(), numbers: this.numbers.takeNew() };
    this.length = 0;
    return pack;
  }

  /** Room for `count` more integers. */
  private reserve(count: number): void {
    if (this.length + count <= this.ints.length) return;
    const grown = new Int32Array(Math.max(this.ints.length * 2, this.length + count));
    grown.set(this.ints.subarray(0, this.length));
    this.ints = grown;
  }

  /** Adds an integer, in the room `reserve` made. */
  private push(value: number): void {
    this.ints[this.length++] = value;
  }

  private string(value: string): number {
    return this.strings.of(value);
  }

  private number(value: number): number {
    return this.numbers.of(value);
  }
}

/** Claims per array that `unpack` hands out: about a section's (detect.ts), so that each array's objects die young. */
const UNPACKED_BATCH = 128;

/**
 * Turns packs back into claims (code-point offsets, as `detectClaimSections` gives them by
 * default), their texts sliced from `text`, the whole text the packer's offsets count in, leaving
 * out the claims of the articles that state the law (`statesLaw`, ByteDetection's). Packs must come
 * in the order they were taken.
 */
export class ClaimUnpacker {
  private readonly strings: string[] = [];
  private readonly numbers: number[] = [];

  constructor(private readonly text: string, private readonly statesLaw: readonly boolean[] = []) {}

  /** The claims of `pack`, in order, `batch` at a time; those starting before UTF-16 offset `from` left out. */
  *unpack(pack: ClaimPack, batch = UNPACKED_BATCH, from = 0): Generator<Claim[], void, undefined> {
    for (const value of pack.strings) this.strings.push(value);
    for (const value of pack.numbers) this.numbers.push(value);
    const { ints } = pack;
    const { text, strings, numbers, statesLaw } = this;
    let claims: Claim[] = [];
    let i = 0;
    while (i < ints.length) {
      if (claims.length === batch) {
        yield claims;
        claims = [];
      }
      const textStart = ints[i++];
      const textEnd = ints[i++];
      const start = ints[i++];
      const end = ints[i++];
      const article = ints[i++];
      const confidence = ints[i++] === 0 ? 'high' : 'low';
      const reasonId = ints[i++];
      const categories: ClaimCategory[] = new Array(ints[i++]);
      for (let c = 0; c < categories.length; c++) {
        const id = strings[ints[i++]];
        const score = numbers[ints[i++]];
        const cues: string[] = new Array(ints[i++]);
        for (let k = 0; k < cues.length; k++) cues[k] = strings[ints[i++]];
        categories[c] = { id, cues, score };
      }
      const cues: ClaimCue[] = new Array(ints[i++]);
      for (let c = 0; c < cues.length; c++) {
        const cue = strings[ints[i++]];
        const category = strings[ints[i++]];
        const use = strings[ints[i++]] as CueUse;
        const cueTextStart = ints[i++];
        const cueTextEnd = ints[i++];
        const cueStart = ints[i++];
        const cueEnd = ints[i++];
        cues[c] = { cue, category, start: cueStart, end: cueEnd, text: text.slice(cueTextStart, cueTextEnd), use };
      }
      const reporting: string[] = new Array(ints[i++]);
      for (let r = 0; r < reporting.length; r++) reporting[r] = strings[ints[i++]];
      if ((article >= 0 && statesLaw[article]) || textStart < from) continue;
      const claimText = text.slice(textStart, textEnd);
      // The keys in the order detect.ts gives them: JSON prints them in this order.
      claims.push(reasonId === NO_REASON
        ? { start, end, text: claimText, categories, confidence, cues, reporting }
        : { start, end, text: claimText, categories, confidence, reason: strings[reasonId], cues, reporting });
    }
    if (claims.length > 0) yield claims;
  }
}
