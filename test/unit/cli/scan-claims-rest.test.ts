// When scan's main thread has printed the entities while its worker is still reading, it detects
// the second half of what the worker has left and the worker stops there: the claims of the two
// halves, put together, must be those of the whole text, wherever the worker was, whether it saw
// where to stop at once or only sections later, with articles of instruments on both sides.
import assert from 'node:assert/strict';
import { bytesSource, detectClaimsInBytes, type SectionControl } from '../../../src/core/claims/byte-sections';
import { detectClaims } from '../../../src/core/claims/detect';
import { ClaimPacker, type ClaimPack } from '../../../src/core/claims/packed-claims';
import { detectRest } from '../../../src/cli/commands/scan-claims-rest';
import { unpackedSections } from '../../../src/cli/commands/scan-claims-worker';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { pinnedTexts } from '../../claims-pin/pinned-texts';

const NOWHERE = 0x7fffffff;

/**
 * The claims of `text` when the main thread takes over once the worker is at `at`, the worker
 * seeing where to stop only `late` sections after that; and whether the main thread took any.
 */
function claimsShared(text: string, at: number, late: number): { claims: unknown[]; shared: boolean } {
  let stop = NOWHERE;
  const rest = detectRest(text, DEFAULT_TAXONOMY, { at: () => at, stop: (utf16) => (stop = utf16) });
  let sectionsPast = 0;
  const control: SectionControl = {
    reached: (utf16) => {
      if (utf16 >= at) sectionsPast++;
    },
    stopAt: () => (sectionsPast > late ? stop : NOWHERE),
  };
  const packer = new ClaimPacker();
  const packs: ClaimPack[] = [];
  const sections = detectClaimsInBytes(bytesSource(Buffer.from(text, 'utf8')), {}, undefined, control);
  for (let next = sections.next(); ; next = sections.next()) {
    if (next.done) {
      packs.push(packer.take());
      const claims = [...unpackedSections(text, { kind: 'packed', packs, detection: next.value, rest })].flat();
      return { claims, shared: rest !== undefined };
    }
    packer.add(next.value);
  }
}

describe('scan: the rest of the claims detected by the main thread', function () {
  this.timeout(120_000);

  it('puts the two halves together into the whole text\'s claims', function () {
    // Reports, treaties with articles and the seeded mixes, about 2 MB.
    const pinned = pinnedTexts().map((entry) => entry.text).join('\n\n');
    const text = pinned.repeat(Math.ceil(2e6 / pinned.length));
    const whole = detectClaims(text);
    let shared = 0;
    for (const at of [0, 700_000]) {
      for (const late of [0, 3]) {
        const result = claimsShared(text, at, late);
        if (result.shared) shared++;
        assert.deepEqual(result.claims, whole, `the worker at ${at}, seeing the stop ${late} sections late`);
      }
    }
    assert.equal(shared, 4, 'the main thread took over every time');
  });

  it('drops the worker\'s claims of an article that states the law only past where it stopped', function () {
    const text = `Article 1\n\n${'Detainees were tortured in the camp, witnesses said.\n\n'.repeat(30_000)}The Parties shall protect them.\n\nArticle 2\n\nDetainees were beaten.\n`;
    const result = claimsShared(text, 0, 0);
    assert.ok(result.shared);
    assert.deepEqual(result.claims, detectClaims(text));
    assert.equal(result.claims.length, 1);
  });

  it('leaves a worker close to the end to finish alone', function () {
    const text = 'Detainees were tortured.\n\n'.repeat(30_000);
    assert.deepEqual(claimsShared(text, text.length - 100_000, 0), { claims: detectClaims(text), shared: false });
  });
});
