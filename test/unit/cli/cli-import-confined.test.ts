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

  it('refuses a target that is a sidecar (a sidecar is never a source): W3C, and brat through --sources', async () => {
    await fs.writeFile('r.txt', TEXT);
    assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured')).code, 0);
    const sidecar = await fs.readFile('r.txt.ann.yaml', 'utf8');
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'torture' },
      target: { source: pathToFileURL(join(process.cwd(), 'r.txt.ann.yaml')).href, selector: { type: 'TextQuoteSelector', exact: 'source' } },
    };
    await fs.writeFile('in.jsonl', `${JSON.stringify(annotation)}\n`);
    const w3c = await cli('import', '--format', 'w3c', 'in.jsonl');
    assert.equal(w3c.code, 1, w3c.err);
    assert.match(w3c.err, /^r\.txt\.ann\.yaml: error: is a sidecar, and a sidecar is never a source; its 1 annotation\(s\) were not imported, and nothing was written$/m);

    await fs.mkdir('brat');
    await fs.writeFile('brat/r.txt.ann.yaml.txt', sidecar);
    await fs.writeFile('brat/r.txt.ann.yaml.ann', 'T1\ttorture 2 8\tLegal\n');
    const brat = await cli('import', '--format', 'brat', 'brat', '--sources', '.');
    assert.equal(brat.code, 1, brat.err);
    assert.match(brat.err, /^r\.txt\.ann\.yaml: error: is a sidecar, and a sidecar is never a source/m);
    assert.deepEqual((await fs.readdir('.')).filter((name) => name.endsWith('.ann.yaml')), ['r.txt.ann.yaml']);
    assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), sidecar);
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
