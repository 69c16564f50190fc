import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { SIDECAR_SUFFIX } from '../../core/sidecar/model';
import { writeAtomically } from '../../core/files/atomic-write';
import { parseCommandArgs } from '../args';
import { git } from '../git';
import { CliError, EXIT, type CliContext, type CliOutput } from '../output';


/** The merge driver's name in .gitattributes and git config. */
export const MERGE_DRIVER_NAME = 'legal-annotator';
export const GITATTRIBUTES_LINE = `*${SIDECAR_SUFFIX} merge=${MERGE_DRIVER_NAME}`;

export const GIT_SETUP_HELP = `Usage: legal-annotator git-setup [--command CMD]

Sets up the sidecar merge driver in the current git repository, so that two annotators' sidecars
merge by annotation id instead of as lines of YAML:
  - .gitattributes (committed, shared) gets the line "${GITATTRIBUTES_LINE}";
  - the clone's own git config (.git/config; merge drivers are configured per clone, so every
    annotator runs this once) gets merge.${MERGE_DRIVER_NAME}.driver, which runs
    "legal-annotator merge-driver %O %A %B %P".
Running it again changes nothing.

Options:
  --command CMD  how git runs this CLI (default: this very CLI by its path, or legal-annotator)
  -h, --help     show this help

Exit: 0 set up; 2 not in a git repository, or git failed.
`;

/** How git should run this CLI: the bundle that is running now, by its path, else the command on PATH. */
function cliCommand(context: CliContext): string {
  const script = context.workerScript;
  if (script && script.endsWith('.js')) return `"${process.execPath}" "${script}"`;
  return 'legal-annotator';
}

export async function runGitSetup(args: string[], output: CliOutput, context: CliContext = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('git-setup', args, {
    command: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(GIT_SETUP_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`git-setup takes no arguments (got ${positionals.join(' ')}; see legal-annotator git-setup --help)`);
  const root = (await git(['rev-parse', '--show-toplevel'])).trim();
  const attributes = join(root, '.gitattributes');
  const existing = await fs.readFile(attributes, 'utf8').catch(() => '');
  if (existing.split(/\r?\n/).some((line) => line.trim() === GITATTRIBUTES_LINE)) {
    output.err(`.gitattributes already has "${GITATTRIBUTES_LINE}"\n`);
  } else {
    await writeAtomically(attributes, `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${GITATTRIBUTES_LINE}\n`);
    output.err(`.gitattributes: added "${GITATTRIBUTES_LINE}" (commit it, so every clone uses it)\n`);
  }
  const driver = `${values.command ?? cliCommand(context)} merge-driver %O %A %B %P`;
  await git(['config', `merge.${MERGE_DRIVER_NAME}.name`, 'Legal Annotator sidecars, merged by annotation id'], root);
  await git(['config', `merge.${MERGE_DRIVER_NAME}.driver`, driver], root);
  output.err(`git config merge.${MERGE_DRIVER_NAME}.driver: ${driver}\n`);
  return EXIT.ok;
}
