import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runReport } from './commands/report';
import { runScan } from './commands/scan';
import { runTag } from './commands/tag';
import { CliError, EXIT, type CliContext, type CliOutput } from './output';

export const MAIN_HELP = `Usage: legal-annotator <command> [options]

Commands:
  scan FILE...    find states, dates and legal terms (JSON or text)
  check [PATH...] validate sidecars, the config and the taxonomy (text, JSON, SARIF)
  tag FILE ...    tag a passage of FILE with a violation category
  export ...      export annotations as W3C Web Annotation, brat standoff or CSV
  import ...      import brat or W3C Web Annotation files into sidecars
  report ...      the evidence matrix: categories x sources, quotes, legal basis (md, html)

Run legal-annotator <command> --help for a command's options.
`;

type Command = (args: string[], output: CliOutput, context: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  scan: runScan,
  check: runCheck,
  tag: runTag,
  export: runExport,
  import: runImport,
  report: runReport,
};

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], output: CliOutput, context: CliContext = {}): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(MAIN_HELP);
    return name === undefined ? EXIT.cannotRun : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`legal-annotator: unknown command '${name}' (see legal-annotator --help)\n`);
    return EXIT.cannotRun;
  }
  try {
    return await command(args, output, context);
  } catch (error) {
    if (error instanceof CliError || isParseArgsError(error)) {
      output.err(`legal-annotator ${name}: ${(error as Error).message}\n`);
      return EXIT.cannotRun;
    }
    output.err(`legal-annotator ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.cannotRun;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
