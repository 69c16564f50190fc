/**
 * Reading the source a sidecar points to, for the semantic checks: missing, outside the
 * sidecar's folder (by `..`, an absolute path, or a symbolic link), not UTF-8 text, or its text.
 */
import { lstatSync, promises as fs, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { Utf8SourceText } from '../anchoring/utf8-source';
import { readTextBytesSync, readTextFile, type TextBytesRead, type TextFileRead } from '../files/read-text-file';
import { sourceValueOutsideFolder, type SourceState } from './sidecar-checks';

/**
 * `blocking`: read with blocking calls, for a command checking many files in a row; the text
 * is then held as its bytes (Utf8SourceText), decoded only if an entry is not at its offsets.
 */
export async function readSourceState(sidecarPath: string, source: string, blocking = false): Promise<SourceState> {
  const folder = dirname(sidecarPath);
  const path = join(folder, source);
  // Never open what the checks will refuse anyway.
  if (sourceValueOutsideFolder(source)) return { kind: 'outside', to: path };
  let real: string;
  let realFolder: string;
  try {
    // The common case, a plain file name that is not a link, cannot leave the folder: one
    // lstat instead of resolving every component of two paths.
    const plainName = !/[\\/]/.test(source) && !(blocking ? lstatSync(path) : await fs.lstat(path)).isSymbolicLink();
    [real, realFolder] = plainName ? [path, folder] : blocking ? [realpathSync(path), realpathSync(folder)] : await Promise.all([fs.realpath(path), fs.realpath(folder)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', path };
    return { kind: 'not-text', reason: `cannot be read (${code ?? (error as Error).message})` };
  }
  const inside = relative(realFolder, real);
  if (inside.startsWith('..') || isAbsolute(inside)) return { kind: 'outside', to: real };
  if (blocking) return bytesStateOf(readTextBytesSync(real, { kind: 'source' }), path);
  return stateOf(await readTextFile(real, { kind: 'source' }), path);
}

function stateOf(read: TextFileRead, path: string): SourceState {
  if (read.ok) return { kind: 'text', text: read.text };
  return read.failure === 'missing' ? { kind: 'missing', path } : { kind: 'not-text', reason: read.reason };
}

/** A source read as its bytes: held as Utf8SourceText, decoded only if an entry is not at its offsets. */
function bytesStateOf(read: TextBytesRead, path: string): SourceState {
  if (read.ok) return { kind: 'text', text: new Utf8SourceText(read.body) };
  return stateOf(read, path);
}

/** Why a source was not read, for a line that says a sidecar was skipped (`source` as the user should see it). */
export function unreadSourceReason(state: Exclude<SourceState, { kind: 'text' }>, source: string): string {
  switch (state.kind) {
    case 'missing':
      return `its source ${source} does not exist`;
    case 'outside':
      return `its source ${source} is outside the sidecar's folder (source-outside-folder); it is not read`;
    case 'not-text':
      return `its source ${source} ${state.reason}`;
  }
}
