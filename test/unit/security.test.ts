/**
 * Security (issue 8): no code generated at run time in the shipped bundles; regular
 * expressions over workspace data are linear on worst-case inputs; globs and paths from the
 * workspace config are confined and bounded.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unsafeGlobReason } from '../../src/core/workspace/glob-safety';
import { loadConfigFile } from '../../src/core/workspace/load-config';
import { nodeConfigFs } from '../../src/core/workspace/node-config-fs';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../hostile/growth';
import { WORST_CASE_GROWTH_SIZE, WORST_CASE_INPUTS } from '../hostile/worst-case';

describe('security: no code generated at run time', function () {
  this.timeout(120_000);

  it('the production bundles contain no eval( or new Function(', () => {
    // A fresh production build in a temporary folder: what ships, whatever dist/ holds now.
    const out = mkdtempSync(join(tmpdir(), 'legal-annotator-bundle-'));
    try {
      execFileSync(process.execPath, ['esbuild.js', '--production', `--outdir=${out}`], { stdio: 'pipe' });
      for (const name of ['extension.js', 'cli.js']) {
        const bundle = join(out, name);
        assert.ok(existsSync(bundle), `${name} was not built by \`node esbuild.js --production\``);
        const code = readFileSync(bundle, 'utf8');
        const found = [...code.matchAll(/new Function\s*\(|(?<![\w$.])eval\s*\(/g)].map((m) => code.slice(Math.max(0, m.index - 60), m.index + 40));
        assert.deepEqual(found, [], `${name} generates code at run time`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// Growth from n to 4n, not milliseconds: the check holds on a busy machine (test/hostile/growth.ts).
describe('security: worst-case inputs grow linearly', function () {
  // Only against a hang: the ratio is the test.
  this.timeout(300_000);

  for (const input of WORST_CASE_INPUTS) {
    it(`${input.target}: ${input.name}`, async () => {
      const growth = await measureGrowth(input.prepare, WORST_CASE_GROWTH_SIZE);
      assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth(`${input.target} on ${input.name}`, growth));
    });
  }
});

describe('security: globs and paths from the workspace config', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'la-security-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses globs that would backtrack catastrophically, accepts ordinary ones', () => {
    for (const glob of ['**/*.txt', 'reports/**/*.md', '{a,b}/*.txt', 'src/*-*.txt', '**/[a-z]*.txt', '*a*b*c.txt']) assert.equal(unsafeGlobReason(glob), undefined, glob);
    for (const glob of ['**/*a*a*a*a*a*a*a*a*b', '+(a|aa).txt', '**/@(x|y)', 'x'.repeat(600)]) assert.ok(unsafeGlobReason(glob), glob);
  });

  it('reports an unsafe glob at its position in the config, and leaves it out', async () => {
    writeFileSync(join(root, '.legal-annotator.yaml'), 'version: 1\nsources:\n  - "**/*.txt"\n  - "**/*a*a*a*a*a*a*a*a*a*b"\n');
    const loaded = await loadConfigFile(join(root, '.legal-annotator.yaml'), nodeConfigFs);
    assert.deepEqual(loaded.files[0].problems.map((p) => `${p.line}:${p.column} ${p.code}`), ['4:5 sources-glob-unsafe']);
    assert.deepEqual(loaded.config.sources, ['**/*.txt']);
  });

  it('refuses a taxonomy file that is a symbolic link out of the workspace', async () => {
    const workspace = join(root, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(root, 'planted.yaml'), 'mode: replace\ncategories:\n  - id: planted\n    label: Planted\n');
    symlinkSync(join(root, 'planted.yaml'), join(workspace, 'taxonomy.yaml'));
    writeFileSync(join(workspace, '.legal-annotator.yaml'), 'version: 1\ntaxonomy: taxonomy.yaml\n');
    const loaded = await loadConfigFile(join(workspace, '.legal-annotator.yaml'), nodeConfigFs);
    assert.deepEqual(loaded.files.flatMap((f) => f.problems.map((p) => `${p.line}:${p.column} ${p.code}`)), ['2:11 taxonomy-outside-workspace']);
    assert.ok(!loaded.config.taxonomy.categories.some((c) => c.id === 'planted'));
  });
});
