import assert from 'node:assert/strict';
import type { Annotation } from '../../src/core/sidecar/model';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { dateHover, escapeMarkdown, formatTimestamp, stateHover, tagHover, tagIncidentsHover, termHover } from '../../src/extension/hoverText';

const torture = DEFAULT_TAXONOMY.categories.find((c) => c.id === 'torture')!;

function annotation(fields: Partial<Annotation> = {}): Annotation {
  return { id: 'a-1', category: 'torture', target: { start: 0, end: 4, exact: 'text', prefix: '', suffix: '' }, ...fields };
}

describe('hover text', () => {
  it('shows a tag with category, legal basis, note, author, status and dates', () => {
    const text = tagHover(annotation({ note: 'Seen by two witnesses.', author: 'J. Doe', status: 'confirmed', created: '2025-11-21T14:03:22.123Z', modified: '2025-11-22T08:00:00Z' }), torture);
    assert.equal(text, [
      '$(tag) **Tag: Torture** · confirmed',
      'Legal basis: GC III 17; GC III 87; GC III 130; GC IV 32; GC IV 147; CAT 1; RS 7(1)(f); RS 8(2)(a)(ii)',
      'Note: Seen by two witnesses.',
      'by J. Doe · created 2025-11-21 14:03 UTC · modified 2025-11-22 08:00 UTC',
      `Elements to establish:\n\n${torture.elements.map((e, i) => `${i + 1}. ${escapeMarkdown(e.label)} _(${escapeMarkdown(e.basis!)})_`).join('\n')}`,
    ].join('\n\n'));
  });

  it('lists the elements of the category\'s crime with their article and number', () => {
    const text = tagHover(annotation(), torture);
    assert.match(text, /Elements to establish:\n\n1\. The perpetrator inflicted severe physical or mental pain or suffering on one or more persons _\(EoC art\. 8\(2\)\(a\)\(ii\)-1, element 1; art\. 7\(1\)\(f\), element 1\)_\n2\. /);
    const withoutElements = tagHover(annotation(), { ...torture, elements: [] });
    assert.doesNotMatch(withoutElements, /Elements/);
  });

  it('names the incidents a tag is evidence in and the elements it goes to, escaped', () => {
    assert.equal(tagIncidentsHover([{ id: 'camp', title: 'Camp *A*', elements: ['Severe pain', 'A purpose'] }]), '$(briefcase) In incident:\n\n- **Camp \\*A\\*** `camp` · evidence of: Severe pain; A purpose');
    assert.equal(tagIncidentsHover([{ id: 'a', title: 'A', elements: [] }, { id: 'b', title: 'B', elements: ['X'] }]), '$(briefcase) In 2 incidents:\n\n- **A** `a` · no element named yet\n- **B** `b` · evidence of: X');
  });

  it('never lets a note become Markdown: links, emphasis, headings and HTML are escaped', () => {
    const text = tagHover(annotation({ note: '# Title\n[click](http://x) *bold* <img src=x>\n- item' }), torture);
    assert.match(text, /Note: \\# Title {2}\n\\\[click\\\]\(http:\/\/x\) \\\*bold\\\* \\<img src=x\\> {2}\n\\- item/);
  });

  it('names an unknown category by its id and marks an approximate anchor', () => {
    const text = tagHover(annotation({ category: 'tortrue' }), undefined, { status: 'fuzzy', start: 0, end: 4, score: 0.8, text: 'txt' });
    assert.match(text, /^\$\(tag\) \*\*Tag: `tortrue` \(not in the taxonomy\)\*\* · proposed/);
    assert.match(text, /Anchored approximately \(match 80 %\): tagged as “text”, the text now reads “txt”\._$/);
    const same = tagHover(annotation(), torture, { status: 'fuzzy', start: 0, end: 4, score: 0.86, text: annotation().target.exact });
    assert.match(same, /Anchored approximately \(match 86 %\): the same words, in other context than tagged\._$/);
  });

  it('shows states, demonyms, dates and terms', () => {
    assert.equal(stateHover({ kind: 'state', text: 'Russian Federation', start: 0, end: 18, code: 'RU', name: 'Russia', subKind: 'name' }), '$(globe) **State: Russia** · ISO 3166-1 `RU`');
    assert.equal(stateHover({ kind: 'state', text: 'Ukrainian', start: 0, end: 9, code: 'UA', name: 'Ukraine', subKind: 'demonym' }), '$(globe) **Ukrainian** · demonym of Ukraine · ISO 3166-1 `UA`');
    assert.equal(dateHover({ kind: 'date', text: 'April 21', start: 0, end: 8, value: '1949-04-21', precision: 'day', range: { role: 'start', value: '1949-04-21/1949-08-12' } }),
      '$(calendar) **Date: `1949-04-21`** · precision: day\n\nStart of the range `1949-04-21/1949-08-12`');
    assert.match(dateHover({ kind: 'date', text: 'Saturday', start: 0, end: 8, value: '2025-11-08', precision: 'day', resolvedFrom: '2025-11-14' }), /Resolved from the document date `2025-11-14`$/);
    assert.equal(termHover({ kind: 'term', text: 'OSCE', start: 0, end: 4, id: 'osce', subKind: 'institution', label: 'OSCE' }, { id: 'osce', kind: 'institution', label: 'OSCE', definition: 'A regional organisation.', variants: ['OSCE'], properName: true }),
      '$(law) **OSCE** · institution\n\nA regional organisation.');
  });

  it('formats timestamps and escapes Markdown', () => {
    assert.equal(formatTimestamp('2025-11-21T14:03:22+02:00'), '2025-11-21 14:03 +02:00');
    assert.equal(formatTimestamp('yesterday'), 'yesterday');
    assert.equal(escapeMarkdown('a_b*c`d'), 'a\\_b\\*c\\`d');
  });
});
