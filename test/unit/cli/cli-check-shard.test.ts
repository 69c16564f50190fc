import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseShard, shardKey, shardOf } from '../../../src/cli/check/shard';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const SOURCES = 24;
const names = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `reports/${i < 12 ? '' : 'deep/'}r${from + i}.txt`);

/** The files `check --format json` reported, as absolute paths (it prints them relative to the current folder). */
async function checkedFiles(...args: string[]): Promise<string[]> {
  const { code, out, err } = await cli('check', '--format', 'json', ...args);
  assert.ok(code === 0 || code === 1, err);
  return (JSON.parse(out) as { file: string }[]).map((report) => resolve(report.file)).sort();
}

describe('legal-annotator check --shard', () => {
  const workspace = useTemporaryWorkspace('legal-annotator-shard-', true);
  before(async () => {
    await fs.mkdir('reports/deep', { recursive: true });
    // A config and a taxonomy file with a problem: both are reported.
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\nsources: ["reports/**/*.txt"]\ntaxonomy: taxonomy.yaml\n');
    await fs.writeFile('taxonomy.yaml', 'mode: extend\ncategories:\n  - id: Pillage\n');
    for (const name of names(SOURCES)) {
      await fs.writeFile(name, 'The prisoners were tortured.\nOthers were executed.\n');
      const tagged = await cli('tag', name, '--category', 'torture', '--quote', 'tortured');
      assert.equal(tagged.code, 0, tagged.err);
    }
    // Sources without a sidecar: their untagged claims are reported with --claims.
    for (const name of ['reports/untagged-a.txt', 'reports/deep/untagged-b.txt']) await fs.writeFile(name, 'Others were executed.\n');
  });

  it('splits the files into disjoint parts that together are the whole corpus, configs in part 1', async () => {
    const all = await checkedFiles();
    assert.equal(all.length, SOURCES + 2);
    const parts = [await checkedFiles('--shard', '1/3'), await checkedFiles('--shard', '2/3'), await checkedFiles('--shard', '3/3')];
    assert.deepEqual(parts.flat().sort(), all);
    assert.equal(new Set(parts.flat()).size, all.length, 'a file was checked by two parts');
    for (const part of parts) assert.ok(part.some((file) => file.endsWith('.ann.yaml')), 'a part without sidecars: the hash spreads badly');
    const configs = [resolve('.legal-annotator.yaml'), resolve('taxonomy.yaml')];
    assert.deepEqual(parts[0].filter((file) => !file.endsWith('.ann.yaml')), configs);
    const oneOf = await cli('check', '--shard', '2/3');
    assert.match(oneOf.err, new RegExp(`^shard 2/3: ${parts[1].length} of ${SOURCES} sidecar\\(s\\)\\n`));
    assert.doesNotMatch(oneOf.out, /legal-annotator\.yaml|taxonomy\.yaml/);
  });

  it('gives a file the same part whatever else exists and wherever the job runs', async () => {
    const before = await checkedFiles('--shard', '2/3');
    // From a subfolder, naming the root: the same part.
    process.chdir('reports');
    try {
      assert.deepEqual(await checkedFiles('..', '--shard', '2/3'), before);
      assert.deepEqual(await checkedFiles('deep', '--shard', '2/3'), before.filter((file) => file.includes('/deep/')));
      // Part 1 checks the workspace's config even when the PATH walked lies below it.
      const first = await checkedFiles('deep', '--shard', '1/3');
      assert.ok(first.includes(resolve('../.legal-annotator.yaml')) && first.includes(resolve('../taxonomy.yaml')), first.join('\n'));
    } finally {
      process.chdir(workspace.path);
    }
    // More files: those already there keep their part.
    for (const name of names(6, 100)) {
      await fs.writeFile(name, 'The prisoners were tortured.\n');
      assert.equal((await cli('tag', name, '--category', 'torture', '--quote', 'tortured')).code, 0);
    }
    try {
      const after = await checkedFiles('--shard', '2/3');
      assert.deepEqual(after.filter((file) => before.includes(file)), before);
    } finally {
      for (const name of names(6, 100)) await Promise.all([fs.rm(name), fs.rm(`${name}.ann.yaml`)]);
    }
  });

  it('reviews each source for claims in the part that checks its sidecar, and every source in one part', async () => {
    const all = await checkedFiles('--claims');
    const sources = all.filter((file) => file.endsWith('.txt'));
    assert.equal(sources.length, SOURCES + 2, 'every source has an untagged claim');
    const parts = [1, 2, 3].map(async (index) => checkedFiles('--claims', '--shard', `${index}/3`));
    const seen: string[] = [];
    for (const part of await Promise.all(parts)) {
      seen.push(...part);
      for (const file of part.filter((f) => f.endsWith('.ann.yaml'))) assert.ok(part.includes(file.slice(0, -'.ann.yaml'.length)), `${file}: its source is in another part`);
    }
    assert.deepEqual(seen.sort(), all);
  });

  it('hashes the path relative to the workspace root, a sidecar under its source', () => {
    assert.equal(shardKey('/w', '/w/reports/a.txt.ann.yaml'), 'reports/a.txt');
    assert.equal(shardOf('/w', '/w/reports/a.txt.ann.yaml', 5), shardOf('/elsewhere/w', '/elsewhere/w/reports/a.txt', 5));
    // Over many paths every part gets a fair share (a hash, not the path's length or first letter).
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf('/w', `/w/r${i}.txt`, 4) - 1]++;
    for (const count of counts) assert.ok(count > 850 && count < 1150, `unbalanced parts: ${counts.join(', ')}`);
    assert.deepEqual(parseShard('3/3'), { index: 3, count: 3 });
  });

  it('refuses a malformed or impossible shard with exit 2', async () => {
    const cases: [string, RegExp][] = [
      ['0/3', /--shard '0\/3': I must be from 1 to 3/],
      ['4/3', /--shard '4\/3': I must be from 1 to 3/],
      ['1/0', /--shard '1\/0': N must be at least 1/],
      ['x', /--shard 'x' is not I\/N \(for example 2\/3/],
      ['1/3/', /is not I\/N/],
      ['-1/3', /is not I\/N/],
    ];
    for (const [value, message] of cases) {
      const { code, out, err } = await cli('check', `--shard=${value}`);
      assert.equal(code, 2, `${value}: ${err}`);
      assert.equal(out, '');
      assert.match(err, message);
    }
  });
});
