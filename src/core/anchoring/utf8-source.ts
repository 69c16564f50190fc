/**
 * A source text kept as its UTF-8 bytes, decoded only when something needs the string.
 *
 * `check` reads a thousand sources to find, in nearly every one, each quote exactly at its
 * stored offsets. Decoding text that is not ASCII into a JavaScript string runs at about
 * 150 MB/s, most of check's time on a corpus; comparing each quote with the bytes at its
 * offsets needs one pass that counts code points, and the hash is taken over the bytes.
 * Anything else (a quote not at its offsets, a source that is empty) decodes the text once
 * (`prepared`) and anchors as `anchorAll` always does.
 */
import { Buffer } from 'node:buffer';
import type { AnchorResult, TextTarget } from '../sidecar/model';
import { byteOffsets, SLOTS } from '../text/utf8-offsets';
import { PreparedText } from './prepared-text';

export class Utf8SourceText {
  private decoded: PreparedText | undefined;

  /** `body`: valid UTF-8 (checkUtf8Text), BOM excluded: the bytes the text is decoded from. */
  constructor(readonly body: Buffer) {}

  /** The text, decoded and prepared on first use. */
  prepared(): PreparedText {
    return (this.decoded ??= new PreparedText(this.body.toString('utf8')));
  }

  /**
   * Each target's result when every one of them is anchored (its quote exactly at its stored
   * code-point offsets, as anchorAll's first test finds it), else undefined: then at least one
   * needs the search on the decoded text, or there are more offsets than one pass takes (SLOTS).
   */
  anchoredAtStoredOffsets(targets: readonly TextTarget[]): AnchorResult[] | undefined {
    if (this.body.length === 0) return undefined;
    const offsets: number[] = [];
    for (const target of targets) {
      if (target === null || typeof target !== 'object' || typeof target.exact !== 'string' || target.exact === '') return undefined;
      const { start, end } = target;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end) return undefined;
      offsets.push(start, end);
    }
    const byteOffset = this.byteOffsets(offsets);
    if (!byteOffset) return undefined;
    const results: AnchorResult[] = [];
    for (const target of targets) {
      if (!this.holdsAt(byteOffset.get(target.start)!, byteOffset.get(target.end)!, target.exact)) return undefined;
      results.push({ status: 'anchored', start: target.start, end: target.end });
    }
    return results;
  }

  /** Whether the bytes from `from` to `to` (both code-point boundaries) decode to `quote`. */
  private holdsAt(from: number, to: number, quote: string): boolean {
    // As many bytes as UTF-16 units: only ASCII encodes so, on either side, so compare unit by unit.
    if (to - from === quote.length) {
      for (let i = 0; i < quote.length; i++) {
        const unit = quote.charCodeAt(i);
        if (unit >= 0x80 || unit !== this.body[from + i]) return false;
      }
      return true;
    }
    return this.body.toString('utf8', from, to) === quote;
  }

  /** The byte offset of each code-point offset, in one pass; undefined when one lies beyond the text, or for more than SLOTS offsets. */
  private byteOffsets(codePoints: readonly number[]): Map<number, number> | undefined {
    if (codePoints.length > SLOTS) return undefined;
    // Sorted natively as keys offset * SLOTS + slot, then walked once (utf8-offsets.ts).
    const keys = Float64Array.from(codePoints, (offset, slot) => offset * SLOTS + slot).sort();
    const bytesAt = byteOffsets(this.body, keys);
    if (!bytesAt) return undefined;
    const found = new Map<number, number>();
    codePoints.forEach((offset, slot) => found.set(offset, bytesAt[slot]));
    return found;
  }
}

/** The prepared text of a source however it is held. */
export function preparedSource(text: string | PreparedText | Utf8SourceText): PreparedText {
  if (text instanceof Utf8SourceText) return text.prepared();
  return text instanceof PreparedText ? text : new PreparedText(text);
}
