/**
 * A file-system error that reaches the top of a command, said in one line instead of a stack
 * trace: what could not be done to which file, and why, in words ("cannot write notes.ann.yaml:
 * permission denied (EACCES)"). Writes are atomic, so the old file is intact when this is said.
 */
import { FileWriteRefused } from '../core/files/atomic-write';
import { errnoWords } from '../core/files/errno';
import { SidecarWriteRefused } from '../core/sidecar/sidecar-file';

const WRITING = new Set(['write', 'rename', 'mkdir', 'unlink', 'rmdir', 'copyfile', 'symlink', 'link', 'fsync', 'ftruncate', 'utime', 'chmod']);

/** The one line for an error of the file system or a refused write; undefined for anything else (a bug). */
export function fileSystemErrorLine(error: unknown): string | undefined {
  if (error instanceof FileWriteRefused || error instanceof SidecarWriteRefused) return error.message;
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const words = errnoWords(code);
  if (code === undefined || words === undefined) return undefined;
  const writing = syscall !== undefined && (WRITING.has(syscall) || (syscall === 'open' && /EROFS|ENOSPC|EDQUOT|EFBIG|EEXIST/.test(code)));
  const action = syscall === 'scandir' ? 'cannot list' : writing ? 'cannot write' : syscall === 'open' || syscall === 'read' ? 'cannot read' : 'cannot use';
  return `${action} ${path ?? 'a file'}: ${words} (${code})`;
}
