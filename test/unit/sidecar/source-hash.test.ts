// The source hash is computed a piece at a time (a large source is never copied whole into UTF-8):
// it must equal the hash of the whole text's bytes, a surrogate pair at a piece's edge included.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sourceHash } from '../../../src/core/sidecar/source-hash';

const PIECE = 1 << 20;

function wholeHash(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return `sha256:${createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex')}`;
}

describe('sourceHash', () => {
  it('equals the hash of the whole text\'s UTF-8 bytes, whatever falls on a piece\'s edge', () => {
    const texts = [
      '', '\uFEFF', 'abc', '\uFEFFabc',
      `${'x'.repeat(PIECE - 1)}😀y`, `\uFEFF${'x'.repeat(PIECE - 1)}😀`,
      `${'x'.repeat(PIECE - 1)}\uD800y`, `${'x'.repeat(PIECE - 1)}\uDC00`,
      '😀'.repeat(PIECE), `${'é'.repeat(PIECE + 3)}${'😀'.repeat(5)}`, 'x'.repeat(3 * PIECE + 1),
    ];
    for (const text of texts) assert.equal(sourceHash(text), wholeHash(text), `a text of ${text.length} units`);
  });
});
