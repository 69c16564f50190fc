/**
 * Who wrote an annotation: every annotation the editor or the CLI writes carries `author`, so a
 * team can tell whose tag is whose when their branches meet. The default, when nobody names the
 * author: `git config user.name` (as the repository around the source sees it), then the editor's
 * setting `legalAnnotator.tags.author` (none in the CLI), then the operating system's account
 * name, then `unknown`: never empty.
 */
import { userInfo } from 'node:os';
import { gitUserName } from './git';

/** The author when git, the setting and the operating system name nobody. */
export const UNKNOWN_AUTHOR = 'unknown';

/** Reading git's user.name is a local file read: when git takes longer, it is hung, and the default moves on. */
export const AUTHOR_GIT_TIMEOUT_MS = 3_000;

/** The operating system's account name, or undefined where none can be read (a container's uid without a passwd entry). */
export function osUserName(): string | undefined {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? process.env.LOGNAME;
  }
  return name?.trim() || undefined;
}

/** The first candidate that is not blank (trimmed), else the OS account name, else `unknown`. */
export function chooseAuthor(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const name = candidate?.trim();
    if (name) return name;
  }
  return osUserName() ?? UNKNOWN_AUTHOR;
}

/**
 * The default author of what is written about a source in `folder`: `git config user.name` seen
 * from there, else `setting` (the editor's), else the OS account name, else `unknown`.
 */
export async function defaultAuthor(folder: string | undefined, setting?: string): Promise<string> {
  return chooseAuthor(await gitUserName(folder, AUTHOR_GIT_TIMEOUT_MS), setting);
}
