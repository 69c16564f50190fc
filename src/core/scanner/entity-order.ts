/**
 * Puts the scanner's finds in their final order a stretch of text at a time, so a long text's
 * entities leave the scanner as it goes instead of piling up until the end.
 *
 * The order is by start, the longest first on the same start, and finds of equal range in the
 * order they were made. An entity contained in a longer one of the same kind is dropped
 * ("Geneva Convention" in "Third Geneva Convention", "March 2023" in "30 March 2023");
 * entities of different kinds may nest ("Ukraine" in "UN Human Rights Monitoring Mission in Ukraine").
 *
 * Finds come in with UTF-16 offsets and no text; they leave with their text and, when the text
 * holds astral characters, code-point offsets.
 */
import type { Entity, EntityKind } from './types';

export class EntityOrder {
  /** Finds made while scanning, in the order made. */
  private pending: Entity[] = [];
  /** Finds added after the scan of their stretch (weekdays and yearless ranges dated later); they follow `pending` on equal ranges. */
  private late: Entity[] = [];
  /** Per kind, the furthest end released so far: a later entity of that kind ending within it is contained. */
  private readonly reach: Record<EntityKind, number> = { state: -1, date: -1, term: -1 };
  private readonly codePoints: CodePointCursor | undefined;

  constructor(private readonly text: string) {
    this.codePoints = /[\uD800-\uDBFF]/.test(text) ? new CodePointCursor(text) : undefined;
  }

  add(entity: Entity): void {
    this.pending.push(entity);
  }

  addLate(entity: Entity): void {
    this.late.push(entity);
  }

  /** Finds held, not yet released. */
  get held(): number {
    return this.pending.length + this.late.length;
  }

  /**
   * Releases, in order, every find that starts before `before`: the caller promises that no find
   * still to come starts before it. `Infinity` releases everything.
   */
  release(before: number): Entity[] {
    const all = this.late.length > 0 ? this.pending.concat(this.late) : this.pending;
    // Stable: finds of equal range keep the order they were made in, late ones after.
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    let ready = 0;
    while (ready < all.length && all[ready].start < before) ready++;
    this.pending = ready === all.length ? [] : all.slice(ready);
    this.late = [];
    const released: Entity[] = [];
    for (let i = 0; i < ready; i++) {
      const entity = all[i];
      if (entity.end <= this.reach[entity.kind]) continue;
      this.reach[entity.kind] = entity.end;
      released.push(this.finished(entity));
    }
    return released;
  }

  /**
   * The find itself, given its text (and code-point offsets): a find is this class's alone once
   * added (the scanner makes every one afresh and keeps none), and a copy of each of a 200 MB
   * source's millions of entities took a tenth of the scanner's time.
   */
  private finished(entity: Entity): Entity {
    entity.text = this.text.slice(entity.start, entity.end);
    if (this.codePoints) {
      const start = this.codePoints.toCodePoint(entity.start);
      entity.end = start + this.codePoints.codePointsBetween(entity.start, entity.end);
      entity.start = start;
    }
    return entity;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Code-point offsets of UTF-16 offsets that mostly grow (entities' starts in order), counting
 * surrogate pairs from the last offset asked for instead of holding a table of every pair, which
 * for a text of emoji would be as large as the text. Agrees with `OffsetConverter.toCodePoint`:
 * an offset between the two halves of a pair counts the pair as after it.
 */
class CodePointCursor {
  private at = 0;
  /** Pairs that start at or before `at - 2`, that is, end before `at`. */
  private pairs = 0;

  constructor(private readonly text: string) {}

  toCodePoint(utf16: number): number {
    if (utf16 < this.at) {
      this.at = 0;
      this.pairs = 0;
    }
    this.pairs += this.pairsEndingIn(this.at, utf16);
    this.at = utf16;
    return utf16 - this.pairs;
  }

  /** Code points of `[start, end)` as `toCodePoint(end) - toCodePoint(start)`, without moving the cursor. */
  codePointsBetween(start: number, end: number): number {
    return end - start - this.pairsEndingIn(start, end);
  }

  /** Pairs whose low half lies in `[from, to - 1]`, that is, pairs starting in `[from - 1, to - 2]`. */
  private pairsEndingIn(from: number, to: number): number {
    let count = 0;
    for (let i = Math.max(0, from - 1); i <= to - 2; i++) {
      if (isHighSurrogate(this.text.charCodeAt(i)) && isLowSurrogate(this.text.charCodeAt(i + 1))) count++;
    }
    return count;
  }
}
