// Claims found over a source's UTF-8 bytes a section at a time (what scan's worker thread runs),
// packed and unpacked, must be the whole text's claims: same claims, same order, every field,
// whatever the section size; a text with an article heading is left to the whole-text detection.
import assert from 'node:assert/strict';
import { bytesSource, detectClaimsInBytes, type ByteDetection } from '../../../src/core/claims/byte-sections';
import { detectClaims } from '../../../src/core/claims/detect';
import { ClaimPacker, ClaimUnpacker } from '../../../src/core/claims/packed-claims';
import type { Claim } from '../../../src/core/claims/types';
import { pinnedTexts } from '../../claims-pin/pinned-texts';

/** The claims detectClaimsInBytes finds in `text`, through a pack per section, and how it ended. */
function claimsThroughBytes(text: string, sectionLength?: number, packEvery = 1): { claims: Claim[]; ended: ByteDetection } {
  const packer = new ClaimPacker();
  const unpacker = new ClaimUnpacker(text);
  const claims: Claim[] = [];
  const sections = detectClaimsInBytes(bytesSource(Buffer.from(text, 'utf8')), {}, sectionLength);
  let count = 0;
  for (;;) {
    const next = sections.next();
    if (next.done) {
      for (const batch of unpacker.unpack(packer.take(), 5)) claims.push(...batch);
      return { claims, ended: next.value };
    }
    packer.add(next.value);
    if (++count % packEvery === 0) for (const batch of unpacker.unpack(packer.take(), 5)) claims.push(...batch);
  }
}

/** A line that DraftingContext reads as an article heading. */
const ARTICLE_HEADING = /^[ \t#*_>]*(?:article|artikel|art\.)[ \t]+(?:\d+[a-z]?|[ivxlc]+)\b/imu;

describe('claims over bytes, section by section, packed', function () {
  this.timeout(120_000);

  it('finds the whole text\'s claims on every pinned text, or stops at its first article heading', function () {
    let compared = 0;
    let stopped = 0;
    for (const { name, text } of pinnedTexts()) {
      const whole = detectClaims(text);
      for (const size of [1, 700, 50_000]) {
        const { claims, ended } = claimsThroughBytes(text, size, 3);
        if (ended === 'article-heading') {
          assert.match(text, ARTICLE_HEADING, `${name}: stopped without an article heading`);
          assert.deepEqual(claims, whole.slice(0, claims.length), `${name}: the claims before the heading (sections of ${size})`);
          stopped++;
        } else {
          assert.deepEqual(claims, whole, `${name}, sections of ${size}`);
          compared += claims.length;
        }
      }
    }
    assert.ok(compared > 1_000, `${compared} claims compared`);
    assert.ok(stopped > 0, 'no text had an article heading');
  });

  it('counts offsets in the whole text past astral characters, multi-byte characters and CRLF line ends', function () {
    const paragraph = 'Zeugen 😀 berichten: the prisoners were tortured in Olenivka — “beaten” daily.\r\nÉté 2022: three men were summarily executed.';
    const text = `${paragraph}\r\n\r\n`.repeat(300);
    const whole = detectClaims(text);
    assert.equal(whole.length, 600);
    for (const size of [1, 500, 4_000]) assert.deepEqual(claimsThroughBytes(text, size).claims, whole, `sections of ${size}`);
  });

  it('reads a paragraph longer than a section, and sections ending at the last byte', function () {
    const line = 'The army tortured prisoners of war, witnesses said. '.repeat(2_000);
    const text = `${line}\n\nDetainees were beaten.`;
    const whole = detectClaims(text);
    assert.ok(whole.length > 2_000);
    for (const size of [10, 1 << 16]) assert.deepEqual(claimsThroughBytes(text, size).claims, whole, `sections of ${size}`);
  });
});
