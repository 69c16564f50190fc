import assert from 'node:assert/strict';
import { generatedAt, generatedNote, isGeneratedMarkdownReport } from '../../../src/core/report/generated';

describe('a Markdown report known again as ours', () => {
  const at = generatedAt(new Date('2026-12-06T23:11:42.123Z'));

  it('says when it was generated, to the minute, in UTC', () => {
    assert.equal(at, '2026-12-06 23:11 UTC');
    assert.equal(generatedNote(at), ' (generated 2026-12-06 23:11 UTC by Legal Annotator)');
    assert.equal(generatedNote(undefined), '');
  });

  it('is its title, a blank line and a summary ending with the generated note, LF or CRLF', () => {
    assert.equal(isGeneratedMarkdownReport(`# Evidence matrix\n\n1 tag in 1 category across 1 source${generatedNote(at)}.\n\n## Tags`), true);
    assert.equal(isGeneratedMarkdownReport(`# Case matrix\r\n\r\n2 incidents of incidents.yaml: 1 of 4 elements established, 3 gaps${generatedNote(at)}.\r\n`), true);
  });

  it('is not a note that merely mentions the tool, nor one whose summary is elsewhere', () => {
    assert.equal(isGeneratedMarkdownReport(`# Notes\n\nMade by hand${generatedNote(undefined)}.\n`), false);
    assert.equal(isGeneratedMarkdownReport(`Evidence matrix\n\n1 tag${generatedNote(at)}.\n`), false);
    assert.equal(isGeneratedMarkdownReport(`# Evidence matrix\n\nfirst paragraph\n1 tag${generatedNote(at)}.\n`), false);
    assert.equal(isGeneratedMarkdownReport(''), false);
  });
});
