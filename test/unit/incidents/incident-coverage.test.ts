import assert from 'node:assert/strict';
import { citationsOfTag, incidentCoverageProblems, workspaceSupport } from '../../../src/core/incidents/incident-coverage';
import { parseIncidents } from '../../../src/core/incidents/incidents-io';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

function sidecar(source: string, tags: Array<{ id: string; status?: Annotation['status'] }>, origin?: string): Sidecar {
  const annotations = tags.map(({ id, status }) => ({ id, category: 'ill-treatment', target: { start: 0, end: 1, exact: 'x' }, ...(status ? { status } : {}) }));
  return { version: 1, source, annotations, ...(origin ? { origin } : {}) } as unknown as Sidecar;
}

const FILE = [
  'version: 1',
  'incidents:',
  '  - id: camp',
  '    title: Camp',
  '    categories: [ill-treatment]',
  '    evidence:',
  '      - {source: a.txt, annotation: a-1, elements: [dignity-outraged, dignity-severity]}',
  '      - {source: b.txt, annotation: b-1, elements: [dignity-conflict-nexus]}',
  '      - {source: a.txt, annotation: a-2, elements: [dignity-conflict-known]}',
].join('\n');

function problems(sidecars: Map<string, Sidecar>, origins = [] as { origin: string; sources: string[] }[]): string[] {
  const doc = parseIncidents(FILE);
  assert.deepEqual(doc.problems, []);
  return incidentCoverageProblems(doc, DEFAULT_TAXONOMY, workspaceSupport(origins, sidecars)).map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);
}

describe('incident coverage: gaps and single origins', () => {
  it('reports nothing when every element has counted evidence from two independent sources', () => {
    const sidecars = new Map([['a.txt', sidecar('a.txt', [{ id: 'a-1' }, { id: 'a-2' }])], ['b.txt', sidecar('b.txt', [{ id: 'b-1' }])]]);
    assert.deepEqual(problems(sidecars), []);
  });

  it('counts a disputed or missing tag as no evidence: each element it alone supports is a gap, at the category that owns it', () => {
    const sidecars = new Map([['a.txt', sidecar('a.txt', [{ id: 'a-1' }, { id: 'a-2', status: 'disputed' }])]]);
    assert.deepEqual(problems(sidecars), [
      '3:9 info single-origin-incident: incident "camp" rests on a single origin (a.txt); corroborate it with an independent source',
      '5:18 info element-without-evidence: incident "camp": no evidence of element "dignity-conflict-nexus" (The conduct took place in the context of, and was associated with, an international armed conflict); link a tagged passage to it ("Evidence of element…" on the tag)',
      '5:18 info element-without-evidence: incident "camp": no evidence of element "dignity-conflict-known" (The perpetrator was aware of the facts that established the existence of an armed conflict); link a tagged passage to it ("Evidence of element…" on the tag)',
    ]);
  });

  it('counts two sources of one origin (sidecar field or config rule) once', () => {
    const both = () => new Map([['a.txt', sidecar('a.txt', [{ id: 'a-1' }, { id: 'a-2' }], 'wire')], ['b.txt', sidecar('b.txt', [{ id: 'b-1' }])]]);
    assert.deepEqual(problems(both()), []);
    assert.deepEqual(problems(both(), [{ origin: 'wire', sources: ['b.txt'] }]), [
      '3:9 info single-origin-incident: incident "camp" rests on a single origin (wire); corroborate it with an independent source',
    ]);
  });

  it('finds the incidents citing a tag, with the entry that cites it', () => {
    const file = parseIncidents(FILE).file!;
    assert.deepEqual(citationsOfTag(file.incidents, 'a.txt', 'a-2').map((c) => [c.incident.id, c.evidence.elements]), [['camp', ['dignity-conflict-known']]]);
    assert.deepEqual(citationsOfTag(file.incidents, 'b.txt', 'a-2'), []);
  });
});
