/**
 * Decoding a source file's bytes into the text that offsets count over: UTF-8, BOM excluded,
 * line endings as stored. Anything else (invalid UTF-8, UTF-16, binary) is refused with a
 * reason that names the byte where it went wrong, never guessed at.
 */
import { Buffer, isUtf8 } from 'node:buffer';

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: string };

/** Bytes that decodeSourceText accepts, not decoded yet: `body` is what the text is decoded from (BOM excluded). */
export type Utf8Check =
  | { ok: true; body: Uint8Array; hadBom: boolean }
  | { ok: false; reason: string };

/** The UTF-8 byte order mark's length in bytes. */
export const UTF8_BOM_LENGTH = 3;

/** Whether `bytes` begin with the UTF-8 byte order mark (EF BB BF). */
export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The text of a file as written: its decoded text after the BOM it was read with, if any. */
export function withBom(doc: { readonly text: string; readonly hadBom: boolean }): string {
  return (doc.hadBom ? '\uFEFF' : '') + doc.text;
}

export function decodeSourceText(bytes: Uint8Array): DecodeResult {
  const checked = checkUtf8Text(bytes);
  if (!checked.ok) return checked;
  const { body, hadBom } = checked;
  return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), hadBom };
}

/**
 * Whether decodeSourceText accepts `bytes`, without decoding them: decoding text that is not
 * ASCII is the slow part (about 150 MB/s), and a reader that only compares a few passages
 * with the bytes (check's anchoring of a clean sidecar) needs no string of the whole file.
 */
export function checkUtf8Text(bytes: Uint8Array): Utf8Check {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'is UTF-16 (byte order mark at byte 0); save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `is binary, not text (NUL byte at byte ${nul})` };
  const hadBom = startsWithUtf8Bom(bytes);
  const body = hadBom ? bytes.subarray(UTF8_BOM_LENGTH) : bytes;
  // isUtf8 checks as TextDecoder's fatal mode does (overlong forms, surrogates, beyond U+10FFFF),
  // several times faster: `check` decodes every source and sidecar of a corpus.
  if (!isUtf8(body)) return { ok: false, reason: `is not valid UTF-8 (first bad byte at byte ${firstInvalidUtf8Byte(body) + (hadBom ? UTF8_BOM_LENGTH : 0)})` };
  return { ok: true, body, hadBom };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
