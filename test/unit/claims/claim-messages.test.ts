import * as assert from 'node:assert/strict';
import { claimMessage, detectClaims, markCoveredClaims } from '../../../src/core/claims';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

describe('claim messages and marking by live ranges (the editor)', () => {
  const text = '📌 Witnesses said he was tortured with electric shocks. The weather was fine. Guards abducted two women.';

  it('words an untagged claim with its cue and suggested category, as check --claims does', () => {
    const [claim] = detectClaims(text, { taxonomy: DEFAULT_TAXONOMY, offsets: 'utf16' });
    assert.equal(claimMessage(DEFAULT_TAXONOMY, claim).startsWith('untagged claim: "tortured" suggests Torture (torture)'), true, claimMessage(DEFAULT_TAXONOMY, claim));
    assert.match(claimMessage(DEFAULT_TAXONOMY, { ...claim, confidence: 'low', reason: 'negated: "not"' }), /\(low confidence: negated: "not"\); tag it or dismiss it as not a claim$/);
  });

  it('marks UTF-16 claims tagged or dismissed by overlapping ranges, whatever their offsets count', () => {
    const claims = detectClaims(text, { taxonomy: DEFAULT_TAXONOMY, offsets: 'utf16' });
    assert.equal(claims.length, 2);
    const tortured = text.indexOf('tortured');
    const abducted = text.indexOf('abducted');
    const marked = markCoveredClaims(claims, [{ start: tortured, end: tortured + 8, id: 'a-1', category: 'torture' }], [{ start: abducted - 7, end: abducted, id: 'd-1' }]);
    assert.deepEqual(marked.map((c) => [c.tagged, c.dismissed, c.tags, c.dismissal]), [[true, false, [{ id: 'a-1', category: 'torture' }], undefined], [false, true, [], 'd-1']]);
    // A range that only touches a claim's end does not cover it.
    const touching = markCoveredClaims(claims, [{ start: claims[0].end, end: claims[0].end + 3, id: 'a-2' }], []);
    assert.equal(touching[0].tagged, false);
  });
});
