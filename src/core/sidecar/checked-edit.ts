/**
 * The two guards of every edit of a YAML file the tool writes (a sidecar, the incidents file):
 * a document read with errors is never changed, and an edit is returned only once its result,
 * read again, says what the edit meant. Generic over the document type; each kind of file says
 * how it is named, read and what its content is (CheckedFileKind).
 */
import type { Problem } from '../problems/problem';
import { withBom } from '../text/decode';
import { applyEdit, type TextEdit } from './yaml-splice';

/** What the guards need of a document read from a file. */
export interface CheckedDocument {
  /** The file's text without its BOM. */
  readonly text: string;
  readonly hadBom: boolean;
  readonly problems: readonly Problem[];
  /** False when there is any error: such a document is never written back. */
  readonly writable: boolean;
}

/** One kind of file: its name in messages, how it is read, its content, the error its edits throw. */
export interface CheckedFileKind<D extends CheckedDocument, C> {
  /** What messages call the file: "sidecar", "incidents file". */
  readonly name: string;
  /** Reads the file's text (BOM included) that `edit` produced. */
  readonly read: (fileText: string, edit: TextEdit) => D;
  /** The content of a document read without errors; undefined otherwise. */
  readonly content: (doc: D) => C | undefined;
  readonly error: new (message: string) => Error;
}

/** `doc` itself, or the kind's error naming the first error (line:column message) when it has errors. */
export function expectWritableDocument<D extends CheckedDocument, C>(kind: CheckedFileKind<D, C>, doc: D): D {
  if (!doc.writable || kind.content(doc) === undefined) {
    const first = firstError(doc.problems);
    throw new kind.error(`the ${kind.name} has errors and cannot be changed${first ? `: ${first}` : ''}`);
  }
  return doc;
}

/** Applies `edit` (keeping the BOM), reads the result and returns it when its content is what `isExpected` accepts; throws otherwise. */
export function finishEdit<D extends CheckedDocument, C>(kind: CheckedFileKind<D, C>, doc: D, edit: TextEdit, isExpected: (content: C) => boolean): D {
  const next = kind.read(withBom({ text: applyEdit(doc.text, edit), hadBom: doc.hadBom }), edit);
  const content = kind.content(next);
  if (!next.writable || content === undefined || !isExpected(content)) {
    const first = firstError(next.problems);
    throw new kind.error(`internal error: the edit did not produce the expected ${kind.name}${first ? ` (${first})` : ''}`);
  }
  return next;
}

/** `line:column message` of the first error, or undefined when there is none. */
function firstError(problems: readonly Problem[]): string | undefined {
  const first = problems.find((p) => p.severity === 'error');
  return first && `${first.line}:${first.column} ${first.message}`;
}
