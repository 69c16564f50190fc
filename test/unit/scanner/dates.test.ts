import * as assert from 'node:assert/strict';
import { scan } from '../../../src/core/scanner/scan';
import type { DateEntity } from '../../../src/core/scanner/types';

function dates(text: string, options: Parameters<typeof scan>[1] = {}): Array<Pick<DateEntity, 'text' | 'value' | 'precision'> & { range?: string }> {
  return scan(text, { ...options, kinds: ['date'] }).map((entity) => {
    const date = entity as DateEntity;
    return { text: date.text, value: date.value, precision: date.precision, ...(date.range ? { range: date.range.value } : {}) };
  });
}

function only(text: string): { text: string; value: string; precision: string } {
  const found = dates(text);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return found[0];
}

describe('dates', () => {
  const cases: Array<[string, string, string, string]> = [
    ['Published 2025-09-27 by the mission.', '2025-09-27', '2025-09-27', 'day'],
    ['Vienna, 24.07.2025', '24.07.2025', '2025-07-24', 'day'],
    ['on 24/07/2025 the', '24/07/2025', '2025-07-24', 'day'],
    ['on 3 March 2022 and', '3 March 2022', '2022-03-03', 'day'],
    ['on March 30, 2023 to', 'March 30, 2023', '2023-03-30', 'day'],
    ['in its March 2023 report', 'March 2023', '2023-03', 'month'],
    ['(February 2022)', 'February 2022', '2022-02', 'month'],
    ['of 12 August 1949', '12 August 1949', '1949-08-12', 'day'],
    ['van 12 Augustus 1949', '12 Augustus 1949', '1949-08-12', 'day'],
    ['OF AUGUST 12, 1949', 'AUGUST 12, 1949', '1949-08-12', 'day'],
    ['the 3rd of March 2022', '3rd of March 2022', '2022-03-03', 'day'],
    ['am 3. März 2022', '3. März 2022', '2022-03-03', 'day'],
    ['3 березня 2022 року', '3 березня 2022', '2022-03-03', 'day'],
    ['24 февраля 2022 года', '24 февраля 2022', '2022-02-24', 'day'],
    ['3 marca 2022 r.', '3 marca 2022', '2022-03-03', 'day'],
    ['le 1er mars 2022', '1er mars 2022', '2022-03-01', 'day'],
    ['op 17 juli 1998', '17 juli 1998', '1998-07-17', 'day'],
    ['The Moscow Mechanism (1991) is', '1991', '1991', 'year'],
    ['since 2014 the', '2014', '2014', 'year'],
    ['29 February 2024', '29 February 2024', '2024-02-29', 'day'],
    ['Sept. 5, 2022', 'Sept. 5, 2022', '2022-09-05', 'day'],
  ];
  for (const [text, expected, value, precision] of cases) {
    it(`reads ${JSON.stringify(text)} as ${value}`, () => {
      assert.deepEqual(only(text), { text: expected, value, precision });
    });
  }

  it('reads slashed dates month first when configured', () => {
    assert.equal(dates('on 03/04/2022', { dayFirstSlashes: false })[0].value, '2022-03-04');
    assert.equal(dates('on 03/04/2022')[0].value, '2022-04-03');
  });

  it('rejects impossible dates and numbers that are not dates', () => {
    for (const text of ['31.04.2022', '2022-13-01', 'Article 1949 applies', '1.2.2025.3', 'paragraph 3 March', 'costs 2022 euros', 'version 2022.5']) {
      assert.deepEqual(dates(text), [], text);
    }
  });

  it('does not read an impossible day as a date; the month that follows still is one', () => {
    assert.deepEqual(dates('on 29 February 2023'), [{ text: 'February 2023', value: '2023-02', precision: 'month' }]);
  });

  it('reads ranges whose first part borrows month and year from the second', () => {
    assert.deepEqual(dates('from April 21 to August 12, 1949'), [
      { text: 'April 21', value: '1949-04-21', precision: 'day', range: '1949-04-21/1949-08-12' },
      { text: 'August 12, 1949', value: '1949-08-12', precision: 'day', range: '1949-04-21/1949-08-12' },
    ]);
    assert.deepEqual(dates('from 1 to 15 October 2025').map((d) => [d.text, d.value]), [['1', '2025-10-01'], ['15 October 2025', '2025-10-15']]);
    assert.deepEqual(dates('1–15 October 2025').map((d) => d.range), ['2025-10-01/2025-10-15', '2025-10-01/2025-10-15']);
    assert.deepEqual(dates('van 21 april tot 12 augustus 1949').map((d) => d.value), ['1949-04-21', '1949-08-12']);
  });

  it('links two complete dates joined by "to" but not by "and"', () => {
    assert.equal(dates('from 3 March 2022 to 2 June 2022')[0].range, '2022-03-03/2022-06-02');
    assert.deepEqual(dates('on 3 March 2022 and on 2 June 2022').map((d) => d.range), [undefined, undefined]);
  });

  it('resolves "on Saturday" against the dateline of a short document', () => {
    const found = dates('date 2025-09-27 The channel said on Saturday that...');
    assert.deepEqual(found[1], { text: 'Saturday', value: '2025-09-27', precision: 'day' });
    assert.equal(dates('Dated 2025-09-24 (a Wednesday). They met last Monday.')[1].value, '2025-09-22');
    assert.equal(dates('Some text on Saturday.', { documentDate: '2025-10-01' })[0].value, '2025-09-27');
  });

  it('leaves weekdays alone without a document date or in long texts', () => {
    assert.deepEqual(dates('They rest on Sunday.'), []);
    const long = `${'x '.repeat(60_000)}on Sunday`;
    assert.deepEqual(dates(`12 August 1949 ${long}`).map((d) => d.value), ['1949-08-12']);
  });
});
