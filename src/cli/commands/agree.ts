import { AnnotatorSideError, pairSides, readAnnotatorSide, type AnnotatorSide } from '../../core/team/annotator-side';
import { measureAgreement, type Agreement } from '../../core/team/agreement';
import { parseCommandArgs, unknownChoice } from '../args';
import { CliError, EXIT, printDocument, printError, printNote, type CliOutput } from '../output';
import { SKIPPED_FOLDER_NAMES } from '../../core/files/skipped-folders';
import { visibleControls } from '../../core/text/visible';

export const AGREE_HELP = `Usage: legal-annotator agree A B [PATH...] [--format text|json|md]

How far two annotators agree on the same sources. A and B are each a folder holding one
annotator's sidecars (and the sources beside them), or git:REF, a branch or commit of the current
repository read with git show (nothing is checked out). PATH limits the comparison to sources
under these paths (relative to A and B). Sources annotated on one side only count with no tags
on the other.

Measures: span F1, exact (same source, range and category) and overlapping (same category,
overlapping ranges), overall and per category, one-to-one matching; Cohen's kappa and
Krippendorff's alpha (nominal) over the sentences of the sources, each labelled with the sorted
categories of the tags that overlap it (per category: alpha over "has this category or not");
the sentences labelled differently, each as FILE:LINE:COLUMN (START-END offsets) with both
labels (JSON: "line", "column" beside "start", "end").

Options:
  --format F  text (default), json or md
  -h, --help  show this help

Exit: 0 measured; 1 some sidecar could not be read (reported, left out); 2 bad usage, a side
that does not exist, or no sidecar on either side.
`;

/** Reads one side as the CLI does: folders resolved from the current folder, git run here; an unreadable side stops the command (exit 2). */
export async function readSide(given: string, scopes: readonly string[] = []): Promise<AnnotatorSide> {
  try {
    return await readAnnotatorSide(given, { scopes, skipFolders: SKIPPED_FOLDER_NAMES });
  } catch (error) {
    if (error instanceof AnnotatorSideError) throw new CliError(error.message);
    throw error;
  }
}

const pct = (value: number) => value.toFixed(3);

function formatText(agreement: Agreement): string {
  const { overall } = agreement;
  const lines = [
    `${agreement.sources} source(s): span F1 exact ${pct(overall.spanF1Exact)}, overlapping ${pct(overall.spanF1Overlap)}; sentences: Cohen's kappa ${pct(overall.sentenceKappa)}, Krippendorff's alpha ${pct(overall.sentenceAlpha)}`,
  ];
  for (const [id, c] of Object.entries(agreement.categories)) lines.push(`  ${id}: A ${c.a}, B ${c.b}, F1 exact ${pct(c.spanF1Exact)}, overlapping ${pct(c.spanF1Overlap)}, sentence alpha ${pct(c.sentenceAlpha)}`);
  lines.push(`${agreement.disagreements.length} sentence(s) labelled differently`);
  for (const d of agreement.disagreements) lines.push(`  ${visibleControls(d.file)}:${d.line}:${d.column} (${d.start}-${d.end}): A [${d.a.join(', ')}] B [${d.b.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function formatMarkdown(agreement: Agreement): string {
  const { overall } = agreement;
  const rows = Object.entries(agreement.categories).map(([id, c]) => `| ${id} | ${c.a} | ${c.b} | ${pct(c.spanF1Exact)} | ${pct(c.spanF1Overlap)} | ${pct(c.sentenceAlpha)} |`);
  return [
    `# Agreement of two annotators (${agreement.sources} source${agreement.sources === 1 ? '' : 's'})`,
    '',
    `Span F1 exact ${pct(overall.spanF1Exact)}, overlapping ${pct(overall.spanF1Overlap)}; sentences: Cohen's kappa ${pct(overall.sentenceKappa)}, Krippendorff's alpha ${pct(overall.sentenceAlpha)}; ${agreement.disagreements.length} sentence(s) labelled differently.`,
    '',
    '| category | A | B | F1 exact | F1 overlapping | sentence alpha |',
    '| --- | --- | --- | --- | --- | --- |',
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
  if (format !== 'text' && format !== 'json' && format !== 'md') throw unknownChoice('--format', format, ['text', 'json', 'md']);
  if (positionals.length < 2) throw new CliError(`give A and B (got ${positionals.length}; see legal-annotator agree --help)`);
  const [givenA, givenB, ...scopes] = positionals;
  const [a, b] = [await readSide(givenA, scopes), await readSide(givenB, scopes)];
  for (const problem of [...a.problems, ...b.problems]) printNote(output, problem);
  const paired = pairSides(a, b);
  if (paired.length === 0) {
    const none = `no sidecars to compare in ${givenA} or ${givenB}${scopes.length > 0 ? ` under ${scopes.join(', ')}` : ''}`;
    // Sidecars were there but left out (said above): exit 1, as for any sidecar left out; none at all is a usage error.
    if (a.problems.length + b.problems.length === 0) throw new CliError(none);
    printError(output, 'agree', none);
    return EXIT.problems;
  }
  const agreement = measureAgreement(paired);
  printDocument(output, format === 'json' ? `${JSON.stringify(agreement, null, 2)}\n` : format === 'md' ? formatMarkdown(agreement) : formatText(agreement));
  return a.problems.length + b.problems.length > 0 ? EXIT.problems : EXIT.ok;
}
