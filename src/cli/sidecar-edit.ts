/**
 * Changing the tags of a source from the command line (`untag`, `status`; `tag` shares the link,
 * source and lock checks): the sidecar is read and written under its lock (editSidecarFile: the
 * file re-read under the lock, the core edits of sidecar-io.ts, an atomic write), and refused,
 * with the reason, when it is a symbolic link, missing, has errors or belongs to another source.
 * Nothing is written unless every requested change applies.
 */
import { promises as fs } from 'node:fs';
import { SIDECAR_SUFFIX, sidecarPathFor, type Annotation } from '../core/sidecar/model';
import { editSidecarFile, sidecarTargetRefusal, type SidecarEditOutcome } from '../core/sidecar/sidecar-file';
import type { ReadOptions } from '../core/sidecar/sidecar-io';
import { existingSidecarRefusal } from '../core/sidecar/refusals';
import type { SidecarDocument } from '../core/sidecar/sidecar-io';
import { SIDECAR_LOCK_DEFAULTS, SidecarLockError, type SidecarLockOptions } from '../core/sidecar/sidecar-lock';
import { quoted } from '../core/text/quotes';
import { didYouMean } from './args';
import { CliError, EXIT, printError, printNote, type CliOutput } from './output';

/** The environment variable that sets how long a command waits for a sidecar's lock, in milliseconds. */
export const LOCK_WAIT_ENV = 'LEGAL_ANNOTATOR_LOCK_WAIT_MS';

/** The lock wait of the commands: LEGAL_ANNOTATOR_LOCK_WAIT_MS when it is a whole number, else the default. */
export function commandLockOptions(env: Readonly<Record<string, string | undefined>> = process.env): SidecarLockOptions {
  const given = env[LOCK_WAIT_ENV];
  return given !== undefined && /^\d+$/.test(given) ? { waitMs: Number(given) } : { waitMs: SIDECAR_LOCK_DEFAULTS.waitMs };
}

/**
 * editSidecarFile for a command: a lock not had in time, or that cannot be made, stops the
 * command (CliError, exit 2, naming the sidecar; nothing was written). `read` says how the file
 * is read under the lock (parseSidecar's options).
 */
export async function editSidecarForCommand<T>(path: string, edit: (doc: SidecarDocument | undefined) => SidecarEditOutcome<T> | Promise<SidecarEditOutcome<T>>, read?: ReadOptions): Promise<T> {
  try {
    return await editSidecarFile(path, edit, { ...commandLockOptions(), read });
  } catch (error) {
    if (error instanceof SidecarLockError) throw new CliError(error.message);
    throw error;
  }
}

/** Why the sidecar `doc` at `path` must not be edited, or undefined. */
function editRefusal(doc: SidecarDocument | undefined, path: string): string | undefined {
  if (!doc) return `has no sidecar (${path} does not exist), so it has no tags`;
  return existingSidecarRefusal(doc, path);
}

/** The tags of a sidecar that `untag` or `status` edits, as the file holds them under its lock; `name` is the sidecar's path. */
export interface FoundTags {
  doc: SidecarDocument;
  tags: Annotation[];
  name: string;
}

/**
 * `command` (untag, status) editing the tags of these ids in the sidecar of FILE: `edit` (see
 * editTags) returns the document to write and the messages to print, each on standard error
 * after `FILE: `; a refusal is printed with its reason. Returns the exit code: 0 edited, 1 refused.
 */
export async function runTagEdit(output: CliOutput, command: string, file: string, ids: readonly string[], edit: (found: FoundTags) => SidecarEditOutcome<string[]>): Promise<number> {
  const edited = await editTags(file, ids, edit);
  if (!edited.ok) {
    printError(output, command, `${file}: ${edited.reason}`);
    return EXIT.problems;
  }
  for (const message of edited.value) printNote(output, `${file}: ${message}`);
  return EXIT.ok;
}

/**
 * Edits the tags of these ids in the sidecar of FILE (a source, or the sidecar itself) under the
 * sidecar's lock: `edit` gets them as the file holds them now and returns the document to write
 * (or none). A FILE that does not exist (and has no sidecar) or is a folder stops the command
 * (CliError, exit 2); a sidecar that is missing, a link, has errors, names another source or
 * lacks one of the ids is a refusal with the reason, and nothing is written.
 */
async function editTags<T>(file: string, ids: readonly string[], edit: (found: FoundTags) => SidecarEditOutcome<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  // Named as FILE was given (an absolute FILE gives an absolute name), as scan echoes its paths.
  const path = file.endsWith(SIDECAR_SUFFIX) ? file : sidecarPathFor(file);
  await assertFile(file, path);
  const link = await sidecarTargetRefusal(path);
  if (link) return { ok: false, reason: link };
  return editSidecarForCommand(path, (doc): SidecarEditOutcome<{ ok: true; value: T } | { ok: false; reason: string }> => {
    const refusal = editRefusal(doc, path);
    if (refusal || !doc) return { value: { ok: false, reason: refusal ?? '' } };
    const found = findTags(doc, ids, path);
    if ('reason' in found) return { value: { ok: false, reason: found.reason } };
    const outcome = edit({ doc, tags: found.tags, name: path });
    return { write: outcome.write, value: { ok: true, value: outcome.value } };
  });
}

/** The `--id` values of `command`, each once; none is bad usage. */
export function requiredIds(given: readonly string[] | undefined, command: string): string[] {
  const ids = [...new Set(given ?? [])];
  if (ids.length === 0) throw new CliError(`--id is required: the id of the tag (see legal-annotator ${command} --help)`);
  return ids;
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
  return `tag ${tag.id} (${tag.category}, ${quoted(tag.target.exact)})`;
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
