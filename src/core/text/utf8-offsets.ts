/**
 * Where code-point offsets lie in UTF-8 bytes, found in one pass over the bytes: check compares
 * each stored quote with the source's bytes at its offsets without decoding the source.
 */

/**
 * The slots of a key (offset * SLOTS + slot): more than the offsets anyone asks for at once (the
 * sidecar scan's MAX_ENTRIES times two lists times two offsets), with offsets up to 2^31 exact
 * in a double.
 */
export const SLOTS = 2 ** 22;

/**
 * The byte offset of each code-point offset of `keys` (offset * SLOTS + slot, sorted), by slot;
 * undefined when one lies beyond the text.
 */
export function byteOffsets(body: Uint8Array, keys: Float64Array): Int32Array | undefined {
  const bytesAt = new Int32Array(keys.length);
  const words = new Uint32Array(body.buffer, 0, body.buffer.byteLength >>> 2);
  const base = body.byteOffset;
  const length = body.length;
  /** The words wholly inside the body end before this one. */
  const lastWord = (base + length) >>> 2;
  // `codePoint` counts the bytes before `byte` that start a code point: all but continuation bytes (10xxxxxx).
  let codePoint = 0;
  let byte = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const target = Math.floor(key / SLOTS);
    for (;;) {
      if (((base + byte) & 3) === 0) {
        // A word at a time, counting its continuation bytes without a branch (two words a turn
        // while eight more code points are wanted): a word holds at most four code points, so
        // none passes the target's first byte. Most text is ASCII or nearly.
        let word = (base + byte) >>> 2;
        while (codePoint + 8 <= target && word + 2 <= lastWord) {
          const w = words[word];
          const v = words[word + 1];
          codePoint += 8 - (Math.imul(((w & ~(w << 1) & 0x80808080) >>> 7) + ((v & ~(v << 1) & 0x80808080) >>> 7), 0x01010101) >>> 24);
          word += 2;
        }
        while (codePoint + 4 <= target && word < lastWord) {
          const w = words[word++];
          codePoint += 4 - (Math.imul((w & ~(w << 1) & 0x80808080) >>> 7, 0x01010101) >>> 24);
        }
        byte = word * 4 - base;
      }
      if (byte >= length) {
        if (codePoint < target) return undefined;
        break;
      }
      if ((body[byte] & 0xc0) !== 0x80) {
        if (codePoint === target) break;
        codePoint++;
      }
      byte++;
    }
    bytesAt[key - target * SLOTS] = byte;
  }
  return bytesAt;
}
