/** Running git for the commands that read or set up the repository (agree, report --compare, git-setup): its errors one line. */
import { runGit } from '../core/team/git';
import { CliError } from './output';

/** git's standard output for `args`, run in `cwd`; a failure stops the command (CliError, exit 2) with git's own message. */
export async function git(args: readonly string[], cwd: string = process.cwd()): Promise<string> {
  const result = await runGit(args, { cwd });
  if (!result.ok) throw new CliError(`git ${args[0]}: ${result.reason}`);
  return result.stdout;
}
