/**
 * The one cache of workspace configs, for the CLI and the editor: the config that applies to a
 * folder is found once per folder (findConfig), and each config file is loaded once however many
 * folders it covers, so every source under one config shares one taxonomy object (the claim
 * detector's matcher cache is keyed on it). `prepare` turns a load into what the caller keeps
 * (the CLI keeps the load itself; the editor adds its lexicon and Restricted Mode).
 */
import { dirname, resolve } from 'node:path';
import type { ConfigFs } from './config-fs';
import { findConfig, loadConfigFile, type ConfigLocation, type LoadedConfig } from './load-config';
import { nodeConfigFs } from './node-config-fs';
import { defaultWorkspaceConfig, type WorkspaceConfig } from './workspace-config';

/** The key of a folder without a config file in `byConfig`, before its path. */
const DEFAULTS_KEY = 'defaults:';

export interface ConfigResolverOptions<T> {
  prepare: (loaded: LoadedConfig, location: ConfigLocation) => T;
  fs?: ConfigFs;
  /** Told of a failure to find or load a config; the defaults stand in. */
  onError?: (what: string, error: unknown) => void;
}

export class ConfigResolver<T> {
  private readonly byFolder = new Map<string, Promise<T>>();
  private readonly byConfig = new Map<string, Promise<T>>();
  private readonly fs: ConfigFs;

  constructor(private readonly options: ConfigResolverOptions<T>) {
    this.fs = options.fs ?? nodeConfigFs;
  }

  /** What applies to the file at `path` (its folder's config). */
  forFile(path: string): Promise<T> {
    return this.forFolder(dirname(path));
  }

  forFolder(folder: string): Promise<T> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.locate(folder).then((location) => this.forLocation(location));
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** A config file named explicitly (check's PATH), loaded once with the others. */
  forConfigFile(configPath: string): Promise<T> {
    const path = resolve(configPath);
    return this.forLocation({ configPath: path, root: dirname(path) });
  }

  /** Everything loaded so far. */
  all(): Promise<T[]> {
    return Promise.all(this.byConfig.values());
  }

  /** The paths of the config files loaded so far (not the folders that have none). */
  configFiles(): string[] {
    return [...this.byConfig.keys()].filter((key) => !key.startsWith(DEFAULTS_KEY));
  }

  /** Forgets everything (a config file changed). */
  clear(): void {
    this.byFolder.clear();
    this.byConfig.clear();
  }

  private async locate(folder: string): Promise<ConfigLocation> {
    try {
      return await findConfig(folder, this.fs);
    } catch (error) {
      this.options.onError?.(`could not look for the config above ${folder}`, error);
      return { root: folder };
    }
  }

  private forLocation(location: ConfigLocation): Promise<T> {
    const key = location.configPath ?? `${DEFAULTS_KEY}${location.root}`;
    let loaded = this.byConfig.get(key);
    if (!loaded) {
      loaded = this.load(location).then((result) => this.options.prepare(result, location));
      this.byConfig.set(key, loaded);
    }
    return loaded;
  }

  private async load(location: ConfigLocation): Promise<LoadedConfig> {
    if (!location.configPath) return { config: defaultWorkspaceConfig(location.root), files: [] };
    try {
      return await loadConfigFile(location.configPath, this.fs);
    } catch (error) {
      this.options.onError?.(`could not load ${location.configPath}`, error);
      return { config: defaultWorkspaceConfig(location.root), files: [] };
    }
  }
}

/** `resolver.forFile` as a function, for the callers that take one (reviewWorkspace's configFor). */
export function configForFile<T>(resolver: ConfigResolver<T>): (path: string) => Promise<T> {
  return (path) => resolver.forFile(path);
}

/** The resolver the CLI and the claim review use: each file's WorkspaceConfig. */
export function workspaceConfigResolver(fs?: ConfigFs): ConfigResolver<WorkspaceConfig> {
  return new ConfigResolver({ prepare: (loaded) => loaded.config, fs });
}
