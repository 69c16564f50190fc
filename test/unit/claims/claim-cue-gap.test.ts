// A cue with a gap ("denies … status of prisoners of war") is read within its sentence: the
// sentence before it, short or long, ended by any stop, must not change what is found.
import assert from 'node:assert/strict';
import { detectClaims } from '../../../src/core/claims/detect';
import type { Claim } from '../../../src/core/claims/types';

const SENTENCE = 'The army denies the soldiers the status of prisoners of war.';

/** What a claim says about its sentence, with offsets relative to the sentence's start in the text. */
function relative(claim: Claim, sentenceStart: number): unknown {
  return {
    start: claim.start - sentenceStart,
    end: claim.end - sentenceStart,
    confidence: claim.confidence,
    categories: claim.categories.map((category) => category.id),
    cues: claim.cues.map((cue) => ({ cue: cue.cue, text: cue.text, start: cue.start - sentenceStart, end: cue.end - sentenceStart })),
  };
}

/** The claims of `before + SENTENCE` that lie in SENTENCE, relative to it. */
function claimsOfSentenceAfter(before: string): unknown[] {
  return detectClaims(before + SENTENCE).filter((claim) => claim.start >= before.length).map((claim) => relative(claim, before.length));
}

describe('claims: a cue with a gap, whatever sentence comes before it', () => {
  const alone = detectClaims(SENTENCE).map((claim) => relative(claim, 0));

  it('finds the cue in the sentence alone', () => {
    assert.equal(alone.length, 1);
    assert.deepEqual((alone[0] as { categories: string[] }).categories.slice(0, 1), ['denial-of-pow-status']);
    assert.deepEqual((alone[0] as { cues: { text: string }[] }).cues.map((cue) => cue.text), ['denies the soldiers the status of prisoners of war']);
  });

  for (const [name, before] of [
    ['a short sentence', 'Fighting continued. '],
    ['a long sentence', 'Fighting continued in the eastern districts for three more weeks after the talks in the capital had failed. '],
    ['a sentence ending in a question mark', 'Who holds them? '],
    ['a sentence ending in an exclamation mark', 'Enough! '],
    ['a quotation', '"It is over," the commander said. '],
    ['a paragraph', 'Fighting continued.\n\n'],
    ['a heading', 'Eastern front\n\n'],
  ] as const) {
    it(`finds the same claim after ${name}`, () => {
      assert.deepEqual(claimsOfSentenceAfter(before), alone);
    });
  }

  it('finds the cue after a clause of its own sentence', () => {
    const claims = detectClaims('In March, the army denied the soldiers the status of prisoners of war.');
    assert.deepEqual(claims.map((claim) => claim.cues.map((cue) => cue.text)), [['denied the soldiers the status of prisoners of war']]);
  });

  it('does not join parts of a cue that lie in two sentences', () => {
    for (const text of [
      'The ministry denies it. The soldiers have the status of prisoners of war.',
      'They denied everything. Captured marines had the status of prisoners of war.',
      'The State refused? The men kept the status of prisoners of war.',
      'Officials denied the report.\n\nThe men have the status of prisoners of war.',
      'Minister denies\n\nThe status of prisoners of war is under review.',
    ]) assert.deepEqual(detectClaims(text).filter((claim) => claim.categories.some((category) => category.id === 'denial-of-pow-status')), [], text);
  });
});
