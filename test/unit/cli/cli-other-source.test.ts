// tag, untag and status refuse a sidecar whose `source` names another file: its tags point into
// that file, so writing through it would put a passage of one file into another's annotations.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const A_TEXT = 'The prisoners were tortured in the camp.\n';
const B_TEXT = 'Guards beat them every night.\n';

/** a.txt's sidecar copied from b.txt's: it still says `source: b.txt`. */
const B_SIDECAR = `version: 1
source: b.txt
sourceHash: ${sourceHash(B_TEXT)}
annotations:
  - id: a-11111111
    category: torture
    target: ${JSON.stringify(createTarget(B_TEXT, 0, 6))}
`;

describe('legal-annotator tag, untag and status: one sidecar, one source', () => {
  useTemporaryWorkspace('legal-annotator-other-source-');
  beforeEach(async () => {
    await fs.writeFile('a.txt', A_TEXT);
    await fs.writeFile('b.txt', B_TEXT);
    await fs.writeFile('a.txt.ann.yaml', B_SIDECAR);
  });

  const cases: Array<[string, string[]]> = [
    ['tag', ['tag', 'a.txt', '--category', 'torture', '--quote', 'tortured']],
    ['untag', ['untag', 'a.txt', '--id', 'a-11111111']],
    ['status', ['status', 'a.txt', '--id', 'a-11111111', 'confirmed']],
    ['untag, given the sidecar', ['untag', 'a.txt.ann.yaml', '--id', 'a-11111111']],
    ['tag, given the sidecar', ['tag', 'a.txt.ann.yaml', '--category', 'torture', '--quote', 'tortured']],
  ];
  for (const [name, argv] of cases) {
    it(`${name} refuses a.txt.ann.yaml saying "source: b.txt", naming both files, and writes nothing`, async () => {
      const { code, out, err } = await cli(...argv);
      assert.equal(code, 1, err);
      assert.equal(out, '');
      assert.match(err, /a\.txt\.ann\.yaml belongs to another file: it says "source: b\.txt", not a\.txt/);
      assert.equal(await fs.readFile('a.txt.ann.yaml', 'utf8'), B_SIDECAR);
      assert.deepEqual((await fs.readdir('.')).sort(), ['.git', 'a.txt', 'a.txt.ann.yaml', 'b.txt']);
    });
  }

  it('the same commands work once the sidecar names its own source', async () => {
    await fs.writeFile('a.txt.ann.yaml', B_SIDECAR.replace('source: b.txt', 'source: a.txt').replace(sourceHash(B_TEXT), sourceHash(A_TEXT)));
    const tagged = await cli('tag', 'a.txt', '--category', 'torture', '--quote', 'tortured');
    assert.equal(tagged.code, 0, tagged.err);
    const untagged = await cli('untag', 'a.txt', '--id', tagged.out.trim());
    assert.equal(untagged.code, 0, untagged.err);
  });
});
