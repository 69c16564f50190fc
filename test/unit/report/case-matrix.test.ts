import assert from 'node:assert/strict';
import { createTarget, PreparedText } from '../../../src/core/anchoring/anchoring';
import { originResolver } from '../../../src/core/incidents/corroboration';
import type { Incident } from '../../../src/core/incidents/model';
import { resolveSources, type ExportSource } from '../../../src/core/interop/export-input';
import { buildCaseMatrix, type CaseMatrix } from '../../../src/core/report/case-matrix';
import { caseMatrixSections, renderCaseMatrixHtml } from '../../../src/core/report/case-matrix-html';
import { GAP_MARK, renderCaseMatrixMarkdown } from '../../../src/core/report/case-matrix-markdown';
import type { Annotation, AnnotationStatus } from '../../../src/core/sidecar/model';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

/** A source whose tags are the given quotes (first occurrence) with the given ids. */
function source(path: string, text: string, tags: [string, string][], extra: { origin?: string; status?: AnnotationStatus[] } = {}): ExportSource {
  const prepared = new PreparedText(text);
  const annotations: Annotation[] = tags.map(([quote, id], i) => {
    const start = [...text.slice(0, text.indexOf(quote))].length;
    return { id, category: 'torture', target: createTarget(prepared, start, start + [...quote].length), ...(extra.status?.[i] ? { status: extra.status[i] } : {}) };
  });
  return { path, iri: `file:///w/${path}`, text, sidecar: { version: 1, source: path, sourceHash: '', annotations, dismissed: [], ...(extra.origin ? { origin: extra.origin } : {}) } };
}

const SOURCES = resolveSources([
  source('reports/osce.txt', 'Intro.\nPrisoners of war were given electric shocks.\nThey were <held> by the adversary.\n', [['given electric shocks', 'osce-1'], ['They were <held> by the adversary', 'osce-2']], { origin: 'OSCE mission' }),
  source('news/wire-1.txt', 'Guards beat prisoners during interrogations.\n', [['beat prisoners during interrogations', 'wire-1']]),
  source('news/wire-2.txt', 'A copy: guards beat prisoners during interrogations.\n', [['beat prisoners during interrogations', 'wire-1']]),
  source('news/other.txt', 'Disputed: shocks.\n', [['shocks', 'other-1']], { status: ['disputed'] }),
]);

const INCIDENTS: Incident[] = [
  {
    id: 'camp', title: 'Torture in the camp', date: { from: '2022-03', to: '2022-09' }, place: 'Camp X', categories: ['torture'], victims: 'prisoners of war',
    elements: ['torture-severe-pain', 'torture-purpose', 'torture-protected-person', 'torture-status-known'],
    evidence: [
      { source: 'reports/osce.txt', annotation: 'osce-1', elements: ['torture-severe-pain'] },
      { source: 'reports/osce.txt', annotation: 'osce-2', elements: ['torture-protected-person'], note: 'POWs' },
      { source: 'news/wire-1.txt', annotation: 'wire-1', elements: ['torture-severe-pain', 'torture-purpose'] },
      { source: 'news/wire-2.txt', annotation: 'wire-1', elements: ['torture-purpose'] },
      { source: 'news/other.txt', annotation: 'other-1', elements: ['torture-status-known'] },
      { source: 'news/gone.txt', annotation: 'x', elements: ['torture-status-known'] },
      { source: 'reports/osce.txt', annotation: 'osce-1' },
    ],
  },
  { id: 'second', title: 'Killings', categories: ['wilful-killing', 'not-a-category'] },
];

function matrix(): CaseMatrix {
  return buildCaseMatrix(INCIDENTS, DEFAULT_TAXONOMY, SOURCES, originResolver([{ origin: 'Wire', sources: ['news/wire-*.txt'] }]), 'incidents.yaml');
}

describe('case matrix', () => {
  it('fills each element\'s cell with its passages (quote, source, line) and counts independent origins', () => {
    const [camp] = matrix().incidents;
    const rows = new Map(camp.categories[0].elements.map((e) => [e.id, e]));
    assert.deepEqual([...rows.keys()], ['torture-severe-pain', 'torture-purpose', 'torture-protected-person', 'torture-status-known'], 'the elements the incident selects, in the taxonomy order');
    const pain = rows.get('torture-severe-pain')!;
    assert.deepEqual(pain.passages.map((p) => [p.source, p.line, p.quote, p.origin]), [
      ['reports/osce.txt', 2, 'given electric shocks', 'OSCE mission'],
      ['news/wire-1.txt', 1, 'beat prisoners during interrogations', 'Wire'],
    ]);
    assert.deepEqual(pain.origins, ['OSCE mission', 'Wire']);
    const purpose = rows.get('torture-purpose')!;
    assert.equal(purpose.passages.length, 2);
    assert.deepEqual(purpose.origins, ['Wire'], 'two copies of one wire report are one origin');
    assert.equal(rows.get('torture-protected-person')!.passages[0].note, 'POWs');
  });

  it('marks a gap where no passage counts: a disputed tag and a tag not found are shown, not counted', () => {
    const [camp] = matrix().incidents;
    const known = camp.categories[0].elements.find((e) => e.id === 'torture-status-known')!;
    assert.equal(known.established, false);
    assert.deepEqual(known.passages.map((p) => [p.anchor, p.status, p.counted]), [['anchored', 'disputed', false], ['missing', undefined, false]]);
    assert.deepEqual([camp.elements, camp.established, camp.gaps], [4, 3, 1]);
    assert.deepEqual(camp.origins, ['OSCE mission', 'Wire']);
    assert.deepEqual(camp.general.map((p) => p.annotation), ['osce-1'], 'evidence naming no element supports the incident as a whole');
    assert.equal(camp.iri, 'urn:legal-annotator:incident:camp');
    assert.equal(camp.date, '2022-03/2022-09');
    assert.deepEqual(camp.victims, ['prisoners of war']);
  });

  it('summarises incidents by category, elements established and gaps, over every incident', () => {
    const { summary, incidents } = matrix();
    const second = incidents[1];
    assert.deepEqual(second.categories.map((c) => [c.id, c.known, c.elements.length]), [['wilful-killing', true, 7], ['not-a-category', false, 0]]);
    assert.equal(second.gaps, 7);
    assert.deepEqual(summary, {
      incidents: 2,
      byCategory: [{ id: 'wilful-killing', label: DEFAULT_TAXONOMY.categories[0].label, incidents: 1 }, { id: 'torture', label: 'Torture', incidents: 1 }],
      elements: 11,
      established: 3,
      gaps: 8,
    });
  });

  it('renders Markdown and HTML tables with links back to the line, origin counts and gap marks, escaping the quotes', () => {
    const linkFor = (path: string, line: number | undefined) => `../${path}${line !== undefined ? `#L${line}` : ''}`;
    const md = renderCaseMatrixMarkdown(matrix(), { linkFor });
    assert.match(md, /^# Case matrix\n\n2 incidents of incidents\.yaml: 3 of 11 elements established, 8 gaps\.\n/);
    assert.match(md, /\| 1 \| The perpetrator inflicted severe physical .*\| “given electric shocks” — \[reports\/osce\.txt:2\]\(<\.\.\/reports\/osce\.txt#L2>\) \(origin: OSCE mission\)<br>“beat prisoners during interrogations” — \[news\/wire-1\.txt:1\]\(<\.\.\/news\/wire-1\.txt#L1>\) \(origin: Wire\) \| 2 \|\n/);
    assert.match(md, new RegExp(`\\| 4 \\| The perpetrator was aware .*\\| \\*\\*${GAP_MARK}\\*\\*: nothing counted<br>“shocks” — .*\\(disputed, not counted\\)<br>\\[news/gone\\.txt\\].*\\(tag x not found\\) \\| 0 \\|\\n`));
    assert.match(md, /“They were \\<held\\> by the adversary”/);
    assert.match(md, /`not-a-category` is not in the workspace taxonomy/);
    const html = renderCaseMatrixHtml(matrix(), { linkFor });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /<tr class="gap" data-element="torture-status-known">/);
    assert.match(html, /“They were &lt;held&gt; by the adversary”/);
    assert.match(html, /<a href="\.\.\/reports\/osce\.txt#L2">reports\/osce\.txt:2<\/a>/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
  });

  it('gives its sections to another page with the links that page asks for (the editor\'s data-* attributes, escaped)', () => {
    const sections = caseMatrixSections(matrix(), { linkFor: () => 'unused', link: (p) => ({ href: '#', data: { path: p.source, id: p.annotation, ...(p.line !== undefined ? { line: p.line } : {}) } }) }).join('\n');
    assert.match(sections, /^<h1>Case matrix<\/h1>/);
    assert.match(sections, /<a href="#" data-path="reports\/osce\.txt" data-id="[^"]+" data-line="2">reports\/osce\.txt:2<\/a>/);
    assert.doesNotMatch(sections, /unused|<html|<style/);
  });
});
