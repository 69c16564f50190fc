/** The agreement coefficients against published worked examples. */
import assert from 'node:assert/strict';
import { cohenKappa, krippendorffAlphaNominal } from '../../../src/core/team/agreement-stats';

const close = (actual: number, expected: number, digits = 3) => assert.equal(actual.toFixed(digits), expected.toFixed(digits), `${actual} vs ${expected}`);

describe('agreement coefficients', () => {
  it("Krippendorff's alpha, nominal: his 4 observers x 12 units example with missing values (alpha = 0.743)", () => {
    // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C.
    const observers = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', undefined, undefined, undefined],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', undefined, '3'],
      [undefined, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', undefined],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', undefined],
    ];
    const units = observers[0].map((_, u) => observers.map((o) => o[u]));
    close(krippendorffAlphaNominal(units), 0.743);
  });

  it("Krippendorff's alpha, binary: his two observers x 10 units example (alpha = 0.095)", () => {
    // The same paper, section A.
    const a = ['0', '1', '0', '0', '0', '0', '0', '0', '1', '0'];
    const b = ['1', '1', '1', '0', '0', '1', '0', '0', '0', '0'];
    close(krippendorffAlphaNominal(a.map((v, i) => [v, b[i]])), 0.095);
  });

  it("Cohen's kappa: the textbook 50 items (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) give 0.4", () => {
    const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')] as string[];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')] as string[];
    close(cohenKappa(a, b), 0.4);
    close(cohenKappa(['x', 'y', 'x'], ['x', 'y', 'x']), 1);
  });
});
