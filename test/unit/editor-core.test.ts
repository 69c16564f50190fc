import * as assert from 'node:assert/strict';
import { suggestCategories } from '../../src/core/taxonomy/suggest';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { sentenceAt } from '../../src/core/text/sentence-at';

describe('category suggestions for a passage', () => {
  it('ranks categories by the cues found, as whole words in any case', () => {
    const ids = suggestCategories('Prisoners were Tortured with electric shocks and denied medical care.', DEFAULT_TAXONOMY).map((s) => s.category.id);
    assert.equal(ids[0], 'torture');
    assert.ok(ids.includes('denial-of-medical-care'), ids.join());
  });

  it('finds cues across a line break and reports which fired', () => {
    const [first] = suggestCategories('they were summarily\nexecuted', DEFAULT_TAXONOMY);
    assert.equal(first.category.id, 'wilful-killing');
    assert.ok(first.cues.includes('summarily executed'));
  });

  it('suggests nothing for a procedural sentence or a cue inside a word', () => {
    assert.deepEqual(suggestCategories('The Permanent Council meets weekly in Vienna.', DEFAULT_TAXONOMY), []);
    assert.deepEqual(suggestCategories('distortured', DEFAULT_TAXONOMY), []);
  });
});

describe('the sentence under the cursor', () => {
  const text = 'First sentence here. Art. 17 of GC III applies to Mr. X! Third one?\n\n- a bullet line\n# Heading\nLast';
  const sentence = (offset: number): string => {
    const { start, end } = sentenceAt(text, offset);
    return text.slice(start, end);
  };

  it('stops at sentence ends but not after abbreviations', () => {
    assert.equal(sentence(3), 'First sentence here.');
    assert.equal(sentence(text.indexOf('GC III')), 'Art. 17 of GC III applies to Mr. X!');
    assert.equal(sentence(text.indexOf('Third')), 'Third one?');
  });

  it('treats list items and headings as sentences', () => {
    assert.equal(sentence(text.indexOf('bullet')), '- a bullet line');
    assert.equal(sentence(text.indexOf('Heading')), '# Heading');
    assert.equal(sentence(text.length), 'Last');
  });
});
