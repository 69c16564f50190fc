import * as assert from 'node:assert/strict';
import { beyondGrammar, grammarGap } from '../../../src/core/grammar/grammar-gaps';
import { lineSpans } from '../../../src/core/grammar/line-spans';
import { compileLexicon, type LexiconExtensions } from '../../../src/core/lexicon/lexicon';
import { scan } from '../../../src/core/scanner/scan';
import { markdownSkipRanges, overlapsAny } from '../../../src/core/text/markdown-prose';

const EXTENSIONS: LexiconExtensions = {
  terms: [{ id: 'mission-of-experts', kind: 'institution', label: 'Mission of experts', definition: '', variants: ['mission of experts'], properName: false }],
  stateAliases: [{ code: 'UA', names: ['Ukrayina'] }],
};
const LEXICON = compileLexicon(EXTENSIONS);

function texts(text: string, spans: ReturnType<typeof lineSpans>): string[] {
  const lines = text.split(/\r?\n/);
  return spans.map((s) => `${s.line}:${s.character}:${lines[s.line].slice(s.character, s.character + s.length)}`);
}

describe('semantic token spans', () => {
  describe('grammar gaps', () => {
    it('keeps wrapped entities, workspace terms and aliases, weekday references; drops what the grammar colours', () => {
      const text = 'Kyiv, 27 September 2025. On Saturday the mission of experts met prisoners of\nwar in Ukrayina and Russia.';
      const entities = scan(text, { lexicon: LEXICON });
      const gaps = beyondGrammar(entities, EXTENSIONS).map((e) => [e.text, grammarGap(e, EXTENSIONS)]);
      assert.deepEqual(gaps, [
        ['Saturday', 'weekday'],
        ['mission of experts', 'workspace-term'],
        ['prisoners of\nwar', 'wrapped'],
        ['Ukrayina', 'workspace-state-alias'],
      ]);
    });

    it('keeps the names that need evidence and that the scanner kept', () => {
      const text = 'Ukrainian prisoners held in Chad and the US. The French text is authentic. Russia agreed.';
      assert.deepEqual(beyondGrammar(scan(text)).map((e) => [e.text, grammarGap(e)]), [
        ['Ukrainian', 'needs-evidence'],
        ['Chad', 'needs-evidence'],
        ['US', 'needs-evidence'],
      ]);
    });

    it('keeps both ends of a date range: the grammar has no "between ... and" and no month range', () => {
      const text = 'Held between 1 and 15 October 2025 and from March to May 2023; seen on 3 March 2022.';
      assert.deepEqual(beyondGrammar(scan(text)).map((e) => [e.text, grammarGap(e)]), [
        ['1', 'date-range'],
        ['15 October 2025', 'date-range'],
        ['March', 'date-range'],
        ['May 2023', 'date-range'],
      ]);
    });
  });

  describe('line spans', () => {
    it('splits a wrapped term per line, trimmed, in UTF-16 columns after astral characters', () => {
      const text = '📌 the prisoners of  \n   war were held';
      const spans = lineSpans(text, scan(text));
      assert.deepEqual(texts(text, spans), ['0:7:prisoners of', '1:3:war']);
      assert.deepEqual(spans.map((s) => [s.line, s.character, s.length]), [[0, 7, 12], [1, 3, 3]]);
    });

    it('handles CRLF and keeps the outer of nested entities', () => {
      const text = 'x\r\nthe UN Human Rights Monitoring Mission in Ukraine said';
      const spans = lineSpans(text, scan(text));
      assert.deepEqual(texts(text, spans), ['1:4:UN Human Rights Monitoring Mission in Ukraine']);
    });

    it('leaves out entities in skipped ranges', () => {
      const text = 'Russia and `Ukraine`';
      assert.deepEqual(texts(text, lineSpans(text, scan(text), { skip: markdownSkipRanges(text) })), ['0:0:Russia']);
    });
  });

  describe('Markdown prose', () => {
    const skipped = (text: string) => markdownSkipRanges(text).map((r) => text.slice(r.start, r.end));

    it('skips front matter, fenced code, inline code, comments, tags, link destinations and URLs', () => {
      const text = [
        '---',
        'title: Russia',
        '---',
        '# Report on Ukraine',
        'See [the OSCE](https://osce.org/Russia) and `Ukraine` <!-- Russia -->.',
        '```yaml',
        'state: Ukraine',
        '```',
        'Russia <span title="Ukraine">again</span> https://example.org/Ukraine.',
        '[ref]: https://example.org/Ukraine',
      ].join('\n');
      assert.deepEqual(skipped(text), [
        '---\ntitle: Russia\n---\n',
        '](https://osce.org/Russia)',
        '`Ukraine`',
        '<!-- Russia -->',
        '```yaml\nstate: Ukraine\n```\n',
        '<span title="Ukraine">',
        '</span>',
        'https://example.org/Ukraine.',
        '[ref]: https://example.org/Ukraine',
      ]);
    });

    it('does not let an unclosed backtick or fence swallow other paragraphs', () => {
      assert.deepEqual(skipped('a ` b\n\nc ` d'), []);
      assert.deepEqual(skipped('text\n~~~\ncode Russia'), ['~~~\ncode Russia']);
    });

    it('finds overlaps by binary search', () => {
      const ranges = [{ start: 2, end: 4 }, { start: 10, end: 12 }];
      assert.equal(overlapsAny(ranges, 0, 2), false);
      assert.equal(overlapsAny(ranges, 3, 5), true);
      assert.equal(overlapsAny(ranges, 4, 10), false);
      assert.equal(overlapsAny(ranges, 11, 20), true);
    });
  });
});
