/**
 * Appending an annotation to a sidecar as text, without the `yaml` Document API, which reads
 * about 1.5 MB/s (a 23 MB sidecar of 100,000 annotations took `tag` 50 s: read, then verify).
 *
 * Only a clean file takes this path: read by the fast subset reader, valid against the schema,
 * with none of parseSidecar's problems (cleanFastRead). The new entry is rendered by the same
 * renderer, in the same layout, at the same place as addAnnotation puts it (after the last
 * item's last line, or in place of `annotations: []`), so the text is the one the Document path
 * writes. The result is read again with the fast reader and must be exactly the old sidecar plus
 * the new entry; anything else (a layout this file does not handle, a reader that declines the
 * result, another value) falls back to the Document path, which positions and verifies as ever.
 */
import { cleanFastRead } from '../sidecar/fast-sidecar';
import type { FastYamlLayout } from '../sidecar/fast-yaml';
import type { Problem } from '../problems/problem';
import { detectEol } from '../sidecar/yaml-source';
import type { Annotation, Sidecar } from '../sidecar/model';
import { addAnnotation, parseSidecar, SidecarEditError, sidecarFileText, type SidecarDocument } from '../sidecar/sidecar-io';
import { appendEdit } from '../sidecar/append-text';
import { sameJsonValue } from '../sidecar/same-json';

export { sameJsonValue };
import { applyEdit, type TextEdit } from '../sidecar/yaml-splice';

/** A sidecar read on the fast path: its text, its content, and what an append needs of its layout. */
export interface FastSidecar {
  readonly kind: 'fast';
  /** The file's text without its BOM. */
  readonly text: string;
  readonly hadBom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly sidecar: Sidecar;
  /** Only a clean file is read on this path: always writable, no problems (as SidecarDocument says them). */
  readonly writable: true;
  readonly problems: readonly Problem[];
  /** What detectIndentStep finds in the Document. */
  readonly indentStep: number;
  readonly lastEdit?: TextEdit;
}

/** A sidecar an annotation can be appended to: read either way. */
export type AppendableSidecar = SidecarDocument | FastSidecar;

export function isFastSidecar(doc: AppendableSidecar): doc is FastSidecar {
  return 'kind' in doc && doc.kind === 'fast';
}

/** The file read on the fast path, or undefined when it is not clean in the fast reader's subset. */
export function readFastSidecar(fileText: string): FastSidecar | undefined {
  const hadBom = fileText.charCodeAt(0) === 0xfeff;
  return readClean(hadBom ? fileText.slice(1) : fileText, hadBom);
}

/**
 * Appends an annotation: as text on a fast-read sidecar when that gives exactly the expected
 * sidecar, else through the Document API (addAnnotation, which throws SidecarEditError if it
 * cannot). Never returns a document that was not verified.
 */
export function appendAnnotation(doc: SidecarDocument, annotation: Annotation): SidecarDocument;
export function appendAnnotation(doc: AppendableSidecar, annotation: Annotation): AppendableSidecar;
export function appendAnnotation(doc: AppendableSidecar, annotation: Annotation): AppendableSidecar {
  if (!isFastSidecar(doc)) return addAnnotation(doc, annotation);
  return appendAnnotationAsText(doc, annotation) ?? addAnnotation(parseSidecar(sidecarFileText(doc)), annotation);
}

/** The fast path alone: undefined when it cannot append this entry to this file (exported for tests and the benchmark). */
export function appendAnnotationAsText(doc: FastSidecar, annotation: Annotation): FastSidecar | undefined {
  const { sidecar } = doc;
  if ([...sidecar.annotations, ...sidecar.dismissed].some((e) => e.id === annotation.id)) {
    throw new SidecarEditError(`id "${annotation.id}" is already used in this sidecar`);
  }
  const value = JSON.parse(JSON.stringify(annotation)) as Annotation;
  const edit = appendEdit(doc, value);
  if (!edit) return undefined;
  const next = readClean(applyEdit(doc.text, edit), doc.hadBom);
  const expected: Sidecar = { ...sidecar, annotations: [...sidecar.annotations, value] };
  if (!next || !sameJsonValue(next.sidecar, expected)) return undefined;
  return { ...next, lastEdit: edit };
}

function readClean(text: string, hadBom: boolean): FastSidecar | undefined {
  const layout: FastYamlLayout = {};
  const sidecar = cleanFastRead(text, layout);
  if (!sidecar) return undefined;
  return { kind: 'fast', text, hadBom, eol: detectEol(text), sidecar, writable: true, problems: [], indentStep: layout.indentStep ?? 2 };
}
