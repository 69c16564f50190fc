import assert from 'node:assert/strict';
import { changedSpan } from '../../../src/core/text/changed-span';

function apply(before: string, after: string): string {
  const span = changedSpan(before, after);
  return span ? before.slice(0, span.start) + span.newText + before.slice(span.end) : before;
}

describe('changedSpan', () => {
  it('replaces only what differs: an insertion, a deletion, a change', () => {
    assert.deepEqual(changedSpan('a\nb\nc\n', 'a\nb\nx\nc\n'), { start: 4, end: 4, newText: 'x\n' });
    assert.deepEqual(changedSpan('a\nb\nc\n', 'a\nc\n'), { start: 2, end: 4, newText: '' });
    assert.deepEqual(changedSpan('same', 'same'), undefined);
  });

  it('never splits a surrogate pair or a CRLF, and always rebuilds the new text', () => {
    const span = changedSpan('x\u{1F600}y', 'x\u{1F601}y')!;
    assert.deepEqual(span, { start: 1, end: 3, newText: '\u{1F601}' });
    const crlf = changedSpan('a\r\nb', 'a\rb')!;
    assert.ok(crlf.start <= 1 && crlf.end >= 3, JSON.stringify(crlf));
    const texts = ['', 'a', 'a\r\n', '\r\n\r\n', 'x\u{1F600}', '\u{1F600}\u{1F601}', 'ab\r\ncd', 'a\rb\nc'];
    for (const before of texts) for (const after of texts) assert.equal(apply(before, after), after, JSON.stringify([before, after]));
  });
});
