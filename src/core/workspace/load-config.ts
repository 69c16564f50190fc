/**
 * Finding and loading the workspace config: walk up from a file or folder to the nearest
 * `.legal-annotator.yaml` (stopping at a repository root, the folder holding `.git`, or the
 * file system root), validate it and the taxonomy file it names against their schemas, and
 * resolve it. Problems come back per file, positioned in that file, never thrown.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { TaxonomyConfig } from '../taxonomy/taxonomy';
import type { Problem } from '../problems/problem';
import { hasErrors } from '../problems/problem';
import { validateYamlText, type ValidatedYaml } from '../sidecar/schema-validation';
import { locateNode, rangeAt } from '../sidecar/yaml-source';
import type { ConfigFs } from './config-fs';
import { unsafeGlobReason } from './glob-safety';
import { CONFIG_FILE_NAME, DEFAULT_INCIDENTS_PATH, defaultWorkspaceConfig, resolveWorkspaceConfig, type ConfigFileValue, type WorkspaceConfig } from './workspace-config';

export interface FileProblems {
  /** Absolute path of the file the problems are positioned in. */
  path: string;
  problems: Problem[];
}

export interface LoadedConfig {
  config: WorkspaceConfig;
  /** The config file and the taxonomy file it names (when it names one), each with its problems. */
  files: FileProblems[];
}

export interface ConfigLocation {
  /** Absolute path of the nearest config, if any. */
  configPath?: string;
  /** The config's folder; without a config, the repository root or else the folder the walk started in. */
  root: string;
}

/** Walks up from `start` (a file or a folder) to the nearest config. */
export async function findConfig(start: string, fs: ConfigFs): Promise<ConfigLocation> {
  const absolute = resolve(start);
  const first = (await fs.kind(absolute)) === 'directory' ? absolute : dirname(absolute);
  for (let folder = first; ; folder = dirname(folder)) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if ((await fs.kind(candidate)) === 'file') return { configPath: candidate, root: folder };
    // `.git` is a folder in a clone and a file in a worktree: either marks the repository root.
    if ((await fs.kind(join(folder, '.git'))) !== undefined) return { root: folder };
    if (dirname(folder) === folder) return { root: first };
  }
}

/** Finds and loads the config that applies to `start`. */
export async function loadConfigFor(start: string, fs: ConfigFs): Promise<LoadedConfig> {
  const location = await findConfig(start, fs);
  if (!location.configPath) return { config: defaultWorkspaceConfig(location.root), files: [] };
  return loadConfigFile(location.configPath, fs);
}

/** Loads one config file (and its taxonomy file). */
export async function loadConfigFile(configPath: string, fs: ConfigFs): Promise<LoadedConfig> {
  const path = resolve(configPath);
  const root = dirname(path);
  const read = await fs.readText(path);
  if (!read.ok) {
    const code = read.notText ? 'encoding' : 'unreadable-file';
    const problem: Problem = { code, severity: 'error', message: `${CONFIG_FILE_NAME} ${read.reason}; using the default settings`, line: 1, column: 1 };
    return { config: resolveWorkspaceConfig(root, path, undefined), files: [{ path, problems: [problem] }] };
  }
  const validated = validateYamlText(read.text, 'config');
  const configProblems = [...validated.problems];
  let value = hasErrors(configProblems) ? undefined : (validated.value as ConfigFileValue);
  if (value?.sources) {
    const refused = unsafeGlobProblems(value.sources, validated);
    configProblems.push(...refused.problems);
    value = { ...value, sources: refused.safe };
  }
  if (value?.incidents !== undefined && outside(root, resolve(root, value.incidents))) {
    const node = locateNode(validated.document, '/incidents').node;
    const message = `the incidents file "${value.incidents}" is outside the workspace (${root}); keep it inside the workspace. Using ${DEFAULT_INCIDENTS_PATH}`;
    configProblems.push({ code: 'incidents-outside-workspace', severity: 'error', message, ...rangeAt(validated.text, validated.lines, node?.range?.[0] ?? 0, node?.range?.[1] ?? 0) });
    value = { ...value, incidents: undefined };
  }
  if (value?.incidents !== undefined) configProblems.push(...(await missingIncidentsProblems(root, value.incidents, validated, fs)));
  const files: FileProblems[] = [{ path, problems: configProblems }];
  let taxonomyFile: TaxonomyConfig | undefined;
  if (typeof value?.taxonomy === 'string') {
    const loaded = await loadTaxonomyFile(root, value.taxonomy, validated, fs);
    configProblems.push(...loaded.configProblems);
    if (loaded.file) files.push(loaded.file);
    taxonomyFile = loaded.taxonomy;
  }
  return { config: resolveWorkspaceConfig(root, path, value, taxonomyFile), files };
}

async function loadTaxonomyFile(
  root: string,
  given: string,
  config: ValidatedYaml,
  fs: ConfigFs,
): Promise<{ configProblems: Problem[]; file?: FileProblems; taxonomy?: TaxonomyConfig }> {
  const node = locateNode(config.document, '/taxonomy').node;
  const at = rangeAt(config.text, config.lines, node?.range?.[0] ?? 0, node?.range?.[1] ?? 0);
  const path = resolve(root, given);
  const inside = relative(root, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    const message = `the taxonomy file "${given}" is outside the workspace (${root}); keep it inside the workspace. Using the default taxonomy`;
    return { configProblems: [{ code: 'taxonomy-outside-workspace', severity: 'error', message, ...at }] };
  }
  if (fs.realPath) {
    // A symbolic link inside the workspace may point anywhere: compare where both really are.
    const [realRoot, realPath] = await Promise.all([fs.realPath(root), fs.realPath(path)]);
    const really = realRoot && realPath ? relative(realRoot, realPath) : '';
    if (really.startsWith('..') || isAbsolute(really)) {
      const message = `the taxonomy file "${given}" is a symbolic link to ${realPath}, outside the workspace (${root}); keep it inside the workspace. Using the default taxonomy`;
      return { configProblems: [{ code: 'taxonomy-outside-workspace', severity: 'error', message, ...at }] };
    }
  }
  const read = await fs.readText(path);
  if (!read.ok && read.missing) {
    const message = `the taxonomy file "${given}" does not exist (looked for ${path}); fix the path. Using the default taxonomy`;
    return { configProblems: [{ code: 'taxonomy-not-found', severity: 'error', message, ...at }] };
  }
  if (!read.ok) {
    const problem: Problem = { code: read.notText ? 'encoding' : 'unreadable-file', severity: 'error', message: `the taxonomy file ${read.reason}; using the default taxonomy`, line: 1, column: 1 };
    return { configProblems: [], file: { path, problems: [problem] } };
  }
  const validated = validateYamlText(read.text, 'taxonomy');
  const problems = [...validated.problems];
  const taxonomy = hasErrors(problems) ? undefined : (validated.value as TaxonomyConfig);
  return { configProblems: [], file: { path, problems }, taxonomy };
}

/**
 * A warning at the `incidents:` key when the file it names does not exist: a typo in the path
 * would otherwise leave every incident unchecked without a word. A warning, not an error: the
 * editor creates the file there on the first "Add tag to incident…".
 */
async function missingIncidentsProblems(root: string, given: string, config: ValidatedYaml, fs: ConfigFs): Promise<Problem[]> {
  const path = resolve(root, given);
  if ((await fs.kind(path)) !== undefined) return [];
  const key = locateNode(config.document, '/incidents').key;
  const message = `the incidents file "${given}" does not exist (looked for ${path}); create it or fix the path`;
  return [{ code: 'incidents-not-found', severity: 'warning', message, ...rangeAt(config.text, config.lines, key?.range?.[0] ?? 0, key?.range?.[1] ?? 0) }];
}

/** Whether `path` lies outside the folder `root` (or is it). */
function outside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside);
}

/** Globs that could hang the matcher (glob-safety.ts) are reported at their position and left out. */
function unsafeGlobProblems(globs: readonly string[], config: ValidatedYaml): { safe: string[]; problems: Problem[] } {
  const safe: string[] = [];
  const problems: Problem[] = [];
  globs.forEach((glob, index) => {
    const reason = unsafeGlobReason(glob);
    if (!reason) {
      safe.push(glob);
      return;
    }
    const node = locateNode(config.document, `/sources/${index}`).node;
    const message = `the glob "${glob.length > 60 ? `${glob.slice(0, 57)}...` : glob}" ${reason}; it is ignored`;
    problems.push({ code: 'sources-glob-unsafe', severity: 'error', message, ...rangeAt(config.text, config.lines, node?.range?.[0] ?? 0, node?.range?.[1] ?? 0) });
  });
  return { safe, problems };
}
