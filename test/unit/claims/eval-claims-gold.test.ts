import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateGold, predicts, type GoldSentence } from '../../../scripts/eval-claims-gold';

describe('sentence-level evaluation against a gold set (scripts/eval-claims-gold.ts)', () => {
  it('lets a claim predict a sentence when either covers at least half of the other', () => {
    assert.equal(predicts({ start: 0, end: 10 }, { start: 0, end: 20 }), true); // half of the sentence
    assert.equal(predicts({ start: 0, end: 40 }, { start: 0, end: 20 }), true); // the sentence is half of the claim
    assert.equal(predicts({ start: 5, end: 14 }, { start: 0, end: 20 }), true); // all of a short claim
    assert.equal(predicts({ start: 15, end: 40 }, { start: 0, end: 20 }), false); // a quarter of the sentence, a fifth of the claim
    assert.equal(predicts({ start: 0, end: 59 }, { start: 50, end: 70 }), false); // just under half of the sentence
    assert.equal(predicts({ start: 0, end: 10 }, { start: 10, end: 20 }), false);
  });

  it('counts precision, recall with and without other-only sentences, and the top category', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-gold-'));
    try {
      const text = 'Witnesses said he was tortured. The weather was fine. Police raided the office. He was arrested. Was he beaten?';
      await fs.writeFile(join(dir, 'a.txt'), text);
      const sentence = (part: string, claim: GoldSentence['claim'], categories: string[]): GoldSentence => {
        const start = text.indexOf(part);
        return { file: 'a.txt', start, end: start + part.length, text: part, claim, categories };
      };
      const figures = evaluateGold([
        sentence('Witnesses said he was tortured.', 'yes', ['torture']),
        sentence('The weather was fine.', 'no', []),
        sentence('Police raided the office.', 'yes', ['other']),
        sentence('He was arrested.', 'no', []),
        sentence('Was he beaten?', 'yes', ['ill-treatment']),
      ], dir);
      assert.equal(figures.claimsHigh, 3);
      assert.equal(figures.highOnClaim, 2); // "He was arrested." is a false alarm
      assert.deepEqual(figures.gold, { all: 3, withoutOtherOnly: 2 });
      assert.deepEqual(figures.recalled, { all: 3, withoutOtherOnly: 2 }); // the question, low confidence, counts
      assert.deepEqual(figures.recalledHigh, { all: 2, withoutOtherOnly: 1 });
      assert.deepEqual(figures.topRight, { all: 3, withoutOtherOnly: 2 });
      assert.deepEqual(figures.falseAlarms.map((alarm) => alarm.sentence), ['He was arrested.']);
      assert.deepEqual(figures.misses.map((miss) => [miss.gold.text, miss.low?.reason]), [['Was he beaten?', 'question: "?"']]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
