import assert from 'node:assert/strict';
import { compileCueMatcher, findCues } from '../../../src/core/claims/cue-matcher';
import { resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';
import { firstWordMatches, matchPhraseAfterFirstWord, matchPhraseAt, PhraseIndex } from '../../../src/core/text/phrase-index';

describe('phrase index: first words', () => {
  // "an" and "c0" hash alike (97 * 31 + 110 = 99 * 31 + 48): one candidate list, two first words.
  const index = new PhraseIndex<string>();
  for (const phrase of ['an alpha', 'c0 alpha', 'an beta', 'AN', 'c0']) index.add(phrase, phrase === 'AN', phrase);
  const hashOf = (word: string): number => [...word].reduce((hash, ch) => (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0, 0);
  const candidates = index.candidates(hashOf('an')) ?? [];

  it('gives phrases of the same first word, case and case sensitivity the same firstWord, and others another', () => {
    assert.equal(hashOf('an'), hashOf('c0'));
    assert.equal(candidates.length, 5);
    const firstWord = (pattern: string): number => (candidates.find((phrase) => phrase.payload === pattern) as { firstWord: number }).firstWord;
    assert.equal(firstWord('an alpha'), firstWord('an beta'));
    assert.notEqual(firstWord('an alpha'), firstWord('c0 alpha'));
    assert.notEqual(firstWord('an alpha'), firstWord('AN'));
    assert.equal(firstWord('c0 alpha'), firstWord('c0'));
  });

  it('matches a phrase as its first word and then its rest, as matchPhraseAt does', () => {
    for (const text of ['an alpha', 'An  beta', 'c0 alpha', 'AN', 'an', 'c0\nalpha!', 'anbeta', 'an alphas', 'a', 'an bet']) {
      for (const phrase of candidates) {
        const inTwo = firstWordMatches(text, 0, phrase) ? matchPhraseAfterFirstWord(text, 0, phrase) : -1;
        assert.equal(inTwo, matchPhraseAt(text, 0, phrase), `${phrase.payload} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('finds each cue of a candidate list whose first words hash alike (findCues compares a first word once)', () => {
    const taxonomy = resolveTaxonomy({ mode: 'replace', categories: [{ id: 'one', cues: ['c0 held', 'an held', 'an gone', 'held'] }] });
    const text = 'an held, c0 held, an gone, c0 gone.';
    const hits = findCues(text, compileCueMatcher(taxonomy)).map((hit) => text.slice(hit.start, hit.end));
    assert.deepEqual(hits, ['an held', 'held', 'c0 held', 'held', 'an gone']);
  });
});
