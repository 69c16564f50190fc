/**
 * "Legal Annotator: Export annotations...": a quick pick of the format, then a save dialog (a
 * folder for brat); nothing is written anywhere the user did not choose. The formats are the
 * CLI's (`legal-annotator export`), from the same core, over the sidecars as saved on disk.
 * Tests (and keybindings) may pass `{ format, target }` to skip the two questions.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { bratAnnotationConf, bratVisualConf, exportBratSource } from '../core/interop/brat';
import { bratCopyNames, bratExportFiles, bratFolderRefusal, bratPairFiles, bratRefusalMessage, type BratFile, type BratPair } from '../core/interop/brat-folder';
import { exportCsv } from '../core/interop/csv';
import { resolveSources, type ExportWarning } from '../core/interop/export-input';
import { exportW3cCollection, exportW3cJsonl } from '../core/interop/w3c';
import { incidentsForExport } from '../core/incidents/incidents-workspace';
import { COMMANDS } from './constants';
import { collectWorkspaceSources } from './exportSources';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';

export type ExportFormat = 'w3c' | 'w3c-jsonl' | 'brat' | 'csv' | 'csv-bom';

export interface ExportArgs {
  format?: ExportFormat;
  /** A file (or, for brat, a folder). */
  target?: vscode.Uri;
}

export interface ExportOutcome {
  count: number;
  target: vscode.Uri;
  warnings: string[];
}

interface FormatChoice extends vscode.QuickPickItem {
  format: ExportFormat;
  fileName?: string;
  filters?: Record<string, string[]>;
}

const CHOICES: FormatChoice[] = [
  { format: 'w3c', label: 'W3C Web Annotation (JSON-LD collection)', description: '.jsonld', detail: 'An AnnotationCollection for annotation servers and other tools; targets with TextQuote and TextPosition selectors', fileName: 'annotations.jsonld', filters: { 'JSON-LD': ['jsonld', 'json'] } },
  { format: 'w3c-jsonl', label: 'W3C Web Annotation (JSON Lines)', description: '.jsonl', detail: 'One Annotation per line', fileName: 'annotations.jsonl', filters: { 'JSON Lines': ['jsonl'] } },
  { format: 'brat', label: 'brat standoff', description: 'folder', detail: 'A copy of each source as .txt with its .ann, plus annotation.conf and visual.conf, for brat and INCEpTION' },
  { format: 'csv', label: 'CSV', description: '.csv', detail: 'One row per tag, RFC 4180, UTF-8', fileName: 'annotations.csv', filters: { CSV: ['csv'] } },
  { format: 'csv-bom', label: 'CSV for spreadsheet programs', description: '.csv, UTF-8 with BOM', detail: 'The same rows; the byte order mark makes Excel read UTF-8', fileName: 'annotations.csv', filters: { CSV: ['csv'] } },
];

export function registerExportCommand(context: vscode.ExtensionContext, configs: WorkspaceConfigService, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.exportAnnotations, async (args?: ExportArgs): Promise<ExportOutcome | undefined> => {
      try {
        return await exportAnnotations(configs, log, args ?? {});
      } catch (error) {
        log.error('export failed', error);
        void vscode.window.showErrorMessage(`Legal Annotator: export failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
}

/**
 * The files of a brat export into `folder` (annotation.conf first, listing what the others hold),
 * or a throw before anything is written where one would replace a file the export did not make,
 * or a link or special file, in the CLI's words (bratFolderRefusal).
 */
async function bratFilesToWrite(folder: string, pairs: readonly BratPair[], confs: { annotationConf: string; visualConf: string }): Promise<BratFile[]> {
  const checked = await bratFolderRefusal(folder, bratPairFiles(pairs));
  if ('refused' in checked) throw new Error(bratRefusalMessage(vscode.workspace.asRelativePath(vscode.Uri.file(checked.refused.path)), checked.refused.reason));
  return bratExportFiles(folder, pairs, confs, checked.replaced);
}

async function exportAnnotations(configs: WorkspaceConfigService, log: Log, args: ExportArgs): Promise<ExportOutcome | undefined> {
  const choice = args.format ? CHOICES.find((c) => c.format === args.format) : await vscode.window.showQuickPick(CHOICES, { title: 'Export annotations', placeHolder: 'Format' });
  if (!choice) return undefined;
  const collected = await collectWorkspaceSources(configs);
  if (!collected) {
    void vscode.window.showWarningMessage('Legal Annotator: open a folder to export its annotations.');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders![0].uri;
  let target = args.target;
  if (!target) {
    target = choice.format === 'brat'
      ? (await vscode.window.showOpenDialog({ title: 'Export annotations as brat standoff into…', canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', defaultUri: folder }))?.[0]
      : await vscode.window.showSaveDialog({ title: 'Export annotations', defaultUri: vscode.Uri.joinPath(folder, choice.fileName!), filters: choice.filters, saveLabel: 'Export' });
  }
  if (!target) return undefined;

  const resolved = resolveSources(collected.sources);
  const taxonomy = collected.config.taxonomy;
  let count: number;
  let warnings: ExportWarning[];
  const notices: string[] = [];
  const encoder = new TextEncoder();
  if (choice.format === 'brat') {
    const sources = new Set([...collected.absolute.values()].map((p) => vscode.Uri.file(p).toString()));
    const names = bratCopyNames(resolved.map((r) => r.source.path));
    const planned = resolved.map((r, i) => ({ r, stem: vscode.Uri.joinPath(target!, ...names[i]!.name.split('/')) }));
    for (const { renamed } of names) if (renamed) notices.push(renamed);
    const clash = planned.find(({ stem }) => sources.has(stem.with({ path: `${stem.path}.txt` }).toString()));
    if (clash) throw new Error(`the copy of ${clash.r.source.path} would overwrite the source itself; choose a folder outside the sources`);
    if (target.scheme !== 'file') throw new Error('a brat export is written into a folder on disk; choose one');
    const exported = planned.map(({ r, stem }) => ({ stem: stem.fsPath, text: r.source.text, exported: exportBratSource(r) }));
    const pairs = exported.map(({ stem, text, exported: { ann } }) => ({ stem, text, ann }));
    const files = await bratFilesToWrite(target.fsPath, pairs, { annotationConf: bratAnnotationConf(taxonomy), visualConf: bratVisualConf(taxonomy) });
    for (const { path, text } of files) {
      const uri = vscode.Uri.file(path);
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(path)));
      await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    }
    count = exported.reduce((sum, { exported: { count: n } }) => sum + n, 0);
    warnings = exported.flatMap(({ exported: { warnings: w } }) => w);
  } else {
    const { incidents, unread } = await incidentsForExport(collected.config);
    if (unread) notices.push(`${vscode.workspace.asRelativePath(unread)}: has errors; exported without its incidents (see its Problems)`);
    const exported = choice.format === 'csv' || choice.format === 'csv-bom'
      ? exportCsv(resolved, taxonomy, { bom: choice.format === 'csv-bom', incidents })
      : choice.format === 'w3c-jsonl' ? exportW3cJsonl(resolved, taxonomy, { incidents }) : exportW3cCollection(resolved, taxonomy, { incidents });
    ({ count, warnings } = exported);
    await vscode.workspace.fs.writeFile(target, encoder.encode(exported.text));
  }
  const lines = [...collected.skipped, ...notices, ...warnings.map((w) => `${w.path}: ${w.id}: ${w.message}`)];
  for (const line of lines) log.warn(`export: ${line}`);
  const where = vscode.workspace.asRelativePath(target);
  log.info(`exported ${count} annotation(s) of ${collected.sources.length} source(s) as ${choice.format} to ${target.fsPath}`);
  const message = `Exported ${count} annotation${count === 1 ? '' : 's'} of ${collected.sources.length} source${collected.sources.length === 1 ? '' : 's'} to ${where}${lines.length > 0 ? ` (${lines.length} problem${lines.length === 1 ? '' : 's'}: see the log)` : ''}.`;
  if (!args.target) {
    void vscode.window.showInformationMessage(message, ...(choice.format === 'brat' ? [] : ['Open'])).then((picked) => {
      if (picked === 'Open') void vscode.window.showTextDocument(target!);
    });
  }
  return { count, target, warnings: lines };
}
