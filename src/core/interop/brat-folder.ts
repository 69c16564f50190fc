/**
 * What a brat export writes into its folder, the same for the CLI (`export --format brat`) and
 * the editor ("Export annotations…"): each source's copy and `.ann` under its brat name (bratNames),
 * a source renamed because another has its name said in the same words, and a copy never written
 * over a file the export did not make, refused in the same words.
 */
import { promises as fs } from 'node:fs';
import { readTextFile } from '../files/read-text-file';
import { bratNames } from './brat';

/** Why a brat export writes nothing: `<copy> <reason>; nothing was written (choose an empty folder)`. */
export function bratRefusalMessage(shownCopy: string, reason: string): string {
  return `${shownCopy} ${reason}; nothing was written (choose an empty folder)`;
}

/**
 * The brat name of each source path, in order (bratNames), and for one that cannot have its own
 * (`x.txt` beside `x`) what to tell the user: `x.txt: exported as x~2.txt and x~2.ann (x.txt is
 * another source's copy)`.
 */
export function bratCopyNames(relativePaths: readonly string[]): { name: string; renamed?: string }[] {
  return bratNames(relativePaths).map(({ name, wanted }, i) =>
    (name === wanted ? { name } : { name, renamed: `${relativePaths[i]}: exported as ${name}.txt and ${name}.ann (${wanted}.txt is another source's copy)` }));
}

/**
 * Why the copy of a source (`text`) must not be written at `path` (its `.txt` in the export's
 * folder): a file is there that this export did not make, that is, not the same text and no `.ann`
 * of an earlier export beside it; a FIFO, a folder or a device there is refused too, unread.
 * Undefined when nothing is there or the file is the export's own.
 */
export async function bratCopyRefusal(path: string, text: string): Promise<string | undefined> {
  const existing = await readTextFile(path, { kind: 'source' });
  if (!existing.ok && existing.failure === 'missing') return undefined;
  if (!existing.ok && existing.failure === 'not-regular') return existing.reason;
  if (existing.ok && existing.text === text) return undefined;
  const previousAnn = await fs.stat(`${path.slice(0, -'.txt'.length)}.ann`).then((stat) => stat.isFile(), () => false);
  return previousAnn ? undefined : 'already exists and is not a copy made by an earlier export (it has no .ann beside it)';
}
