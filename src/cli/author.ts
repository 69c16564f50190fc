/** The author the CLI writes on what it creates (tag, import). */
import { defaultAuthor } from '../core/team/author';
import { CliError } from './output';

/**
 * `--author NAME` when given, else the default seen from `folder`: git user.name, the OS account
 * name, `unknown`. A blank NAME is refused rather than replaced: who tagged is part of the
 * evidence, and `--author "$NAME"` with NAME unset should not record someone else.
 */
export async function cliAuthor(given: string | undefined, folder: string): Promise<string> {
  if (given === undefined) return defaultAuthor(folder);
  const name = given.trim();
  if (!name) throw new CliError('--author was given an empty name; give a name, or leave --author out for git config user.name');
  return name;
}
