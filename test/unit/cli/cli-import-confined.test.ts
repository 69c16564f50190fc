/** import writes only inside the workspace: a W3C target elsewhere, or a source behind a linked folder, is refused. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const TEXT = 'The prisoners were tortured in the basement.\n';

describe('import stays inside the workspace', () => {
  useTemporaryWorkspace('la-import-confined-');
  let outside: string;
  beforeEach(async () => {
    outside = await fs.mkdtemp(join(tmpdir(), 'la-import-outside-'));
    await fs.writeFile(join(outside, 'secret.txt'), TEXT);
  });
  afterEach(async () => {
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('refuses a W3C annotation whose target is a file:/// IRI outside --root, and creates no sidecar there', async () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:6f1c6a3e-2b1d-4c55-9d4c-1f2e3d4c5b6a',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'torture' },
      target: { source: pathToFileURL(join(outside, 'secret.txt')).href, selector: { type: 'TextQuoteSelector', exact: 'tortured', prefix: 'The prisoners were ', suffix: ' in the basement.' } },
    };
    await fs.writeFile('in.jsonl', `${JSON.stringify(annotation)}\n`);
    const run = await cli('import', '--format', 'w3c', 'in.jsonl');
    assert.equal(run.code, 1, run.err);
    assert.match(run.err, /secret\.txt: error: is outside the workspace .*\(give --root\); its 1 annotation\(s\) were not imported/);
    assert.deepEqual(await fs.readdir(outside), ['secret.txt']);
  });

  it('does not write a sidecar through a linked subfolder that leads out (brat)', async () => {
    await fs.symlink(outside, 'linked');
    await fs.mkdir('brat/linked', { recursive: true });
    await fs.writeFile('brat/linked/secret.txt', TEXT);
    await fs.writeFile('brat/linked/secret.ann', 'T1\ttorture 19 27\ttortured\n');
    const run = await cli('import', '--format', 'brat', 'brat', '--sources', '.');
    assert.equal(run.code, 1, run.err);
    assert.match(run.err, /is outside the workspace/);
    assert.deepEqual(await fs.readdir(outside), ['secret.txt']);
  });
});
