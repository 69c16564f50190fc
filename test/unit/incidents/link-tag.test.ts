import assert from 'node:assert/strict';
import { parseIncidents } from '../../../src/core/incidents/incidents-io';
import { linkTag } from '../../../src/core/incidents/link-tag';

const FILE = `version: 1
incidents:
  # kept by hand
  - id: camp
    title: Camp
    categories: [torture]
    evidence:
      - source: a.txt
        annotation: a-1
        elements: [torture-severe-pain, torture-purpose]
`;

describe('linking a tag to an incident', () => {
  it('adds a new incident with the tag as its first evidence, keeping the rest of the file', () => {
    const next = linkTag(parseIncidents(FILE), { source: 'b.txt', annotation: 'b-1', incident: { id: 'new-one', title: 'New', categories: ['torture'], date: '2022-07' }, elements: ['torture-custody'] });
    assert.ok(next.text.startsWith(FILE));
    assert.deepEqual(next.file!.incidents[1], { id: 'new-one', title: 'New', categories: ['torture'], date: '2022-07', evidence: [{ source: 'b.txt', annotation: 'b-1', elements: ['torture-custody'] }] });
  });

  it('adds an entry without elements when none is chosen', () => {
    const next = linkTag(parseIncidents(FILE), { source: 'b.txt', annotation: 'b-1', incident: 'camp', elements: [] });
    assert.deepEqual(next.file!.incidents[0].evidence!.at(-1), { source: 'b.txt', annotation: 'b-1' });
    assert.ok(next.text.includes('# kept by hand'));
  });

  it('sets the elements of a tag already cited: added, removed, or none left', () => {
    const cited = (elements: string[]) => linkTag(parseIncidents(FILE), { source: 'a.txt', annotation: 'a-1', incident: 'camp', elements }).file!.incidents[0].evidence;
    assert.deepEqual(cited(['torture-severe-pain', 'torture-purpose', 'torture-custody']), [{ source: 'a.txt', annotation: 'a-1', elements: ['torture-severe-pain', 'torture-purpose', 'torture-custody'] }]);
    assert.deepEqual(cited(['torture-purpose']), [{ source: 'a.txt', annotation: 'a-1', elements: ['torture-purpose'] }]);
    assert.deepEqual(cited([]), [{ source: 'a.txt', annotation: 'a-1' }]);
  });

  it('refuses an incident id that is not in the file', () => {
    assert.throws(() => linkTag(parseIncidents(FILE), { source: 'b.txt', annotation: 'b-1', incident: 'nope', elements: [] }), /no incident with id "nope"/);
  });
});
