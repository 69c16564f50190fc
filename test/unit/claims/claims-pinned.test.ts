// The claims the detector finds are pinned: a change made for speed must find exactly the same
// claims, cues, reasons and orders. The digests (test/claims-pin/digests.json) are the detector's
// output as last written on purpose, for a change of what it finds; each such rewrite names in its
// commit the claims that changed and why. See test/claims-pin/pinned-texts.ts for the texts and
// for when to write them again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIGESTS_FILE, digestOf, pinnedTexts, type ClaimDigest, type PinnedText } from '../../claims-pin/pinned-texts';

describe('claims: pinned on the samples, the hostile corpus and seeded texts', function () {
  this.timeout(120_000);
  let texts: PinnedText[];
  let pinned: Record<string, ClaimDigest>;

  before(() => {
    texts = pinnedTexts();
    pinned = JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Record<string, ClaimDigest>;
  });

  it('pins every text, and the texts hold claims of every kind', function () {
    assert.deepEqual(texts.map((text) => text.name).sort(), Object.keys(pinned).sort());
    const total = Object.values(pinned).reduce((sum, digest) => sum + digest.claims, 0);
    assert.ok(total > 5_000, `${total} claims pinned`);
  });

  it('finds the same claims as the pinned digests', function () {
    const changed = texts.filter(({ name, text }) => {
      const expected = pinned[name];
      return expected === undefined || JSON.stringify(digestOf(text)) !== JSON.stringify(expected);
    });
    assert.deepEqual(changed.map((text) => text.name), [], 'claims changed on these texts');
  });
});
