import { resolve } from 'node:path';
import type { Problem } from '../../core/problems/problem';
import { collectTargets, foldersWithNothing, type CheckTargets } from '../check/collect';
import { formatJson, formatSarif, formatText, type FileReport } from '../check/formats';
import { checkSidecarPaths, displayPath, type SidecarOutcome } from '../check/run-sidecars';
import { corpusPart, parseShard, type CorpusPart } from '../check/shard';
import { checkInWorkers, MIN_SIDECARS_FOR_WORKERS, threadCount } from '../check/workers';
import { checkIncidentFiles } from '../check/incidents';
import { CliError, EXIT, printNote, type CliContext, type CliOutput } from '../output';
import { CLI_VERSION } from '../version';
import { visibleControls } from '../../core/text/visible';
import { painter } from '../colour';
import { parseCommandArgs, unknownChoice } from '../args';

export const CHECK_HELP = `Usage: legal-annotator check [PATH...] [--format text|json|sarif] [--fix-anchors]
                             [--claims [--max-untagged N] [--claims-as-errors]]
                             [--shard I/N]

Validates sidecars (*.ann.yaml) against the JSON schema, the workspace taxonomy and the
source text they annotate, and validates .legal-annotator.yaml, the taxonomy file it names
and its incidents file (incidents.yaml: categories, elements, the sources and tags its
evidence cites). PATH is a folder (walked for sidecars and configs, skipping node_modules and .git),
a sidecar, a .legal-annotator.yaml, or a source (its sidecar is checked); default: the
current folder.

Options:
  --format text|json|sarif  text (default): path:line:column: severity code: message
                            json: [{ "file", "problems": [...] }]
                            sarif: SARIF 2.1.0 with a rule for every problem code
  --fix-anchors             store the new offsets of annotations whose quote moved (found
                            exactly elsewhere, in its own context), and the new source
                            hash once everything anchors; fuzzy and orphaned annotations
                            and files with errors are left alone
  --claims                  also report untagged claims (code untagged-claim) in the
                            sources: those of the sidecars, those given, and in a folder
                            every file the sources globs of its .legal-annotator.yaml
                            match (without one, every *.txt and *.md), as scan walks it;
                            severity: the config's claims.severity (default warning),
                            info for low-confidence claims. They do not change the exit
                            code unless:
  --max-untagged N          more than N untagged claims (high confidence) exit 1
  --claims-as-errors        untagged claims are errors (exit 1 if any)
  --shard I/N               check only the I-th of N parts (1 <= I <= N): N jobs running
                            the same command, I = 1..N, check every file exactly once.
                            A file's part is a hash of its path relative to the workspace
                            root, so it never changes as files come and go; a source goes
                            with its sidecar; configs and taxonomy files go to part 1
  -h, --help                show this help

Lines and columns are 1-based; columns count Unicode code points.
A folder under which nothing was found to check is said on stderr ("no sidecars, configs
or sources found under PATH"); the exit code stays 0 for it.
Exit: 0 clean (info only); 1 errors or warnings found; 2 could not run (bad usage,
missing or unreadable PATH).
`;

/**
 * The claims checks, required only for --claims: the claim detector and its sentence splitter
 * are a tenth of check's start-up, which a check of sidecars alone does not need.
 */
function claimsModule(): typeof import('../check/claims') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required when --claims is given; the types come from the module
  return require('../check/claims') as typeof import('../check/claims');
}

export async function runCheck(args: string[], output: CliOutput, context: CliContext = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', default: 'text' },
    'fix-anchors': { type: 'boolean', default: false },
    claims: { type: 'boolean', default: false },
    'max-untagged': { type: 'string' },
    'claims-as-errors': { type: 'boolean', default: false },
    shard: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(CHECK_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw unknownChoice('--format', format, ['text', 'json', 'sarif']);
  const fix = values['fix-anchors'];
  const cwd = process.cwd();
  const withClaims = values.claims || values['claims-as-errors'] || values['max-untagged'] !== undefined;
  const maxUntagged = parseMaxUntagged(values['max-untagged']);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);

  const paths = positionals.length > 0 ? positionals : ['.'];
  const part = shard && (await corpusPart(shard, paths[0]));
  const all = await collectTargets(paths);
  const targets = partTargets(all, part, output);
  const incidents = !part || part.checksConfigs ? await checkIncidentFiles(targets.configs, all.folders, targets.sourcesWithoutSidecar) : undefined;
  const sourcesWithoutSidecar = targets.sourcesWithoutSidecar.filter((path) => !incidents?.given.has(resolve(path)));
  if (!withClaims) for (const source of sourcesWithoutSidecar) printNote(output, `${source}: has no sidecar; nothing to check`);

  const threads = !context.workerScript || fix ? 1 : context.checkThreads ?? (targets.sidecars.length >= MIN_SIDECARS_FOR_WORKERS ? threadCount() : 1);
  const { outcomes, configFiles } = threads > 1
    ? await checkInWorkers(context.workerScript!, targets.sidecars, targets.configs, threads, context.workerExecArgv)
    : await checkSidecarPaths(targets.sidecars, targets.configs, fix);

  const configReports = new Map<string, Problem[]>();
  if (!part || part.checksConfigs) for (const file of configFiles) configReports.set(file.path, file.problems);
  // Untagged claims belong to the source, not to its sidecar.
  const claimsChecks = withClaims ? claimsModule() : undefined;
  const sourcesFound = claimsChecks ? await claimsChecks.collectClaimSources({ ...targets, sourcesWithoutSidecar }) : [];
  const claimSources = sourcesFound.filter((path) => !part || part.has(path));
  const lookedFor = withClaims ? 'sidecars, configs or sources' : 'sidecars or configs';
  for (const folder of foldersWithNothing(all.folders, [...all.sidecars, ...all.configs, ...sourcesFound])) {
    printNote(output, `no ${lookedFor} found under ${folder}; nothing to check there`);
  }
  const claims = claimsChecks ? await claimsChecks.checkClaims(claimSources, values['claims-as-errors']) : undefined;
  // One order for every format: by path, configs, incidents files, sidecars and sources together.
  const reports: FileReport[] = [
    ...[...configReports].map(([path, problems]) => ({ file: displayPath(path), problems })),
    ...(incidents?.reports ?? []),
    ...outcomes.map((outcome) => outcome.report),
    ...[...(claims?.problems ?? [])].map(([path, problems]) => ({ file: displayPath(path), problems })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  if (fix) {
    const changes = describeFixes(outcomes, targets.sidecars.map(displayPath));
    if (format === 'text') output.out(changes);
    else output.err(changes);
  }
  if (format === 'text') output.out(formatText(reports, painter(output.colour?.out)));
  else if (format === 'json') output.out(formatJson(reports));
  else output.out(formatSarif(reports, { name: 'legal-annotator', version: CLI_VERSION }, cwd));

  const counts = { error: 0, warning: 0, info: 0 };
  // Untagged-claim warnings are for people reading the output: they fail the check only past --max-untagged.
  let failing = 0;
  for (const { problems } of reports) {
    for (const p of problems) {
      counts[p.severity]++;
      if (p.severity === 'error' || (p.severity === 'warning' && p.code !== 'untagged-claim')) failing++;
    }
  }
  const checked = reports.length - (claims?.problems.size ?? 0);
  output.err(`${checked} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info\n`);
  if (claims) {
    // A source left unread must not pass as reviewed: named, left out of the count, and it fails the check.
    const skipped = claims.reviews.filter((review) => review.skipped !== undefined);
    for (const review of skipped) printNote(output, `${displayPath(review.path)}: skipped: ${review.skipped}`);
    const limit = maxUntagged === undefined ? '' : ` (at most ${maxUntagged} untagged allowed)`;
    const unread = skipped.length > 0 ? ` (${skipped.length} skipped)` : '';
    output.err(`claims in ${claims.reviews.length - skipped.length} source(s)${unread}: ${claimsModule().describeClaimCounts(claims.reviews)}${limit}\n`);
    failing += skipped.length;
    if (maxUntagged !== undefined && claims.untagged > maxUntagged) failing++;
  }
  return failing > 0 ? EXIT.problems : EXIT.ok;
}

/** All the targets, or those of one part of them (`--shard`), said on standard error. */
function partTargets(all: CheckTargets, part: CorpusPart | undefined, output: CliOutput): CheckTargets {
  if (!part) return all;
  const targets = part.targets(all);
  const configs = part.checksConfigs ? ' and the configs' : '';
  output.err(`shard ${part.shard.index}/${part.shard.count}: ${targets.sidecars.length} of ${all.sidecars.length} sidecar(s)${configs}\n`);
  return targets;
}

function parseMaxUntagged(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value)) throw new CliError(`--max-untagged '${value}' is not a whole number`);
  return Number(value);
}

function describeFixes(outcomes: readonly SidecarOutcome[], files: readonly string[]): string {
  let out = '';
  outcomes.forEach((outcome, index) => {
    if (!outcome.fix) return;
    for (const moved of outcome.fix.moved) {
      const what = moved.list === 'annotations' ? 'annotation' : 'dismissed claim';
      out += `${visibleControls(files[index])}: fixed ${what} ${moved.id}: ${moved.from.start}-${moved.from.end} -> ${moved.to.start}-${moved.to.end}\n`;
    }
    if (outcome.fix.hash) out += `${visibleControls(files[index])}: fixed sourceHash: ${outcome.fix.hash.to}\n`;
  });
  return out;
}
