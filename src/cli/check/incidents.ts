/**
 * The incidents files `check` validates: that of every config it found, and that of the
 * workspace of every folder it was given (the nearest config up from it, or the folder itself
 * without one), each once. A workspace without an incidents file has nothing to check here.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { loadWorkspaceIncidents } from '../../core/incidents/incidents-workspace';
import { loadConfigFile, loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import type { FileReport } from './formats';
import { displayPath } from './run-sidecars';

export async function checkIncidentFiles(configs: readonly string[], folders: readonly string[]): Promise<FileReport[]> {
  const workspaces = new Map<string, WorkspaceConfig>();
  const add = (config: WorkspaceConfig) => {
    if (!workspaces.has(config.incidentsPath)) workspaces.set(config.incidentsPath, config);
  };
  for (const path of configs) add((await loadConfigFile(path, nodeConfigFs)).config);
  for (const folder of folders) add((await loadConfigFor(resolve(folder), nodeConfigFs)).config);
  const reports: FileReport[] = [];
  for (const [path, config] of workspaces) {
    if (!(await isFile(path))) continue;
    const loaded = await loadWorkspaceIncidents(config);
    reports.push({ file: displayPath(path), problems: loaded.problems });
  }
  return reports;
}

async function isFile(path: string): Promise<boolean> {
  return (await fs.lstat(path).catch(() => undefined))?.isFile() ?? false;
}
