import { createHash } from 'node:crypto';
import { startsWithUtf8Bom, UTF8_BOM_LENGTH } from '../text/decode';

/** UTF-16 units encoded and hashed at a time: a 200 MB text is never copied whole into UTF-8 bytes. */
const HASH_PIECE = 1 << 20;

/** `sha256:` + hex SHA-256 of the UTF-8 bytes of a source text, BOM excluded (what `sourceHash` stores). */
export function sourceHash(text: string): string {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const hash = createHash('sha256');
  for (let from = start; from < text.length; ) {
    let to = Math.min(text.length, from + HASH_PIECE);
    // Never between the halves of a surrogate pair: each half alone would be encoded as U+FFFD.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    hash.update(text.slice(from, to), 'utf8');
    from = to;
  }
  return `sha256:${hash.digest('hex')}`;
}

/**
 * sourceHash of the text these UTF-8 bytes decode to, hashed from the bytes themselves: valid
 * UTF-8 (checkUtf8Text), the file's BOM already excluded. A second BOM is text that starts with
 * U+FEFF, which sourceHash leaves out too.
 */
export function sourceHashOfUtf8(body: Uint8Array): string {
  const start = startsWithUtf8Bom(body) ? UTF8_BOM_LENGTH : 0;
  return `sha256:${createHash('sha256').update(body.subarray(start)).digest('hex')}`;
}
