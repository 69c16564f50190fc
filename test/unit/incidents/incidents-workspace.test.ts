/**
 * The sources an incidents file cites are read inside the workspace only: a path through a
 * folder linked out of it is no file of the workspace, reported as such, and never read.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { citedSourcePath, loadWorkspaceIncidents } from '../../../src/core/incidents/incidents-workspace';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { defaultWorkspaceConfig } from '../../../src/core/workspace/workspace-config';

const TEXT = 'Tortured in the camp.\n';
const SIDECAR = (id: string) => `version: 1\nsource: a.txt\nsourceHash: ${sourceHash(TEXT)}\nannotations:\n  - id: ${id}\n    category: torture\n    target: { start: 0, end: 8, exact: Tortured, prefix: "", suffix: " in the camp." }\n    created: "2026-01-01T00:00:00Z"\n`;

describe('incidents: cited sources stay in the workspace', () => {
  let base: string;
  let root: string;
  before(async () => {
    base = await fs.mkdtemp(join(tmpdir(), 'la-incidents-ws-'));
    root = join(base, 'ws');
    await fs.mkdir(join(root, 'reports'), { recursive: true });
    await fs.mkdir(join(base, 'outside'));
    for (const folder of [join(root, 'reports'), join(base, 'outside')]) {
      await fs.writeFile(join(folder, 'a.txt'), TEXT);
      await fs.writeFile(join(folder, 'a.txt.ann.yaml'), SIDECAR('t-1'));
    }
    await fs.symlink(join(base, 'outside'), join(root, 'linked'));
    await fs.writeFile(join(root, 'incidents.yaml'), [
      'version: 1',
      'incidents:',
      '  - id: camp',
      '    title: Torture in the camp',
      '    categories: [torture]',
      '    evidence:',
      '      - { source: reports/a.txt, annotation: t-1 }',
      '      - { source: linked/a.txt, annotation: t-1 }',
      '',
    ].join('\n'));
  });
  after(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  it('gives the path of a source inside, none for one through a folder linked out or above the root', async () => {
    assert.equal(await citedSourcePath(root, 'reports/a.txt'), join(root, 'reports', 'a.txt'));
    assert.equal(await citedSourcePath(root, 'linked/a.txt'), undefined);
    assert.equal(await citedSourcePath(root, '../outside/a.txt'), undefined);
  });

  it('reports evidence through a folder linked out as no file of the workspace, and reads only the sidecar inside', async () => {
    const loaded = await loadWorkspaceIncidents(defaultWorkspaceConfig(root));
    assert.deepEqual([...loaded.sidecars.keys()], ['reports/a.txt']);
    const missing = loaded.problems.filter((problem) => problem.code === 'evidence-source-missing');
    assert.equal(missing.length, 1, JSON.stringify(loaded.problems));
    assert.match(missing[0]!.message, /linked\/a\.txt/);
    assert.equal(missing[0]!.line, 8);
  });
});
