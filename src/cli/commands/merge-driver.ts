import { readTextFile } from '../../core/files/read-text-file';
import { parseSidecar, sidecarFileText, type SidecarDocument } from '../../core/sidecar/sidecar-io';
import { mergeSidecars } from '../../core/team/merge-sidecars';
import { writeAtomically } from '../../core/files/atomic-write';
import { parseCommandArgs } from '../args';
import { CliError, EXIT, printError, printNote, type CliOutput } from '../output';

export const MERGE_DRIVER_HELP = `Usage: legal-annotator merge-driver BASE OURS THEIRS [PATH]

git's merge driver for sidecars (set up by legal-annotator git-setup; git passes %O %A %B %P).
Merges THEIRS into OURS by annotation id and writes the result into OURS, keeping OURS's
comments and layout: entries added on either side are kept, removed on one side and unchanged on
the other are removed, changed on one side take that change. An entry changed differently on
both sides keeps ours and adds theirs beside it under a new id (status disputed), each naming the
other in "conflict"; git then reports a conflict and legal-annotator check reports
merge-conflict on both until one is removed. Nothing is ever dropped.

Options:
  -h, --help  show this help

Exit: 0 merged cleanly; 1 merged with conflicts, or a side could not be read as a sidecar (OURS
is then left as it was, for git to report the conflict); 2 bad usage.
`;

/** A side of the merge, parsed; undefined (with the reason printed) when it is not a clean sidecar. */
async function side(path: string, name: string, output: CliOutput, label: string): Promise<SidecarDocument | undefined | 'empty'> {
  const read = await readTextFile(path, { kind: 'sidecar' });
  if (!read.ok) {
    printError(output, 'merge-driver', `${name}: ${label} ${read.reason}; merge it by hand`);
    return undefined;
  }
  // git passes an empty file as BASE when both branches added the file.
  if (read.text.trim() === '') return 'empty';
  const doc = parseSidecar((read.hadBom ? '\uFEFF' : '') + read.text);
  if (!doc.writable || !doc.sidecar) {
    const first = doc.problems.find((p) => p.severity === 'error');
    printError(output, 'merge-driver', `${name}: ${label} has errors${first ? ` (${first.line}:${first.column} ${first.message})` : ''}; merge it by hand`);
    return undefined;
  }
  return doc;
}

export async function runMergeDriver(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge-driver', args, { help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) {
    output.out(MERGE_DRIVER_HELP);
    return EXIT.ok;
  }
  if (positionals.length < 3 || positionals.length > 4) throw new CliError(`give BASE OURS THEIRS [PATH] (got ${positionals.length} arguments; see legal-annotator merge-driver --help)`);
  const [basePath, oursPath, theirsPath, shownPath] = positionals;
  const name = shownPath ?? oursPath;
  const [base, ours, theirs] = [await side(basePath, name, output, 'the common ancestor'), await side(oursPath, name, output, 'our version'), await side(theirsPath, name, output, 'their version')];
  if (base === undefined || ours === undefined || ours === 'empty' || theirs === undefined || theirs === 'empty') return EXIT.problems;
  const merged = mergeSidecars(base === 'empty' ? undefined : base.sidecar, ours, theirs.sidecar!);
  await writeAtomically(oursPath, sidecarFileText(merged.doc));
  for (const id of merged.keptChanged) printNote(output, `${name}: ${id} was removed on one side and changed on the other; the changed version is kept`);
  for (const conflict of merged.conflicts) {
    printNote(output, `${name}: ${conflict.ours} was changed differently on both branches: ours kept, theirs added as ${conflict.theirs} (status disputed); keep one and remove the other`);
  }
  return merged.conflicts.length > 0 ? EXIT.problems : EXIT.ok;
}

