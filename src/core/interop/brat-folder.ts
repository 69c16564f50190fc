/**
 * What a brat export writes into its folder, the same for the CLI (`export --format brat`) and
 * the editor ("Export annotations…"): each source's copy and `.ann` under its brat name (bratNames),
 * a source renamed because another has its name said in the same words, annotation.conf and
 * visual.conf; and no file ever written over one the export did not make, refused in the same
 * words.
 *
 * An export lists in its annotation.conf the SHA-256 of each copy and `.ann` it writes (comment
 * lines, which brat skips). A later export replaces a copy or `.ann` only when its bytes are
 * still those listed: one annotated in brat since, another project's file under the same name, or
 * a file of a sub-collection is refused, never replaced.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeTargetRefusal } from '../files/atomic-write';
import { SKIPPED_FOLDER_NAMES } from '../files/skipped-folders';
import { walkFiles } from '../files/walk-files';
import { describeFsError, readTextFile } from '../files/read-text-file';
import { BRAT_CONF_MARK, bratNames } from './brat';

/** A comment line of annotation.conf naming a file the export wrote: `# written by the export: <sha256> <path as JSON>`. */
const WRITTEN_LINE = /^# written by the export: ([0-9a-f]{64}) (".*")$/;

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

/** annotation.conf and visual.conf in `folder`. */
export function bratConfPaths(folder: string): [annotationConf: string, visualConf: string] {
  return [join(folder, 'annotation.conf'), join(folder, 'visual.conf')];
}

/** A file of a brat export: where it goes and what it holds. */
export interface BratFile {
  path: string;
  text: string;
}

/** One source's copy and `.ann` (`stem`: the path without `.txt`). */
export interface BratPair {
  stem: string;
  text: string;
  ann: string;
}

function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function folderPath(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/**
 * The SHA-256 each copy and `.ann` had when an earlier export wrote it, by path relative to the
 * folder (several for a path when an export was interrupted), from the folder's annotation.conf;
 * empty when it holds none or is not an export's.
 */
export async function bratWrittenHashes(folder: string): Promise<Map<string, Set<string>>> {
  const written = new Map<string, Set<string>>();
  const conf = await readTextFile(bratConfPaths(folder)[0], { kind: 'source' });
  if (!conf.ok || !conf.text.startsWith(BRAT_CONF_MARK)) return written;
  for (const line of conf.text.split('\n')) {
    const match = WRITTEN_LINE.exec(line);
    if (!match) continue;
    let path: unknown;
    try {
      path = JSON.parse(match[2]);
    } catch {
      continue;
    }
    if (typeof path === 'string') written.set(path, (written.get(path) ?? new Set()).add(match[1]));
  }
  return written;
}

/**
 * Every file a brat export of `pairs` writes into `folder`, annotation.conf first: `annotationConf`
 * (bratAnnotationConf's text) with a line for each copy and `.ann` giving its SHA-256, and beside
 * it, for a file being replaced, the hash of what is there now (`replaced`, from bratFolderRefusal):
 * an export cut short then leaves each file as one of the hashes listed, and can be run again.
 */
export function bratExportFiles(folder: string, pairs: readonly BratPair[], confs: { annotationConf: string; visualConf: string }, replaced: ReadonlyMap<string, string> = new Map()): BratFile[] {
  const [annotationConf, visualConf] = bratConfPaths(folder);
  const files = bratPairFiles(pairs);
  const lines = files.flatMap(({ path, text }) => {
    const key = folderPath(folder, path);
    const hashes = new Set([sha256(text), ...(replaced.has(key) ? [replaced.get(key)!] : [])]);
    return [...hashes].map((hash) => `# written by the export: ${hash} ${JSON.stringify(key)}`);
  });
  const [mark, ...rest] = confs.annotationConf.split('\n');
  return [
    { path: annotationConf, text: [mark, ...lines, ...rest].join('\n') },
    { path: visualConf, text: confs.visualConf },
    ...files,
  ];
}

/** Each pair's copy and `.ann`, as files. */
export function bratPairFiles(pairs: readonly BratPair[]): BratFile[] {
  return pairs.flatMap(({ stem, text, ann }) => [{ path: `${stem}.txt`, text }, { path: `${stem}.ann`, text: ann }]);
}

/** Why the conf at `path` must not be replaced: one that does not begin as an export writes it (BRAT_CONF_MARK), such as a brat project's own. */
async function confRefusal(path: string): Promise<string | undefined> {
  const existing = await readTextFile(path, { kind: 'source' });
  if (!existing.ok && existing.failure === 'missing') return undefined;
  if (!existing.ok) return existing.reason;
  if (existing.text.startsWith(BRAT_CONF_MARK)) return undefined;
  return `already exists and was not written by an export (it does not begin with "${BRAT_CONF_MARK}")`;
}

/**
 * The first file of a brat export of `files` (bratPairFiles) into `folder`, its confs included,
 * that would replace a file the export did not make, with the reason, and else the hash of each
 * copy and `.ann` it replaces (for bratExportFiles). Checked for all before anything is written,
 * so a refusal leaves the folder as it was. A link or special file in the place of any of them is
 * refused without being read.
 */
export async function bratFolderRefusal(folder: string, files: readonly BratFile[]): Promise<{ refused: { path: string; reason: string } } | { replaced: Map<string, string> }> {
  const confs = bratConfPaths(folder);
  for (const path of [...confs, ...files.map((file) => file.path)]) {
    const special = await writeTargetRefusal(path);
    if (special) return { refused: { path, reason: special } };
  }
  for (const path of confs) {
    const reason = await confRefusal(path);
    if (reason) return { refused: { path, reason } };
  }
  const written = await bratWrittenHashes(folder);
  const foreign = await foreignAnnFile(folder, files, written);
  if (foreign) return { refused: { path: foreign, reason: 'is the annotations of a brat project this export did not write (its annotation.conf would be replaced by ours or added to its folder): export into an empty folder' } };
  const replaced = new Map<string, string>();
  for (const { path, text } of files) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      return { refused: { path, reason: describeFsError(error) } };
    }
    if (bytes.equals(Buffer.from(text, 'utf8'))) continue;
    const hash = sha256(bytes);
    const key = folderPath(folder, path);
    if (!written.get(key)?.has(hash)) {
      return { refused: { path, reason: 'already exists and is not what an earlier export wrote there (changed since, as by annotating it in brat, or another project\'s file): bring its annotations in with import --format brat, then remove it, or export into an empty folder' } };
    }
    replaced.set(key, hash);
  }
  return { replaced };
}

/**
 * An `.ann` under `folder` that no export listed and this one does not write: another brat
 * project's, with or without a name this export would use. Its folder would get our
 * annotation.conf, whose entity types are not its.
 */
async function foreignAnnFile(folder: string, files: readonly BratFile[], written: ReadonlyMap<string, Set<string>>): Promise<string | undefined> {
  const ours = new Set(files.map(({ path }) => folderPath(folder, path)));
  const walked = await walkFiles(folder, { skipFolders: SKIPPED_FOLDER_NAMES, dot: true, accept: (path) => path.endsWith('.ann') }).catch(() => undefined);
  return walked?.files.find((path) => {
    const key = folderPath(folder, path);
    return !written.has(key) && !ours.has(key);
  });
}
