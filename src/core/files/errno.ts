/**
 * What an error code of the file system means, in words: the one wording for the core's read
 * failures (read-text-file.ts) and the CLI's one-line errors (src/cli/fs-errors.ts).
 */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
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

/** The words for `code` ("permission denied" for EACCES), or undefined for a code without them. */
export function errnoWords(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(ERRNO_WORDS, code) ? ERRNO_WORDS[code] : undefined;
}
