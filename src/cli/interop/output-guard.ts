/**
 * Where `export` and `report` may write (`--out`): inside the workspace, never over an input.
 * A sidecar, the config, a source (one being exported, any file with a sidecar beside it, or an
 * existing file the config's `sources` globs match), a symbolic link or a special file is
 * refused, and so is a path that leads (through `..` or a linked folder) out of the workspace
 * root. Writes are atomic (writeAtomically).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import { writeAtomically, writeTargetRefusal } from '../../core/files/atomic-write';
import { isInsideRoot, realPathOf, relativeInside } from '../../core/files/inside-root';
import { isSealedMarkdownReport } from '../../core/report/generated';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../../core/sidecar/model';
import { CONFIG_FILE_NAME } from '../../core/workspace/workspace-config';
import { CliError } from '../output';

export interface OutputScope {
  /** The workspace root (the config's folder, else the repository root). */
  root: string;
  /** Absolute paths of the sources read in this run. */
  inputs: ReadonlySet<string>;
  /**
   * The workspace's `sources` globs (relative to `root`): an existing file they match is a source
   * though it has no sidecar yet, since scan, check --claims and the editor read it as one.
   */
  sources: readonly string[];
  /** `report --format md`: a Markdown report this tool sealed, unchanged since, is its own output to make again, not a source. */
  replacesSealedReport?: boolean;
  /** A folder of files (brat), which cannot go to standard output instead. */
  folderOutput?: boolean;
}

/** A file larger than this is not read to know it as a report of ours: a source, then. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(() => true, () => false);
}

/**
 * Whether `absolute` is a file the `sources` globs match. A path with nothing there yet is no
 * source: a first `report.md` is written, though the default globs (every `.md`) match it; nor is,
 * for `report --format md`, a report it wrote there before and nobody changed (sealed), so that
 * the report can be made again.
 */
async function isListedSource(absolute: string, scope: OutputScope): Promise<boolean> {
  if (scope.sources.length === 0) return false;
  // As named and as it really is: `alias/untagged.txt` through `alias -> corpus` is corpus/untagged.txt.
  const realRoot = await fs.realpath(scope.root).catch(() => scope.root);
  const paths = [relativeInside(scope.root, absolute), relativeInside(realRoot, await realPathOf(absolute))];
  const matches = picomatch([...scope.sources]);
  if (!paths.some((path) => path !== undefined && matches(path))) return false;
  const stat = await fs.lstat(absolute).catch(() => undefined);
  if (!stat?.isFile()) return false;
  if (!scope.replacesSealedReport || stat.size > MAX_REPORT_BYTES) return true;
  return !isSealedMarkdownReport(await fs.readFile(absolute, 'utf8').catch(() => ''));
}

/** Why `path` must not be written as an output of this run, or undefined. */
export async function outputRefusal(path: string, scope: OutputScope): Promise<string | undefined> {
  const absolute = resolve(path);
  if (absolute.endsWith(SIDECAR_SUFFIX)) return 'is a sidecar: an export never replaces one';
  if (basename(absolute) === CONFIG_FILE_NAME) return 'is the workspace config';
  if (scope.inputs.has(absolute) || (await exists(sidecarPathFor(absolute)))) return 'is a source: an export never replaces one';
  if (await isListedSource(absolute, scope)) return 'is a source (the sources globs of the workspace match it): an export never replaces one';
  if (!(await isInsideRoot(absolute, scope.root))) return `is outside the workspace ${scope.root}; write inside it${scope.folderOutput ? '' : ', or to standard output'}`;
  return writeTargetRefusal(absolute);
}

/** Writes an output file (creating its folder) after outputRefusal; a refusal stops the command (CliError, exit 2). */
export async function writeOutputFile(path: string, text: string, scope: OutputScope, shownAs: string = path): Promise<void> {
  const refusal = await outputRefusal(path, scope);
  if (refusal) throw new CliError(`--out ${shownAs} ${refusal}; nothing was written there`);
  await fs.mkdir(dirname(path), { recursive: true });
  await writeAtomically(path, text);
}
