/**
 * Which source files a command's PATH arguments name. A folder holds the files the `sources`
 * globs of the config in force there match (`.legal-annotator.yaml`; without one, every
 * `*.txt` and `*.md`), as `check --claims` reads it; a glob the shell did not expand (quoted,
 * as eslint and cspell users quote theirs) is expanded here; `-` is standard input.
 */
import { promises as fs, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SIDECAR_SUFFIX, sourcePathFor } from '../core/sidecar/model';
import { CONFIG_FILE_NAME, type WorkspaceConfig } from '../core/workspace/workspace-config';
import { SKIPPED_FOLDER_GLOBS, SKIPPED_FOLDER_NAMES } from '../core/files/skipped-folders';
import { walkFiles, type WalkOptions } from '../core/files/walk-files';
import { CliError } from './output';


/** The PATH argument that means standard input, and the file name its results are printed under. */
const STDIN_ARGUMENT = '-';
export const STDIN_NAME = '<stdin>';

/** A source to read: a file (`shown` is how its name is printed) or standard input. */
export type SourceInput = { kind: 'file'; shown: string; path: string } | { kind: 'stdin'; shown: typeof STDIN_NAME };

/**
 * The sources `given` names, in the order given, each file once (folders and globs sorted).
 * A missing path, a glob that matches nothing and a folder without sources stop the command
 * (CliError, exit 2) before anything is read: a typo must not pass as "nothing found".
 */
export async function expandSourcePaths(given: readonly string[], configFor: (path: string) => Promise<WorkspaceConfig>): Promise<SourceInput[]> {
  const inputs: SourceInput[] = [];
  const seen = new Set<string>();
  const add = (shown: string, path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ kind: 'file', shown, path });
  };
  for (const argument of given) {
    if (argument === STDIN_ARGUMENT) {
      if (!seen.has(STDIN_NAME)) inputs.push({ kind: 'stdin', shown: STDIN_NAME });
      seen.add(STDIN_NAME);
      continue;
    }
    const kind = await pathKind(argument);
    if (kind === 'file') {
      const source = await sourceNamedBy(argument);
      add(source, resolve(source));
    }
    else if (kind === 'folder') {
      const folder = resolve(argument);
      const config = await configFor(join(folder, CONFIG_FILE_NAME));
      const sources = await sourcesInFolder(folder, config, argument);
      if (sources.length === 0) throw new CliError(`${argument}: no sources in this folder (${describeSources(config)})`);
      for (const path of sources) add(join(argument, relative(folder, path)), path);
    } else if (isDynamicPattern(argument)) {
      const matches = await globSources(argument);
      if (matches.length === 0) throw new CliError(`${argument}: no file matches this glob`);
      for (const match of matches) add(match, resolve(match));
    } else {
      throw new CliError(`${argument}: no such file or folder`);
    }
  }
  return inputs;
}

/**
 * The source a FILE argument (an existing file) names, for the commands that read a source
 * (`scan`, `tag`): a sidecar names its source, as `untag` and `status` take a source or its
 * sidecar, so `scan *` and `tag report.txt.ann.yaml` act on report.txt; a config is no source.
 * A config, or a sidecar whose source does not exist, stops the command (CliError, exit 2).
 */
export async function sourceNamedBy(given: string): Promise<string> {
  if (basename(given) === CONFIG_FILE_NAME) throw new CliError(`${given}: is the workspace config, not a source; give a source file`);
  const source = sourcePathFor(given);
  if (source === undefined) return given;
  if ((await pathKind(source)) !== 'file') throw new CliError(`${given}: is a sidecar and its source ${source} does not exist; give a source file`);
  return source;
}

/**
 * The stat of the PATH argument `given` (read at `path`, `given` itself unless told); a PATH that
 * does not exist or cannot be read stops the command (CliError, exit 2), named as given.
 */
export async function statPathArgument(given: string, path: string = given): Promise<Stats> {
  try {
    return await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${given}: ${code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? (error as Error).message})`}`);
  }
}

/** Whether `path` is a sidecar or a config: never a source, whatever a glob matches. */
function isSidecarOrConfig(path: string): boolean {
  return path.endsWith(SIDECAR_SUFFIX) || basename(path) === CONFIG_FILE_NAME;
}

/**
 * Absolute paths of the sources under `folder`, sorted: the files the config's `sources` globs
 * match (relative to the config's folder), never a sidecar or a config. `shown` names the
 * folder in an error.
 */
export async function sourcesInFolder(folder: string, config: WorkspaceConfig, shown: string): Promise<string[]> {
  const isSource = picomatch(config.sources);
  const walked = await walkFolder(folder, shown, { dot: false, accept: () => true });
  return walked
    .filter((path) => !isSidecarOrConfig(path))
    .filter((path) => isSource(relative(config.root, path).split(sep).join('/')));
}

/**
 * The files a glob matches, sorted, named as the glob is (absolute or relative to the current
 * folder); sidecars and configs left out. The walk starts at the glob's fixed leading folders,
 * so that node_modules and .git are skipped below them whether the glob is absolute or not.
 */
async function globSources(pattern: string): Promise<string[]> {
  const segments = pattern.split('/');
  const firstWild = segments.findIndex((segment) => /[*?[\]{}()!+@]/u.test(segment));
  const base = firstWild === 1 && segments[0] === '' ? '/' : segments.slice(0, firstWild).join('/') || '.';
  const rest = segments.slice(firstWild).join('/');
  const matches = await glob(rest, { cwd: base, dot: false, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false, ignore: [...SKIPPED_FOLDER_GLOBS] });
  return matches
    .map((match) => join(base, match))
    .filter((path) => !isSidecarOrConfig(path))
    .sort();
}

/**
 * The files of a folder walk (walkFiles: symbolic links to folders not followed, node_modules and
 * .git skipped), sorted. A folder in it that cannot be listed stops the command (CliError, exit
 * 2), naming each: a part of the tree left unread must not pass as checked.
 */
export async function walkFolder(folder: string, shown: string, options: Omit<WalkOptions, 'skipFolders'>): Promise<string[]> {
  const walked = await walkFiles(folder, { ...options, skipFolders: SKIPPED_FOLDER_NAMES });
  if (walked.unreadable.length > 0) {
    throw new CliError(walked.unreadable.map(({ path, reason }) => `${path === folder ? shown : join(shown, relative(folder, path))}: ${reason}`));
  }
  return walked.files;
}

function describeSources(config: WorkspaceConfig): string {
  const globs = config.sources.join(', ');
  return config.configPath ? `the sources globs of ${config.configPath}: ${globs}` : `no ${CONFIG_FILE_NAME}; sources are ${globs}`;
}

async function pathKind(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    return (await fs.stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CliError(`${path}: cannot be read (${code ?? (error as Error).message})`);
  }
}
