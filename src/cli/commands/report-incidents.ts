/**
 * `report --by incident`: the case matrix of the workspace's incidents file. The sources its
 * evidence cites are loaded wherever they are in the workspace (PATH only chooses the
 * workspace), anchored, and each passage linked back to its line.
 */
import { generatedAt, sealedMarkdownReport } from '../../core/report/generated';
import { dirname, relative, resolve, sep } from 'node:path';
import { promises as fs } from 'node:fs';
import { loadAnnotatedSources as loadSidecars } from '../../core/interop/annotated-sources';
import { resolveSources } from '../../core/interop/export-input';
import { originResolver } from '../../core/incidents/corroboration';
import { citedSourcePath, loadWorkspaceIncidents } from '../../core/incidents/incidents-workspace';
import { buildCaseMatrix } from '../../core/report/case-matrix';
import { renderCaseMatrixHtml } from '../../core/report/case-matrix-html';
import { renderCaseMatrixMarkdown } from '../../core/report/case-matrix-markdown';
import { sidecarPathFor } from '../../core/sidecar/model';
import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import { writeOutputFile } from '../interop/output-guard';
import { configWarningLines } from '../config-warnings';
import { shown } from '../interop/load-sources';
import { CliError, EXIT, printDocument, printNote, type CliOutput } from '../output';

export const CASE_MATRIX_FORMATS = ['md', 'html', 'json'] as const;
export type CaseMatrixFormat = (typeof CASE_MATRIX_FORMATS)[number];

export async function runCaseMatrixReport(paths: readonly string[], format: CaseMatrixFormat, outGiven: string | undefined, output: CliOutput): Promise<number> {
  if (paths.length > 1) throw new CliError(`--by incident takes at most one PATH, the workspace (got ${paths.length})`);
  const loadedConfig = await loadConfigFor(paths[0] ?? '.', nodeConfigFs);
  const config = loadedConfig.config;
  for (const line of configWarningLines(loadedConfig.files)) printNote(output, line);
  const incidents = await loadWorkspaceIncidents(config);
  if (!incidents.doc) throw new CliError(`no incidents file: ${shown(incidents.path)} does not exist (set its path with incidents: in .legal-annotator.yaml)`);
  for (const problem of incidents.problems) printNote(output, `${shown(incidents.path)}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}: ${problem.message}`);
  if (!incidents.doc.file) {
    printNote(output, `${shown(incidents.path)} has errors; no case matrix written (legal-annotator check shows them all)`);
    return EXIT.problems;
  }
  const cited = [...new Set(incidents.doc.file.incidents.flatMap((incident) => (incident.evidence ?? []).map((e) => e.source)))];
  const sidecarPaths: string[] = [];
  for (const source of cited) {
    const path = await citedSourcePath(config.root, source);
    if (path && (await fs.lstat(sidecarPathFor(path)).catch(() => undefined))?.isFile()) sidecarPaths.push(sidecarPathFor(path));
  }
  const loaded = await loadSidecars({ sidecarPaths, root: config.root, shown, taxonomy: config.taxonomy });
  const sources = loaded.flatMap((one) => (one.kind === 'source' ? [one] : []));
  for (const one of loaded) if (one.kind === 'skipped') printNote(output, `${shown(one.sidecarPath)}: skipped: ${one.reason}`);
  const resolved = resolveSources(sources.map((one) => one.source));
  const matrix = buildCaseMatrix(incidents.doc.file.incidents, config.taxonomy, resolved, originResolver(config.origins), relative(config.root, incidents.path).split(sep).join('/'));

  const out = outGiven ? resolve(outGiven) : undefined;
  const from = out ? dirname(out) : process.cwd();
  const linkFor = (path: string, line: number | undefined) => `${relative(from, resolve(config.root, path)).split(sep).map(encodeURIComponent).join('/')}${line !== undefined ? `#L${line}` : ''}`;
  const generated = generatedAt();
  const text = format === 'json' ? `${JSON.stringify(matrix, null, 2)}\n` : format === 'md' ? sealedMarkdownReport(renderCaseMatrixMarkdown(matrix, { linkFor, generated })) : renderCaseMatrixHtml(matrix, { linkFor, generated });
  const inputs = new Set([incidents.path, ...sources.map((one) => one.absolutePath), ...sidecarPaths, ...(config.configPath ? [config.configPath] : [])]);
  if (out) await writeOutputFile(out, text, { root: config.root, inputs, sources: config.sources, replacesSealedReport: format === 'md' }, outGiven);
  else printDocument(output, text);
  const { summary } = matrix;
  printNote(output, `case matrix of ${summary.incidents} incident(s): ${summary.established} of ${summary.elements} element(s) established, ${summary.gaps} gap(s); written to ${out ? shown(out) : 'stdout'}`);
  const skipped = loaded.some((one) => one.kind === 'skipped');
  return incidents.problems.some((p) => p.severity === 'error') || skipped ? EXIT.problems : EXIT.ok;
}
