/** A sidecar with a YAML alias: positioned by check, never edited (no internal error from --fix-anchors or tag). */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'Intro. The prisoners were tortured in the basement.\n';

// Both tags point at the same words; the second repeats the first target with an alias, and the
// text moved by one character, so --fix-anchors would want to rewrite both.
const SIDECAR = `version: 1
source: r.txt
sourceHash: sha256:0000000000000000000000000000000000000000000000000000000000000000
annotations:
  - id: a1
    category: torture
    target: &t
      start: 25
      end: 33
      exact: tortured
      prefix: 'Intro. The prisoners were '
      suffix: ' in the basement.'
  - id: a2
    category: other
    target: *t
dismissed: []
`;

describe('a sidecar with a YAML alias', () => {
  useTemporaryWorkspace('la-alias-');

  it('is an error at the alias in check, and neither --fix-anchors nor tag writes it', async () => {
    await fs.writeFile('r.txt', `x${TEXT}`);
    await fs.writeFile('r.txt.ann.yaml', SIDECAR);
    const checked = await cli('check', 'r.txt.ann.yaml');
    assert.equal(checked.code, 1);
    assert.match(checked.out, /^r\.txt\.ann\.yaml:15:13: error yaml-alias: the alias \*t repeats another value/m);
    const fixed = await cli('check', '--fix-anchors', 'r.txt.ann.yaml');
    assert.equal(fixed.code, 1);
    assert.doesNotMatch(fixed.err + fixed.out, /internal error|at .*\.ts:\d+/);
    const tagged = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'basement');
    assert.equal(tagged.code, 1);
    assert.match(tagged.err, /r\.txt\.ann\.yaml has errors \(r\.txt\.ann\.yaml:15:13: the alias \*t/);
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), SIDECAR);
  });
});
