/** Loading annotated sources for exports and reports, as the CLI and the editor both do it. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnnotatedSources } from '../../../src/core/interop/annotated-sources';
import { tagPassage } from '../../../src/core/annotations/tagging';
import { sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const TEXT = 'The prisoners were tortured in the basement.\n';

async function tagged(folder: string, name: string, text = TEXT, source = name): Promise<string> {
  await fs.writeFile(join(folder, name), text);
  const result = tagPassage({ text, sourceName: source, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range: { quote: 'tortured' } });
  assert.ok(result.ok);
  const sidecarPath = join(folder, `${name}.ann.yaml`);
  await fs.writeFile(sidecarPath, sidecarFileText(result.doc));
  return sidecarPath;
}

describe('loadAnnotatedSources (core, for export and report)', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'la-load-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('loads a sidecar with its source text, and skips one with errors or a source outside its folder, saying why', async () => {
    await fs.mkdir(join(root, 'sub'));
    const good = await tagged(join(root, 'sub'), 'a.txt');
    const broken = join(root, 'b.txt.ann.yaml');
    await fs.writeFile(broken, 'version: 1\nsource: b.txt\n');
    await fs.writeFile(join(root, 'secret.txt'), 'secret\n');
    const planted = await tagged(join(root, 'sub'), 'p.txt', TEXT, '../secret.txt');
    await fs.writeFile(planted, (await fs.readFile(planted, 'utf8')).replace('source: p.txt', 'source: ../secret.txt'));
    const loaded = await loadAnnotatedSources({ sidecarPaths: [good, broken, planted], root, shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(loaded.map((l) => l.kind), ['source', 'skipped', 'skipped']);
    const first = loaded[0];
    assert.ok(first.kind === 'source');
    assert.equal(first.source.path, 'sub/a.txt');
    assert.equal(first.source.text, TEXT);
    assert.equal(first.source.sidecar.annotations[0].target.exact, 'tortured');
    assert.ok(loaded[1].kind === 'skipped' && /the sidecar has errors \(.*b\.txt\.ann\.yaml:\d+:\d+: /.test(loaded[1].reason), JSON.stringify(loaded[1]));
    assert.ok(loaded[2].kind === 'skipped' && /source-outside-folder/.test(loaded[2].reason), JSON.stringify(loaded[2]));
  });

  it('skips a copied or renamed sidecar (its source is another file), naming both: its tags would count twice', async () => {
    const original = await tagged(root, 'b.txt');
    await fs.writeFile(join(root, 'a.txt'), TEXT);
    const copy = join(root, 'a.txt.ann.yaml');
    await fs.copyFile(original, copy);
    const loaded = await loadAnnotatedSources({ sidecarPaths: [copy, original], root, shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
    assert.deepEqual(loaded.map((l) => l.kind), ['skipped', 'source']);
    assert.ok(loaded[0].kind === 'skipped');
    assert.equal(loaded[0].reason, 'its "source" is b.txt but its name says a.txt (source-name-mismatch: a copied or renamed sidecar, whose tags would count twice); rename it to b.txt.ann.yaml or correct "source"');
  });

  it('marks a source outside the root when a base IRI must name it', async () => {
    const outside = await fs.mkdtemp(join(tmpdir(), 'la-load-out-'));
    try {
      const sidecar = await tagged(outside, 'o.txt');
      const [withBase] = await loadAnnotatedSources({ sidecarPaths: [sidecar], root, base: 'https://example.org/', shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
      assert.equal(withBase.kind, 'outside-root');
      const [withoutBase] = await loadAnnotatedSources({ sidecarPaths: [sidecar], root, shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
      assert.equal(withoutBase.kind, 'source');
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('names the errors check would report in a sidecar it loads (an unknown category)', async () => {
    const sidecar = await tagged(root, 'r.txt');
    await fs.writeFile(sidecar, (await fs.readFile(sidecar, 'utf8')).replace('category: torture', 'category: tortur'));
    const [loaded] = await loadAnnotatedSources({ sidecarPaths: [sidecar], root, shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
    assert.ok(loaded.kind === 'source');
    assert.deepEqual(loaded.errors, ['unknown-category']);
    const [clean] = await loadAnnotatedSources({ sidecarPaths: [await tagged(root, 'ok.txt')], root, shown: (p) => p, taxonomy: DEFAULT_TAXONOMY });
    assert.ok(clean.kind === 'source');
    assert.deepEqual(clean.errors, []);
  });
});
