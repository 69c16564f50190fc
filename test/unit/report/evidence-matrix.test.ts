import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { newAnnotation } from '../../../src/core/annotations/new-annotation';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { resolveSources } from '../../../src/core/interop/export-input';
import { barChartSvg } from '../../../src/core/report/bar-chart';
import { buildEvidenceMatrix } from '../../../src/core/report/evidence-matrix';
import { renderHtml } from '../../../src/core/report/html';
import { markdownText, renderMarkdown } from '../../../src/core/report/markdown';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { runCli } from '../../../src/cli/run';
import { REPORT, STATEMENT, taggedSampleCopy } from '../../support/tagged-samples';

const A = 'Line one.\nThe prisoners were tortured | and <b>beaten</b>.\n';
const B = 'They were executed. Others were tortured.\n';

function sidecar(text: string, tags: [string, string, string?][]): Sidecar {
  const annotations: Annotation[] = tags.map(([quote, category, note]) => {
    const start = text.indexOf(quote);
    return { ...newAnnotation({ text, start, end: start + quote.length, category }), ...(note ? { note } : {}) };
  });
  return { version: 1, source: 'x', sourceHash: '', annotations, dismissed: [] };
}

function matrix() {
  const resolved = resolveSources([
    { path: 'a/one.txt', iri: 'file:///w/a/one.txt', text: A, sidecar: sidecar(A, [['tortured | and <b>beaten</b>', 'torture', 'note *one*'], ['prisoners', 'made-up']]) },
    { path: 'two.txt', iri: 'file:///w/two.txt', text: B, sidecar: sidecar(B, [['executed', 'wilful-killing'], ['tortured', 'torture']]) },
  ]);
  return buildEvidenceMatrix(resolved, DEFAULT_TAXONOMY, ({ source }) => (source.path === 'two.txt' ? { untagged: 2, untaggedHigh: 1 } : { untagged: 0, untaggedHigh: 0 }));
}

describe('evidence matrix', () => {
  it('counts tags per category and source, in taxonomy order, unknown categories last', () => {
    const m = matrix();
    assert.deepEqual(m.categories.map((c) => [c.id, c.counts, c.total, c.known]), [
      ['wilful-killing', [0, 1], 1, true],
      ['torture', [1, 1], 2, true],
      ['made-up', [1, 0], 1, false],
    ]);
    assert.equal(m.totalTags, 4);
    assert.deepEqual(m.categories[1].quotes.map((q) => [q.path, q.line, q.quote]), [['a/one.txt', 2, 'tortured | and <b>beaten</b>'], ['two.txt', 1, 'tortured']]);
    assert.ok(m.untaggedCategories.some((c) => c.id === 'deportation'));
  });

  it('renders Markdown with relative links to the line, escaped quotes and the untagged claims row', () => {
    const md = renderMarkdown(matrix(), { linkFor: (path, line) => `${path}${line ? `#L${line}` : ''}` });
    assert.match(md, /\| \[Torture\]\(#category-torture\) \| 1 \| 1 \| 2 \|/);
    assert.match(md, /\| \*Untagged claims\* \| 0 \| 2 \(1 high\) \| 2 \|/);
    assert.ok(md.includes('- “tortured \\| and \\<b\\>beaten\\</b\\>” — [a/one.txt:2](<a/one.txt#L2>) — note \\*one\\*'));
    assert.match(md, /\*\*Legal basis:\*\* GC III 17; /);
    assert.match(md, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(md, /vscode:\/\//);
    assert.equal(markdownText('a\nb_c'), 'a b\\_c');
  });

  it('keeps the stored quote of a tag that no longer anchors, and marks it fuzzy or orphaned', () => {
    const tagged = sidecar(B, [['executed', 'wilful-killing'], ['Others were tortured', 'torture'], ['They were', 'other']]);
    const edited = 'Preface.\nThey were shot. Others were tortored.\n';
    const m = buildEvidenceMatrix(resolveSources([{ path: 'two.txt', iri: 'file:///w/two.txt', text: edited, sidecar: tagged }]), DEFAULT_TAXONOMY);
    const quotes = m.categories.flatMap((c) => c.quotes);
    const byQuote = new Map(quotes.map((q) => [q.quote, q]));
    assert.deepEqual([...byQuote.keys()].sort(), ['Others were tortured', 'They were', 'executed']);
    assert.deepEqual(['executed', 'Others were tortured', 'They were'].map((q) => byQuote.get(q)!.anchor), ['orphaned', 'fuzzy', 'fuzzy']);
    const fuzzy = byQuote.get('Others were tortured')!;
    assert.deepEqual([fuzzy.currentText, fuzzy.line, fuzzy.start], ['Others were tortored', 2, edited.indexOf('Others')]);
    const md = renderMarkdown(m, { linkFor: (path, line) => `${path}${line ? `#L${line}` : ''}` });
    assert.ok(md.includes('- “Others were tortured” — [two.txt:2](<two.txt#L2>) — **fuzzy: the text there now reads “Others were tortored”**'), md);
    assert.ok(md.includes('- “executed” — [two.txt](<two.txt>) — **orphaned: not found in the text as tagged**'), md);
    // Its words are still there, but what followed them ("executed") is not.
    assert.ok(md.includes('- “They were” — [two.txt:2](<two.txt#L2>) — **fuzzy: the same words, in other context than tagged**'), md);
    const html = renderHtml(m, { link: (path) => ({ href: path }) });
    assert.ok(html.includes('<span class="anchor">fuzzy: the text there now reads “Others were tortored”</span>'), html);
    assert.ok(html.includes('<span class="anchor">orphaned: not found in the text as tagged</span>'));
    // Moved quotes are in the text as tagged: no mark.
    const moved = buildEvidenceMatrix(resolveSources([{ path: 'two.txt', iri: 'file:///w/two.txt', text: `Preface.\n${B}`, sidecar: tagged }]), DEFAULT_TAXONOMY);
    assert.deepEqual(moved.categories.flatMap((c) => c.quotes.map((q) => q.anchor)), ['moved', 'moved', 'moved']);
    assert.doesNotMatch(renderMarkdown(moved, { linkFor: (p) => p }), /\*\*(fuzzy|orphaned)/);
  });

  it('shows a dash for untagged claims when they were not counted', () => {
    const resolved = resolveSources([{ path: 'two.txt', iri: 'file:///w/two.txt', text: B, sidecar: sidecar(B, [['executed', 'wilful-killing']]) }]);
    const md = renderMarkdown(buildEvidenceMatrix(resolved, DEFAULT_TAXONOMY), { linkFor: (p) => p });
    assert.match(md, /\| \*Untagged claims\* \| — \| — \|/);
    assert.match(md, /Untagged claims were not counted \(claim detection is off/);
  });

  it('says claims were not counted only when there was a source to count them in', () => {
    const none = buildEvidenceMatrix([], DEFAULT_TAXONOMY, () => ({ untagged: 0, untaggedHigh: 0 }));
    assert.doesNotMatch(renderMarkdown(none, { linkFor: (p) => p }), /not counted/);
    assert.doesNotMatch(renderHtml(none, { link: (path) => ({ href: path }) }), /not counted/);
  });

  it('renders one self-contained HTML file: a CSP, no external resource, no style attribute, print rules', () => {
    const html = renderHtml(matrix(), { link: (path, quote) => ({ href: path, data: quote ? { start: quote.start ?? '' } : undefined }) });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b/);
    assert.doesNotMatch(html, /\bsrc=|url\(|@import/);
    assert.doesNotMatch(html, /\sstyle="/, 'the webview CSP blocks style attributes');
    assert.match(html, /@media print \{/);
    assert.ok(html.includes('“tortured | and &lt;b&gt;beaten&lt;/b&gt;”'));
    assert.ok(html.includes('<a class="where" href="a/one.txt" data-start="29">a/one.txt:2</a>'));
    assert.match(html, /\.cat-torture \{ --cat: #[0-9a-f]{6}; \}/);
    const withScript = renderHtml(matrix(), { link: (p) => ({ href: p }), nonce: 'abc', script: 'void 0;', csp: "default-src 'none'" });
    assert.match(withScript, /<style nonce="abc">/);
    assert.match(withScript, /<script nonce="abc">void 0;<\/script>/);
  });

  it('draws one bar per category, longest for the largest count', () => {
    const svg = barChartSvg(matrix().categories);
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 3);
    assert.equal(Math.max(...widths), widths[1]);
    assert.match(svg, /<title>Tags per category: Wilful killing, summary or arbitrary execution: 1, Torture: 2, made-up: 1<\/title>/);
  });
});

describe('legal-annotator report', () => {
  let root: string;
  let cwd: string;
  before(async () => {
    root = await taggedSampleCopy();
    cwd = process.cwd();
    process.chdir(root);
  });
  after(async () => {
    process.chdir(cwd);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('writes Markdown with links relative to the output file, and counts untagged claims with the claims detector', async () => {
    let err = '';
    const code = await runCli(['report', '--format', 'md', '--out', 'out/matrix.md'], { out: () => undefined, err: (t) => (err += t) });
    assert.equal(code, 0, err);
    const md = await fs.readFile(join(root, 'out/matrix.md'), 'utf8');
    assert.ok(md.includes(`[${REPORT}:5](<../${REPORT}#L5>)`), md);
    assert.ok(md.includes(`[${STATEMENT}](<../${STATEMENT}>)`));
    assert.match(md, /\| \*Untagged claims\* \| \d+ \| \d+( \(\d+ high\))? \| \d+ \|/);
  });

  it('writes HTML to stdout; bad usage exits 2', async () => {
    let out = '';
    assert.equal(await runCli(['report', '--format', 'html', 'reports'], { out: (t) => (out += t), err: () => undefined }), 0);
    assert.ok(out.startsWith('<!DOCTYPE html>'));
    assert.ok(out.includes(`href="${REPORT.split('/').map(encodeURIComponent).join('/')}"`));
    assert.equal(await runCli(['report', '--format', 'pdf'], { out: () => undefined, err: () => undefined }), 2);
  });
});
