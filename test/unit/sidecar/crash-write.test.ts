/**
 * A crash between writing the temporary file and the rename leaves the old sidecar intact
 * (issue 8, item 2): a child process runs the real writeSidecarFile, is stopped just before the
 * rename (test/hostile/crash-writer.ts) and killed with SIGKILL. The sidecar must keep its old
 * bytes, still read as the same annotations, and take the next write normally; the temporary
 * file left behind is a dot-file beside it that no reader mistakes for the sidecar.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validSidecarText } from '../../../scripts/generate-hostile';
import { readSidecarFile, writeSidecarFile } from '../../../src/core/sidecar/sidecar-file';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';

function killAtRename(path: string): Promise<{ temporary: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', join(__dirname, '../../hostile/crash-writer.ts'), path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let temporary = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^at-rename (\S+) \d+$/m.exec(out);
      if (match && !temporary) {
        temporary = match[1];
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (temporary ? resolve({ temporary, signal }) : reject(new Error(`the writer ended without reaching the rename: ${out}${err}`))));
  });
}

describe('crash during a sidecar write', function () {
  this.timeout(30_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'la-crash-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('leaves the old sidecar intact when the process is killed between the temporary file and the rename', async () => {
    const source = 'Prisoners of war were tortured at Olenivka in 2022.\n';
    const path = join(folder, 'report.txt.ann.yaml');
    writeFileSync(join(folder, 'report.txt'), source);
    const old = validSidecarText('report.txt', source, 'tortured at Olenivka');
    writeFileSync(path, old);

    const { temporary, signal } = await killAtRename(path);
    assert.equal(signal, 'SIGKILL');
    assert.equal(readFileSync(path, 'utf8'), old, 'the sidecar keeps its old bytes');
    // The new text had reached the disk in full, in the temporary file only.
    assert.match(readFileSync(temporary, 'utf8'), /status: confirmed/);
    assert.ok(readdirSync(folder).every((name) => name === 'report.txt' || name === 'report.txt.ann.yaml' || (name.startsWith('.report.txt.ann.yaml.') && name.endsWith('.tmp'))));

    const reread = await readSidecarFile(path);
    assert.ok(reread?.writable);
    assert.deepEqual(reread.sidecar, parseSidecar(old).sidecar);
    // The next write (the user tags again) goes through.
    await writeSidecarFile(path, parseSidecar(old.replace('status: proposed', 'status: disputed')));
    assert.match(readFileSync(path, 'utf8'), /status: disputed/);
  });
});
