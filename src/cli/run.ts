import { didYouMean } from './args';
import { COLOUR_FLAGS, colourEnabled, takeColourFlag } from './colour';
import { CliError, EXIT, printError, type CliContext, type CliOutput } from './output';
import { fileSystemErrorLine } from './fs-errors';
import { MAX_FILE_SIZE_OPTION, takeMaxFileSize } from './size-limit';
import { CLI_VERSION } from './version';

export const MAIN_HELP = `Usage: legal-annotator <command> [options]

Commands:
  scan PATH...    find states, dates and legal terms in files, folders, globs or - (stdin)
  check [PATH...] validate sidecars, the config and the taxonomy (text, JSON, SARIF)
  tag FILE ...    tag a passage of FILE with a violation category
  untag FILE ...  remove a tag (by its id) from FILE's sidecar
  status FILE ... set a tag's status: proposed, confirmed or disputed
  categories      list the violation categories in force (text, JSON; --cues)
  export ...      export annotations as W3C Web Annotation, brat standoff or CSV
  import ...      import brat or W3C Web Annotation files into sidecars
  report ...      the evidence matrix: categories x sources, quotes, legal basis (md, html)
  agree A B       agreement of two annotators: span F1, Cohen's kappa, Krippendorff's alpha
  git-setup       merge sidecars by annotation id in this git clone (the merge driver)
  merge-driver    git's merge driver for sidecars (git runs it; see git-setup)

Options of every command:
  --no-color      no colour in text output (also: NO_COLOR set, or output not a terminal)
  --color         colour in text output even into a pipe or a file
  --max-file-size MB  skip (and report) a source or import file larger than MB MiB
                  (default 256 for sources, 1024 for imports); a FIFO or device is never read
  -h, --help      show the help (of a command: legal-annotator help <command>, or
                  legal-annotator <command> --help)
  -V, --version   print the version

Run legal-annotator <command> --help for a command's options.
`;

/** Ends the message about an unknown command or option. */
const SEE_MAIN_HELP = ' (see legal-annotator --help)';

/** What the first argument may be besides a command. */
const MAIN_OPTIONS = { help: ['--help', '-h', 'help'], version: ['--version', '-V'] } as const;

type Command = (args: string[], output: CliOutput, context: CliContext) => Promise<number>;

/**
 * A command whose module is required when it runs: the bundle evaluates a module on its first
 * require, so `tag` does not pay for loading what `scan`, `check` or `report` need (about a
 * third of the bundle's start-up).
 */
function loaded(load: () => Command): Command {
  return (args, output, context) => load()(args, output, context);
}

/** Every command by name: the dispatch table, and the names "did you mean" suggests. */
/* eslint-disable @typescript-eslint/no-require-imports -- required when the command runs (loaded above); the types come from the modules */
export const COMMANDS: Record<string, Command> = {
  scan: loaded(() => (require('./commands/scan') as typeof import('./commands/scan')).runScan),
  check: loaded(() => (require('./commands/check') as typeof import('./commands/check')).runCheck),
  tag: loaded(() => (require('./commands/tag') as typeof import('./commands/tag')).runTag),
  untag: loaded(() => (require('./commands/untag') as typeof import('./commands/untag')).runUntag),
  status: loaded(() => (require('./commands/status') as typeof import('./commands/status')).runStatus),
  categories: loaded(() => (require('./commands/categories') as typeof import('./commands/categories')).runCategories),
  export: loaded(() => (require('./commands/export') as typeof import('./commands/export')).runExport),
  import: loaded(() => (require('./commands/import') as typeof import('./commands/import')).runImport),
  report: loaded(() => (require('./commands/report') as typeof import('./commands/report')).runReport),
  'merge-driver': loaded(() => (require('./commands/merge-driver') as typeof import('./commands/merge-driver')).runMergeDriver),
  'git-setup': loaded(() => (require('./commands/git-setup') as typeof import('./commands/git-setup')).runGitSetup),
  agree: loaded(() => (require('./commands/agree') as typeof import('./commands/agree')).runAgree),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], given: CliOutput, context: CliContext = {}): Promise<number> {
  const { argv: withoutColourFlag, flag } = takeColourFlag(argv);
  const env = context.env ?? {};
  const output = withColour(given, {
    out: colourEnabled(given.isTTY?.out, env, flag),
    err: colourEnabled(given.isTTY?.err, env, flag),
  });
  let withoutOptions: string[];
  try {
    withoutOptions = takeMaxFileSize(withoutColourFlag);
  } catch (error) {
    printError(output, undefined, (error as Error).message);
    return EXIT.cannotRun;
  }
  const [name, ...args] = withoutOptions;
  if (name === undefined) {
    output.out(MAIN_HELP);
    return EXIT.cannotRun;
  }
  if ((MAIN_OPTIONS.help as readonly string[]).includes(name)) return printHelp(args[0], output, context);
  if ((MAIN_OPTIONS.version as readonly string[]).includes(name)) {
    output.out(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const command = commandNamed(name);
  if (!command) {
    printError(output, undefined, `${describeUnknownCommand(name)}${SEE_MAIN_HELP}`);
    return EXIT.cannotRun;
  }
  try {
    return await command(args, output, context);
  } catch (error) {
    if (error instanceof CliError) {
      printError(output, name, error.lines);
      return EXIT.cannotRun;
    }
    const fileSystem = fileSystemErrorLine(error);
    if (fileSystem !== undefined) {
      printError(output, name, fileSystem);
      return EXIT.cannotRun;
    }
    printError(output, name, `internal error: ${(error as Error).stack ?? String(error)}`.split('\n'));
    return EXIT.cannotRun;
  }
}

/**
 * `help [COMMAND]` (or `--help COMMAND`): the general help, or COMMAND's own, which the command
 * prints for `--help`; an unknown COMMAND is answered as a mistyped command is (exit 2).
 */
async function printHelp(commandName: string | undefined, output: CliOutput, context: CliContext): Promise<number> {
  if (commandName === undefined) {
    output.out(MAIN_HELP);
    return EXIT.ok;
  }
  const command = commandNamed(commandName);
  if (!command) {
    printError(output, 'help', `${unknownCommand(commandName)}${SEE_MAIN_HELP}`);
    return EXIT.cannotRun;
  }
  return command(['--help'], output, context);
}

/** `unknown command 'scna'; did you mean 'scan'?`, from the commands and the main options. */
function describeUnknownCommand(name: string): string {
  if (name.startsWith('-')) {
    // The options of every command too: `--colour` before the command is a misspelt --color.
    const all = [...MAIN_OPTIONS.help, ...MAIN_OPTIONS.version, COLOUR_FLAGS.on, COLOUR_FLAGS.off, MAX_FILE_SIZE_OPTION];
    // A short option in the other case (-v for -V) is one letter from it: name it rather than a long one.
    const otherCase = all.find((option) => /^-[^-]$/.test(option) && option !== name && option.toLowerCase() === name.toLowerCase());
    if (otherCase) return `unknown option '${name}'; did you mean '${otherCase}'?`;
    return `unknown option '${name}'${didYouMean(name, all.filter((option) => option.startsWith('--')))}`;
  }
  return unknownCommand(name);
}

/** `unknown command 'scna'; did you mean 'scan'?`, from the commands only. */
function unknownCommand(name: string): string {
  return `unknown command '${name}'${didYouMean(name, Object.keys(COMMANDS))}`;
}

/** The command called `name`, or undefined (never a property every object has, such as `toString`). */
function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** `output` with its colour decided; `closed` still read from `output` (it changes while a command runs). */
function withColour(output: CliOutput, colour: { out: boolean; err: boolean }): CliOutput {
  return {
    out: (text) => output.out(text),
    err: (text) => output.err(text),
    isTTY: output.isTTY,
    colour,
    get closed() {
      return output.closed === true;
    },
    drained: () => output.drained?.() ?? Promise.resolve(),
  };
}
