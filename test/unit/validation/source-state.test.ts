/**
 * readSourceState with blocking reads (check's, which holds the text as bytes) finds what the
 * asynchronous one finds, with the same reasons: text, missing, a FIFO, a folder, too large,
 * not UTF-8, UTF-16, binary, a link out of the folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparedSource } from '../../../src/core/anchoring/utf8-source';
import { setUserFileLimitMb } from '../../../src/core/files/limits';
import type { SourceState } from '../../../src/core/validation/sidecar-checks';
import { readSourceState } from '../../../src/core/validation/source-state';

/** A state with its text as a string, so the two readings compare. */
function plain(state: SourceState): unknown {
  return state.kind === 'text' ? { kind: 'text', text: typeof state.text === 'string' ? state.text : preparedSource(state.text).text } : state;
}

describe('reading the source of a sidecar, blocking or not', () => {
  let folder: string;
  let outside: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'la-source-state-'));
    outside = mkdtempSync(join(tmpdir(), 'la-source-state-outside-'));
    writeFileSync(join(folder, 'plain.txt'), 'Kyiv, Київ 😀\r\n');
    writeFileSync(join(folder, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Київ')]));
    writeFileSync(join(folder, 'double-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from('x')]));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'invalid.txt'), Buffer.from([0x61, 0x62, 0xc3, 0x28]));
    writeFileSync(join(folder, 'utf16.txt'), Buffer.from([0xff, 0xfe, 0x61, 0x00]));
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(join(folder, 'large.txt'), Buffer.alloc(2 * 1024 * 1024, 0x61));
    mkdirSync(join(folder, 'folder.txt'));
    writeFileSync(join(outside, 'secret.txt'), 'outside');
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'link-out.txt'));
    symlinkSync(join(folder, 'plain.txt'), join(folder, 'link-in.txt'));
    execFileSync('mkfifo', [join(folder, 'fifo.txt')]);
  });
  after(() => {
    setUserFileLimitMb(undefined);
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const names = ['plain.txt', 'bom.txt', 'double-bom.txt', 'empty.txt', 'invalid.txt', 'utf16.txt', 'binary.txt', 'large.txt', 'folder.txt', 'link-out.txt', 'link-in.txt', 'missing.txt', 'fifo.txt'];
  it('gives the same state and reason for each kind of file', async () => {
    setUserFileLimitMb(1);
    const sidecar = join(folder, 'x.txt.ann.yaml');
    const kinds: string[] = [];
    for (const name of names) {
      const blocking = await readSourceState(sidecar, name, true);
      const asynchronous = await readSourceState(sidecar, name, false);
      assert.deepEqual(plain(blocking), plain(asynchronous), name);
      kinds.push(`${name} ${blocking.kind}`);
    }
    // Each case is what its name says, so the comparison covers every refusal.
    assert.deepEqual(kinds, [
      'plain.txt text', 'bom.txt text', 'double-bom.txt text', 'empty.txt text', 'invalid.txt not-text', 'utf16.txt not-text', 'binary.txt not-text',
      'large.txt not-text', 'folder.txt not-text', 'link-out.txt outside', 'link-in.txt text', 'missing.txt missing', 'fifo.txt not-text',
    ]);
  });
});
