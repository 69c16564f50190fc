import { removeAnnotation } from '../../core/sidecar/sidecar-io';
import { parseCommandArgs } from '../args';
import { CliError, EXIT, type CliOutput } from '../output';
import { describeTag, requiredIds, runTagEdit } from '../sidecar-edit';

export const UNTAG_HELP = `Usage: legal-annotator untag FILE --id ID [--id ID...]

Removes tags from FILE's sidecar (FILE.ann.yaml, also when FILE itself was deleted; FILE may
also be the sidecar), as the editor's "Remove tag" does: only the lines of each removed entry
change, every comment and every other entry stays as it was. The ids are those of the
sidecar's annotations (tag prints the id of each tag it adds).

Options:
  --id ID     the tag to remove; repeat it to remove several at once
  -h, --help  show this help

Exit: 0 removed; 1 refused, nothing written (no tag with that id, no sidecar, a sidecar with
errors, that is a symbolic link or whose source is another file); 2 could not run (bad
usage, missing FILE, the sidecar locked by another writer for too long).
`;

export async function runUntag(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('untag', args, {
    id: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(UNTAG_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new CliError(`give exactly one FILE (got ${positionals.length}; see legal-annotator untag --help)`);
  const ids = requiredIds(values.id, 'untag');
  const file = positionals[0];
  return runTagEdit(output, 'untag', file, ids, ({ doc, tags, name }) => {
    let next = doc;
    for (const tag of tags) next = removeAnnotation(next, tag.id);
    return { write: next, value: tags.map((tag) => `removed ${describeTag(tag)} from ${name}`) };
  });
}
