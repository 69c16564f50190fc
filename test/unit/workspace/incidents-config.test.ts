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
});
