import { relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { PreparedText } from '../../core/annotations/anchoring';
import { fixMovedAnchors, type FixResult } from '../../core/annotations/fix-anchors';
import { writeSidecarFile } from '../../core/annotations/sidecar-file';
import { nodeConfigFs } from '../../core/config/node-config-fs';
import { findConfig, loadConfigFile, type LoadedConfig } from '../../core/config/load-config';
import { defaultWorkspaceConfig, type WorkspaceConfig } from '../../core/config/workspace-config';
import { checkSidecarFile, type SidecarFileCheck } from '../../core/validation/check-file';
import type { Problem } from '../../core/validation/problem';
import { checkSidecar } from '../../core/validation/sidecar-checks';
import { collectTargets } from '../check/collect';
import { formatJson, formatSarif, formatText, type FileReport } from '../check/formats';
import { mapLimit } from '../check/limit';
import { CliError, EXIT, type CliOutput } from '../output';
import packageJson from '../../../package.json';

export const CHECK_HELP = `Usage: legal-annotator check [PATH...] [--format text|json|sarif] [--fix-anchors]

Validates sidecars (*.ann.yaml) against the JSON schema, the workspace taxonomy and the
source text they annotate, and validates .legal-annotator.yaml and the taxonomy file it
names. PATH is a folder (walked for sidecars and configs, skipping node_modules and .git),
a sidecar, a .legal-annotator.yaml, or a source (its sidecar is checked); default: the
current folder.

Options:
  --format text|json|sarif  text (default): path:line:column: severity code: message
                            json: [{ "file", "problems": [...] }]
                            sarif: SARIF 2.1.0 with a rule for every problem code
  --fix-anchors             store the new offsets of annotations whose quote moved, and
                            the new source hash once everything anchors; fuzzy and
                            orphaned annotations and files with errors are left alone
  -h, --help                show this help

Lines and columns are 1-based; columns count Unicode code points.
Exit: 0 clean (info only); 1 errors or warnings found; 2 could not run (bad usage,
missing or unreadable PATH).
`;

/** Files read at once: keeps both cores busy while parsing without opening thousands of files. */
const CONCURRENCY = 16;

interface SidecarOutcome {
  report: FileReport;
  fix?: FixResult;
}

export async function runCheck(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fix-anchors': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    output.out(CHECK_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new CliError(`unknown --format '${format}' (expected text, json or sarif)`);
  const fix = values['fix-anchors'];
  const cwd = process.cwd();
  const display = (path: string): string => relative(cwd, path).split(sep).join('/') || '.';

  const targets = await collectTargets(positionals.length > 0 ? positionals : ['.']);
  for (const source of targets.sourcesWithoutSidecar) output.err(`${source}: has no sidecar; nothing to check\n`);

  const configs = new ConfigCache();
  for (const path of targets.configs) void configs.load(path);
  const sidecarOutcomes = await mapLimit(targets.sidecars, CONCURRENCY, async (path) => {
    const config = await configs.forFile(path);
    const checked = await checkSidecarFile(path, { taxonomy: config.taxonomy, isListedSource: listedSourceTest(config) });
    return fix ? fixAnchors(checked, config, path) : { report: { file: display(path), problems: checked.problems } };
  });

  const configReports = new Map<string, Problem[]>();
  for (const loaded of await configs.all()) for (const file of loaded.files) configReports.set(file.path, file.problems);
  // One order for every format: by path, configs and sidecars together.
  const reports: FileReport[] = [
    ...[...configReports].map(([path, problems]) => ({ file: display(path), problems })),
    ...sidecarOutcomes.map((outcome) => outcome.report),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  if (fix) {
    const changes = describeFixes(sidecarOutcomes, targets.sidecars.map(display));
    if (format === 'text') output.out(changes);
    else output.err(changes);
  }
  if (format === 'text') output.out(formatText(reports));
  else if (format === 'json') output.out(formatJson(reports));
  else output.out(formatSarif(reports, { name: 'legal-annotator', version: packageJson.version }, cwd));

  const counts = { error: 0, warning: 0, info: 0 };
  for (const { problems } of reports) for (const p of problems) counts[p.severity]++;
  output.err(`${reports.length} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info\n`);
  return counts.error + counts.warning > 0 ? EXIT.problems : EXIT.ok;
}

/** Rewrites moved anchors of one checked sidecar, writes it, and checks the result again. */
async function fixAnchors(checked: SidecarFileCheck, config: WorkspaceConfig, path: string): Promise<SidecarOutcome> {
  const file = relative(process.cwd(), path).split(sep).join('/');
  const { doc, anchors, sourceState } = checked;
  // A file with any error (syntax, schema, duplicate id) is never written.
  if (!doc?.writable || !anchors || sourceState?.kind !== 'text') return { report: { file, problems: checked.problems } };
  const text = sourceState.text instanceof PreparedText ? sourceState.text : new PreparedText(sourceState.text);
  const result = fixMovedAnchors(doc, anchors, text);
  if (result.doc === doc) return { report: { file, problems: checked.problems } };
  await writeSidecarFile(path, result.doc);
  const after = checkSidecar({
    doc: result.doc,
    sidecarName: path.slice(path.lastIndexOf(sep) + 1),
    taxonomy: config.taxonomy,
    source: { kind: 'text', text },
    sourceListed: checked.problems.some((p) => p.code === 'source-not-listed') ? false : undefined,
  });
  return { report: { file, problems: after.problems }, fix: result };
}

function describeFixes(outcomes: readonly SidecarOutcome[], files: readonly string[]): string {
  let out = '';
  outcomes.forEach((outcome, index) => {
    if (!outcome.fix) return;
    for (const moved of outcome.fix.moved) {
      const what = moved.list === 'annotations' ? 'annotation' : 'dismissed claim';
      out += `${files[index]}: fixed ${what} ${moved.id}: ${moved.from.start}-${moved.from.end} -> ${moved.to.start}-${moved.to.end}\n`;
    }
    if (outcome.fix.hash) out += `${files[index]}: fixed sourceHash: ${outcome.fix.hash.to}\n`;
  });
  return out;
}

function listedSourceTest(config: WorkspaceConfig): ((sourcePath: string) => boolean) | undefined {
  if (!config.configPath) return undefined;
  const matches = picomatch(config.sources);
  return (sourcePath) => {
    const path = relative(config.root, sourcePath).split(sep).join('/');
    return !path.startsWith('../') && matches(path);
  };
}

/** Configs found and loaded once per folder and per file, shared by every sidecar under them. */
class ConfigCache {
  private readonly locations = new Map<string, Promise<WorkspaceConfig>>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();

  load(configPath: string): Promise<LoadedConfig> {
    let loading = this.loaded.get(configPath);
    if (!loading) this.loaded.set(configPath, (loading = loadConfigFile(configPath, nodeConfigFs)));
    return loading;
  }

  forFile(path: string): Promise<WorkspaceConfig> {
    const folder = path.slice(0, path.lastIndexOf(sep)) || sep;
    let config = this.locations.get(folder);
    if (!config) {
      config = findConfig(folder, nodeConfigFs).then(async (location) =>
        location.configPath ? (await this.load(location.configPath)).config : defaultWorkspaceConfig(location.root));
      this.locations.set(folder, config);
    }
    return config;
  }

  async all(): Promise<LoadedConfig[]> {
    return Promise.all(this.loaded.values());
  }
}
