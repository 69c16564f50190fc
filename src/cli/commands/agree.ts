import { dirname, join, relative, resolve, sep } from 'node:path';
import { readTextFile } from '../../core/files/read-text-file';
import { walkFiles } from '../../core/files/walk-files';
import { SIDECAR_SUFFIX, sourcePathFor, type Annotation } from '../../core/sidecar/model';
import { parseSidecar } from '../../core/sidecar/sidecar-io';
import { measureAgreement, type Agreement, type AnnotatedText } from '../../core/team/agreement';
import { parseCommandArgs } from '../args';
import { git } from '../git';
import { CliError, EXIT, type CliOutput } from '../output';
import { SKIPPED_FOLDER_NAMES } from '../source-paths';

const GIT_PREFIX = 'git:';

export const AGREE_HELP = `Usage: legal-annotator agree A B [PATH...] [--format text|json|md]

How far two annotators agree on the same sources. A and B are each a folder holding one
annotator's sidecars (and the sources beside them), or git:REF, a branch or commit of the current
repository read with git show (nothing is checked out). PATH limits the comparison to sources
under these paths (relative to A and B). Sources annotated on one side only count with no tags
on the other.

Measures: span F1, exact (same source, range and category) and overlapping (same category,
overlapping ranges), overall and per category, one-to-one matching; Cohen's kappa and
Krippendorff's alpha (nominal) over the sentences of the sources, each labelled with the sorted
categories of the tags that overlap it; the sentences labelled differently.

Options:
  --format F  text (default), json or md
  -h, --help  show this help

Exit: 0 measured; 1 some sidecar could not be read (reported, left out); 2 bad usage or a side
that does not exist.
`;

interface Side {
  /** Sidecars by source path (relative, '/'-separated), with the text of each source. */
  sources: Map<string, { text: string; annotations: Annotation[] }>;
  problems: string[];
}

function inScope(path: string, scopes: readonly string[]): boolean {
  return scopes.length === 0 || scopes.some((scope) => path === scope || path.startsWith(`${scope.replace(/\/$/, '')}/`));
}

async function readGitSide(ref: string, scopes: readonly string[]): Promise<Side> {
  const side: Side = { sources: new Map(), problems: [] };
  const prefix = (await git(['rev-parse', '--show-prefix'])).trim();
  const files = (await git(['ls-tree', '-r', '-z', '--name-only', ref])).split('\0').filter((f) => f.endsWith(SIDECAR_SUFFIX));
  for (const file of files) {
    const local = file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (local === undefined || !inScope(local, scopes)) continue;
    const doc = parseSidecar(await git(['show', `${ref}:${file}`]));
    const source = doc.sidecar && sourcePathFor(file);
    if (!doc.sidecar || !source) {
      side.problems.push(`${GIT_PREFIX}${ref}:${file}: the sidecar has errors; left out`);
      continue;
    }
    side.sources.set(sourcePathFor(local)!, { text: await git(['show', `${ref}:${source}`]).catch(() => ''), annotations: doc.sidecar.annotations });
  }
  return side;
}

async function readFolderSide(folder: string, scopes: readonly string[]): Promise<Side> {
  const side: Side = { sources: new Map(), problems: [] };
  const walked = await walkFiles(folder, { skipFolders: SKIPPED_FOLDER_NAMES, dot: true, accept: (path) => path.endsWith(SIDECAR_SUFFIX) && inScope(path, scopes) });
  if (walked.unreadable.length > 0 && walked.files.length === 0) throw new CliError(`${folder}: ${walked.unreadable[0].reason}`);
  for (const path of walked.files) {
    const shown = relative(folder, path).split(sep).join('/');
    const read = await readTextFile(path, { kind: 'sidecar' });
    const doc = read.ok ? parseSidecar(read.text) : undefined;
    const sourceText = doc?.sidecar ? await readTextFile(join(dirname(path), doc.sidecar.source), { kind: 'source' }) : undefined;
    if (!doc?.sidecar || !sourceText?.ok) {
      side.problems.push(`${join(folder, shown)}: ${!read.ok ? read.reason : !doc?.sidecar ? 'the sidecar has errors' : `its source ${sourceText && !sourceText.ok ? sourceText.reason : 'cannot be read'}`}; left out`);
      continue;
    }
    side.sources.set(sourcePathFor(shown)!, { text: sourceText.text, annotations: doc.sidecar.annotations });
  }
  return side;
}

async function readSide(given: string, scopes: readonly string[]): Promise<Side> {
  if (given.startsWith(GIT_PREFIX)) return readGitSide(given.slice(GIT_PREFIX.length), scopes);
  const folder = resolve(given);
  const read = await readTextFile(folder);
  if (!read.ok && read.failure === 'missing') throw new CliError(`${given}: no such folder (give a folder of sidecars, or git:REF)`);
  return readFolderSide(folder, scopes);
}

const pct = (value: number) => value.toFixed(3);

function formatText(agreement: Agreement): string {
  const { overall } = agreement;
  const lines = [
    `${agreement.sources} source(s): span F1 exact ${pct(overall.spanF1Exact)}, overlapping ${pct(overall.spanF1Overlap)}; sentences: Cohen's kappa ${pct(overall.sentenceKappa)}, Krippendorff's alpha ${pct(overall.sentenceAlpha)}`,
  ];
  for (const [id, c] of Object.entries(agreement.categories)) lines.push(`  ${id}: A ${c.a}, B ${c.b}, F1 exact ${pct(c.spanF1Exact)}, overlapping ${pct(c.spanF1Overlap)}`);
  lines.push(`${agreement.disagreements.length} sentence(s) labelled differently`);
  for (const d of agreement.disagreements) lines.push(`  ${d.file}:${d.start}-${d.end}: A [${d.a.join(', ')}] B [${d.b.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function formatMarkdown(agreement: Agreement): string {
  const { overall } = agreement;
  const rows = Object.entries(agreement.categories).map(([id, c]) => `| ${id} | ${c.a} | ${c.b} | ${pct(c.spanF1Exact)} | ${pct(c.spanF1Overlap)} |`);
  return [
    `# Agreement of two annotators (${agreement.sources} sources)`,
    '',
    `Span F1 exact ${pct(overall.spanF1Exact)}, overlapping ${pct(overall.spanF1Overlap)}; sentences: Cohen's kappa ${pct(overall.sentenceKappa)}, Krippendorff's alpha ${pct(overall.sentenceAlpha)}; ${agreement.disagreements.length} sentence(s) labelled differently.`,
    '',
    '| category | A | B | F1 exact | F1 overlapping |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export async function runAgree(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('agree', args, {
    format: { type: 'string', default: 'text' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(AGREE_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new CliError(`unknown --format '${format}' (expected text, json or md)`);
  if (positionals.length < 2) throw new CliError(`give A and B (got ${positionals.length}; see legal-annotator agree --help)`);
  const [givenA, givenB, ...scopes] = positionals;
  const [a, b] = [await readSide(givenA, scopes), await readSide(givenB, scopes)];
  for (const problem of [...a.problems, ...b.problems]) output.err(`${problem}\n`);
  const texts: AnnotatedText[] = [...new Set([...a.sources.keys(), ...b.sources.keys()])].sort().map((file) => ({
    file,
    text: a.sources.get(file)?.text ?? b.sources.get(file)!.text,
    a: a.sources.get(file)?.annotations ?? [],
    b: b.sources.get(file)?.annotations ?? [],
  }));
  const agreement = measureAgreement(texts);
  output.out(format === 'json' ? `${JSON.stringify(agreement, null, 2)}\n` : format === 'md' ? formatMarkdown(agreement) : formatText(agreement));
  return a.problems.length + b.problems.length > 0 ? EXIT.problems : EXIT.ok;
}
