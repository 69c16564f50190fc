/** Pairing a sidecar with its source by name, the one way every face does it. */
import assert from 'node:assert/strict';
import { sidecarPathFor, sourceNameFor, sourcePathFor } from '../../../src/core/sidecar/model';

describe('sidecar and source names', () => {
  it('pairs report.txt with report.txt.ann.yaml, in a name and in a path', () => {
    assert.equal(sidecarPathFor('a/report.txt'), 'a/report.txt.ann.yaml');
    assert.equal(sourceNameFor('report.txt.ann.yaml'), 'report.txt');
    assert.equal(sourcePathFor('a/b/report.txt.ann.yaml'), 'a/b/report.txt');
    assert.equal(sourcePathFor('C:\\w\\report.txt.ann.yaml'), 'C:\\w\\report.txt');
  });

  it('names no source for a file that is not a sidecar, or whose name is only the suffix', () => {
    assert.equal(sourceNameFor('report.txt'), undefined);
    assert.equal(sourceNameFor('.ann.yaml'), undefined);
    assert.equal(sourcePathFor('a/.ann.yaml'), undefined);
    assert.equal(sourcePathFor('a/report.txt'), undefined);
  });
});
