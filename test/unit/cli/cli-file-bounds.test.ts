/**
 * Only regular files within a size bound are read: a FIFO, a link to /dev/zero or a source over
 * --max-file-size is reported and skipped, and no command hangs or reads it whole.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { DEFAULT_MAX_FILE_MB, maxBytesFor, MIB } from '../../../src/core/files/limits';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

describe('regular files within a size bound', () => {
  useTemporaryWorkspace('la-bounds-');

  it('scan and check --claims skip a FIFO and a link to /dev/zero, naming them, and finish', async () => {
    await fs.writeFile('a.txt', 'Ukraine, 1 May 2022.\n');
    execFileSync('mkfifo', ['pipe.txt']);
    await fs.symlink('/dev/zero', 'zero.txt');
    const scanned = await cli('scan', '.', '--format', 'text');
    assert.match(scanned.out, /a\.txt:1:1: state Ukraine/);
    assert.match(scanned.err, /pipe\.txt: .*named pipe \(FIFO\), not a regular file/);
    assert.match(scanned.err, /zero\.txt: .*device or other special file/);
    await fs.writeFile('u.txt', Buffer.from('\ufeffUkraine', 'utf16le'));
    const claims = await cli('check', '--claims', '.');
    // Each named and left out of the count; a source left unread fails the check as a problem does.
    assert.equal(claims.code, 1, claims.err);
    assert.match(claims.err, /^pipe\.txt: skipped: is a named pipe/m);
    assert.match(claims.err, /^zero\.txt: skipped: is a device/m);
    assert.match(claims.err, /^u\.txt: skipped: is UTF-16/m);
    assert.match(claims.err, /^claims in 1 source\(s\) \(3 skipped\): /m);
  });

  it('skips a source over --max-file-size, says how to raise it, and refuses a bad size with exit 2', async () => {
    await fs.writeFile('small.txt', 'Ukraine, 1 May 2022.\n');
    await fs.writeFile('big.txt', 'Ukraine. '.repeat(240_000));
    const scanned = await cli('scan', '--max-file-size', '1', 'small.txt', 'big.txt', '--format', 'text');
    assert.match(scanned.out, /small\.txt:1:1: state Ukraine/);
    assert.doesNotMatch(scanned.out, /big\.txt/);
    assert.match(scanned.err, /big\.txt: .*is 2\.1 MiB, over the 1 MiB limit for sources \(raise it with --max-file-size MB/);
    const tagged = await cli('tag', 'big.txt', '--category', 'other', '--quote', 'Ukraine', '--occurrence', '1', '--max-file-size=1');
    assert.equal(tagged.code, 1);
    assert.match(tagged.err, /over the 1 MiB limit for sources/);
    // A tiny bound in bytes, and only the CLI's option named (the editor's setting is not the CLI's to give).
    const tiny = await cli('scan', '--max-file-size', '0.00001', 'small.txt');
    assert.match(tiny.err, /^small\.txt: skipped: is 21 bytes, over the 10 bytes limit for sources \(raise it with --max-file-size MB\); it is not read\n$/);
    await assert.rejects(fs.access('big.txt.ann.yaml'));
    // Each run starts from the defaults: without the option, the same file is read.
    assert.match((await cli('scan', 'big.txt', '--format', 'text')).out, /big\.txt:1:1: state Ukraine/);
    assert.equal(maxBytesFor('source'), DEFAULT_MAX_FILE_MB.source * MIB);
    const bad = await cli('scan', '--max-file-size', 'lots', 'small.txt');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--max-file-size takes a size in MiB greater than 0 \(got 'lots'\)/);
  });
});
