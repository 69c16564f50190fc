/**
 * What a brat export writes into its folder, the same for the CLI (`export --format brat`) and
 * the editor ("Export annotations…"): each source's copy and `.ann` under its brat name (bratNames),
 * a source renamed because another has its name said in the same words, and no file (copy,
 * `.ann`, annotation.conf, visual.conf) ever written over one the export did not make, refused in
 * the same words.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describeFsError, notRegularReason, readTextFile } from '../files/read-text-file';
import { BRAT_CONF_MARK, bratNames } from './brat';

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

/** Why a pair (`.txt` and `.ann`) in a folder without an earlier export's annotation.conf is not the export's: another brat project's, say. */
const NOT_AN_EXPORT_FOLDER = `the folder holds no annotation.conf of an earlier export (beginning "${BRAT_CONF_MARK}"), so it is not one`;

/**
 * Why the copy of a source (`text`) must not be written at `path` (its `.txt` in the export's
 * folder): a file is there that this export did not make, that is, not the same text and not an
 * earlier export's copy (its `.ann` beside it, in a folder an earlier export wrote its
 * annotation.conf into: `earlierExport`); a FIFO, a folder or a device there is refused too,
 * unread. Undefined when nothing is there or the file is the export's own.
 */
export async function bratCopyRefusal(path: string, text: string, earlierExport: boolean): Promise<string | undefined> {
  const existing = await readTextFile(path, { kind: 'source' });
  if (!existing.ok && existing.failure === 'missing') return undefined;
  if (!existing.ok && existing.failure === 'not-regular') return existing.reason;
  if (existing.ok && existing.text === text) return undefined;
  const previousAnn = await fs.stat(`${path.slice(0, -'.txt'.length)}.ann`).then((stat) => stat.isFile(), () => false);
  if (!previousAnn) return 'already exists and is not a copy made by an earlier export (it has no .ann beside it)';
  return earlierExport ? undefined : `already exists with an .ann beside it, and ${NOT_AN_EXPORT_FOLDER}`;
}

/**
 * Why a source's `.ann` must not be written at `path`: a file is there that an earlier export
 * did not make. The export's `.ann` has its copy (`.txt`) beside it, as bratCopyRefusal takes a
 * copy with its `.ann` beside it for the export's: one pair, recognised from either side, and
 * only in a folder an earlier export wrote its annotation.conf into (`earlierExport`).
 */
export async function bratAnnRefusal(path: string, earlierExport: boolean): Promise<string | undefined> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : describeFsError(error);
  }
  const special = notRegularReason(stat);
  if (special) return special;
  const copy = await fs.stat(`${path.slice(0, -'.ann'.length)}.txt`).then((s) => s.isFile(), () => false);
  if (!copy) return 'already exists and is not an .ann made by an earlier export (it has no .txt beside it)';
  return earlierExport ? undefined : `already exists, and ${NOT_AN_EXPORT_FOLDER}`;
}

/**
 * Why annotation.conf or visual.conf must not be written at `path`: a file is there that does
 * not begin as the export writes them (BRAT_CONF_MARK), such as a brat project's own settings.
 */
export async function bratConfRefusal(path: string): Promise<string | undefined> {
  const existing = await readTextFile(path, { kind: 'source' });
  if (!existing.ok && existing.failure === 'missing') return undefined;
  if (!existing.ok && existing.failure === 'not-regular') return existing.reason;
  if (existing.ok && existing.text.startsWith(BRAT_CONF_MARK)) return undefined;
  return `already exists and was not written by an export (it does not begin with "${BRAT_CONF_MARK}")`;
}

/** annotation.conf and visual.conf in `folder`. */
export function bratConfPaths(folder: string): [annotationConf: string, visualConf: string] {
  return [join(folder, 'annotation.conf'), join(folder, 'visual.conf')];
}

/** The files a brat export writes into `folder`: per source (by its `stem`, the path without `.txt`) its copy and `.ann`, then the two confs. */
export function bratFolderFiles(folder: string, stems: readonly string[]): string[] {
  return [...stems.flatMap((stem) => [`${stem}.txt`, `${stem}.ann`]), ...bratConfPaths(folder)];
}

/**
 * The first file of a brat export into `folder` that would replace a file the export did not
 * make, with the reason; undefined when every one is new or the export's own. Checked for all
 * before anything is written, so a refusal leaves the folder as it was.
 */
export async function bratFolderRefusal(folder: string, copies: readonly { stem: string; text: string }[]): Promise<{ path: string; reason: string } | undefined> {
  // The confs first: a brat project's own annotation.conf is the plainest reason to stop.
  for (const path of bratConfPaths(folder)) {
    const refused = await bratConfRefusal(path);
    if (refused) return { path, reason: refused };
  }
  const [annotationConf] = bratConfPaths(folder);
  const earlierExport = await readTextFile(annotationConf, { kind: 'source' }).then((read) => read.ok && read.text.startsWith(BRAT_CONF_MARK));
  for (const { stem, text } of copies) {
    const copy = await bratCopyRefusal(`${stem}.txt`, text, earlierExport);
    if (copy) return { path: `${stem}.txt`, reason: copy };
    const ann = await bratAnnRefusal(`${stem}.ann`, earlierExport);
    if (ann) return { path: `${stem}.ann`, reason: ann };
  }
  return undefined;
}
