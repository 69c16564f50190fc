/** brat import says what it cannot take, with the line, instead of changing it. */
import assert from 'node:assert/strict';
import { parseBratAnn } from '../../../src/core/interop/brat';

const TEXT = 'The prisoners were tortured and later executed by the guards.\n';

describe('brat import: what cannot be imported is reported with its line', () => {
  it('refuses a discontinuous span, a second definition of an id and a malformed line', () => {
    const ann = [
      'T1\ttorture 19 27\ttortured',
      'T2\twilful-killing 0 3;38 46\tThe executed',
      'T5\tother 0 3;4 13\tThe prisoners',
      'T1\tother 4 13\tprisoners',
      'T3\ttorture nineteen 27\ttortured',
      'T4\tother 4 13\tprisoners',
    ].join('\n');
    const { annotations, problems } = parseBratAnn(ann, TEXT, 'r.ann');
    // T5's fragments have only a space between them: one passage (brat splits at line breaks).
    assert.deepEqual(annotations.map((a) => [a.category, a.start, a.end]), [['torture', 19, 27], ['other', 0, 13], ['other', 4, 13]]);
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.origin}: ${p.message}`);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.match(errors[0], /^r\.ann:2 T2: a discontinuous span \(0 3;38 46\)/);
    assert.match(errors[1], /^r\.ann:4 T1: T1 is defined again \(first at line 1\)/);
    assert.match(errors[2], /^r\.ann:5: a malformed text-annotation line/);
  });
});
