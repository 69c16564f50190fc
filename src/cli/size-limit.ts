/**
 * `--max-file-size MB`, an option of every command: the size bound of the sources and import
 * inputs it reads (core/files/limits.ts; sidecars and configs keep theirs). Taken out of the
 * arguments before the command parses its own, like --color.
 */
import { setUserFileLimitMb } from '../core/files/limits';
import { CliError } from './output';

export const MAX_FILE_SIZE_OPTION = '--max-file-size';

/** The arguments without the option, after setting the bound it gives (or the defaults). */
export function takeMaxFileSize(argv: readonly string[]): string[] {
  const rest: string[] = [];
  let mb: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === MAX_FILE_SIZE_OPTION) value = argv[++i] ?? '';
    else if (arg.startsWith(`${MAX_FILE_SIZE_OPTION}=`)) value = arg.slice(MAX_FILE_SIZE_OPTION.length + 1);
    else {
      rest.push(arg);
      continue;
    }
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new CliError(`${MAX_FILE_SIZE_OPTION} takes a size in MiB greater than 0 (got '${value}')`);
    mb = Number(value);
  }
  setUserFileLimitMb(mb, `${MAX_FILE_SIZE_OPTION} MB`);
  return rest;
}
