/**
 * The one reader and the one writer of workspace files: a FIFO, a folder or a device is refused
 * with a reason before a byte is read (never a hang), and a write never goes through a link.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWriteRefused, writeAtomically, writeTargetRefusal } from '../../../src/core/files/atomic-write';
import { DEFAULT_MAX_FILE_MB, maxBytesFor, MIB, setUserFileLimitMb, sizeText } from '../../../src/core/files/limits';
import { readTextFile } from '../../../src/core/files/read-text-file';

describe('readTextFile and writeAtomically', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'la-files-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads UTF-8 text with its BOM noted, and says why anything else is not read', async () => {
    await fs.writeFile(join(folder, 'a.txt'), '\uFEFFDetained.\n');
    assert.deepEqual(await readTextFile(join(folder, 'a.txt')), { ok: true, text: 'Detained.\n', hadBom: true, bytes: 13 });
    await fs.writeFile(join(folder, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
    assert.deepEqual(await readTextFile(join(folder, 'bin.txt')), { ok: false, failure: 'not-text', reason: 'is binary, not text (NUL byte at byte 1)' });
    assert.deepEqual(await readTextFile(join(folder, 'gone.txt')), { ok: false, failure: 'missing', reason: 'no such file', code: 'ENOENT' });
    const dir = await readTextFile(folder);
    assert.equal(dir.ok, false);
    assert.equal(!dir.ok && dir.failure, 'not-regular');
    assert.deepEqual(await readTextFile(join(folder, 'a.txt'), { maxBytes: 5 }), { ok: false, failure: 'too-large', reason: 'is 13 bytes, more than the 5 bytes allowed; it is not read' });
  });

  it('says a size in the unit that shows it', () => {
    assert.deepEqual([0, 10.5, 1023, 1024, 1536, MIB - 1, MIB, 2.25 * MIB, 256 * MIB].map(sizeText), ['0 bytes', '10 bytes', '1023 bytes', '1 KiB', '1.5 KiB', '1024 KiB', '1 MiB', '2.3 MiB', '256 MiB']);
  });

  it('refuses a file over its kind\'s bound before reading it, naming the option that raises it', async () => {
    const big = join(folder, 'big.txt');
    await fs.writeFile(big, '');
    await fs.truncate(big, 2 * MIB);
    try {
      setUserFileLimitMb(1, '--max-file-size MB');
      assert.deepEqual(await readTextFile(big, { kind: 'source' }), {
        ok: false,
        failure: 'too-large',
        reason: 'is 2 MiB, over the 1 MiB limit for sources (raise it with --max-file-size MB); it is not read',
      });
      // A tiny bound and a small file, in units that show them.
      setUserFileLimitMb(0.00001, 'the legalAnnotator.sources.maxFileSizeMB setting');
      await fs.writeFile(join(folder, 'small.txt'), 'thirteen byte');
      assert.equal((await readTextFile(join(folder, 'small.txt'), { kind: 'import' }) as { reason: string }).reason, 'is 13 bytes, over the 10 bytes limit for import files (raise it with the legalAnnotator.sources.maxFileSizeMB setting); it is not read');
      assert.equal((await readTextFile(big, { kind: 'sidecar' })).ok, false, 'read, but NUL bytes: not text');
    } finally {
      setUserFileLimitMb(undefined);
    }
    assert.equal(maxBytesFor('config'), DEFAULT_MAX_FILE_MB.config * MIB);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // Were the FIFO opened for a blocking read, this would never settle and mocha would time the test out.
    const read = await readTextFile(fifo);
    assert.deepEqual(read, { ok: false, failure: 'not-regular', reason: 'is a named pipe (FIFO), not a regular file; it is not read' });
    assert.match((await writeTargetRefusal(fifo)) ?? '', /named pipe/);
  });

  it('writes a regular file atomically, keeping its mode, and never through a symbolic link', async () => {
    const path = join(folder, 'r.txt.ann.yaml');
    await fs.writeFile(path, 'old\n', { mode: 0o640 });
    await writeAtomically(path, 'new\n');
    assert.equal(await fs.readFile(path, 'utf8'), 'new\n');
    assert.equal((await fs.stat(path)).mode & 0o777, 0o640);
    assert.deepEqual((await fs.readdir(folder)).sort(), ['r.txt.ann.yaml'], 'no temporary file left');

    const outside = join(folder, 'outside.yaml');
    await fs.writeFile(outside, 'kept\n');
    const link = join(folder, 'l.txt.ann.yaml');
    await fs.symlink(outside, link);
    await assert.rejects(writeAtomically(link, 'over\n'), (error: unknown) => error instanceof FileWriteRefused && /is a symbolic link \(to .*outside\.yaml\)/.test(error.message));
    assert.ok((await fs.lstat(link)).isSymbolicLink());
    assert.equal(await fs.readFile(outside, 'utf8'), 'kept\n');
    assert.equal(await writeTargetRefusal(join(folder, 'new.yaml')), undefined);
  });
});
