import assert from 'node:assert/strict';
import { createTarget, PreparedText } from '../../../src/core/anchoring/anchoring';
import type { Incident } from '../../../src/core/incidents/model';
import { exportCsv } from '../../../src/core/interop/csv';
import { resolveSources, type ExportSource } from '../../../src/core/interop/export-input';
import { evidenceLinkIri, incidentsByTag, linkingAnnotations } from '../../../src/core/interop/incident-links';
import { annotationIri } from '../../../src/core/interop/iri';
import { exportW3cCollection, exportW3cJsonl } from '../../../src/core/interop/w3c';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const TEXT = 'Prisoners were given electric shocks during interrogations.\n';
const prepared = new PreparedText(TEXT);
const SOURCE: ExportSource = {
  path: 'reports/a b.txt',
  iri: 'file:///w/reports/a%20b.txt',
  text: TEXT,
  sidecar: { version: 1, source: 'a b.txt', sourceHash: '', dismissed: [], annotations: [
    { id: 'a-1', category: 'torture', target: createTarget(prepared, 14, 36) },
    { id: 'a-2', category: 'torture', target: createTarget(prepared, 37, 58) },
  ] },
};
const RESOLVED = resolveSources([SOURCE]);
const INCIDENTS: Incident[] = [
  { id: 'camp', title: 'Camp', categories: ['torture'], evidence: [
    { source: 'reports/a b.txt', annotation: 'a-1', elements: ['torture-severe-pain'] },
    { source: 'reports/a b.txt', annotation: 'a-2', elements: ['torture-purpose', 'own-element'] },
    { source: 'reports/elsewhere.txt', annotation: 'x-1', elements: ['torture-purpose'] },
  ] },
  { id: 'second', title: 'Second', categories: ['torture'], evidence: [{ source: 'reports/a b.txt', annotation: 'a-2' }] },
];

describe('incidents in exports', () => {
  it('W3C: one linking Annotation per evidence link of an exported tag; body the incident IRI and the elements, target the tag\'s Annotation', () => {
    const links = linkingAnnotations(INCIDENTS, RESOLVED, DEFAULT_TAXONOMY, { base: 'https://example.org/corpus/' });
    assert.equal(links.length, 3, 'the link to a tag not in the export is left out');
    const [first, second, third] = links;
    assert.equal(first.motivation, 'linking');
    assert.equal(first.target, annotationIri('reports/a b.txt', 'a-1', 'https://example.org/corpus/'));
    assert.deepEqual(first.body[0], { type: 'SpecificResource', purpose: 'linking', source: 'urn:legal-annotator:incident:camp' });
    assert.deepEqual(first.body.slice(1), [{ type: 'TextualBody', purpose: 'classifying', value: 'torture-severe-pain', label: DEFAULT_TAXONOMY.categories.find((c) => c.id === 'torture')!.elements[0].label }]);
    assert.deepEqual(second.body.slice(1).map((b) => [('value' in b) && b.value, 'label' in b]), [['torture-purpose', true], ['own-element', false]], 'an element the taxonomy lacks keeps its id, without a label');
    assert.deepEqual(third.body, [{ type: 'SpecificResource', purpose: 'linking', source: 'urn:legal-annotator:incident:second' }]);
    assert.equal(first.id, 'urn:legal-annotator:incident:camp:evidence:reports%2Fa%20b.txt:a-1');
    assert.equal(evidenceLinkIri(INCIDENTS[1], INCIDENTS[1].evidence![0]), 'urn:legal-annotator:incident:second:evidence:reports%2Fa%20b.txt:a-2');
  });

  it('W3C: the collection holds the tags then the links, each link with its @context; no incidents, no links', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const collection = JSON.parse(exportW3cCollection(RESOLVED, DEFAULT_TAXONOMY, { incidents: INCIDENTS, now }).text) as { total: number; first: { items: { motivation: string; '@context'?: unknown; target: unknown; id: string }[] } };
    assert.equal(collection.total, 5);
    assert.deepEqual(collection.first.items.map((i) => i.motivation), ['classifying', 'classifying', 'linking', 'linking', 'linking']);
    assert.equal(collection.first.items[2].target, collection.first.items[0].id, 'a link targets the tag\'s own Annotation');
    assert.equal(collection.first.items[2]['@context'], 'http://www.w3.org/ns/anno.jsonld', 'every Annotation has its @context, as the model requires');
    const lines = exportW3cJsonl(RESOLVED, DEFAULT_TAXONOMY, { incidents: INCIDENTS, now }).text.trim().split('\n').map((line) => JSON.parse(line) as { '@context': unknown; motivation: string });
    assert.deepEqual(lines.map((l) => [l.motivation, l['@context']]).slice(2), [['linking', 'http://www.w3.org/ns/anno.jsonld'], ['linking', 'http://www.w3.org/ns/anno.jsonld'], ['linking', 'http://www.w3.org/ns/anno.jsonld']]);
    assert.equal(JSON.parse(exportW3cCollection(RESOLVED, DEFAULT_TAXONOMY, { now }).text).total, 2);
  });

  it('CSV: incident and elements columns, each id once, "; " between them, empty for a tag no incident cites', () => {
    const rows = exportCsv(RESOLVED, DEFAULT_TAXONOMY, { incidents: INCIDENTS }).text.trim().split('\r\n').map((row) => row.split(','));
    assert.deepEqual(rows[0].slice(-2), ['incident', 'elements']);
    assert.deepEqual(rows[1].slice(-2), ['camp', 'torture-severe-pain']);
    assert.deepEqual(rows[2].slice(-2), ['camp; second', 'torture-purpose; own-element']);
    const without = exportCsv(RESOLVED, DEFAULT_TAXONOMY).text.trim().split('\r\n').map((row) => row.split(','));
    assert.deepEqual(without[1].slice(-2), ['', '']);
    assert.deepEqual(incidentsByTag(INCIDENTS)('reports/elsewhere.txt', 'x-1'), { incidents: ['camp'], elements: ['torture-purpose'] });
  });
});
