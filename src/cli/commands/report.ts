import { generatedAt, sealedMarkdownReport } from '../../core/report/generated';
import { dirname, relative, resolve, sep } from 'node:path';
import { resolveSources } from '../../core/interop/export-input';
import { claimCounter } from '../../core/report/claim-counter';
import { buildEvidenceMatrix } from '../../core/report/evidence-matrix';
import { renderHtml } from '../../core/report/html';
import { renderMarkdown } from '../../core/report/markdown';
import { buildAgreementSection, LOWEST_AGREEMENT_SOURCES, type AgreementSection } from '../../core/report/agreement-section';
import { pairSides } from '../../core/team/annotator-side';
import { loadAnnotatedSources, shown } from '../interop/load-sources';
import { writeOutputFile } from '../interop/output-guard';
import { CliError, EXIT, printDocument, printNote, type CliOutput } from '../output';
import { parseCommandArgs, unknownChoice } from '../args';
import { readSide } from './agree';
import { CASE_MATRIX_FORMATS, runCaseMatrixReport, type CaseMatrixFormat } from './report-incidents';

export const REPORT_HELP = `Usage: legal-annotator report [PATH...] --format md|html [--out FILE] [--compare A B]
       legal-annotator report [PATH] --by incident --format md|html|json [--out FILE]

Writes the evidence matrix of the tagged sources: violation categories against sources with
tag counts, a bar chart of tags per category (inline SVG), and under each category its legal
basis and every tagged quote with its source, line and note, linked to the source by a
relative link; the last row counts the claims of each source nobody has tagged or dismissed
yet. PATH is a folder (walked for sidecars), a sidecar or a source with a sidecar; default:
the current folder.

Options:
  --format md|html  Markdown (links: path#Lline, as GitHub opens them), or one self-contained
                    HTML file (no external resources; prints cleanly)
  --out FILE        write to FILE (links are relative to its folder); default stdout.
                    FILE must lie inside the workspace and be no sidecar, source or config
  --compare A B     add an agreement section: how far two annotators agree, A and B as in
                    agree (each a folder of sidecars, or git:REF read with git show): span F1
                    and sentence alpha per category, and the ${LOWEST_AGREEMENT_SOURCES} sources they agree
                    least on. All sidecars of A and B are compared, whatever PATH says
  --by incident     the case matrix instead: for each incident of the workspace's
                    incidents file (PATH: a folder or file of the workspace), a table of
                    its categories' legal elements, each cell holding the supporting
                    passages (quote, source, line, link), the number of independent origins,
                    or a gap; a summary (incidents by category, elements established, gaps).
                    --format json: the structure documented in docs/incidents.md
  -h, --help        show this help

Exit: 0 written; 1 written, but a sidecar with errors or a missing source was left out;
2 could not run (a --compare side that does not exist included).
`;

const COMPARE_OPTION = '--compare';

/** `--compare A B` takes two values, which parseArgs cannot: they are taken out of the arguments first. */
function takeCompare(args: readonly string[]): { rest: string[]; compare?: [string, string] } {
  if (args.some((arg) => arg.startsWith(`${COMPARE_OPTION}=`))) throw new CliError(`${COMPARE_OPTION} takes two values, A and B, as two words: ${COMPARE_OPTION} A B`);
  const at = args.indexOf(COMPARE_OPTION);
  if (at < 0) return { rest: [...args] };
  const [a, b] = args.slice(at + 1, at + 3);
  if (a === undefined || b === undefined || a.startsWith('-') || b.startsWith('-')) throw new CliError(`${COMPARE_OPTION} needs two values, A and B (folders of sidecars, or git:REF)`);
  const rest = [...args.slice(0, at), ...args.slice(at + 3)];
  if (rest.includes(COMPARE_OPTION)) throw new CliError(`${COMPARE_OPTION} given twice`);
  return { rest, compare: [a, b] };
}

/** The agreement section of `--compare A B`; the sidecars left out of either side are reported. */
async function compareSection([givenA, givenB]: [string, string], output: CliOutput): Promise<{ section: AgreementSection; problems: number }> {
  const [a, b] = [await readSide(givenA), await readSide(givenB)];
  for (const problem of [...a.problems, ...b.problems]) printNote(output, problem);
  return { section: buildAgreementSection(givenA, givenB, pairSides(a, b)), problems: a.problems.length + b.problems.length };
}

export async function runReport(args: string[], output: CliOutput): Promise<number> {
  const { rest, compare } = takeCompare(args);
  const { values, positionals } = parseCommandArgs('report', rest, {
    format: { type: 'string' },
    out: { type: 'string' },
    by: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  }, [COMPARE_OPTION]);
  if (values.help) {
    output.out(REPORT_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (values.by !== undefined) {
    if (values.by !== 'incident') throw unknownChoice('--by', values.by, ['incident']);
    if (compare) throw new CliError(`${COMPARE_OPTION} does not go with --by incident`);
    if (!(CASE_MATRIX_FORMATS as readonly string[]).includes(format ?? '')) throw new CliError(format === undefined ? '--format is required: md, html or json' : unknownChoice('--format', format, CASE_MATRIX_FORMATS).message);
    return runCaseMatrixReport(positionals, format as CaseMatrixFormat, values.out, output);
  }
  if (format !== 'md' && format !== 'html') {
    throw new CliError(format === undefined ? '--format is required: md or html (see legal-annotator report --help)' : unknownChoice('--format', format, ['md', 'html']).message);
  }
  const loaded = await loadAnnotatedSources(positionals);
  for (const line of [...loaded.configWarnings, ...loaded.withoutSidecar, ...loaded.skipped]) printNote(output, line);
  const resolved = resolveSources(loaded.sources);
  const matrix = buildEvidenceMatrix(resolved, loaded.config.taxonomy, claimCounter(loaded.config));
  const compared = compare ? await compareSection(compare, output) : undefined;

  const out = values.out ? resolve(values.out) : undefined;
  const from = out ? dirname(out) : process.cwd();
  const absoluteOf = new Map(loaded.sources.map((source, i) => [source.path, loaded.absolutePaths[i]]));
  const hrefOf = (path: string) => relative(from, absoluteOf.get(path) ?? path).split(sep).map(encodeURIComponent).join('/');
  const generated = generatedAt();
  const text = format === 'md'
    ? sealedMarkdownReport(renderMarkdown(matrix, { generated, agreement: compared?.section, linkFor: (path, line) => `${hrefOf(path)}${line !== undefined ? `#L${line}` : ''}` }))
    : renderHtml(matrix, { generated, agreement: compared?.section, link: (path) => ({ href: hrefOf(path) }) });
  if (out) await writeOutputFile(out, text, { root: loaded.config.root, inputs: new Set(loaded.absolutePaths), sources: loaded.config.sources, replacesSealedReport: format === 'md' }, values.out);
  else printDocument(output, text);
  printNote(output, `evidence matrix of ${matrix.totalTags} tag(s) in ${matrix.sources.length} source(s) written to ${out ? shown(out) : 'stdout'}`);
  return loaded.skipped.length > 0 || (compared?.problems ?? 0) > 0 ? EXIT.problems : EXIT.ok;
}
