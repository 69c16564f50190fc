import * as assert from 'node:assert/strict';
import { segmentSentences, segmentSentencesCodePoints } from '../../../src/core/text/sentences';
import { SENTENCE_WINDOW, sentenceAt } from '../../../src/core/text/sentence-at';

const split = (text: string): string[] => segmentSentences(text).map((s) => text.slice(s.start, s.end));

/** Each case: a text and the sentences it must split into, in order. */
const CASES: [string, string[]][] = [
  // Legal references and abbreviations that never end a sentence.
  ['Art. 17 of the Convention applies. It is clear.', ['Art. 17 of the Convention applies.', 'It is clear.']],
  ['See Arts. 13 and 14 of GC III. They protect prisoners.', ['See Arts. 13 and 14 of GC III.', 'They protect prisoners.']],
  ['Report No. 5 was published. Nos. 6 and 7 followed.', ['Report No. 5 was published.', 'Nos. 6 and 7 followed.']],
  ['As para. 3 says, and paras. 4-5 repeat, this holds. Next.', ['As para. 3 says, and paras. 4-5 repeat, this holds.', 'Next.']],
  ['The text is on p. 12 and pp. 14-16. Read it.', ['The text is on p. 12 and pp. 14-16.', 'Read it.']],
  ['Compare cf. Article 5. The rest follows.', ['Compare cf. Article 5.', 'The rest follows.']],
  ['Some acts, e.g. beatings, were reported. Others, i.e. killings, were not.', ['Some acts, e.g. beatings, were reported.', 'Others, i.e. killings, were not.']],
  ['Mr. Ivanov and Ms. Petrova met Mrs. Smith. Dr. Brown joined.', ['Mr. Ivanov and Ms. Petrova met Mrs. Smith.', 'Dr. Brown joined.']],
  ['The U.N. Secretary-General spoke. The U.S. Army denied it.', ['The U.N. Secretary-General spoke.', 'The U.S. Army denied it.']],
  ['He lived in the U.S. The report says so.', ['He lived in the U.S.', 'The report says so.']],
  ['They met in St. Petersburg. Then they left.', ['They met in St. Petersburg.', 'Then they left.']],
  ['Food, water, blankets etc. were missing. Nobody came.', ['Food, water, blankets etc. were missing.', 'Nobody came.']],
  ['Tobacco, toilet requisites, etc. Such allowances may take the form of credits.', ['Tobacco, toilet requisites, etc.', 'Such allowances may take the form of credits.']],
  ['It was Ukraine vs. Russia. The case continues.', ['It was Ukraine vs. Russia.', 'The case continues.']],
  ['Acme Ltd. and Beta Inc. Corp. signed. Work began.', ['Acme Ltd. and Beta Inc. Corp. signed.', 'Work began.']],
  ['Martin Luther King Jr. Day passed. Gen. Petrov spoke.', ['Martin Luther King Jr. Day passed.', 'Gen. Petrov spoke.']],
  ['Col. Ivanov, Lt. Sidorov and Sgt. Popov were named. Prof. Lee testified.', ['Col. Ivanov, Lt. Sidorov and Sgt. Popov were named.', 'Prof. Lee testified.']],
  ['The point is made ibid. at 4. See op. cit. p. 7 and Smith et al. The authors agree.', ['The point is made ibid. at 4.', 'See op. cit. p. 7 and Smith et al.', 'The authors agree.']],
  // Initials, numbers, decimals, ellipses.
  ['J. Smith reported the abuse. A. B. Jones confirmed it.', ['J. Smith reported the abuse.', 'A. B. Jones confirmed it.']],
  ['The rate rose to 3.5 per cent. It fell in 2020. 300 people were held.', ['The rate rose to 3.5 per cent.', 'It fell in 2020.', '300 people were held.']],
  ['He waited... and then he spoke. They left… The end.', ['He waited... and then he spoke.', 'They left…', 'The end.']],
  ['See Annex I. The model card is there.', ['See Annex I.', 'The model card is there.']],
  // Quotes and brackets after the stop.
  ['He said: "They beat us." Then he wept.', ['He said: "They beat us."', 'Then he wept.']],
  ['He was held (without charge.) Nobody knew.', ['He was held (without charge.)', 'Nobody knew.']],
  ['“Where is my son?” she asked. Nobody answered!', ['“Where is my son?” she asked.', 'Nobody answered!']],
  ['Were they tortured? Yes! They were.', ['Were they tortured?', 'Yes!', 'They were.']],
  // Headings, list lines, blank lines.
  ['# Findings\nPrisoners were beaten.', ['# Findings', 'Prisoners were beaten.']],
  ['GENERAL PROVISIONS\nThe Parties undertake to respect it.', ['GENERAL PROVISIONS', 'The Parties undertake to respect it.']],
  ['Over 300 Girls Kidnapped In Zamfara State\n\nIn the early morning of February 26, 317 girls were kidnapped.', ['Over 300 Girls Kidnapped In Zamfara State', 'In the early morning of February 26, 317 girls were kidnapped.']],
  ['- beaten in custody\n- denied medical care\n* held incommunicado', ['- beaten in custody', '- denied medical care', '* held incommunicado']],
  ['1. The first point. It has two sentences.\n2. The second point', ['1. The first point.', 'It has two sentences.', '2. The second point']],
  ['A first paragraph without a stop\n\nA second one', ['A first paragraph without a stop', 'A second one']],
  ['A sentence that wraps\nover two lines. And another.', ['A sentence that wraps\nover two lines.', 'And another.']],
  ['Windows lines.\r\nStill one\r\nsentence.\r\n\r\nNew paragraph', ['Windows lines.', 'Still one\r\nsentence.', 'New paragraph']],
  ['---\nText after a rule.', ['Text after a rule.']],
  // Lines from the treaties (Geneva Conventions III and IV, Rome Statute), as converted to Markdown.
  ['### Article  3  ', ['### Article  3']],
  ['####GENERAL PROVISIONS', ['####GENERAL PROVISIONS']],
  ['(a) violence to life and person, in particular murder of all kinds, mutilation, cruel treatment and torture;   \n\n(b) taking of hostages;  ', ['(a) violence to life and person, in particular murder of all kinds, mutilation, cruel treatment and torture;', '(b) taking of hostages;']],
  ['A. Prisoners of war, in the sense of the present Convention, are persons belonging to one of the following categories, who have fallen into the power of the enemy: ', ['A. Prisoners of war, in the sense of the present Convention, are persons belonging to one of the following categories, who have fallen into the power of the enemy:']],
  ['the most efficient methods available shall be employed, e.g. periodic mass miniature radiography for the early detection of tuberculosis. Prisoners shall be weighed.', ['the most efficient methods available shall be employed, e.g. periodic mass miniature radiography for the early detection of tuberculosis.', 'Prisoners shall be weighed.']],
  ['or to the lateral popliteal nerve (N. peroneous communis) and medical popliteal nerve (N. tibialis); etc. The separate injury of the radial nerves shall not, however, warrant repatriation.', ['or to the lateral popliteal nerve (N. peroneous communis) and medical popliteal nerve (N. tibialis); etc.', 'The separate injury of the radial nerves shall not, however, warrant repatriation.']],
  ['The High Contracting Parties undertake to respect and to ensure respect for the present Convention in all circumstances. ', ['The High Contracting Parties undertake to respect and to ensure respect for the present Convention in all circumstances.']],
  ['Prisoners of war must at all times be humanely treated. Any unlawful act or omission by the Detaining Power causing death is prohibited.', ['Prisoners of war must at all times be humanely treated.', 'Any unlawful act or omission by the Detaining Power causing death is prohibited.']],
  ['(2) The wounded and sick shall be collected and cared for. \n\nAn impartial humanitarian body, such as the International Committee of the Red Cross, may offer its services.', ['(2) The wounded and sick shall be collected and cared for.', 'An impartial humanitarian body, such as the International Committee of the Red Cross, may offer its services.']],
  ['1. For the purpose of this Statute, "crime against humanity" means any of the following acts: \n(a) Murder; \n(b) Extermination; ', ['1. For the purpose of this Statute, "crime against humanity" means any of the following acts:', '(a) Murder;', '(b) Extermination;']],
  ['Wilful killing, torture or inhuman treatment, including biological experiments (Art. 130 GC III). Such acts are grave breaches.', ['Wilful killing, torture or inhuman treatment, including biological experiments (Art. 130 GC III).', 'Such acts are grave breaches.']],
];

describe('the sentence segmenter', () => {
  it(`splits ${CASES.length} tricky texts as a reader would`, () => {
    assert.ok(CASES.length >= 40);
    for (const [text, expected] of CASES) assert.deepEqual(split(text), expected, JSON.stringify(text));
  });

  it('labels headings and list items', () => {
    const text = '# Title\n\n- item one\nA plain sentence.';
    assert.deepEqual(segmentSentences(text).map((s) => s.kind), ['heading', 'list-item', 'sentence']);
  });

  it('keeps exact offsets, and code points with astral characters', () => {
    const text = '🙂 He was beaten. 🙂 She was not.';
    const utf16 = segmentSentences(text);
    const points = segmentSentencesCodePoints(text);
    assert.deepEqual(utf16.map((s) => [s.start, s.end]), [[0, 17], [18, 33]]);
    assert.deepEqual(points.map((s) => [s.start, s.end]), [[0, 16], [17, 31]]);
    assert.equal([...text].slice(points[1].start, points[1].end).join(''), '🙂 She was not.');
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(segmentSentences(''), []);
    assert.deepEqual(segmentSentences(' \n\r\n\t'), []);
  });

  it('segments a range that starts and ends at paragraph boundaries like the whole text', () => {
    const text = 'First one. Second one.\n\nThird, Art. 5 applies. Fourth.\n\nFifth.';
    const from = text.indexOf('Third');
    const to = text.indexOf('\n\nFifth');
    const whole = segmentSentences(text).filter((s) => s.start >= from && s.end <= to);
    assert.deepEqual(segmentSentences(text, from, to), whole);
  });
});

describe('sentenceAt with the segmenter', () => {
  it('finds the sentence under an offset, not splitting at abbreviations', () => {
    const text = 'Intro.\n\nOn 3 March, Dr. Petrov and the U.N. team, i.e. two people, arrived. They saw the cells.';
    const at = (needle: string): string => {
      const { start, end } = sentenceAt(text, text.indexOf(needle));
      return text.slice(start, end);
    };
    assert.equal(at('U.N.'), 'On 3 March, Dr. Petrov and the U.N. team, i.e. two people, arrived.');
    assert.equal(at('cells'), 'They saw the cells.');
    assert.equal(at('Intro'), 'Intro.');
  });

  it('finds in a long paragraph without blank lines the sentence the whole paragraph\'s segmentation finds', () => {
    const lines = ['The mission met Dr. Petrov on 3 March.', 'Witnesses said the prisoners were tortured, i.e. beaten', 'with rods. They were held for weeks.', 'Art. 17 of GC III applies.'];
    const text = Array.from({ length: Math.ceil((SENTENCE_WINDOW * 6) / 40) }, (_, i) => lines[i % lines.length]).join('\n');
    const whole = segmentSentences(text);
    for (let offset = 0; offset < text.length; offset += 997) {
      const expected = whole.find((s) => s.start <= offset && offset < s.end) ?? whole.find((s) => s.end === offset) ?? whole.find((s) => s.start > offset);
      assert.deepEqual(sentenceAt(text, offset), { start: expected!.start, end: expected!.end }, `at ${offset}`);
    }
  });
});
