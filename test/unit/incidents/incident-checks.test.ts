import assert from 'node:assert/strict';
import { checkIncidents, type CitedSource } from '../../../src/core/incidents/incident-checks';
import { parseIncidents } from '../../../src/core/incidents/incidents-io';
import { DEFAULT_TAXONOMY, resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';

const SOURCES: Record<string, CitedSource> = {
  'reports/a.txt': { kind: 'tagged', annotations: new Set(['a-1', 'a-2']) },
  'reports/untagged.txt': { kind: 'no-sidecar' },
  'reports/broken.txt': { kind: 'unreadable' },
};
const lookup = (source: string): CitedSource => SOURCES[source] ?? { kind: 'missing' };

function problems(text: string, taxonomy = DEFAULT_TAXONOMY): string[] {
  const doc = parseIncidents(text);
  assert.deepEqual(doc.problems, [], 'the test file is valid against the schema');
  return checkIncidents(doc, { taxonomy, lookup }).map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);
}

describe('incident checks', () => {
  it('finds nothing in a file whose categories, elements, sources and tags all exist', () => {
    assert.deepEqual(problems([
      'version: 1',
      'incidents:',
      '  - id: camp',
      '    title: Camp',
      '    date: {from: 2022-03, to: 2022-03-31}',
      '    categories: [torture, ill-treatment]',
      '    evidence:',
      '      - {source: reports/a.txt, annotation: a-1, elements: [torture-severe-pain, dignity-outraged]}',
      '      - {source: reports/a.txt, annotation: a-2}',
      '      - {source: reports/broken.txt, annotation: z}',
    ].join('\n')), []);
  });

  it('reports unknown and repeated ids, foreign elements, missing sources and tags, each at its value', () => {
    assert.deepEqual(problems([
      'version: 1',
      'incidents:',
      '  - id: camp',
      '    title: Camp',
      '    date: {from: 2022-08, to: 2022-03}',
      '    categories: [torture, tortrue]',
      '    evidence:',
      '      - source: reports/a.txt',
      '        annotation: a-3',
      '        elements: [torture-purpos, killing-death, torture-custody]',
      '      - {source: reports/gone.txt, annotation: a-1}',
      '      - {source: reports/untagged.txt, annotation: a-1}',
      '  - id: camp',
      '    title: Again',
      '    categories: [deportation]',
    ].join('\n')), [
      '5:11 error incident-date-range: the date range ends (2022-03) before it starts (2022-08); swap from and to',
      '6:27 error unknown-category: category "tortrue" is not in the taxonomy: did you mean "torture"?',
      '9:21 error evidence-annotation-missing: the sidecar of "reports/a.txt" has no tag "a-3": did you mean "a-1"?',
      '10:20 error unknown-element: element "torture-purpos" is in no category of the taxonomy: did you mean "torture-purpose"?',
      '10:36 error element-not-in-categories: element "killing-death" belongs to wilful-killing, not to this incident\'s categories (torture, tortrue); add the category to the incident or cite another element',
      '11:18 error evidence-source-missing: source "reports/gone.txt" is not a file of the workspace (paths are relative to the workspace root, the folder of .legal-annotator.yaml)',
      '12:52 error evidence-annotation-missing: source "reports/untagged.txt" has no sidecar, so no tag "a-1"',
      '13:9 error duplicate-incident-id: incident id "camp" is used by incident 1 already; give this one a new id',
    ]);
  });

  it('takes the elements from the workspace taxonomy: an element a config adds is known, one it replaced is not', () => {
    const taxonomy = resolveTaxonomy({ categories: [{ id: 'torture', elements: [{ id: 'own-element', label: 'Own' }] }] });
    const text = 'version: 1\nincidents:\n  - id: x\n    title: X\n    categories: [torture]\n    evidence:\n      - {source: reports/a.txt, annotation: a-1, elements: [own-element, torture-purpose]}\n';
    assert.deepEqual(problems(text, taxonomy).map((p) => p.split(':')[0] + ' ' + p.split(' ')[2]), ['7 unknown-element:']);
  });

  it('checks the elements an incident selects, and warns about evidence of an element it leaves out', () => {
    const text = 'version: 1\nincidents:\n  - id: x\n    title: X\n    categories: [torture]\n    elements: [torture-severe-pain, killing-death]\n    evidence:\n      - {source: reports/a.txt, annotation: a-1, elements: [torture-severe-pain, torture-purpose]}\n';
    assert.deepEqual(problems(text).map((p) => p.split(': ')[0]), ['6:37 error element-not-in-categories', '8:82 warning element-not-in-incident']);
  });

  it('reports a mistyped category once, not again for each element of the category it meant', () => {
    const text = 'version: 1\nincidents:\n  - id: x\n    title: X\n    categories: [torure]\n    evidence:\n      - {source: reports/a.txt, annotation: a-1, elements: [torture-severe-pain, torture-purpose, killing-death]}\n';
    assert.deepEqual(problems(text).map((p) => p.split(': ')[0]), ['5:18 error unknown-category', '7:99 error element-not-in-categories']);
  });

  it('checks nothing more in a file with schema errors', () => {
    const doc = parseIncidents('version: 1\nincidents:\n  - id: x\n    categories: [nope]\n');
    assert.ok(doc.problems.length > 0);
    assert.deepEqual(checkIncidents(doc, { taxonomy: DEFAULT_TAXONOMY, lookup }), []);
  });
});
