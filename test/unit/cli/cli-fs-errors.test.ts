/** File-system errors at the top of a command, said in one line (the real EFBIG case runs in cli-process.test.ts). */
import assert from 'node:assert/strict';
import { FileWriteRefused } from '../../../src/core/files/atomic-write';
import { fileSystemErrorLine } from '../../../src/cli/fs-errors';

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

describe('fileSystemErrorLine', () => {
  it('says what could not be done to which file, and why, in words', () => {
    assert.equal(fileSystemErrorLine(errno('EACCES', 'open', 'r.txt')), 'cannot read r.txt: permission denied (EACCES)');
    assert.equal(fileSystemErrorLine(errno('EACCES', 'rename', 'r.txt.ann.yaml')), 'cannot write r.txt.ann.yaml: permission denied (EACCES)');
    assert.equal(fileSystemErrorLine(errno('EPERM', 'unlink', 'x')), 'cannot write x: operation not permitted (an immutable file or a protected folder?) (EPERM)');
    assert.equal(fileSystemErrorLine(errno('ENOSPC', 'write', 'x')), 'cannot write x: the disk is full (ENOSPC)');
    assert.equal(fileSystemErrorLine(errno('EROFS', 'open', 'x')), 'cannot write x: the file system is read-only (EROFS)');
    assert.equal(fileSystemErrorLine(errno('EACCES', 'scandir', 'd')), 'cannot list d: permission denied (EACCES)');
    assert.equal(fileSystemErrorLine(new FileWriteRefused('x is a symbolic link (to y)')), 'x is a symbolic link (to y)');
  });

  it('leaves anything else to be reported as an internal error', () => {
    assert.equal(fileSystemErrorLine(new TypeError('x is undefined')), undefined);
    assert.equal(fileSystemErrorLine(Object.assign(new Error('odd'), { code: 'ERR_SOMETHING' })), undefined);
    assert.equal(fileSystemErrorLine(undefined), undefined);
  });
});
