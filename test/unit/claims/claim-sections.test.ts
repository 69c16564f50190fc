// Claims found a section of text at a time (scan prints a large source's as they come) must be
// those of the whole text: same claims, same order, wherever a section ends.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectClaims, detectClaimSections } from '../../../src/core/claims/detect';
import { reviewClaimSections, reviewClaims } from '../../../src/core/claims/review';
import { createTarget } from '../../../src/core/anchoring/target';

const SAMPLES = join(__dirname, '../../../samples');

/** The sample sources' texts. */
function samples(): { text: string }[] {
  const found: { text: string }[] = [];
  for (const folder of readdirSync(SAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(join(SAMPLES, folder.name)).filter((file) => /\.(txt|md)$/.test(file))) found.push({ text: readFileSync(join(SAMPLES, folder.name, name), 'utf8') });
  }
  return found;
}

describe('claims: section by section', function () {
  it('finds the claims of the whole text, in order, with sections of any size', function () {
    // A gapped cue ("found … guilty") right after another sentence, and astral characters shifting code points.
    const extra = 'He was caught smuggling cigarettes.\n\n\nDayton man found guilty in murder of a couple 😀.\n\nDetainees were tortured in Olenivka.\n';
    const text = [...samples().map((sample) => sample.text), extra].join('\n\n');
    const whole = detectClaims(text);
    assert.ok(whole.length > 20, `${whole.length} claims`);
    for (const size of [1, 300, 2_000, 50_000]) {
      const sections = [...detectClaimSections(text, {}, size)];
      if (size < 2_000) assert.ok(sections.length > 10, `${sections.length} sections of ${size}`);
      assert.deepEqual(sections.flat(), whole, `sections of ${size} units`);
      assert.deepEqual([...detectClaimSections(text, { offsets: 'utf16' }, size)].flat(), detectClaims(text, { offsets: 'utf16' }), `UTF-16, sections of ${size}`);
    }
  });

  it('marks each section\'s claims against the sidecar as the whole review does', function () {
    const text = samples().map((sample) => sample.text).join('\n\n');
    const claims = detectClaims(text);
    // Tags on every third claim, a dismissal on every seventh: offsets in code points, as in a sidecar.
    const target = (index: number) => createTarget(text, claims[index].start, claims[index].end);
    const annotations = claims.flatMap((_, i) => (i % 3 === 0 ? [{ id: `a${i}`, category: 'torture', status: 'proposed' as const, created: '2026-01-01T00:00:00Z', target: target(i) }] : []));
    const dismissed = claims.flatMap((_, i) => (i % 7 === 1 ? [{ id: `d${i}`, target: target(i) }] : []));
    const whole = reviewClaims(text, { annotations, dismissed });
    assert.ok(whole.some((claim) => claim.tagged) && whole.some((claim) => claim.dismissed));
    for (const size of [300, 5_000]) assert.deepEqual([...reviewClaimSections(text, { annotations, dismissed }, {}, size)].flat(), whole, `sections of ${size}`);
  });
});
