/** Running git for the commands that read or set up the repository (agree, git-setup): no shell, its errors one line. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CliError } from './output';

const run = promisify(execFile);

/** git's standard output for `args`, run in `cwd`; a failure stops the command (CliError, exit 2) with git's own message. */
export async function git(args: readonly string[], cwd: string = process.cwd()): Promise<string> {
  try {
    return (await run('git', [...args], { cwd, maxBuffer: 1 << 30 })).stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new CliError(`git ${args[0]}: ${stderr || (error as Error).message}`);
  }
}
