// The case matrices of a workspace of several folders on the editor's evidence matrix page: one per
// folder with an incidents file, each reading its sources by paths relative to its own root.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { createTarget, PreparedText } from '../../../src/core/anchoring/anchoring';
import { originResolver } from '../../../src/core/incidents/corroboration';
import type { Incident } from '../../../src/core/incidents/model';
import { resolveSources, type ExportSource } from '../../../src/core/interop/export-input';
import { caseMatrixBlocks, folderCaseMatrices, type FolderIncidents } from '../../../src/core/report/folder-case-matrices';
import type { Annotation } from '../../../src/core/sidecar/model';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const FIRST = resolve('/w/first');
const SECOND = resolve('/w/second');

/** A source (its path relative to the first folder, the page's root) with one torture tag on `quote`. */
function source(path: string, text: string, quote: string, id: string): ExportSource {
  const start = text.indexOf(quote);
  const annotation: Annotation = { id, category: 'torture', target: createTarget(new PreparedText(text), start, start + quote.length) };
  return { path, iri: `file://${resolve(FIRST, path)}`, text, sidecar: { version: 1, source: path, sourceHash: '', annotations: [annotation], dismissed: [] } };
}

/** The page's sources: one in each folder, by paths from the first folder. */
const PAGE_SOURCES = resolveSources([
  source('reports/camp.txt', 'Prisoners were given electric shocks.\n', 'given electric shocks', 'first-1'),
  source('../second/news/wire.txt', 'Intro.\nGuards beat the detainees.\n', 'beat the detainees', 'second-1'),
]);

function incidentCiting(id: string, path: string, annotation: string): Incident {
  return {
    id, title: `Incident ${id}`, categories: ['torture'], elements: ['torture-severe-pain', 'torture-purpose'],
    evidence: [{ source: path, annotation, elements: ['torture-severe-pain'] }],
  };
}

function folder(name: string, root: string, incidents: Incident[]): FolderIncidents {
  return { folder: name, root, incidentsFile: 'incidents.yaml', incidents, taxonomy: DEFAULT_TAXONOMY, originOf: originResolver([]) };
}

const FOLDERS = [
  folder('first', FIRST, [incidentCiting('camp', 'reports/camp.txt', 'first-1')]),
  // Cited from the second folder's own root, as its incidents.yaml does.
  folder('second', SECOND, [incidentCiting('station', 'news/wire.txt', 'second-1')]),
];

/** What each block's matrix found for its incident's severe-pain element: [folder, source, line, established]. */
function found(folders: FolderIncidents[]): unknown[] {
  return folderCaseMatrices(folders, PAGE_SOURCES, FIRST).map(({ folder: name, matrix }) => {
    const pain = matrix.incidents[0].categories[0].elements.find((element) => element.id === 'torture-severe-pain')!;
    return [name, pain.passages[0].source, pain.passages[0].line, pain.established];
  });
}

describe('case matrices of a workspace of several folders', () => {
  it('builds one per folder, each finding the tags its incidents cite from its own root', () => {
    assert.deepEqual(found(FOLDERS), [
      ['first', 'reports/camp.txt', 1, true],
      ['second', 'news/wire.txt', 2, true],
    ]);
  });

  it('heads each block with its folder, and links a passage by its path on the page', () => {
    const links: string[] = [];
    const html = caseMatrixBlocks(folderCaseMatrices(FOLDERS, PAGE_SOURCES, FIRST), FIRST, (passage) => {
      links.push(passage.source);
      return { href: '#', data: { path: passage.source } };
    }).join('\n');
    assert.equal(html.match(/<div class="case-matrix">/g)?.length, 2);
    assert.match(html, /<h1>Case matrix: first<\/h1>[\s\S]*Incident camp[\s\S]*<h1>Case matrix: second<\/h1>[\s\S]*Incident station/);
    assert.deepEqual(links, ['reports/camp.txt', '../second/news/wire.txt']);
    assert.ok(html.includes('data-path="../second/news/wire.txt"'));
  });

  it('keeps the one folder\'s block as it was: no folder name, paths unchanged', () => {
    const [only] = FOLDERS;
    assert.deepEqual(found([only]), [['first', 'reports/camp.txt', 1, true]]);
    const html = caseMatrixBlocks(folderCaseMatrices([only], PAGE_SOURCES, FIRST), FIRST, (passage) => ({ href: '#', data: { path: passage.source } })).join('\n');
    assert.match(html, /^<div class="case-matrix">\n<h1>Case matrix<\/h1>/);
  });

  it('gives a folder without incidents no block', () => {
    assert.deepEqual(caseMatrixBlocks(folderCaseMatrices([], PAGE_SOURCES, FIRST), FIRST, () => ({ href: '#' })), []);
  });
});
