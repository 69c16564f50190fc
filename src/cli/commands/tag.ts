import { basename, dirname, resolve } from 'node:path';
import { sidecarPathFor } from '../../core/sidecar/model';
import type { SidecarDocument } from '../../core/sidecar/sidecar-io';
import { tagPassage, type TagRange, type TagResult } from '../../core/annotations/tagging';
import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import { readTextFile } from '../../core/files/read-text-file';
import { configWarningLines } from '../config-warnings';
import { CliError, EXIT, printError, printNote, type CliOutput } from '../output';
import { editSidecarForCommand } from '../sidecar-edit';
import { quoted } from '../../core/text/quotes';
import { existingSidecarRefusal } from '../../core/sidecar/refusals';
import { sidecarTargetRefusal } from '../../core/sidecar/sidecar-file';
import { parseCommandArgs } from '../args';
import { cliAuthor } from '../author';
import { sourceNamedBy } from '../source-paths';

export const TAG_HELP = `Usage: legal-annotator tag FILE --category ID
                          (--start N --end N | --quote TEXT [--occurrence N])
                          [--note TEXT] [--author NAME]

Adds an annotation to FILE's sidecar (FILE.ann.yaml, created if needed; FILE may also be
the sidecar, which names its source), as the editor's
"Tag as" code action does: a new id, the passage's position and quote with context, the
creation time and status "proposed". Categories come from the workspace taxonomy
(.legal-annotator.yaml, else the default one). Prints the new annotation's id.

Options:
  --category ID      taxonomy category id, e.g. torture
  --start N --end N  the passage by offsets: Unicode code points, 0-based, end exclusive
  --quote TEXT       the passage by its exact text; if it occurs more than once in FILE,
                     --occurrence says which
  --occurrence N     the Nth occurrence of the quote (1-based, in text order,
                     overlapping occurrences counted)
  --note TEXT        a note for reviewers
  --author NAME      who tagged it; default: git config user.name (as the repository
                     around FILE sees it), else the system account name, else "unknown"
  -h, --help         show this help

Exit: 0 tagged; 1 refused (unknown category, quote not found or ambiguous, no such
occurrence, offsets out of range or empty, the same category already on the same
passage, a sidecar with errors or whose source is another file, a source that is not
UTF-8 text); 2 could not run (bad usage, missing FILE,
FILE the config or a sidecar whose source is missing, the sidecar locked by another writer
for longer than LEGAL_ANNOTATOR_LOCK_WAIT_MS, default 5000).
`;

export async function runTag(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('tag', args, {
    category: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    note: { type: 'string' },
    author: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(TAG_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new CliError(`give exactly one FILE (got ${positionals.length}; see legal-annotator tag --help)`);
  const category = values.category;
  if (!category) throw new CliError('--category is required (see legal-annotator tag --help)');
  const range = rangeOption(values);
  // Echoed as given in every message, as scan does: an absolute path stays absolute.
  const file = await sourceNamedBy(positionals[0]);
  const refuse = (reason: string): number => {
    printError(output, 'tag', `${file}: ${reason}`);
    return EXIT.problems;
  };
  // Asked of git at once: its process runs while the source and the config are read.
  const author = cliAuthor(values.author, dirname(resolve(file)));
  author.catch(() => undefined);

  const decoded = await readTextFile(file, { kind: 'source' });
  if (!decoded.ok && decoded.failure === 'not-text') return refuse(`${decoded.reason}; only UTF-8 text can be tagged`);
  if (!decoded.ok && decoded.failure === 'too-large') return refuse(decoded.reason);
  if (!decoded.ok) throw new CliError(`${file}: ${decoded.reason}${decoded.failure === 'not-regular' ? '; give a source file' : ''}`);

  const sidecarPath = sidecarPathFor(file);
  const link = await sidecarTargetRefusal(sidecarPath);
  if (link) return refuse(link);
  const loaded = await loadConfigFor(file, nodeConfigFs);
  for (const line of configWarningLines(loaded.files)) printNote(output, line);
  const authorName = await author;
  // Read, tagged and written under the sidecar's lock: a tag another process wrote a moment ago is kept.
  const result = await editSidecarForCommand(sidecarPath, (sidecar): { write?: SidecarDocument; value: TagResult } => {
    const errors = sidecar && existingSidecarRefusal(sidecar, sidecarPath);
    if (errors) return { value: { ok: false, reason: errors } };
    const tagged = tagPassage({
      text: decoded.text,
      sourceName: basename(file),
      sidecar,
      taxonomy: loaded.config.taxonomy,
      category,
      range,
      note: values.note,
      author: authorName,
    });
    return { write: tagged.ok ? tagged.doc : undefined, value: tagged };
    // Appending needs the entries' ids and ranges only: a clean sidecar is scanned, not read entry by entry.
  }, { scanEntries: true });
  if (!result.ok) return refuse(result.reason);
  const { start, end, exact } = result.annotation.target;
  printNote(output, `${file}: tagged ${start}-${end} ${quoted(exact)} as ${category} in ${sidecarPath}${result.createdSidecar ? ' (created)' : ''}`);
  output.out(`${result.annotation.id}\n`);
  return EXIT.ok;
}

function rangeOption({ start, end, quote, occurrence }: { start?: string; end?: string; quote?: string; occurrence?: string }): TagRange {
  if (quote !== undefined) {
    if (start !== undefined || end !== undefined) throw new CliError('give either --quote or --start and --end, not both');
    if (occurrence === undefined) return { quote };
    if (!/^[1-9]\d*$/.test(occurrence)) throw new CliError(`--occurrence must be a whole number of at least 1, not '${occurrence}'`);
    return { quote, occurrence: Number(occurrence) };
  }
  if (occurrence !== undefined) throw new CliError('--occurrence picks one occurrence of --quote; give --quote TEXT with it');
  if (start === undefined || end === undefined) throw new CliError('give the passage: --start N --end N, or --quote TEXT');
  const number = (name: string, value: string): number => {
    if (!/^\d+$/.test(value)) throw new CliError(`--${name} must be a whole number of at least 0, not '${value}'`);
    return Number(value);
  };
  return { start: number('start', start), end: number('end', end) };
}
