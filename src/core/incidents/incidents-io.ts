/**
 * Reading and editing the incidents file with the sidecar engine's YAML surgery: a read never
 * throws (syntax and schema problems come back positioned), a file with errors is never
 * written, and an edit replaces only the lines of the incident it changes (yaml-splice.ts), so
 * comments, quoting and the rest of the file stay byte for byte. Each edit re-reads its result
 * and throws unless it says exactly what the edit meant.
 */
import * as YAML from 'yaml';
import type { Problem } from '../problems/problem';
import { withBom } from '../text/decode';
import { hasErrors } from '../problems/problem';
import { validateYamlText } from '../sidecar/schema-validation';
import { sameJsonValue } from '../sidecar/same-json';
import { needsBreak, withoutUndefined } from '../sidecar/sidecar-io';
import { expectWritableDocument, finishEdit, type CheckedFileKind } from '../sidecar/checked-edit';
import { findKeyNode, locateNode, type YamlSource } from '../sidecar/yaml-source';
import { blockItemSpan, columnOf, detectIndentStep, lineStartOf, nextLineStart, renderBlockItem, type TextEdit } from '../sidecar/yaml-splice';
import { INCIDENTS_VERSION, type Evidence, type Incident, type IncidentsFile } from './model';

export interface IncidentsDocument {
  /** The file's text without its BOM. */
  readonly text: string;
  readonly hadBom: boolean;
  readonly source: YamlSource;
  /** The content, when the file is valid YAML that matches the schema. */
  readonly file?: IncidentsFile;
  readonly problems: readonly Problem[];
  /** False when there is any error: such a document is never written back. */
  readonly writable: boolean;
}

export class IncidentsEditError extends Error {
  override name = 'IncidentsEditError';
}

export function parseIncidents(fileText: string): IncidentsDocument {
  const validated = validateYamlText(fileText, 'incidents');
  const problems = [...validated.problems];
  const writable = !hasErrors(problems);
  return {
    text: validated.text,
    hadBom: validated.hadBom,
    source: validated,
    file: writable ? (validated.value as IncidentsFile) : undefined,
    problems,
    writable,
  };
}

/** The bytes to write: the text with the BOM it was read with. */
export function incidentsFileText(doc: Pick<IncidentsDocument, 'text' | 'hadBom'>): string {
  return withBom(doc);
}

/** A new incidents file with a short comment header and no incidents. */
export function newIncidentsDocument(eol: '\n' | '\r\n' = '\n'): IncidentsDocument {
  const text = [
    '# Legal Annotator incidents: each incident, its violation categories and the tagged',
    '# passages (source path and annotation id) that are evidence of their legal elements.',
    `version: ${INCIDENTS_VERSION}`,
    'incidents: []',
    '',
  ].join(eol);
  return expectWritable(parseIncidents(text));
}

export function addIncident(doc: IncidentsDocument, incident: Incident): IncidentsDocument {
  const { file } = expectWritable(doc);
  if (file!.incidents.some((existing) => existing.id === incident.id)) throw new IncidentsEditError(`an incident with id "${incident.id}" already exists`);
  const value = withoutUndefined(incident);
  const expected = [...file!.incidents, value];
  const seq = doc.source.document.get('incidents', true);
  const last = YAML.isSeq(seq) && !seq.flow ? seq.items.at(-1) : undefined;
  const span = YAML.isNode(last) ? blockItemSpan(doc.text, last) : undefined;
  const edit: TextEdit = span
    ? { start: span.end, end: span.end, newText: (needsBreak(doc.text, span.end) ? doc.source.eol : '') + renderBlockItem(value, { ...span, indentStep: indentStep(doc), eol: doc.source.eol }) }
    : rewriteIncidents(doc, expected);
  return finish(doc, edit, expected);
}

/**
 * Links a tag to an incident as evidence of `elements`: a new evidence entry, or, when the
 * incident already cites that tag, its elements joined with the new ones (no element twice).
 * A new entry is inserted as text after the incident's last one (or as a new `evidence:` list
 * at the end of the incident), so nothing else of the incident is re-rendered.
 */
export function addEvidence(doc: IncidentsDocument, incidentId: string, evidence: Evidence): IncidentsDocument {
  const change = (incident: Incident): Incident => {
    const list = [...(incident.evidence ?? [])];
    const index = list.findIndex((e) => e.source === evidence.source && e.annotation === evidence.annotation);
    if (index < 0) return { ...incident, evidence: [...list, withoutUndefined(evidence)] };
    const elements = [...new Set([...(list[index].elements ?? []), ...(evidence.elements ?? [])])];
    list[index] = { ...list[index], elements, ...(evidence.note !== undefined ? { note: evidence.note } : {}) };
    return { ...incident, evidence: list };
  };
  const { file } = expectWritable(doc);
  const index = file!.incidents.findIndex((incident) => incident.id === incidentId);
  const incident = file!.incidents[index];
  if (!incident) throw new IncidentsEditError(`no incident with id "${incidentId}"`);
  const changed = change(incident);
  const cited = (incident.evidence ?? []).findIndex((e) => e.source === evidence.source && e.annotation === evidence.annotation);
  const edit = cited < 0 ? appendEvidenceEdit(doc, index, withoutUndefined(evidence)) : rewriteEvidenceEdit(doc, index, cited, changed.evidence![cited]);
  if (!edit) return updateIncident(doc, incidentId, change);
  return finish(doc, edit, file!.incidents.map((x, i) => (i === index ? changed : x)));
}

/** Rewrites only the lines of evidence entry `at` of incident `index`, through its own node; undefined where it is not a block item. */
function rewriteEvidenceEdit(doc: IncidentsDocument, index: number, at: number, evidence: Evidence): TextEdit | undefined {
  const copy = YAML.parseDocument(doc.text, { keepSourceTokens: true });
  const node = copy.getIn(['incidents', index, 'evidence', at], true);
  if (!YAML.isMap(node) || node.flow) return undefined;
  const span = blockItemSpan(doc.text, node);
  if (!span) return undefined;
  for (const [key, value] of Object.entries(evidence)) {
    if (!sameJsonValue(node.toJSON()[key], value)) node.set(key, copy.createNode(value));
  }
  return { start: span.start, end: span.end, newText: renderBlockItem(node, { ...span, indentStep: indentStep(doc), eol: doc.source.eol }) };
}

/** The text insertion that appends `evidence` to incident `index`; undefined where the layout is not plain block YAML. */
function appendEvidenceEdit(doc: IncidentsDocument, index: number, evidence: Evidence): TextEdit | undefined {
  const seq = doc.source.document.get('incidents', true);
  const item = YAML.isSeq(seq) && !seq.flow ? seq.items[index] : undefined;
  if (!YAML.isMap(item) || item.flow) return undefined;
  const span = blockItemSpan(doc.text, item);
  if (!span) return undefined;
  const eol = doc.source.eol;
  const step = indentStep(doc);
  const list = item.get('evidence', true);
  if (YAML.isSeq(list) && !list.flow && list.items.length > 0) {
    const last = list.items.at(-1);
    const lastSpan = YAML.isNode(last) ? blockItemSpan(doc.text, last) : undefined;
    if (!lastSpan) return undefined;
    return { start: lastSpan.end, end: lastSpan.end, newText: (needsBreak(doc.text, lastSpan.end) ? eol : '') + renderBlockItem(evidence, { ...lastSpan, indentStep: step, eol }) };
  }
  if (list !== undefined) return undefined;
  // The incident's last value ends its span; blank lines and comments after it belong to what follows.
  const end = nextLineStart(doc.text, item.range![1]);
  const key = `${' '.repeat(span.contentColumn)}evidence:${eol}`;
  const rendered = renderBlockItem(evidence, { dashColumn: span.contentColumn + step, contentColumn: span.contentColumn + step + 2, indentStep: step, eol });
  return { start: end, end, newText: (needsBreak(doc.text, end) ? eol : '') + key + rendered };
}

/** Removes the incident's evidence entry for the tag `annotation` of `source`. */
export function removeEvidence(doc: IncidentsDocument, incidentId: string, source: string, annotation: string): IncidentsDocument {
  return updateIncident(doc, incidentId, (incident) => {
    const list = incident.evidence ?? [];
    if (!list.some((e) => e.source === source && e.annotation === annotation)) throw new IncidentsEditError(`incident "${incidentId}" cites no tag "${annotation}" of ${source}`);
    return { ...incident, evidence: list.filter((e) => !(e.source === source && e.annotation === annotation)) };
  });
}

/**
 * Replaces one incident by what `change` makes of it. Only that incident's lines are rewritten,
 * through its own `yaml` node (its comments and quoting mostly survive); the fields `change`
 * leaves alone keep their nodes.
 */
export function updateIncident(doc: IncidentsDocument, id: string, change: (incident: Incident) => Incident): IncidentsDocument {
  const { file } = expectWritable(doc);
  const index = file!.incidents.findIndex((incident) => incident.id === id);
  if (index < 0) throw new IncidentsEditError(`no incident with id "${id}"`);
  const before = file!.incidents[index];
  const after = withoutUndefined(change(before));
  const expected = file!.incidents.map((incident, i) => (i === index ? after : incident));
  const copy = YAML.parseDocument(doc.text, { keepSourceTokens: true });
  const item = (copy.get('incidents', true) as YAML.YAMLSeq).items[index];
  const span = YAML.isMap(item) ? blockItemSpan(doc.text, item) : undefined;
  if (!span || !YAML.isMap(item)) return finish(doc, rewriteIncidents(doc, expected), expected);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const next = (after as unknown as Record<string, unknown>)[key];
    if (sameJsonValue((before as unknown as Record<string, unknown>)[key], next)) continue;
    if (next === undefined) item.delete(key);
    else item.set(key, copy.createNode(next));
  }
  const edit = { start: span.start, end: span.end, newText: renderBlockItem(item, { ...span, indentStep: indentStep(doc), eol: doc.source.eol }) };
  return finish(doc, edit, expected);
}

/** Rewrites the whole `incidents` list (it is `[]`, a flow sequence, or missing); the key line and its comment stay. */
function rewriteIncidents(doc: IncidentsDocument, incidents: readonly Incident[]): TextEdit {
  const eol = doc.source.eol;
  const key = findKeyNode(doc.source.document.contents, 'incidents');
  const keyColumn = key?.range ? columnOf(doc.text, key.range[0]) : 0;
  const layout = { dashColumn: keyColumn + 2, contentColumn: keyColumn + 4, indentStep: indentStep(doc), eol };
  const items = incidents.map((incident) => renderBlockItem(incident, layout)).join('');
  if (!key?.range) return { start: doc.text.length, end: doc.text.length, newText: `${needsBreak(doc.text, doc.text.length) ? eol : ''}incidents:${incidents.length === 0 ? ' []' : ''}${eol}${items}` };
  const seq = locateNode(doc.source.document, '/incidents').node;
  const colon = doc.text.indexOf(':', key.range[1]) + 1;
  const valueEnd = seq?.range ? seq.range[1] : key.range[1];
  if (YAML.isSeq(seq) && !seq.flow && seq.range) return { start: lineStartOf(doc.text, seq.range[0]), end: nextLineStart(doc.text, valueEnd), newText: items };
  const lineEnd = nextLineStart(doc.text, valueEnd);
  const comment = doc.text.slice(valueEnd, lineEnd).replace(/\r?\n$/, '');
  return { start: colon, end: lineEnd, newText: incidents.length === 0 ? ` []${comment}${eol}` : `${comment}${eol}${items}` };
}

/** The incidents file for the edit guards (checked-edit.ts). */
const INCIDENTS_FILE: CheckedFileKind<IncidentsDocument, IncidentsFile> = {
  name: 'incidents file',
  read: (fileText) => parseIncidents(fileText),
  content: (doc) => doc.file,
  error: IncidentsEditError,
};

/** Applies the edit, re-reads the result and checks that its incidents are `expected`. */
function finish(doc: IncidentsDocument, edit: TextEdit, expected: readonly Incident[]): IncidentsDocument {
  return finishEdit(INCIDENTS_FILE, doc, edit, (file) => sameJsonValue(file.incidents, expected));
}

function expectWritable(doc: IncidentsDocument): IncidentsDocument {
  return expectWritableDocument(INCIDENTS_FILE, doc);
}

function indentStep(doc: IncidentsDocument): number {
  return detectIndentStep(doc.text, doc.source.document);
}
