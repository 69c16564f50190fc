import { dirname, relative, resolve, sep } from 'node:path';
import { resolveSources } from '../../core/interop/export-input';
import { claimCounter } from '../../core/report/claim-counter';
import { buildEvidenceMatrix } from '../../core/report/evidence-matrix';
import { renderHtml } from '../../core/report/html';
import { renderMarkdown } from '../../core/report/markdown';
import { loadAnnotatedSources, shown } from '../interop/load-sources';
import { writeOutputFile } from '../interop/output-guard';
import { CliError, EXIT, type CliOutput } from '../output';
import { parseCommandArgs } from '../args';

export const REPORT_HELP = `Usage: legal-annotator report [PATH...] --format md|html [--out FILE]

Writes the evidence matrix of the tagged sources: violation categories against sources with
tag counts, a bar chart of tags per category (inline SVG), and under each category its legal
basis and every tagged quote with its source, line and note, linked to the source by a
relative link; the last row counts the claims of each source nobody has tagged or dismissed
yet. PATH is a folder (walked for sidecars), a sidecar or a source with a sidecar; default:
the current folder.

Options:
  --format md|html  Markdown (links: path#Lline, as GitHub opens them), or one self-contained
                    HTML file (no external resources; prints cleanly)
  --out FILE        write to FILE (links are relative to its folder); default stdout
  -h, --help        show this help

Exit: 0 written; 1 written, but a sidecar with errors or a missing source was left out;
2 could not run.
`;

export async function runReport(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    format: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(REPORT_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'md' && format !== 'html') {
    throw new CliError(format === undefined ? '--format is required: md or html (see legal-annotator report --help)' : `unknown --format '${format}' (expected md or html)`);
  }
  const loaded = await loadAnnotatedSources(positionals);
  for (const line of [...loaded.configWarnings, ...loaded.withoutSidecar, ...loaded.skipped]) output.err(`${line}\n`);
  const resolved = resolveSources(loaded.sources);
  const matrix = buildEvidenceMatrix(resolved, loaded.config.taxonomy, claimCounter(loaded.config));

  const out = values.out ? resolve(values.out) : undefined;
  const from = out ? dirname(out) : process.cwd();
  const absoluteOf = new Map(loaded.sources.map((source, i) => [source.path, loaded.absolutePaths[i]]));
  const hrefOf = (path: string) => relative(from, absoluteOf.get(path) ?? path).split(sep).map(encodeURIComponent).join('/');
  const generated = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const text = format === 'md'
    ? renderMarkdown(matrix, { generated, linkFor: (path, line) => `${hrefOf(path)}${line !== undefined ? `#L${line}` : ''}` })
    : renderHtml(matrix, { generated, link: (path) => ({ href: hrefOf(path) }) });
  if (out) await writeOutputFile(out, text, { root: loaded.config.root, inputs: new Set(loaded.absolutePaths) }, values.out);
  else output.out(text);
  output.err(`evidence matrix of ${matrix.totalTags} tag(s) in ${matrix.sources.length} source(s) written to ${out ? shown(out) : 'stdout'}\n`);
  return loaded.skipped.length > 0 ? EXIT.problems : EXIT.ok;
}
