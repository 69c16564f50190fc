import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { bratAnnotationConf, bratVisualConf, exportBratSource } from '../../core/interop/brat';
import { bratConfPaths, bratCopyNames, bratExportFiles, bratFolderRefusal, bratPairFiles, bratRefusalMessage } from '../../core/interop/brat-folder';
import { exportCsv } from '../../core/interop/csv';
import { resolveSources, type ExportWarning, type ResolvedSource } from '../../core/interop/export-input';
import { normalizeBase } from '../../core/interop/iri';
import { exportW3cCollection, exportW3cJsonl } from '../../core/interop/w3c';
import { incidentsForExport } from '../../core/incidents/incidents-workspace';
import type { Incident } from '../../core/incidents/model';
import type { WorkspaceConfig } from '../../core/workspace/workspace-config';
import { joinPosix, loadAnnotatedSources, shown } from '../interop/load-sources';
import { outputRefusal, writeOutputFile, type OutputScope } from '../interop/output-guard';
import { CliError, EXIT, printDocument, printNote, type CliOutput } from '../output';
import { parseCommandArgs, unknownChoice } from '../args';

export const EXPORT_HELP = `Usage: legal-annotator export --format w3c|brat|csv [PATH...] [--out FILE|DIR]
                             [--jsonl] [--base URI] [--bom] [--raw]

Exports the annotations of sidecars (*.ann.yaml) for other tools. PATH is a folder (walked
for sidecars, skipping node_modules and .git), a sidecar, or a source with a sidecar;
default: the current folder. Tags are exported where they anchor in the source now.

Formats:
  w3c   W3C Web Annotation JSON-LD: an AnnotationCollection (annotations in first.items),
        or with --jsonl one Annotation per line. Target: the source IRI (file:///... or
        --base + the path in the workspace) with a TextQuoteSelector and a
        TextPositionSelector (code points). To --out FILE, or stdout.
  brat  brat standoff, into --out DIR (required): per source a copy of its text
        (<name>.txt) and <name>.ann, plus annotation.conf and visual.conf from the taxonomy;
        a file there that an earlier export did not make is never replaced.
  csv   one row per tag (file,id,category,label,legal_basis,quote,start,end,line,note,
        author,status,created,anchor,current_text,incident,elements), RFC 4180, UTF-8.
        To --out FILE, or stdout.
  The workspace's incidents file (incidents.yaml) adds, in w3c, one Annotation with
  motivation linking per evidence link (target: the tag's Annotation; body: the incident's
  IRI urn:legal-annotator:incident:<id> and the elements), and in csv the incident and
  elements columns.

Options:
  --out FILE|DIR  where to write (a folder for brat), inside the workspace; never a sidecar,
                  a source or the config
  --jsonl         w3c: one Annotation per line instead of a collection
  --base URI      w3c: build IRIs from this base (https://example.org/corpus/) instead of
                  file:///...; annotation ids become <base><path>.ann.yaml#<id>
  --bom           csv: start with a UTF-8 byte order mark (for spreadsheet programs)
  --raw           csv: write cells as they are; by default a cell that begins with = + - @,
                  a tab or a carriage return gets a leading ' so a spreadsheet shows it as text
  -h, --help      show this help

Exit: 0 exported; 1 exported with problems (a sidecar with errors or a missing source was
skipped, a tag was orphaned or only approximately found: see stderr); 2 could not run.
`;

type Format = 'w3c' | 'brat' | 'csv';

export async function runExport(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string' },
    out: { type: 'string' },
    jsonl: { type: 'boolean', default: false },
    base: { type: 'string' },
    bom: { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(EXPORT_HELP);
    return EXIT.ok;
  }
  const format = values.format as Format | undefined;
  if (format !== 'w3c' && format !== 'brat' && format !== 'csv') {
    throw new CliError(format === undefined ? '--format is required: w3c, brat or csv (see legal-annotator export --help)' : unknownChoice('--format', format, ['w3c', 'brat', 'csv']).message);
  }
  if (values.jsonl && format !== 'w3c') throw new CliError('--jsonl is for --format w3c');
  if (values.base !== undefined && format !== 'w3c') throw new CliError('--base is for --format w3c');
  if (values.bom && format !== 'csv') throw new CliError('--bom is for --format csv');
  if (values.raw && format !== 'csv') throw new CliError('--raw is for --format csv');
  if (format === 'brat' && !values.out) throw new CliError('--format brat writes several files: give --out DIR');
  let base: string | undefined;
  if (values.base !== undefined) {
    try {
      base = normalizeBase(values.base);
    } catch (error) {
      throw new CliError(`--base: ${(error as Error).message}`);
    }
  }

  const loaded = await loadAnnotatedSources(positionals, base);
  for (const line of [...loaded.configWarnings, ...loaded.withoutSidecar, ...loaded.skipped]) printNote(output, line);
  const resolved = resolveSources(loaded.sources);
  const taxonomy = loaded.config.taxonomy;
  let count: number;
  let warnings: ExportWarning[];
  let where: string;
  let incidentsUnread = false;

  const scope: OutputScope = { root: loaded.config.root, inputs: new Set(loaded.absolutePaths), sources: loaded.config.sources };
  if (format === 'brat') {
    const folder = resolve(values.out!);
    const planned = plannedBratFiles(resolved, folder, output);
    // The folder's files answer to the brat rule (never over a file an export did not make), not
    // to the sources globs: its copies are `.txt` files, which the globs may well match.
    const bratScope: OutputScope = { ...scope, sources: [], folderOutput: true };
    const exported = planned.map(({ r, stem }) => ({ stem, text: r.source.text, exported: exportBratSource(r) }));
    const pairs = exported.map(({ stem, text, exported: { ann } }) => ({ stem, text, ann }));
    const confs = { annotationConf: bratAnnotationConf(taxonomy), visualConf: bratVisualConf(taxonomy) };
    const files = bratPairFiles(pairs);
    for (const path of [...bratConfPaths(folder), ...files.map((file) => file.path)]) {
      const clash = await outputRefusal(path, bratScope);
      if (clash) throw new CliError(`--out ${values.out}: ${bratRefusalMessage(shown(path), clash)}`);
    }
    const checked = await bratFolderRefusal(folder, files);
    if ('refused' in checked) throw new CliError(`--out ${values.out}: ${bratRefusalMessage(shown(checked.refused.path), checked.refused.reason)}`);
    // annotation.conf first: it lists what the others will hold, and what they held before.
    await fs.mkdir(folder, { recursive: true });
    for (const { path, text } of bratExportFiles(folder, pairs, confs, checked.replaced)) await writeOutputFile(path, text, bratScope, shown(path));
    count = exported.reduce((sum, { exported: { count: n } }) => sum + n, 0);
    warnings = exported.flatMap(({ exported: { warnings: w } }) => w);
    where = `${shown(folder)}/`;
  } else {
    const { incidents, unread } = await exportedIncidents(loaded.config, output);
    incidentsUnread = unread;
    const exported = format === 'csv'
      ? exportCsv(resolved, taxonomy, { bom: values.bom, raw: values.raw, incidents })
      : values.jsonl ? exportW3cJsonl(resolved, taxonomy, { base, incidents }) : exportW3cCollection(resolved, taxonomy, { base, incidents });
    ({ count, warnings } = exported);
    if (values.out) {
      await writeOutputFile(resolve(values.out), exported.text, scope, values.out);
      where = shown(resolve(values.out));
    } else {
      printDocument(output, exported.text);
      where = 'stdout';
    }
  }
  for (const warning of warnings) printNote(output, `${warning.path}: ${warning.id}: ${warning.message}`);
  printNote(output, `exported ${count} annotation(s) of ${loaded.sources.length} source(s) as ${format}${values.jsonl ? ' (JSON Lines)' : ''} to ${where}`);
  return loaded.skipped.length > 0 || warnings.length > 0 || incidentsUnread ? EXIT.problems : EXIT.ok;
}

/** The workspace's incidents for the export; when its file has errors, none, said on stderr (exit 1). */
async function exportedIncidents(config: WorkspaceConfig, output: CliOutput): Promise<{ incidents?: readonly Incident[]; unread: boolean }> {
  const { incidents, unread } = await incidentsForExport(config);
  if (unread) printNote(output, `${shown(unread)}: has errors; exported without its incidents (legal-annotator check shows them)`);
  return { incidents, unread: unread !== undefined };
}

/**
 * Where each source's `.txt` copy and `.ann` go: its workspace path without `.txt`. Two sources
 * that would share a name (`x` and `x.txt`) get distinct ones (`x~2`), said on standard error,
 * so that neither is lost.
 */
function plannedBratFiles(resolved: readonly ResolvedSource[], folder: string, output: CliOutput): { r: ResolvedSource; stem: string }[] {
  const names = bratCopyNames(resolved.map((r) => r.source.path));
  return resolved.map((r, i) => {
    const { name, renamed } = names[i]!;
    if (renamed) printNote(output, renamed);
    return { r, stem: joinPosix(folder, name) };
  });
}
