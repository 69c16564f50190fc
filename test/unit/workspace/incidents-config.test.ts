import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../../../src/core/workspace/load-config';
import { nodeConfigFs } from '../../../src/core/workspace/node-config-fs';

describe('config: incidents and origins', () => {
  let root = '';
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'incidents-config-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  async function load(text: string) {
    await fs.writeFile(join(root, '.legal-annotator.yaml'), text);
    return loadConfigFile(join(root, '.legal-annotator.yaml'), nodeConfigFs);
  }

  it('resolves the incidents file against the workspace root (default incidents.yaml) and keeps the origin rules in order', async () => {
    assert.equal((await load('version: 1\n')).config.incidentsPath, join(root, 'incidents.yaml'));
    await fs.mkdir(join(root, 'cases'));
    await fs.writeFile(join(root, 'cases/all.incidents.yaml'), 'version: 1\nincidents: []\n');
    const loaded = await load('incidents: cases/all.incidents.yaml\norigins:\n  - {origin: Wire, sources: ["news/**"]}\n  - {origin: Mission, sources: [m.txt, "n/*"]}\n');
    assert.equal(loaded.config.incidentsPath, join(root, 'cases/all.incidents.yaml'));
    assert.deepEqual(loaded.config.origins, [{ origin: 'Wire', sources: ['news/**'] }, { origin: 'Mission', sources: ['m.txt', 'n/*'] }]);
    assert.deepEqual(loaded.files[0].problems, []);
  });

  it('refuses an incidents path that leaves the workspace, at its position, and uses the default', async () => {
    const loaded = await load('version: 1\nincidents: ../elsewhere/incidents.yaml\n');
    assert.deepEqual(loaded.files[0].problems.map((p) => `${p.line}:${p.column} ${p.code}`), ['2:12 incidents-outside-workspace']);
    assert.equal(loaded.config.incidentsPath, join(root, 'incidents.yaml'));
  });

  it('warns, at the line of the incidents key, when the incidents file the config names does not exist (the default one may be missing)', async () => {
    const loaded = await load('version: 1\n# the case file\nincidents:\n  cases/incidents.yaml\n');
    assert.deepEqual(loaded.files[0].problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`), [
      `3:1 warning incidents-not-found: the incidents file "cases/incidents.yaml" does not exist (looked for ${join(root, 'cases/incidents.yaml')}); create it or fix the path`,
    ]);
    assert.equal(loaded.config.incidentsPath, join(root, 'cases/incidents.yaml'), 'the path stays: the editor creates the file there');
    assert.deepEqual((await load('version: 1\n')).files[0].problems, [], 'no config entry, no warning about the default incidents.yaml');
    await fs.mkdir(join(root, 'cases'));
    await fs.writeFile(join(root, 'cases/incidents.yaml'), 'version: 1\nincidents: []\n');
    assert.deepEqual((await load('version: 1\nincidents: cases/incidents.yaml\n')).files[0].problems, []);
  });
});
