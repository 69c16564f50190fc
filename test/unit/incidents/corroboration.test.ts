import assert from 'node:assert/strict';
import { elementSupport, incidentOrigins, originResolver } from '../../../src/core/incidents/corroboration';
import type { Evidence, Incident } from '../../../src/core/incidents/model';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const ORIGINS = originResolver([
  { origin: 'Wire A', sources: ['news/wire-a/**'] },
  { origin: 'Wire B', sources: ['news/**/*-b.txt', '+(a|b)+(a|b)+(a|b)+(a|b)*.txt'] },
]);

function incident(evidence: Evidence[], elements?: string[]): Incident {
  return { id: 'x', title: 'X', categories: ['torture'], evidence, ...(elements ? { elements } : {}) };
}

describe('corroboration', () => {
  it('names a source\'s origin: its sidecar\'s, else the first config rule matching it, else the source itself', () => {
    assert.equal(ORIGINS('news/wire-a/paper-1.txt'), 'Wire A');
    assert.equal(ORIGINS('news/wire-a/paper-1.txt', 'Own'), 'Own');
    assert.equal(ORIGINS('news/paper-b.txt'), 'Wire B');
    assert.equal(ORIGINS('reports/osce.txt'), 'reports/osce.txt');
    assert.equal(ORIGINS('abab.txt'), 'abab.txt', 'a glob that could hang the matcher is left out');
  });

  it('counts independent origins per element: copies of one wire report count once', () => {
    const support = elementSupport(incident([
      { source: 'news/wire-a/paper-1.txt', annotation: 'a', elements: ['torture-severe-pain'] },
      { source: 'news/wire-a/paper-2.txt', annotation: 'b', elements: ['torture-severe-pain', 'torture-purpose'] },
      { source: 'reports/osce.txt', annotation: 'c', elements: ['torture-severe-pain'] },
      { source: 'reports/osce.txt', annotation: 'd', elements: ['torture-purpose'] },
    ]), DEFAULT_TAXONOMY, { originOf: (e) => ORIGINS(e.source) });
    const by = new Map(support.map((s) => [s.element, s]));
    assert.deepEqual(by.get('torture-severe-pain')!.origins, ['Wire A', 'reports/osce.txt']);
    assert.equal(by.get('torture-severe-pain')!.evidence.length, 3);
    assert.deepEqual(by.get('torture-purpose')!.origins, ['Wire A', 'reports/osce.txt']);
    assert.deepEqual(by.get('torture-status-known')!.origins, [], 'an element without evidence has no origin: a gap');
    assert.deepEqual(support.map((s) => s.element), DEFAULT_TAXONOMY.categories.find((c) => c.id === 'torture')!.elements.map((e) => e.id), 'every element of the category, in its order');
  });

  it('leaves out evidence that does not count (a disputed tag), and keeps to the elements an incident selects', () => {
    const evidence: Evidence[] = [
      { source: 'a.txt', annotation: 'disputed', elements: ['torture-severe-pain'] },
      { source: 'b.txt', annotation: 'ok', elements: ['torture-purpose'] },
    ];
    const options = { originOf: (e: Evidence) => e.source, counts: (e: Evidence) => e.annotation !== 'disputed' };
    const support = elementSupport(incident(evidence, ['torture-severe-pain', 'torture-purpose']), DEFAULT_TAXONOMY, options);
    assert.deepEqual(support.map((s) => [s.element, s.evidence.length, s.origins]), [['torture-severe-pain', 1, []], ['torture-purpose', 1, ['b.txt']]]);
    assert.deepEqual(incidentOrigins(incident(evidence), options), ['b.txt']);
  });

  it('lists an element two categories of the incident share once', () => {
    const shared = { categories: [
      { id: 'a', label: 'A', description: '', legalBasis: [], cues: [], color: '#000000', elements: [{ id: 'nexus', label: 'N' }, { id: 'a-1', label: 'A1' }] },
      { id: 'b', label: 'B', description: '', legalBasis: [], cues: [], color: '#000000', elements: [{ id: 'nexus', label: 'N' }] },
    ] };
    const support = elementSupport({ id: 'x', title: 'X', categories: ['a', 'b'], evidence: [{ source: 's', annotation: 't', elements: ['nexus'] }] }, shared, { originOf: (e) => e.source });
    assert.deepEqual(support.map((s) => [s.element, s.origins.length]), [['nexus', 1], ['a-1', 0]]);
  });
});
