/**
 * The incidents files `check` validates: that of every config it found, that of the workspace
 * of every folder it was given (the nearest config up from it, or the folder itself without
 * one), and an incidents file given by name, each once. A workspace without an incidents file has nothing to check here.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { loadWorkspaceIncidents } from '../../core/incidents/incidents-workspace';
import { loadConfigFile, loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import type { FileReport } from './formats';
import { displayPath } from './run-sidecars';

export interface IncidentChecks {
  reports: FileReport[];
  /** The files given by name that are an incidents file (absolute): checked here, so not "a source without a sidecar". */
  given: Set<string>;
}

/**
 * Checks the incidents file of each config found, of each folder's workspace, and each file
 * given by name (`files`) that is its workspace's incidents file.
 */
export async function checkIncidentFiles(configs: readonly string[], folders: readonly string[], files: readonly string[] = []): Promise<IncidentChecks> {
  const workspaces = new Map<string, WorkspaceConfig>();
  const add = (config: WorkspaceConfig) => {
    if (!workspaces.has(config.incidentsPath)) workspaces.set(config.incidentsPath, config);
  };
  for (const path of configs) add((await loadConfigFile(path, nodeConfigFs)).config);
  for (const folder of folders) add((await loadConfigFor(resolve(folder), nodeConfigFs)).config);
  const given = new Set<string>();
  for (const file of files) {
    const { config } = await loadConfigFor(resolve(file), nodeConfigFs);
    if (config.incidentsPath !== resolve(file)) continue;
    given.add(resolve(file));
    add(config);
  }
  const reports: FileReport[] = [];
  for (const [path, config] of workspaces) {
    if (!(await isFile(path))) continue;
    const loaded = await loadWorkspaceIncidents(config);
    reports.push({ file: displayPath(path), problems: loaded.problems });
  }
  return { reports, given };
}

async function isFile(path: string): Promise<boolean> {
  return (await fs.lstat(path).catch(() => undefined))?.isFile() ?? false;
}
