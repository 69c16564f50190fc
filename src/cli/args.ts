/**
 * Option parsing for every command: node:util's parseArgs (strict, positionals allowed), with
 * its errors turned into one line for people: an unknown option names the nearest known one
 * ("did you mean"), a missing value says which option needs it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../core/text/edit-distance';
import { COLOUR_FLAGS } from './colour';
import { MAX_FILE_SIZE_OPTION } from './size-limit';
import { CliError } from './output';

type OptionsTable = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends OptionsTable> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** Parses `args` of `command` against its `options`; bad usage throws a CliError (exit 2). */
/** `alsoKnown`: options the command took out of `args` itself (`--compare A B`), offered as "did you mean" too. */
export function parseCommandArgs<T extends OptionsTable>(command: string, args: string[], options: T, alsoKnown: readonly string[] = []): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    throw new CliError(describeBadUsage(command, args, options, alsoKnown) ?? lowerFirst((error as Error).message));
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** `; did you mean 'x'?` for a mistyped `given`, or '' when no candidate is close. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const nearest = closestName(given, candidates);
  return nearest === undefined ? '' : `; did you mean '${nearest}'?`;
}

/**
 * The error for a value of `option` that is none of `choices`: "unknown --format 'jsn' (expected
 * json or text); did you mean 'json'?".
 */
export function unknownChoice(option: string, given: string, choices: readonly string[]): CliError {
  const expected = choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  return new CliError(`unknown ${option} '${given}' (expected ${expected})${didYouMean(given, choices)}`);
}

/** The first unknown option or misused value, found by reading the tokens parseArgs sees without its checks. */
function describeBadUsage(command: string, args: string[], options: OptionsTable, alsoKnown: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const known = [...Object.keys(options).map((name) => `--${name}`), ...alsoKnown, COLOUR_FLAGS.on, COLOUR_FLAGS.off, MAX_FILE_SIZE_OPTION];
      const hint = didYouMean(token.rawName, known);
      return `unknown option '${token.rawName}'${hint || ` (see legal-annotator ${command} --help)`}`;
    }
    if (option.type === 'string' && token.value === undefined) return `option '${token.rawName}' needs a value`;
    // parseArgs takes a value that starts with a dash only written `--quote=-2`: it could be a mistyped option.
    if (option.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return `option '${token.rawName}' was given '${token.value}', which reads as an option: write ${token.rawName}='${token.value}'`;
    }
    if (option.type === 'boolean' && token.inlineValue) return `option '${token.rawName}' takes no value`;
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
