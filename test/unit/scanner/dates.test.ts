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
    // Abbreviated months, with and without a period, the day kept.
    ['on 14 Sept. 2022 the', '14 Sept. 2022', '2022-09-14', 'day'],
    ['on 1 Feb. 2023 the', '1 Feb. 2023', '2023-02-01', 'day'],
    ['on 14 Sept 2022 the', '14 Sept 2022', '2022-09-14', 'day'],
    ['on 1 Feb 2023 the', '1 Feb 2023', '2023-02-01', 'day'],
    ['Feb. 3, 2022', 'Feb. 3, 2022', '2022-02-03', 'day'],
    ['Sept 5, 2022', 'Sept 5, 2022', '2022-09-05', 'day'],
    ['le 14 févr. 2022', '14 févr. 2022', '2022-02-14', 'day'],
    ['am 14. Okt. 2022', '14. Okt. 2022', '2022-10-14', 'day'],
    ['op 14 okt. 2022', '14 okt. 2022', '2022-10-14', 'day'],
    ['3 лют. 2022 року', '3 лют. 2022', '2022-02-03', 'day'],
    ['dnia 14 paź 2022', '14 paź 2022', '2022-10-14', 'day'],
    // English ordinals.
    ['on March 3rd, 2022 the', 'March 3rd, 2022', '2022-03-03', 'day'],
    ['the 5th of April 2022', '5th of April 2022', '2022-04-05', 'day'],
    ['on 22nd February 2022', '22nd February 2022', '2022-02-22', 'day'],
  ];
  for (const [text, expected, value, precision] of cases) {
    it(`reads ${JSON.stringify(text)} as ${value}`, () => {
      assert.deepEqual(only(text), { text: expected, value, precision });
    });
  }

  it('reads ISO 8601 date-times: the date as value, the time as written', () => {
    const cases: Array<[string, string, string]> = [
      ['at 2022-03-04T10:15:00Z the', '2022-03-04T10:15:00Z', '10:15:00Z'],
      ['at 2022-03-04T10:15 the', '2022-03-04T10:15', '10:15'],
      ['at 2022-03-04T10Z the', '2022-03-04T10Z', '10Z'],
      ['at 2022-03-04T10:15:00.250+02:00 the', '2022-03-04T10:15:00.250+02:00', '10:15:00.250+02:00'],
      ['at 2022-03-04T23:59:59-0500 the', '2022-03-04T23:59:59-0500', '23:59:59-0500'],
      ['at 20220304T101500Z the', '20220304T101500Z', '101500Z'],
    ];
    for (const [text, expected, time] of cases) {
      const found = scan(text, { kinds: ['date'] }) as DateEntity[];
      assert.deepEqual(found.map((d) => [d.text, d.value, d.precision, d.time]), [[expected, '2022-03-04', 'day', time]], text);
    }
  });

  it('does not read malformed date-times or bare eight-digit numbers as dates', () => {
    for (const text of ['2022-03-04T25:00', '2022-03-04T1', '2022-03-04T10:5', '2022-03-04T10:15x', '2022-03-04Tx', '20220304', 'ref 20221304T1015']) {
      assert.deepEqual(dates(text), [], text);
    }
  });

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

  it('reads day ranges sharing month and year in seven languages, both ends as values', () => {
    const range = '2025-10-01/2025-10-15';
    const cases: Array<[string, string, string]> = [
      ['between 1 and 15 October 2025', '1', '15 October 2025'],
      ['1–15 October 2025', '1', '15 October 2025'],
      ['1 - 15 October 2025', '1', '15 October 2025'],
      ['from 1 to 15 October 2025', '1', '15 October 2025'],
      ['between the 1st and the 15th of October 2025', '1st', '15th of October 2025'],
      ['vom 1. bis 15. Oktober 2025', '1.', '15. Oktober 2025'],
      ['zwischen dem 1. und 15. Oktober 2025', '1.', '15. Oktober 2025'],
      ['du 1er au 15 octobre 2025', '1er', '15 octobre 2025'],
      ['entre le 1er et le 15 octobre 2025', '1er', '15 octobre 2025'],
      ['van 1 tot 15 oktober 2025', '1', '15 oktober 2025'],
      ['tussen 1 en 15 oktober 2025', '1', '15 oktober 2025'],
      ['od 1 do 15 października 2025', '1', '15 października 2025'],
      ['między 1 a 15 października 2025', '1', '15 października 2025'],
      ['з 1 по 15 жовтня 2025', '1', '15 жовтня 2025'],
      ['між 1 та 15 жовтня 2025', '1', '15 жовтня 2025'],
      ['с 1 по 15 октября 2025', '1', '15 октября 2025'],
      ['между 1 и 15 октября 2025', '1', '15 октября 2025'],
    ];
    for (const [text, start, end] of cases) {
      assert.deepEqual(dates(text).map((d) => [d.text, d.range]), [[start, range], [end, range]], text);
    }
  });

  it('reads month ranges sharing a year, both ends as values', () => {
    for (const text of ['March–May 2023', 'March - May 2023', 'from March to May 2023', 'März–Mai 2023', 'mars-mai 2023', 'maart tot mei 2023', 'з березня по травень 2023']) {
      assert.deepEqual(dates(text).map((d) => [d.value, d.precision, d.range]), [
        ['2023-03', 'month', '2023-03/2023-05'],
        ['2023-05', 'month', '2023-03/2023-05'],
      ], text);
    }
  });

  it('dates a day range without a year by the document date, the year nearest it', () => {
    const withRange = (text: string, documentDate?: string) =>
      (scan(text, { kinds: ['date'], documentDate }) as DateEntity[]).filter((d) => d.range).map((d) => [d.text, d.value, d.range?.value, d.resolvedFrom]);
    assert.deepEqual(withRange('Kyiv, 20 January 2026. Protests took place from 1 to 15 October.'), [
      ['1', '2025-10-01', '2025-10-01/2025-10-15', '2026-01-20'],
      ['15 October', '2025-10-15', '2025-10-01/2025-10-15', '2026-01-20'],
    ]);
    assert.deepEqual(withRange('between April 21 and May 3 they', '2025-05-10').map((d) => d[2]), ['2025-04-21/2025-05-03', '2025-04-21/2025-05-03']);
    assert.deepEqual(withRange('vom 1. bis 15. Oktober', '2025-10-20').map((d) => d[2]), ['2025-10-01/2025-10-15', '2025-10-01/2025-10-15']);
    assert.deepEqual(withRange('Protests took place from 1 to 15 October.'), [], 'no document date: no year to give it');
    assert.deepEqual(withRange('from 1 to 15 October', '2025-03-20').map((d) => d[1]), ['2024-10-01', '2024-10-15'], 'the October before is nearer');
    assert.deepEqual(withRange('from 1 to 15 October', '2025-04-20').map((d) => d[1]), ['2025-10-01', '2025-10-15'], 'the October after is nearer');
    assert.deepEqual(withRange('from 20 to 29 February', '2026-06-10'), [], 'none of 2025, 2026, 2027 has a 29 February');
  });

  it('keeps the period of an abbreviated month and leaves a sentence\'s period after a full one', () => {
    assert.deepEqual(dates('from 1 to 15 Oct. in 2025', { documentDate: '2025-10-20' }).map((d) => d.text), ['1', '15 Oct.', '2025']);
    assert.deepEqual(dates('from 1 to 15 October. Then', { documentDate: '2025-10-20' }).map((d) => d.text), ['1', '15 October']);
  });

  it('reads "and" as a range only after "between"', () => {
    assert.deepEqual(dates('on 1 and 15 October 2025').map((d) => d.text), ['15 October 2025']);
    assert.deepEqual(dates('met between 3 March 2022 and 2 June 2022').map((d) => d.range), ['2022-03-03/2022-06-02', '2022-03-03/2022-06-02']);
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
