/**
 * One annotator's side of a comparison (`agree A B`, `report --compare A B`, the editor's
 * comparison): a folder holding their sidecars with the sources beside them, or `git:REF`, a
 * branch or commit of the repository around `cwd`, read with `git show` (nothing is checked out).
 * Sources are keyed by their path relative to the folder, or to `cwd` inside the repository, so
 * both sides of `git:main git:alice` or `alice/ bob/` line up.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { mapLimit } from '../files/map-limit';
import { readTextFile } from '../files/read-text-file';
import { walkFiles } from '../files/walk-files';
import { SIDECAR_SUFFIX, sourcePathFor, type Annotation } from '../sidecar/model';
import { parseSidecar, type SidecarDocument } from '../sidecar/sidecar-io';
import { firstErrorNote } from '../problems/problem';
import type { AnnotatedText } from './agreement';
import { decodeSourceText, type DecodeResult } from '../text/decode';
import { runGitBytes } from './git';

export const GIT_SIDE_PREFIX = 'git:';

/** Sidecars of a folder side read at once. */
const FOLDER_READS_IN_FLIGHT = 16;

export interface AnnotatorSide {
  /** Sidecars by source path (relative, '/'-separated), with the text of each source. */
  sources: Map<string, { text: string; annotations: Annotation[] }>;
  /** Sidecars left out, each a line naming the file and why. */
  problems: string[];
  /** The sources of the sidecars left out: what this side says of them is not known, so they are compared on neither side. */
  leftOut: Set<string>;
}

export interface SideOptions {
  /** Where a folder is resolved and git runs; default: the process's folder. */
  cwd?: string;
  /** Only sources under these paths (relative to the side); none: all. */
  scopes?: readonly string[];
  /** Folder names a folder walk never enters (node_modules, .git, ...). */
  skipFolders?: readonly string[];
  /** false: read the sidecars only, each source's text left '' (the editor anchors against the open text). */
  sourceTexts?: boolean;
}

type ReadOptions = Pick<SideOptions, 'scopes' | 'sourceTexts'>;

/** A side that cannot be read at all (no such folder, an unknown ref, no git): the comparison cannot run. */
export class AnnotatorSideError extends Error {}

function inScope(path: string, scopes: readonly string[]): boolean {
  return scopes.length === 0 || scopes.some((scope) => path === scope || path.startsWith(`${scope.replace(/\/$/, '')}/`));
}

/** Runs git with these arguments (in the right folder) and resolves with its output as bytes; a failure rejects. */
export type GitRunner = (args: readonly string[]) => Promise<Buffer>;

/** A GitRunner over runGitBytes in `cwd`: a failure throws AnnotatorSideError with git's message. */
export function gitRunnerIn(cwd: string | undefined): GitRunner {
  return async (args) => {
    const result = await runGitBytes(args, { cwd });
    if (!result.ok) throw new AnnotatorSideError(`git ${args[0]}: ${result.reason}`);
    return result.stdout;
  };
}

/** A file of `ref` as text, checked and decoded as every text file is; why not, when it is not text. */
async function gitFileText(git: GitRunner, ref: string, path: string): Promise<DecodeResult> {
  return decodeSourceText(await git(['show', `${ref}:${path}`]));
}

/** Why a sidecar is left out: it could not be read, or its first error, positioned (`check` shows them all). */
function whySidecarLeftOut(shown: string, read: { ok: true } | { ok: false; reason: string }, doc: SidecarDocument | undefined): string {
  return read.ok ? `the sidecar has errors${firstErrorNote(shown, doc?.problems ?? [])}` : read.reason;
}

/** The side of git ref `ref`, read through `git` (which runs in the folder the paths are relative to). */
export async function readGitSide(git: GitRunner, ref: string, options: ReadOptions = {}): Promise<AnnotatorSide> {
  const side: AnnotatorSide = { sources: new Map(), problems: [], leftOut: new Set() };
  const prefix = (await git(['rev-parse', '--show-prefix'])).toString('utf8').trim();
  const files = (await git(['ls-tree', '-r', '-z', '--name-only', ref])).toString('utf8').split('\0').filter((f) => f.endsWith(SIDECAR_SUFFIX));
  for (const file of files) {
    const local = file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (local === undefined || !inScope(local, options.scopes ?? [])) continue;
    const sidecarText = await gitFileText(git, ref, file);
    const doc = sidecarText.ok ? parseSidecar(sidecarText.text) : undefined;
    const source = doc?.sidecar && sourcePathFor(file);
    const key = sourcePathFor(local);
    if (!doc?.sidecar || !source) {
      const shown = `${GIT_SIDE_PREFIX}${ref}:${file}`;
      side.problems.push(`${shown}: ${whySidecarLeftOut(shown, sidecarText, doc)}; left out`);
      if (key !== undefined) side.leftOut.add(key);
      continue;
    }
    const text = options.sourceTexts === false ? { ok: true as const, text: '' } : await gitFileText(git, ref, source).catch(() => ({ ok: true as const, text: '' }));
    if (!text.ok) {
      side.problems.push(`${GIT_SIDE_PREFIX}${ref}:${source}: its source ${text.reason}; left out`);
      if (key !== undefined) side.leftOut.add(key);
      continue;
    }
    side.sources.set(sourcePathFor(local)!, { text: text.text, annotations: doc.sidecar.annotations });
  }
  return side;
}

/** The side of a folder of sidecars (an absolute path), never entering `skipFolders`. */
export async function readFolderSide(folder: string, skipFolders: readonly string[], options: ReadOptions = {}): Promise<AnnotatorSide> {
  const side: AnnotatorSide = { sources: new Map(), problems: [], leftOut: new Set() };
  const scopes = options.scopes ?? [];
  const walked = await walkFiles(folder, { skipFolders, dot: true, accept: (path) => path.endsWith(SIDECAR_SUFFIX) && inScope(path, scopes) });
  if (walked.unreadable.length > 0 && walked.files.length === 0) throw new AnnotatorSideError(`${folder}: ${walked.unreadable[0].reason}`);
  // Read a few at a time: the disk is kept busy while a sidecar parses, never thousands of files open.
  type Read = { problem: string; source: string | undefined } | { source: string; text: string; annotations: Annotation[] };
  const read = await mapLimit(walked.files, FOLDER_READS_IN_FLIGHT, async (path): Promise<Read> => {
    const shown = relative(folder, path).split(sep).join('/');
    const sidecarText = await readTextFile(path, { kind: 'sidecar' });
    const doc = sidecarText.ok ? parseSidecar(sidecarText.text) : undefined;
    const sourceText = !doc?.sidecar ? undefined
      : options.sourceTexts === false ? { ok: true as const, text: '' } : await readTextFile(join(dirname(path), doc.sidecar.source), { kind: 'source' });
    if (!doc?.sidecar || !sourceText?.ok) {
      const path = join(folder, shown);
      return { problem: `${path}: ${!doc?.sidecar ? whySidecarLeftOut(path, sidecarText, doc) : `its source ${sourceText && !sourceText.ok ? sourceText.reason : 'cannot be read'}`}; left out`, source: sourcePathFor(shown) };
    }
    return { source: sourcePathFor(shown)!, text: sourceText.text, annotations: doc.sidecar.annotations };
  });
  for (const one of read) {
    if ('problem' in one) {
      side.problems.push(one.problem);
      if (one.source !== undefined) side.leftOut.add(one.source);
    } else side.sources.set(one.source, { text: one.text, annotations: one.annotations });
  }
  return side;
}

/** Reads the side `given` (a folder, or git:REF); throws AnnotatorSideError when it cannot be read at all. */
export async function readAnnotatorSide(given: string, options: SideOptions = {}): Promise<AnnotatorSide> {
  if (given.startsWith(GIT_SIDE_PREFIX)) {
    const ref = given.slice(GIT_SIDE_PREFIX.length);
    // A ref git would read as an option (`--help`, `--output=...`) is never passed to it.
    if (ref === '' || ref.startsWith('-')) throw new AnnotatorSideError(`${given}: not a git ref (give git:BRANCH, git:TAG or git:COMMIT)`);
    try {
      return await readGitSide(gitRunnerIn(options.cwd), ref, options);
    } catch (error) {
      if (error instanceof AnnotatorSideError) throw new AnnotatorSideError(`${given}: ${error.message}`);
      throw error;
    }
  }
  const folder = resolve(options.cwd ?? process.cwd(), given);
  const read = await readTextFile(folder);
  if (!read.ok && read.failure === 'missing') {
    const asRef = (await isGitRef(given, options.cwd)) ? `; a git ref ${given} exists: did you mean git:${given}?` : ' (give a folder of sidecars, or git:REF)';
    throw new AnnotatorSideError(`${given}: no such folder${asRef}`);
  }
  return readFolderSide(folder, options.skipFolders ?? [], options);
}

/** Whether `name` is a branch, tag or commit of the repository at `cwd` (false without git or a repository). */
async function isGitRef(name: string, cwd: string | undefined): Promise<boolean> {
  if (name === '' || name.startsWith('-')) return false;
  return (await runGitBytes(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], { cwd })).ok;
}

/** The sources of both sides, sorted; a source annotated on one side only counts with no tags on the other. */
export function pairSides(a: AnnotatorSide, b: AnnotatorSide): AnnotatedText[] {
  const known = (file: string) => !a.leftOut.has(file) && !b.leftOut.has(file);
  return [...new Set([...a.sources.keys(), ...b.sources.keys()])].filter(known).sort().map((file) => ({
    file,
    text: a.sources.get(file)?.text ?? b.sources.get(file)!.text,
    a: a.sources.get(file)?.annotations ?? [],
    b: b.sources.get(file)?.annotations ?? [],
  }));
}
