// Claims found over a source's UTF-8 bytes a section at a time (what scan's worker thread runs),
// packed and unpacked, must be the whole text's claims: same claims, same order, every field,
// whatever the section size, the articles of instruments that state the law included.
import assert from 'node:assert/strict';
import { bytesSource, detectClaimsInBytes, type ByteSource } from '../../../src/core/claims/byte-sections';
import { detectClaims } from '../../../src/core/claims/detect';
import { ClaimPacker, ClaimUnpacker, type ClaimPack } from '../../../src/core/claims/packed-claims';
import type { Claim } from '../../../src/core/claims/types';
import { REPORT_PARAGRAPH } from '../../../scripts/generate-hostile';
import { pinnedTexts } from '../../claims-pin/pinned-texts';

/** The claims detectClaimsInBytes finds in `text`, through a pack every `packEvery` sections, unpacked 5 at a time once all are read (as scan does). */
function claimsThroughBytes(text: string, sectionLength?: number, packEvery = 1): Claim[] {
  const packer = new ClaimPacker();
  const packs: ClaimPack[] = [];
  const sections = detectClaimsInBytes(bytesSource(Buffer.from(text, 'utf8')), {}, sectionLength);
  let count = 0;
  for (let next = sections.next(); ; next = sections.next()) {
    if (next.done) {
      packs.push(packer.take());
      const unpacker = new ClaimUnpacker(text, next.value.statesLaw);
      return packs.flatMap((pack) => [...unpacker.unpack(pack, 5)].flat());
    }
    packer.add(next.value);
    if (++count % packEvery === 0) packs.push(packer.take());
  }
}

/** A line that DraftingContext reads as an article heading. */
const ARTICLE_HEADING = /^[ \t#*_>]*(?:article|artikel|art\.)[ \t]+(?:\d+[a-z]?|[ivxlc]+)\b/imu;

describe('claims over bytes, section by section, packed', function () {
  this.timeout(120_000);

  it('finds the whole text\'s claims on every pinned text (articles of instruments among them)', function () {
    let compared = 0;
    let withArticles = 0;
    for (const { name, text } of pinnedTexts()) {
      const whole = detectClaims(text);
      for (const size of [1, 50_000]) assert.deepEqual(claimsThroughBytes(text, size, 3), whole, `${name}, sections of ${size}`);
      compared += whole.length;
      if (ARTICLE_HEADING.test(text)) withArticles++;
    }
    assert.ok(compared > 5_000, `${compared} claims compared`);
    assert.ok(withArticles > 3, `${withArticles} texts with an article heading`);
  });

  it('drops the claims of an article that states the law, whichever section says so, a word pair split by a section\'s end too', function () {
    const report = 'Detainees were tortured in the camp, witnesses said.';
    for (const [law, drops] of [['The Contracting Parties undertake to respect it.', true], ['Contracting\n\n\n   Parties', true], ['The parties met.', false]] as const) {
      // The article's claims come first, the words that make it law last, 40 paragraphs later.
      const text = `Article 7\n\n${`${report}\n\n`.repeat(40)}${law}\n\nArticle 8 - Reports\n\n${report}\n`;
      const whole = detectClaims(text);
      assert.equal(whole.length, drops ? 1 : 41, law);
      for (const size of [1, 30, 200, 5_000]) assert.deepEqual(claimsThroughBytes(text, size), whole, `${law}: sections of ${size}`);
    }
  });

  it('counts offsets in the whole text past astral characters, multi-byte characters and CRLF line ends', function () {
    const paragraph = 'Zeugen 😀 berichten: the prisoners were tortured in Olenivka — “beaten” daily.\r\nÉté 2022: three men were summarily executed.';
    const text = `${paragraph}\r\n\r\n`.repeat(300);
    const whole = detectClaims(text);
    assert.equal(whole.length, 600);
    for (const size of [1, 500, 4_000]) assert.deepEqual(claimsThroughBytes(text, size), whole, `sections of ${size}`);
  });

  it('reads each byte a bounded number of times: 4 times the text, 4 times the bytes read (short paragraphs or one long line)', function () {
    /** Bytes read by the detection over `text`. */
    const bytesRead = (text: string): number => {
      const bytes = bytesSource(Buffer.from(text, 'utf8'));
      let read = 0;
      const counting: ByteSource = { length: bytes.length, read: (from, to) => ((read += to - from), bytes.read(from, to)) };
      for (const section of detectClaimsInBytes(counting)) assert.ok(section.claims.length > 0);
      return read;
    };
    const paragraphs = (count: number): string => `${REPORT_PARAGRAPH.trimEnd()}\n\n`.repeat(count);
    const line = (count: number): string => REPORT_PARAGRAPH.repeat(count);
    for (const [name, text] of [['paragraphs', paragraphs], ['one line', line]] as const) {
      const small = bytesRead(text(300));
      const large = bytesRead(text(1_200));
      assert.ok(small >= Buffer.byteLength(text(300)), `${name}: ${small} bytes read`);
      assert.ok(large / small > 3 && large / small < 5, `${name}: ${small} then ${large} bytes read`);
    }
  });

  it('reads a paragraph longer than a section, and sections ending at the last byte', function () {
    const line = 'The army tortured prisoners of war, witnesses said. '.repeat(2_000);
    const text = `${line}\n\nDetainees were beaten.`;
    const whole = detectClaims(text);
    assert.ok(whole.length > 2_000);
    for (const size of [10, 1 << 16]) assert.deepEqual(claimsThroughBytes(text, size), whole, `sections of ${size}`);
  });
});
