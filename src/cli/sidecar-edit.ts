/**
 * Changing the tags of a source from the command line (`untag`, `status`; `tag` shares the link
 * check): the sidecar is read and written as the editor does (readSidecarFile, the core edits of
 * sidecar-io.ts, writeSidecarFile's atomic write), and refused, with the reason, when it is a
 * symbolic link, missing, or has errors. Nothing is written unless every requested change applies.
 */
import { promises as fs } from 'node:fs';
import { SIDECAR_SUFFIX, sidecarPathFor, type Annotation } from '../core/annotations/model';
import { readSidecarFile } from '../core/annotations/sidecar-file';
import type { SidecarDocument } from '../core/annotations/sidecar-io';
import { firstErrorNote } from '../core/validation/problem';
import { didYouMean } from './args';
import { CliError, EXIT, printError, type CliOutput } from './output';

/** Where a symbolic link at `path` points, or undefined when `path` is no link (or does not exist). */
export async function symbolicLinkTarget(path: string): Promise<string | undefined> {
  try {
    return (await fs.lstat(path)).isSymbolicLink() ? await fs.readlink(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a tag-writing command must not write the sidecar at `path` (shown as `name`): an atomic
 * write renames over a link, so the file it points to would silently stop being the sidecar,
 * and a link may point out of the workspace. Undefined when it is no link.
 */
export async function sidecarLinkRefusal(path: string, name: string): Promise<string | undefined> {
  const link = await symbolicLinkTarget(path);
  if (link === undefined) return undefined;
  return `its sidecar ${name} is a symbolic link (to ${link}); the CLI writes only a regular sidecar file next to its source: replace the link with a copy of the file`;
}

type SidecarToEdit =
  | { ok: true; path: string; name: string; doc: SidecarDocument }
  | { ok: false; reason: string };

/**
 * The sidecar of FILE (a source, or the sidecar itself), ready for a core edit. A FILE that does
 * not exist (and has no sidecar) or is a folder stops the command (CliError, exit 2); a sidecar
 * that is missing, a link or has errors is a refusal with the reason.
 */
async function readSidecarToEdit(file: string): Promise<SidecarToEdit> {
  const path = file.endsWith(SIDECAR_SUFFIX) ? file : sidecarPathFor(file);
  await assertFile(file, path);
  // Named as FILE was given (an absolute FILE gives an absolute name), as scan echoes its paths.
  const name = path;
  const link = await sidecarLinkRefusal(path, name);
  if (link) return { ok: false, reason: link };
  const doc = await readSidecarFile(path);
  if (!doc) return { ok: false, reason: `has no sidecar (${name} does not exist), so it has no tags` };
  const errors = sidecarErrorsRefusal(doc, name);
  if (errors) return { ok: false, reason: errors };
  return { ok: true, path, name, doc };
}

/**
 * Why a command must not edit the sidecar `doc` (named `name`) because it has errors, quoting the
 * first as `name:line:column: message`; undefined when it can be edited.
 */
export function sidecarErrorsRefusal(doc: SidecarDocument, name: string): string | undefined {
  if (doc.writable && doc.sidecar) return undefined;
  return `the sidecar ${name} has errors${firstErrorNote(name, doc.problems)}; fix them first (legal-annotator check shows them all), nothing was written`;
}

export type TagsToEdit =
  | { ok: true; path: string; name: string; doc: SidecarDocument; tags: Annotation[] }
  | { ok: false; reason: string };

/** The sidecar of FILE (readSidecarToEdit) with its tags of these ids, or why not (nothing to write then). */
export async function readTagsToEdit(file: string, ids: readonly string[]): Promise<TagsToEdit> {
  const sidecar = await readSidecarToEdit(file);
  if (!sidecar.ok) return sidecar;
  const found = findTags(sidecar.doc, ids, sidecar.name);
  return 'reason' in found ? { ok: false, reason: found.reason } : { ...sidecar, tags: found.tags };
}

/** The `--id` values of `command`, each once; none is bad usage. */
export function requiredIds(given: readonly string[] | undefined, command: string): string[] {
  const ids = [...new Set(given ?? [])];
  if (ids.length === 0) throw new CliError(`--id is required: the id of the tag (see legal-annotator ${command} --help)`);
  return ids;
}

/** Prints why `command` refused to change FILE's tags; returns exit 1. */
export function refuseEdit(output: CliOutput, command: string, file: string, reason: string): number {
  printError(output, command, `${file}: ${reason}`);
  return EXIT.problems;
}

/** The tags with these ids, or why not all of them are there (the closest ids suggested). */
function findTags(doc: SidecarDocument, ids: readonly string[], name: string): { tags: Annotation[] } | { reason: string } {
  const annotations = doc.sidecar?.annotations ?? [];
  const tags: Annotation[] = [];
  for (const id of ids) {
    const tag = annotations.find((a) => a.id === id);
    if (tag) {
      tags.push(tag);
      continue;
    }
    if (doc.sidecar?.dismissed.some((d) => d.id === id)) return { reason: `"${id}" in ${name} is a dismissed claim, not a tag, nothing was written` };
    const known = annotations.map((a) => a.id);
    const hint = didYouMean(id, known) || (known.length === 0 ? '; it has no tags' : known.length <= 5 ? `; its tags: ${known.join(', ')}` : '');
    return { reason: `no tag with id "${id}" in ${name}, nothing was written${hint}` };
  }
  return { tags };
}

/** `tag a-1b2c3d4e (torture, "tortured")`, for messages. */
export function describeTag(tag: Annotation): string {
  return `tag ${tag.id} (${tag.category}, "${shortQuote(tag.target.exact)}")`;
}

/** A quote for a one-line message: at most 60 characters, line breaks shown as ⏎. */
export function shortQuote(exact: string): string {
  const short = exact.length > 60 ? `${exact.slice(0, 57)}...` : exact;
  return short.replace(/\r?\n/g, '⏎');
}

/** FILE must be a file, or a deleted source whose sidecar is still there (its tags can still be changed). */
async function assertFile(file: string, sidecarPath: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && sidecarPath !== file && (await exists(sidecarPath))) return;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (error as Error).message})`}`);
  }
  if (stat.isDirectory()) throw new CliError(`${file}: is a folder; give a source file (or its sidecar)`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}
