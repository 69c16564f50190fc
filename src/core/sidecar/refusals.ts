/**
 * Why a sidecar must not be edited, in the words every face shows: it has errors, or it names
 * another source than its own file name says.
 */
import { basename } from 'node:path';
import { firstErrorNote } from '../problems/problem';
import { SIDECAR_SUFFIX, sourceNameFor } from './model';
import type { SidecarDocument } from './sidecar-io';

/**
 * Why the sidecar at `sidecarPath` (shown as `name`), whose `source` is `named`, must not be
 * written: it names another file than its own name says (a copied or renamed sidecar), so its
 * tags point into that file. Undefined when the two agree.
 */
export function otherSourceRefusal(sidecarPath: string, named: string | undefined, name: string = sidecarPath): string | undefined {
  const expected = sourceNameFor(basename(sidecarPath));
  if (named === undefined || !expected || named === expected) return undefined;
  return `its sidecar ${name} belongs to another file: it says "source: ${named}", not ${expected}, so its tags point into ${named}; nothing was written (rename the sidecar to ${named}${SIDECAR_SUFFIX}, or correct "source")`;
}

/**
 * Why a command must not edit the sidecar `doc` (named `name`) because it has errors, quoting the
 * first as `name:line:column: message`; undefined when it can be edited.
 */
export function sidecarErrorsRefusal(doc: SidecarDocument, name: string): string | undefined {
  if (doc.writable && doc.sidecar) return undefined;
  return `the sidecar ${name} has errors${firstErrorNote(name, doc.problems)}; fix them first (legal-annotator check shows them all), nothing was written`;
}

/** Why the existing sidecar `doc` at `path` must not be edited (it has errors or names another source), or undefined. */
export function existingSidecarRefusal(doc: SidecarDocument, path: string): string | undefined {
  return sidecarErrorsRefusal(doc, path) ?? otherSourceRefusal(path, doc.sidecar?.source);
}
