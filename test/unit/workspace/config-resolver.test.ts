/** The one config cache of the CLI and the editor: each folder looked up once, each config file loaded once. */
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import type { ConfigFs } from '../../../src/core/workspace/config-fs';
import { ConfigResolver } from '../../../src/core/workspace/config-resolver';
import type { LoadedConfig } from '../../../src/core/workspace/load-config';

/** An in-memory tree that counts the config files read. */
function countingFs(files: Record<string, string>): ConfigFs & { reads: string[] } {
  const normalised = new Map(Object.entries(files).map(([path, text]) => [resolve(path), text]));
  const folders = new Set<string>();
  for (const path of normalised.keys()) for (let f = dirname(path); !folders.has(f); f = dirname(f)) folders.add(f);
  const reads: string[] = [];
  return {
    reads,
    async readText(path) {
      reads.push(resolve(path));
      const text = normalised.get(resolve(path));
      return text === undefined ? { ok: false, missing: true, reason: 'no such file' } : { ok: true, text };
    },
    async kind(path) {
      const p = resolve(path);
      return normalised.has(p) ? 'file' : folders.has(p) ? 'directory' : undefined;
    },
  };
}

const CONFIG = 'version: 1\nsources: ["**/*.txt"]\n';

describe('ConfigResolver', () => {
  it('loads a config once for every folder under it, and shares the result', async () => {
    const fs = countingFs({ '/w/.legal-annotator.yaml': CONFIG, '/w/a/r.txt': 'x', '/w/b/c/s.txt': 'y', '/other/.git/HEAD': 'ref', '/other/t.txt': 'z' });
    let prepared = 0;
    const resolver = new ConfigResolver<LoadedConfig>({ fs, prepare: (loaded) => (prepared++, loaded) });
    const [a, b, again] = await Promise.all([resolver.forFile('/w/a/r.txt'), resolver.forFile('/w/b/c/s.txt'), resolver.forFile('/w/a/r.txt')]);
    assert.equal(a, b);
    assert.equal(a, again);
    assert.deepEqual(a.config.sources, ['**/*.txt']);
    assert.deepEqual(fs.reads, [resolve('/w/.legal-annotator.yaml')]);
    assert.equal(prepared, 1);
    const other = await resolver.forFile('/other/t.txt');
    assert.equal(other.config.root, resolve('/other'));
    assert.equal((await resolver.all()).length, 2);
    assert.deepEqual(resolver.configFiles(), [resolve('/w/.legal-annotator.yaml')], 'the config files loaded, not the folders without one');
    assert.equal(await resolver.forConfigFile(resolve('/w/.legal-annotator.yaml')), a, 'a config named explicitly is the same load');
    resolver.clear();
    assert.deepEqual(resolver.configFiles(), []);
    await resolver.forFile('/w/a/r.txt');
    assert.equal(fs.reads.length, 2, 'cleared: loaded again');
  });

  it('stands the defaults in, and says so, when the file system fails', async () => {
    const errors: string[] = [];
    const broken: ConfigFs = {
      readText: async () => ({ ok: true, text: CONFIG }),
      kind: async () => {
        throw new Error('EIO');
      },
    };
    const resolver = new ConfigResolver<LoadedConfig>({ fs: broken, prepare: (loaded) => loaded, onError: (what) => errors.push(what) });
    const loaded = await resolver.forFile('/w/a/r.txt');
    assert.equal(loaded.config.root, resolve('/w/a'));
    assert.equal(loaded.files.length, 0);
    assert.match(errors[0], /could not look for the config above .*a/);
  });
});
