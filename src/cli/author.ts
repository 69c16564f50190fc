/** The author the CLI writes on what it creates (tag, import). */
import { defaultAuthor } from '../core/team/author';

/** `--author NAME` when given and not blank, else the default seen from `folder`: git user.name, the OS account name, `unknown`. */
export async function cliAuthor(given: string | undefined, folder: string): Promise<string> {
  const name = given?.trim();
  return name ? name : defaultAuthor(folder);
}
