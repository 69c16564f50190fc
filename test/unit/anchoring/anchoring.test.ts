import * as assert from 'node:assert/strict';
import { FUZZY_THRESHOLD, PreparedText, anchor, anchorAll, createTarget, shiftRange } from '../../../src/core/anchoring/anchoring';
import { alignMatchEnd, approxSearch, substringDistance } from '../../../src/core/anchoring/approx';
import { MOVE_CONTEXT_THRESHOLD } from '../../../src/core/anchoring/exact-search';
import type { AnchorResult, TextTarget } from '../../../src/core/sidecar/model';
import { editDistance } from '../../../src/core/text/edit-distance';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

/** Code-point slice, to check results the way a sidecar reader would. */
const cpSlice = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');
const cpIndexOf = (text: string, quote: string, from = 0): number => {
  const at = text.indexOf(quote, new PreparedText(text).toUtf16(from));
  return at < 0 ? -1 : Array.from(text.slice(0, at)).length;
};
/** Target for the first occurrence of `quote` in `text` (at or after code point `from`). */
const targetOf = (text: string, quote: string, from = 0): TextTarget => {
  const start = cpIndexOf(text, quote, from);
  assert.ok(start >= 0, `test setup: "${quote}" not in text`);
  return createTarget(text, start, start + Array.from(quote).length);
};
const covered = (text: string, result: AnchorResult): string => {
  assert.notEqual(result.status, 'orphaned', JSON.stringify(result));
  return result.status === 'orphaned' ? '' : cpSlice(text, result.start, result.end);
};

const ARTICLE_13 =
  'Article 13. Prisoners of war must at all times be humanely treated. Any unlawful act or omission by the ' +
  'Detaining Power causing death or seriously endangering the health of a prisoner of war in its custody is ' +
  'prohibited, and will be regarded as a serious breach of the present Convention.';

describe('anchoring: createTarget', () => {
  it('stores the quote and up to 32 code points of context on each side', () => {
    const target = targetOf(ARTICLE_13, 'humanely treated');
    assert.equal(target.exact, 'humanely treated');
    assert.equal(target.prefix, 'Prisoners of war must at all times be '.slice(-32));
    assert.equal(target.suffix, '. Any unlawful act or omission b');
    assert.equal(Array.from(target.suffix).length, 32);
  });

  it('counts context in code points and never splits a surrogate pair', () => {
    const text = `${'😀'.repeat(40)}QUOTE${'𝒜'.repeat(40)}`;
    const target = createTarget(text, 40, 45);
    assert.deepEqual(target, { start: 40, end: 45, exact: 'QUOTE', prefix: '😀'.repeat(32), suffix: '𝒜'.repeat(32) });
  });

  it('keeps short context at the edges of the text, and clamps or swaps bad offsets', () => {
    assert.deepEqual(createTarget('abc', 0, 3), { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' });
    assert.deepEqual(createTarget('abcdef', 4, 1), { start: 1, end: 4, exact: 'bcd', prefix: 'a', suffix: 'ef' });
    assert.deepEqual(createTarget('abc', -5, 99), { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' });
    assert.deepEqual(createTarget('abc', Number.NaN, 1.7), { start: 0, end: 1, exact: 'a', prefix: '', suffix: 'bc' });
  });
});

describe('anchoring: the four outcomes', () => {
  it('anchored: the quote is still at its stored position', () => {
    const target = targetOf(ARTICLE_13, 'Detaining Power');
    assert.deepEqual(anchor(ARTICLE_13, target), { status: 'anchored', start: target.start, end: target.end });
  });

  it('moved: text inserted above the quote', () => {
    const target = targetOf(ARTICLE_13, 'Detaining Power');
    const edited = `GENEVA CONVENTION III\n\n${ARTICLE_13}`;
    const result = anchor(edited, target);
    assert.deepEqual(result, { status: 'moved', start: target.start + 23, end: target.end + 23 });
  });

  it('fuzzy: a quote with one word changed is found, with the text it now covers', () => {
    const target = targetOf(ARTICLE_13, 'Any unlawful act or omission by the Detaining Power causing death');
    const edited = ARTICLE_13.replace('unlawful act', 'illegal act');
    const result = anchor(edited, target);
    assert.equal(result.status, 'fuzzy');
    if (result.status !== 'fuzzy') return;
    assert.equal(result.text, 'Any illegal act or omission by the Detaining Power causing death');
    assert.equal(cpSlice(edited, result.start, result.end), result.text);
    assert.ok(result.score >= FUZZY_THRESHOLD && result.score <= 1, `score ${result.score}`);
  });

  it('orphaned: a deleted quote is reported with a reason, not moved onto other text', () => {
    const target = targetOf(ARTICLE_13, 'causing death or seriously endangering the health of a prisoner of war');
    const edited = ARTICLE_13.replace('causing death or seriously endangering the health of a prisoner of war ', '');
    const result = anchor(edited, target);
    assert.equal(result.status, 'orphaned');
    assert.match((result as { reason: string }).reason, /no longer in the text/);
  });

  it('orphaned: a quote replaced by unrelated text of the same length', () => {
    const target = targetOf(ARTICLE_13, 'humanely treated');
    const result = anchor(ARTICLE_13.replace('humanely treated', 'given blue hats.'), target);
    assert.equal(result.status, 'orphaned');
  });
});

describe('anchoring: choosing between exact copies', () => {
  const copy = 'the Detaining Power';

  it('context decides between equidistant copies', () => {
    const text = `Rule one: ${copy} shall feed them. Rule two: ${copy} shall house them.`;
    const target = targetOf(text, copy, 20); // the second copy, "... shall house them"
    // Remove the stored position's evidence: shift everything so both copies are equally far.
    const first = cpIndexOf(text, copy);
    const middle = Math.round((first + target.start) / 2);
    const moved = { ...target, start: middle, end: middle + copy.length };
    const result = anchor(text, moved);
    assert.deepEqual(result, { status: 'moved', start: target.start, end: target.end });
  });

  it('context beats distance: after a long insertion the right copy is the farther one', () => {
    const text = `Rule one: ${copy} shall feed them. Rule two: ${copy} shall house them.`;
    const target = targetOf(text, copy); // first copy
    const inserted = `${'A long preamble that pushes everything down. '.repeat(2)}${text}`;
    const result = anchor(inserted, target);
    assert.equal(result.status, 'moved');
    assert.equal(covered(inserted, result), copy);
    assert.equal(cpSlice(inserted, (result as { end: number }).end, (result as { end: number }).end + 16), ' shall feed them');
  });

  it('when context cannot decide, the nearest copy wins, and equal distances pick the earlier one', () => {
    // Every copy stands in the same context, which is also the stored one.
    const text = `x ${copy} y x ${copy} y x ${copy} y`;
    const target: TextTarget = { start: 0, end: copy.length, exact: copy, prefix: 'x ', suffix: ' y' };
    const second = cpIndexOf(text, copy, 5);
    assert.deepEqual(anchor(text, { ...target, start: second + 3, end: second + 3 + copy.length }), {
      status: 'moved',
      start: second,
      end: second + copy.length,
    });
    const third = cpIndexOf(text, copy, second + 1);
    const halfway = (second + third) / 2;
    assert.deepEqual(anchor(text, { ...target, start: halfway, end: halfway + copy.length }), {
      status: 'moved',
      start: second,
      end: second + copy.length,
    });
  });
});

describe('anchoring: an exact copy is a move only with its context', () => {
  const SENTENCE = 'The Detaining Power shall not use electric shocks on prisoners of war.';
  const BEFORE = 'Article 17. Every prisoner of war, when questioned, is bound to give only his name. ';
  const AFTER = ' No physical or mental torture may be inflicted on them.';
  const GLOSSARY = '\n\nGlossary: "electric shocks on prisoners" (see the reports of the Commission).\n';
  const QUOTE = 'electric shocks on prisoners';

  it('the tagged sentence deleted, its words left in a glossary: not moved, orphaned with the copy named', () => {
    const original = `${BEFORE}${SENTENCE}${AFTER}${GLOSSARY}`;
    const target = targetOf(original, QUOTE);
    const edited = `${BEFORE}${AFTER.trimStart()}${GLOSSARY}`;
    const result = anchor(edited, target);
    assert.equal(result.status, 'orphaned', JSON.stringify(result));
    const copyAt = cpIndexOf(edited, QUOTE);
    assert.match((result as { reason: string }).reason, new RegExp(`an exact copy of the quote exists at ${copyAt}, but its context does not match \\(context score 0\\.\\d\\d, below the ${MOVE_CONTEXT_THRESHOLD}`));
  });

  it('the tagged sentence edited, its words left in a glossary: fuzzy at the sentence, not moved to the glossary', () => {
    const original = `${BEFORE}${SENTENCE}${AFTER}${GLOSSARY}`;
    const target = targetOf(original, QUOTE);
    const edited = `Preamble. ${BEFORE}${SENTENCE.replace('electric shocks', 'electrical shocks')}${AFTER}${GLOSSARY}`;
    const result = anchor(edited, target);
    assert.equal(result.status, 'fuzzy', JSON.stringify(result));
    assert.equal(covered(edited, result), 'electrical shocks on prisoners');
  });

  it('the same sentence moved with its context: moved', () => {
    const original = `${BEFORE}${SENTENCE}${AFTER}${GLOSSARY}`;
    const target = targetOf(original, QUOTE);
    // The article moved below the glossary: the quote's 32 characters of context moved with it.
    const edited = `${GLOSSARY.trim()}\n\n${BEFORE}${SENTENCE}${AFTER}`;
    const result = anchor(edited, target);
    assert.deepEqual(result, { status: 'moved', start: cpIndexOf(edited, `${QUOTE} of war`), end: cpIndexOf(edited, `${QUOTE} of war`) + QUOTE.length });
  });

  it('a quote at the start of the text (no prefix) moves below a new heading when its suffix agrees', () => {
    const target = targetOf(SENTENCE, 'The Detaining Power');
    assert.equal(target.prefix, '');
    const edited = `GENEVA CONVENTION III\n\n${SENTENCE}`;
    assert.deepEqual(anchor(edited, target), { status: 'moved', start: 23, end: 23 + 19 });
    // Its words elsewhere, after other words: half a point for the missing prefix is not enough.
    const elsewhere = `GENEVA CONVENTION III\n\nWe note that The Detaining Power of a camp was absent.`;
    assert.notEqual(anchor(elsewhere, target).status, 'moved');
  });

  it('a target with no context counts every copy of its quote, however far apart', () => {
    const target = createTarget('shall be released', 0, 17);
    const far = `Note. shall be released.${' The camp was closed.'.repeat(300)} They shall be released.`;
    assert.ok(far.length > 6000);
    const result = anchor(far, target);
    assert.notEqual(result.status, 'moved', JSON.stringify(result));
    if (result.status === 'orphaned') assert.match(result.reason, /its 2 copies apart/);
  });

  it('grows at most linearly with the copies of a repeated quote none of which stands in its context', async function () {
    this.timeout(120_000);
    const target: TextTarget = { start: 5, end: 8, exact: 'the', prefix: 'some unrelated words before it: ', suffix: ' and other words after it, here.' };
    const growth = await measureGrowth((size) => {
      const text = 'The Detaining Power shall treat the prisoners of war humanely. '.repeat(Math.ceil(size / 63)).slice(0, size);
      assert.notEqual(anchor(text, target).status, 'moved');
      return () => anchor(text, target);
    }, 65_536);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('anchoring a quote with n / 63 copies, none in its stored context', growth));
  });

  it('a target with no context at all (its quote was the whole text) moves only to the one copy', () => {
    const target = createTarget('shall be released', 0, 17);
    assert.deepEqual([target.prefix, target.suffix], ['', '']);
    assert.deepEqual(anchor('They shall be released.', target), { status: 'moved', start: 5, end: 22 });
    const twice = anchor('They shall be released; others shall be released later.', target);
    assert.notEqual(twice.status, 'moved');
    if (twice.status === 'orphaned') assert.match(twice.reason, /stores no context to tell its 2 copies apart/);
  });
});

describe('anchoring: emoji, CRLF, combining marks, right-to-left scripts', () => {
  it('reports code points when astral characters precede the quote, and after emoji are inserted', () => {
    const text = '😀😀 Witness 𝒜 said: the guards beat him 🙁 daily.';
    const target = targetOf(text, 'the guards beat him 🙁');
    assert.equal(target.start, 19);
    assert.deepEqual(anchor(text, target), { status: 'anchored', start: 19, end: 40 });
    const edited = `👍🏽👍🏽 ${text}`;
    const result = anchor(edited, target);
    assert.deepEqual(result, { status: 'moved', start: 24, end: 45 });
    assert.equal(covered(edited, result), 'the guards beat him 🙁');
  });

  it('fuzzy matches keep code-point offsets and never end inside an emoji', () => {
    const text = '🙂 Prisoners were held without food or water for three days 😀 and then released.';
    const target = targetOf(text, 'held without food or water for three days 😀');
    const edited = text.replace('three days 😀', 'four days 😃');
    const result = anchor(edited, target);
    assert.equal(result.status, 'fuzzy');
    const text2 = covered(edited, result);
    assert.equal(text2, (result as { text: string }).text);
    assert.ok(text2.startsWith('held without food'));
    assert.ok(!/[\ud800-\udbff]$/u.test(text2) && !/^[\udc00-\udfff]/u.test(text2));
  });

  it('handles CRLF text, and a file whose line endings were converted from LF to CRLF', () => {
    const lf = 'Article 17\nEvery prisoner of war, when questioned on the subject,\nis bound to give only his surname.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const single = targetOf(crlf, 'is bound to give only his surname');
    assert.equal(anchor(crlf, single).status, 'anchored');
    assert.equal(covered(crlf.replace('Article 17', 'Article 17 (amended)'), anchor(crlf.replace('Article 17', 'Article 17 (amended)'), single)), single.exact);
    const spanning = targetOf(lf, 'when questioned on the subject,\nis bound to give');
    const result = anchor(crlf, spanning);
    assert.equal(result.status, 'fuzzy');
    assert.equal((result as { text: string }).text, 'when questioned on the subject,\r\nis bound to give');
  });

  it('anchors combining marks and Arabic and Hebrew text by code points', () => {
    const text = 'Témoin: \u05d4\u05b7\u05e9\u05b8\u05bc\u05dc\u05d5\u05b9\u05dd. الأسرى تعرضوا للتعذيب في المعتقل. Cafe\u0301 noir.';
    for (const quote of ['الأسرى تعرضوا للتعذيب', '\u05d4\u05b7\u05e9\u05b8\u05bc\u05dc\u05d5\u05b9\u05dd', 'Cafe\u0301']) {
      const target = targetOf(text, quote);
      assert.equal(anchor(text, target).status, 'anchored');
      const edited = `مقدمة. ${text}`;
      const result = anchor(edited, target);
      assert.equal(result.status, 'moved');
      assert.equal(covered(edited, result), quote);
    }
    const arabic = targetOf(text, 'الأسرى تعرضوا للتعذيب في المعتقل');
    const result = anchor(text.replace('المعتقل', 'السجن'), arabic);
    assert.equal(result.status, 'fuzzy');
    assert.equal((result as { text: string }).text.startsWith('الأسرى تعرضوا للتعذيب في'), true);
  });
});

describe('anchoring: nothing throws', () => {
  it('handles empty quotes, empty text and out-of-range targets', () => {
    assert.equal(anchor('some text', { start: 2, end: 2, exact: '', prefix: '', suffix: '' }).status, 'orphaned');
    assert.equal(anchor('', { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' }).status, 'orphaned');
    assert.deepEqual(anchor('xx abc', { start: 50, end: 53, exact: 'abc', prefix: 'xx ', suffix: '' }), { status: 'moved', start: 3, end: 6 });
    assert.deepEqual(anchor('xx abc', { start: 4, end: 1, exact: 'abc', prefix: '', suffix: '' }), { status: 'moved', start: 3, end: 6 });
    assert.equal(anchor('abc', { start: 0, end: 1, exact: 'a', prefix: '', suffix: '' }).status, 'anchored');
    assert.match((anchor('abc', { start: 0, end: 1, exact: 'z', prefix: '', suffix: '' }) as { reason: string }).reason, /"z"/);
  });

  it('handles garbage targets and texts', () => {
    const garbage: unknown[] = [
      null, undefined, 42, 'text', [], {},
      { start: '1', end: '3', exact: 'bc' },
      { start: Number.NaN, end: Infinity, exact: 'bc', prefix: 7, suffix: null },
      { start: -3, end: -1, exact: { not: 'a string' } },
      { start: 1.5, end: 2.5, exact: '\udc00', prefix: '', suffix: '' },
    ];
    for (const target of garbage) {
      const [result] = anchorAll('abc 😀 def', [target as TextTarget]);
      assert.ok(['anchored', 'moved', 'fuzzy', 'orphaned'].includes(result.status), JSON.stringify(target));
    }
    assert.deepEqual(anchor(null as unknown as string, { start: 0, end: 1, exact: 'a', prefix: '', suffix: '' }).status, 'orphaned');
    assert.deepEqual(anchorAll('abc', null as unknown as TextTarget[]), []);
  });

  it('a lone surrogate quote never matches half of an emoji', () => {
    const result = anchor('a😀b', { start: 0, end: 1, exact: '\ude00', prefix: '', suffix: '' });
    assert.equal(result.status, 'orphaned');
  });

  // Growth from n to 4n, not milliseconds (test/hostile/growth.ts): up to a 1 MB quote.
  it('grows at most linearly with the length of a quote, found or lost', async function () {
    this.timeout(120_000);
    const growth = await measureGrowth((size) => {
      const big = 'The Detaining Power shall provide. '.repeat(Math.ceil(size / 35)).slice(0, size);
      const target = createTarget(big, 0, Array.from(big).length);
      const middle = Math.floor(size / 2);
      const edited = `x${big.slice(0, middle)}CHANGED${big.slice(middle + 10)}`;
      assert.equal(anchor(big, target).status, 'anchored');
      assert.equal(anchor(edited, target).status, 'orphaned');
      return () => [anchor(big, target), anchor(edited, target)];
    }, 262_500);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('anchoring a quote of n characters, then the same quote changed in its middle', growth));
  });

  it('grows at most linearly with the text around a quote at the 256-error cap', async function () {
    this.timeout(120_000);
    const long = `${'Witness statements describe beatings and electric shocks. '.repeat(60)}`.slice(0, 3000);
    const growth = await measureGrowth((size) => {
      const filler = 'Unrelated filler text about the weather and crops. '.repeat(Math.ceil(size / 51)).slice(0, size);
      const text = `${filler}${long}`;
      const longTarget = createTarget(text, Array.from(text).length - 3000, Array.from(text).length);
      const scrambled = filler + long.replace(/[aeiou]/g, 'x');
      assert.ok(['fuzzy', 'orphaned'].includes(anchor(scrambled, longTarget).status));
      return () => anchor(scrambled, longTarget);
    }, 255_000);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('a 3,000-character quote with 256 errors allowed, in a text of n characters', growth));
  });
});

describe('anchoring: shiftRange', () => {
  const range = { start: 10, end: 20 };
  it('moves a range after edits above it and leaves it for edits below', () => {
    assert.deepEqual(shiftRange(range, { start: 2, end: 4, newLength: 5 }), { start: 13, end: 23, touched: false });
    assert.deepEqual(shiftRange(range, { start: 10, end: 10, newLength: 3 }), { start: 13, end: 23, touched: false });
    assert.deepEqual(shiftRange(range, { start: 20, end: 25, newLength: 0 }), { start: 10, end: 20, touched: false });
  });
  it('grows or shrinks for edits inside and cuts edges for edits overlapping them', () => {
    assert.deepEqual(shiftRange(range, { start: 12, end: 14, newLength: 5 }), { start: 10, end: 23, touched: true });
    assert.deepEqual(shiftRange(range, { start: 5, end: 12, newLength: 1 }), { start: 6, end: 14, touched: true });
    assert.deepEqual(shiftRange(range, { start: 18, end: 30, newLength: 4 }), { start: 10, end: 18, touched: true });
    assert.deepEqual(shiftRange(range, { start: 5, end: 25, newLength: 4 }), { start: 5, end: 5, touched: true });
  });
});

describe('anchoring: aligning a match that ends at a given offset', () => {
  const naive = editDistance;

  it('finds the fewest errors over all starts, like the full dynamic programme', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 48271) % 2147483647), seed % n);
    const word = (length: number): string => Array.from({ length }, () => 'abc'[random(3)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [text, pattern, max] = [word(random(14)), word(1 + random(8)), random(6)];
      const end = random(text.length + 1);
      let expected = max + 1;
      for (let start = 0; start <= end; start++) expected = Math.min(expected, naive(text.slice(start, end), pattern));
      const got = alignMatchEnd(text, end, pattern, max);
      const context = `${text} / ${end} / ${pattern} / ${max}`;
      if (expected > max) {
        assert.equal(got, undefined, context);
      } else {
        assert.equal(got?.errors, expected, context);
        assert.equal(naive(text.slice(got.start, end), pattern), expected, context);
      }
    }
  });

  it('substringDistance is the fewest errors of the pattern against any substring, as approx-string-match reports', () => {
    let seed = 11;
    const random = (n: number): number => ((seed = (seed * 48271) % 2147483647), seed % n);
    const word = (length: number): string => Array.from({ length }, () => 'ab 😀'[random(5)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [text, pattern] = [word(1 + random(20)), word(1 + random(12))];
      let expected = pattern.length;
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) expected = Math.min(expected, naive(text.slice(start, end), pattern));
      }
      const [best] = approxSearch(text, pattern, pattern.length);
      assert.equal(substringDistance(text, pattern), expected, `${text} / ${pattern}`);
      assert.equal(best?.errors ?? pattern.length, expected, `${text} / ${pattern}`);
    }
  });

  it('corrects the start approx-string-match reports for an astral pattern', () => {
    // The library returns { start: 3, end: 7, errors: 1 } here, a range 2 edits away.
    assert.deepEqual(alignMatchEnd('a. 😀😀😀', 7, 'a😀', 1), { start: 4, errors: 1 });
  });
});
