import assert from 'node:assert/strict';
import { generatedAt, generatedNote, isSealedMarkdownReport, sealedMarkdownReport } from '../../../src/core/report/generated';

describe('a Markdown report known again as ours', () => {
  const at = generatedAt(new Date('2026-12-06T23:11:42.123Z'));
  const report = `# Evidence matrix\n\n1 tag in 1 category across 1 source${generatedNote(at)}.\n\n## Tags\n`;

  it('says when it was generated, to the minute, in UTC', () => {
    assert.equal(at, '2026-12-06 23:11 UTC');
    assert.equal(generatedNote(at), ' (generated 2026-12-06 23:11 UTC by Legal Annotator)');
    assert.equal(generatedNote(undefined), '');
  });

  it('is sealed by a last line that Markdown does not show, and known again as written', () => {
    const sealed = sealedMarkdownReport(report);
    assert.ok(sealed.startsWith(report));
    assert.match(sealed.slice(report.length), /^<!-- Legal Annotator report; SHA-256 of the text above: [0-9a-f]{64} -->\n$/);
    assert.equal(isSealedMarkdownReport(sealed), true);
    assert.equal(isSealedMarkdownReport(sealedMarkdownReport('# Case matrix')), true, 'a text without a final line break');
  });

  it('is not known again once changed anywhere, nor without its seal, nor with a seal copied onto other text', () => {
    const sealed = sealedMarkdownReport(report);
    assert.equal(isSealedMarkdownReport(sealed.replace('1 tag', '2 tags')), false);
    assert.equal(isSealedMarkdownReport(`My own analysis.\n${sealed}`), false);
    assert.equal(isSealedMarkdownReport(`${sealed}My own analysis.\n`), false);
    assert.equal(isSealedMarkdownReport(report), false);
    assert.equal(isSealedMarkdownReport(`# Notes\n\nmy notes${generatedNote(at)}.\nsecret analysis\n`), false);
    assert.equal(isSealedMarkdownReport(''), false);
  });
});
