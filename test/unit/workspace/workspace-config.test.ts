import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import type { ConfigFs } from '../../../src/core/workspace/config-fs';
import { findConfig, loadConfigFile, loadConfigFor } from '../../../src/core/workspace/load-config';
import { DEFAULT_SOURCES } from '../../../src/core/workspace/workspace-config';
import { findCategory } from '../../../src/core/taxonomy/taxonomy';

/** An in-memory folder tree: file paths to contents; folders are implied by the paths. */
function memoryFs(files: Record<string, string>): ConfigFs {
  const normalised = new Map(Object.entries(files).map(([path, text]) => [resolve(path), text]));
  const folders = new Set<string>();
  for (const path of normalised.keys()) for (let f = dirname(path); !folders.has(f); f = dirname(f)) folders.add(f);
  return {
    async readText(path) {
      const text = normalised.get(resolve(path));
      return text === undefined ? { ok: false, missing: true, reason: 'does not exist' } : { ok: true, text };
    },
    async kind(path) {
      const p = resolve(path);
      return normalised.has(p) ? 'file' : folders.has(p) ? 'directory' : undefined;
    },
  };
}

describe('workspace config', () => {
  it('walks up from a file to the nearest config, and stops at a repository root', async () => {
    const fs = memoryFs({
      '/w/.legal-annotator.yaml': 'version: 1\n',
      '/w/reports/a/r.txt': 'x',
      '/repo/.git/HEAD': 'ref',
      '/repo/docs/r.txt': 'x',
      '/.legal-annotator.yaml': 'version: 1\n',
    });
    assert.deepEqual(await findConfig('/w/reports/a/r.txt', fs), { configPath: resolve('/w/.legal-annotator.yaml'), root: resolve('/w') });
    assert.deepEqual(await findConfig('/w/reports', fs), { configPath: resolve('/w/.legal-annotator.yaml'), root: resolve('/w') });
    // The config at / is above the repository's root: it does not apply.
    assert.deepEqual(await findConfig('/repo/docs/r.txt', fs), { root: resolve('/repo') });
  });

  it('uses the defaults without a config', async () => {
    const loaded = await loadConfigFor('/nowhere/r.txt', memoryFs({ '/nowhere/r.txt': 'x' }));
    assert.deepEqual(loaded.files, []);
    assert.deepEqual(loaded.config.sources, DEFAULT_SOURCES);
    assert.equal(loaded.config.dayFirstSlashes, true);
    assert.ok(findCategory(loaded.config.taxonomy, 'torture'));
  });

  it('resolves an inline taxonomy, glossary, state aliases, dates and claims', async () => {
    const loaded = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({
      '/w/.legal-annotator.yaml': [
        'version: 1',
        'sources: ["reports/**/*.txt"]',
        'taxonomy: {mode: extend, categories: [{id: pillage, label: Pillage}]}',
        'glossary: [{id: x-term, kind: status, label: X term, variants: [x term]}]',
        'stateAliases: [{code: UA, names: [Ukrayina]}]',
        'dates: {slashes: month-first}',
        'claims: {severity: info}',
        '',
      ].join('\n'),
    }));
    assert.deepEqual(loaded.files.map((f) => f.problems), [[]]);
    const { config } = loaded;
    assert.equal(config.root, resolve('/w'));
    assert.deepEqual(config.sources, ['reports/**/*.txt']);
    assert.ok(findCategory(config.taxonomy, 'pillage'));
    assert.ok(findCategory(config.taxonomy, 'torture'));
    assert.equal(config.lexiconExtensions.terms?.[0].definition, '');
    assert.deepEqual(config.lexiconExtensions.stateAliases, [{ code: 'UA', names: ['Ukrayina'] }]);
    assert.equal(config.dayFirstSlashes, false);
    assert.deepEqual(config.claims, { enabled: true, severity: 'info' });
  });

  it('reads a taxonomy file relative to the config and reports its problems in that file', async () => {
    const ok = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({
      '/w/.legal-annotator.yaml': 'version: 1\ntaxonomy: tax/t.yaml\n',
      '/w/tax/t.yaml': 'mode: replace\ncategories:\n  - {id: pillage, label: Pillage}\n',
    }));
    assert.deepEqual(ok.config.taxonomy.categories.map((c) => c.id), ['pillage']);
    assert.deepEqual(ok.files.map((f) => [f.path, f.problems.length]), [[resolve('/w/.legal-annotator.yaml'), 0], [resolve('/w/tax/t.yaml'), 0]]);

    const bad = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({
      '/w/.legal-annotator.yaml': 'version: 1\ntaxonomy: tax/t.yaml\n',
      '/w/tax/t.yaml': 'mode: replace\ncategories:\n  - {id: Pillage, label: Pillage}\n',
    }));
    assert.deepEqual(bad.files[1].problems.map((p) => `${p.code} ${p.line}:${p.column}`), ['schema-pattern 3:10']);
    // A broken taxonomy falls back to the default one rather than stopping the check.
    assert.ok(findCategory(bad.config.taxonomy, 'torture'));
  });

  it('reports schema-min-items in the config at the empty list', async () => {
    const loaded = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({ '/w/.legal-annotator.yaml': 'version: 1\nstateAliases:\n  - code: UA\n    names: []\n' }));
    assert.deepEqual(loaded.files[0].problems.map((p) => `${p.code} ${p.line}:${p.column}`), ['schema-min-items 4:12']);
  });

  it('reports a missing taxonomy file and one outside the workspace at the taxonomy value', async () => {
    const missing = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({ '/w/.legal-annotator.yaml': 'version: 1\ntaxonomy: t.yaml\n' }));
    assert.deepEqual(missing.files.map((f) => f.problems.map((p) => `${p.code} ${p.line}:${p.column}`)), [['taxonomy-not-found 2:11']]);
    const outside = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({
      '/w/.legal-annotator.yaml': 'version: 1\ntaxonomy: ../t.yaml\n',
      '/t.yaml': 'categories: []\n',
    }));
    assert.deepEqual(outside.files.map((f) => f.problems.map((p) => `${p.code} ${p.line}:${p.column}`)), [['taxonomy-outside-workspace 2:11']]);
    assert.match(outside.files[0].problems[0].message, /outside the workspace/);
  });

  it('reports schema errors of the config at their position and falls back to the defaults', async () => {
    const loaded = await loadConfigFile('/w/.legal-annotator.yaml', memoryFs({ '/w/.legal-annotator.yaml': 'version: 1\nsource: ["*.txt"]\n' }));
    assert.deepEqual(loaded.files[0].problems.map((p) => `${p.code} ${p.line}:${p.column}`), ['schema-additional-properties 2:1']);
    assert.match(loaded.files[0].problems[0].message, /did you mean "sources"/);
    assert.deepEqual(loaded.config.sources, DEFAULT_SOURCES);
  });
});
