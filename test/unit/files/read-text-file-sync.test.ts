/**
 * readTextFileSync, the blocking reader `check` uses for thousands of files, gives what
 * readTextFile gives for the same files: text, BOM, the refusals and their reasons.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIB, setUserFileLimitMb } from '../../../src/core/files/limits';
import { readTextFile, readTextFileSync, type ReadTextOptions } from '../../../src/core/files/read-text-file';

describe('readTextFileSync', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), 'la-files-sync-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads and refuses exactly as readTextFile: text, BOM, empty, large, binary, bad UTF-8, UTF-16, missing, a folder, a FIFO, over a bound', async () => {
    const files: [string, string | Buffer][] = [
      ['a.txt', '\uFEFFDetained.\n'],
      ['empty.txt', ''],
      ['large.txt', 'Україна, detained. '.repeat(20_000)],
      ['bin.txt', Buffer.from([0x41, 0x00, 0x42])],
      ['bad.txt', Buffer.from([0x41, 0xc3, 0x28])],
      ['utf16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00])],
    ];
    for (const [name, content] of files) await fs.writeFile(join(folder, name), content);
    const big = join(folder, 'big.txt');
    await fs.writeFile(big, '');
    await fs.truncate(big, 2 * MIB);
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    const cases: [string, ReadTextOptions][] = [
      ...files.map(([name]): [string, ReadTextOptions] => [name, {}]),
      ['gone.txt', {}], ['.', {}], ['pipe.txt', {}], ['a.txt', { maxBytes: 5 }], ['big.txt', { kind: 'source' }],
    ];
    try {
      setUserFileLimitMb(1);
      for (const [name, options] of cases) {
        const path = join(folder, name);
        assert.deepEqual(readTextFileSync(path, options), await readTextFile(path, options), name);
      }
    } finally {
      setUserFileLimitMb(undefined);
    }
    const large = readTextFileSync(join(folder, 'large.txt'));
    assert.ok(large.ok && large.text === files[2][1]);
  });
});
