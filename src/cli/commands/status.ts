import { ANNOTATION_STATUSES, type AnnotationStatus } from '../../core/sidecar/model';
import { updateAnnotation } from '../../core/sidecar/sidecar-io';
import { didYouMean, parseCommandArgs } from '../args';
import { CliError, EXIT, type CliOutput } from '../output';
import { describeTag, requiredIds, runTagEdit } from '../sidecar-edit';

export const STATUS_HELP = `Usage: legal-annotator status FILE --id ID [--id ID...] ${ANNOTATION_STATUSES.join('|')}

Sets the review status of tags in FILE's sidecar (FILE.ann.yaml, also when FILE itself was
deleted; FILE may also be the sidecar), as the editor's "Set status" does: the tag's status
and its modified time change, every comment and every other entry stays as it was. A tag
without a status is proposed; a tag that already has the status is left alone.

Options:
  --id ID     the tag; repeat it to set the status of several at once
  -h, --help  show this help

Exit: 0 set (or already so); 1 refused, nothing written (no tag with that id, no sidecar, a
sidecar with errors, that is a symbolic link or whose source is another file); 2 could not
run (bad usage, an unknown status, missing FILE, the sidecar locked by another writer for
too long).
`;

export async function runStatus(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('status', args, {
    id: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(STATUS_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new CliError(`give FILE and the status, ${ANNOTATION_STATUSES.join(', ')} (got ${positionals.length} argument(s); see legal-annotator status --help)`);
  const [file, given] = positionals;
  const status = parseStatus(given);
  const ids = requiredIds(values.id, 'status');
  const modified = new Date().toISOString();
  return runTagEdit(output, 'status', file, ids, ({ doc, tags, name }) => {
    let next = doc;
    const messages: string[] = [];
    for (const tag of tags) {
      const before = tag.status ?? 'proposed';
      if (before === status) {
        messages.push(`${describeTag(tag)} is already ${status}`);
        continue;
      }
      next = updateAnnotation(next, tag.id, { status, modified });
      messages.push(`${describeTag(tag)}: ${before} -> ${status} in ${name}`);
    }
    return { write: next === doc ? undefined : next, value: messages };
  });
}

function parseStatus(given: string): AnnotationStatus {
  const status = ANNOTATION_STATUSES.find((s) => s === given);
  if (!status) throw new CliError(`unknown status '${given}' (expected ${ANNOTATION_STATUSES.join(', ')})${didYouMean(given, ANNOTATION_STATUSES)}`);
  return status;
}
