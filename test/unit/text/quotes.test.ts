import assert from 'node:assert/strict';
import { describeFuzzyMatch, describeQuoteChange, quoteDifference, quoted, shortQuote } from '../../../src/core/text/quotes';

describe('quotes in messages', () => {
  it('shortQuote keeps one line and cuts at 60 code points, never inside an emoji', () => {
    assert.equal(shortQuote('were\r\ntortured\nand\rbeaten'), 'were⏎tortured⏎and⏎beaten');
    assert.equal(shortQuote('a'.repeat(60)), 'a'.repeat(60));
    assert.equal(shortQuote('a'.repeat(61)), `${'a'.repeat(59)}…`);
    assert.equal(shortQuote('😀'.repeat(61)), `${'😀'.repeat(59)}…`);
    assert.equal(quoted('tortured'), '"tortured"');
  });

  it('quoteDifference elides the common start and end, keeping the words around the change', () => {
    const stored = 'The detainees said that the guards of the camp beat them with rifle butts every night for three weeks in a row.';
    const current = stored.replace('rifle butts', 'metal rods');
    assert.deepEqual(quoteDifference(stored, current), {
      stored: '…beat them with rifle butts every night for…',
      current: '…beat them with metal rods every night for…',
    });
    // Cut to their first 60 characters, the two would read the same.
    assert.equal(shortQuote(stored), shortQuote(current));
    assert.deepEqual(quoteDifference(`${stored} Later they were released.`, `${stored} Later they were shot.`), {
      stored: '…Later they were released.',
      current: '…Later they were shot.',
    });
  });

  it('quoteDifference of short or wholly different quotes shows them whole; an insertion shows where it went', () => {
    assert.deepEqual(quoteDifference('tortured severely', 'tortured severly'), { stored: 'tortured severely', current: 'tortured severly' });
    assert.deepEqual(quoteDifference('abc', 'xyz'), { stored: 'abc', current: 'xyz' });
    assert.deepEqual(quoteDifference('were beaten', 'were beaten'), { stored: 'were beaten', current: 'were beaten' });
    const long = 'Prisoners of war must at all times be humanely treated, and protected against acts of violence.';
    const inserted = long.replace('humanely treated', 'humanely and fairly treated');
    assert.deepEqual(quoteDifference(long, inserted), {
      stored: '…times be humanely treated, and…',
      current: '…times be humanely and fairly treated, and…',
    });
  });

  it('a long differing middle keeps its start and its end; line breaks stay visible', () => {
    const middle = 'x'.repeat(100);
    const { stored, current } = quoteDifference(`start\n${middle} end`, 'start\ny end');
    assert.equal(current, 'start⏎y end');
    assert.equal(stored, `start⏎${'x'.repeat(29)}…${'x'.repeat(29)} end`);
  });

  it('describeQuoteChange and describeFuzzyMatch say what changed, or that only the context did', () => {
    assert.equal(describeQuoteChange('tortured severely', 'tortured severly'), '"tortured severely" → now "tortured severly"');
    assert.equal(describeFuzzyMatch('tortured severely', { text: 'tortured severly', score: 0.934 }, '19-35'), 'the quote only matches approximately (score 0.93) at 19-35: "tortured severely" → now "tortured severly"');
    assert.equal(describeFuzzyMatch('electric shocks', { text: 'electric shocks', score: 0.86 }), '"electric shocks" is found only in other context than the stored one (score 0.86)');
  });
});
