/**
 * A source held as UTF-8 bytes (Utf8SourceText) anchors exactly as its decoded text does:
 * property-tested against anchorAll on texts that mix ASCII, Cyrillic, astral characters, CRLF
 * and a leading U+FEFF, with targets at their offsets, shifted, past the end and garbage. Its
 * hash is sourceHash of the decoded text.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { anchorAll, createTarget } from '../../../src/core/anchoring/anchoring';
import { resolveSidecar } from '../../../src/core/anchoring/resolve';
import { Utf8SourceText } from '../../../src/core/anchoring/utf8-source';
import type { TextTarget } from '../../../src/core/sidecar/model';
import { sourceHash, sourceHashOfUtf8 } from '../../../src/core/sidecar/source-hash';

const SEED = Number(process.env.FC_SEED ?? 20_261_206);
const RUNS = Number(process.env.FC_RUNS ?? 500);

const PIECES = ['a', 'the ', 'Kyiv ', 'Київ ', 'військовополонені ', '😀', '𝔸', '\r\n', '\n', '. ', 'é', '\u0301', '\uFEFF', '1234'];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 60 }).map((parts) => parts.join(''));

function sourceOf(value: string): Utf8SourceText {
  return new Utf8SourceText(Buffer.from(value, 'utf8'));
}

/** Targets of `value`: made at random ranges, some then shifted, stretched past the end or broken. */
function targetsOf(value: string, picks: [number, number, number][]): TextTarget[] {
  const length = [...value].length;
  return picks.map(([a, b, how]) => {
    const target = createTarget(value, a % (length + 1), b % (length + 1));
    switch (how % 6) {
      case 0:
        return { ...target, start: target.start + 1, end: target.end + 1 };
      case 1:
        return { ...target, end: target.end + length + 1 };
      case 2:
        return { ...target, exact: '' };
      case 3:
        return { ...target, start: -1 };
      default:
        return target;
    }
  });
}

describe('a source held as UTF-8 bytes', () => {
  it('anchors every target as anchorAll does on the decoded text, or leaves the text to anchorAll', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (value, picks) => {
        const targets = targetsOf(value, picks);
        const expected = anchorAll(value, targets);
        const atStored = sourceOf(value).anchoredAtStoredOffsets(targets);
        const allAnchored = expected.every((result) => result.status === 'anchored');
        if (atStored === undefined) assert.equal(allAnchored, false, 'every target anchors, yet the bytes path declined');
        else assert.deepEqual(atStored, expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('resolves a sidecar to the same results whether the text is a string or bytes', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (value, picks) => {
        const targets = targetsOf(value, picks);
        const sidecar = { annotations: targets.map((target, i) => ({ id: `a${i}`, category: 'torture', target, status: 'proposed' as const, created: '' })), dismissed: [] };
        assert.deepEqual(resolveSidecar(sourceOf(value), sidecar), resolveSidecar(value, sidecar));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('finds quotes after long runs of ASCII and between multi-byte characters (the four-byte steps)', () => {
    const value = `${'x'.repeat(1001)}Київ ${'y'.repeat(37)}😀z${'w'.repeat(6)}`;
    const targets = [createTarget(value, 1001, 1005), createTarget(value, 1043, 1044), createTarget(value, 1044, 1051), createTarget(value, 0, 3)];
    assert.deepEqual(sourceOf(value).anchoredAtStoredOffsets(targets), anchorAll(value, targets));
    for (const offset of [0, 1, 2, 3]) {
      // The same bytes at each alignment within their buffer.
      const bytes = Buffer.alloc(Buffer.byteLength(value) + offset);
      bytes.write(value, offset, 'utf8');
      assert.deepEqual(new Utf8SourceText(bytes.subarray(offset)).anchoredAtStoredOffsets(targets), anchorAll(value, targets));
    }
  });

  it('declines an empty source (anchorAll calls every quote orphaned there)', () => {
    assert.equal(sourceOf('').anchoredAtStoredOffsets([{ start: 0, end: 0, exact: 'x', prefix: '', suffix: '' }]), undefined);
  });

  it('hashes its bytes as sourceHash hashes the decoded text, a leading U+FEFF left out', () => {
    fc.assert(
      fc.property(text, (value) => {
        assert.equal(sourceHashOfUtf8(Buffer.from(value, 'utf8')), sourceHash(value));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.equal(sourceHashOfUtf8(Buffer.from('\uFEFFKyiv', 'utf8')), sourceHash('Kyiv'));
  });
});
