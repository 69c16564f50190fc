/**
 * A file-system error that reaches the top of a command, said in one line instead of a stack
 * trace: what could not be done to which file, and why, in words ("cannot write notes.ann.yaml:
 * permission denied (EACCES)"). Writes are atomic, so the old file is intact when this is said.
 */
import { FileWriteRefused } from '../core/files/atomic-write';
import { SidecarWriteRefused } from '../core/sidecar/sidecar-file';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (an immutable file or a protected folder?)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than the system allows (ulimit -f?)',
  EIO: 'an input/output error of the device',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'the path is longer than the system allows',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  EXDEV: 'it is on another file system',
};

const WRITING = new Set(['write', 'rename', 'mkdir', 'unlink', 'rmdir', 'copyfile', 'symlink', 'link', 'fsync', 'ftruncate', 'utime', 'chmod']);

/** The one line for an error of the file system or a refused write; undefined for anything else (a bug). */
export function fileSystemErrorLine(error: unknown): string | undefined {
  if (error instanceof FileWriteRefused || error instanceof SidecarWriteRefused) return error.message;
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !(code in REASONS)) return undefined;
  const writing = syscall !== undefined && (WRITING.has(syscall) || (syscall === 'open' && /EROFS|ENOSPC|EDQUOT|EFBIG|EEXIST/.test(code)));
  const action = syscall === 'scandir' ? 'cannot list' : writing ? 'cannot write' : syscall === 'open' || syscall === 'read' ? 'cannot read' : 'cannot use';
  return `${action} ${path ?? 'a file'}: ${REASONS[code]} (${code})`;
}
