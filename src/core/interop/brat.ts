/**
 * brat standoff export and import (https://brat.nlplab.org/standoff.html).
 *
 * Each source becomes `<name>.txt` (a copy of its text: brat reads UTF-8, offsets in code points)
 * and `<name>.ann`: a `T` line per tag (`T1<TAB>torture 275 293<TAB>have been tortured`), an
 * `AnnotatorNotes` line for its note and an `A` line for its status. A passage that spans line
 * breaks is written as fragments (`0 5;6 10`), since brat cannot show a span across lines; the
 * text field joins the fragments with a space, as brat does. `annotation.conf` and `visual.conf`
 * come from the taxonomy, so brat and INCEpTION open the result with labels and colours.
 * Notes lose their line breaks and tabs (a brat line cannot hold them).
 *
 * A tag that does not anchor where it was stored gets one more `AnnotatorNotes` line, opening with
 * BRAT_ANCHOR_NOTE, that states its anchor state and its stored quote: a moved one is written at
 * its new place; a fuzzy one where it now sits, with the text there (brat requires the text at the
 * offsets), so the note keeps what was tagged; an orphan has no place in brat and is left out.
 * The importer reads that line back as a warning, not as a note.
 */
import { ANNOTATION_STATUSES, type AnchorResult, type AnnotationStatus, type TextTarget } from '../sidecar/model';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { OffsetConverter } from '../text/positions';
import { splitLines } from '../text/lines';
import { anchorWarnings, type ExportWarning, type ResolvedSource } from './export-input';
import { flattenNote, type ImportedAnnotation, type ImportProblem } from './imported';

export const BRAT_STATUS_ATTRIBUTE = 'Status';
/** How the AnnotatorNotes line of a tag that did not anchor where it was stored begins. */
export const BRAT_ANCHOR_NOTE = 'Legal Annotator anchor:';

/** `reports/r.legal.txt` -> `reports/r.legal` (+ `.txt`, `.ann`); `notes.md` -> `notes.md` (+ `.txt`, `.ann`). */
export function bratStem(relativePath: string): string {
  return relativePath.endsWith('.txt') ? relativePath.slice(0, -'.txt'.length) : relativePath;
}

/**
 * The brat name (stem of the `.txt` copy and the `.ann`) of each source path, in order: its
 * bratStem, or `stem~2`, `stem~3`... when an earlier source has it (`x` and `x.txt`), so that no
 * source's files replace another's. `wanted` is the stem it would have had.
 */
export function bratNames(relativePaths: readonly string[]): { name: string; wanted: string }[] {
  const used = new Set<string>();
  return relativePaths.map((path) => {
    const wanted = bratStem(path);
    let name = wanted;
    for (let n = 2; used.has(name); n++) name = `${wanted}~${n}`;
    used.add(name);
    return { name, wanted };
  });
}

export interface BratExport {
  /** The `.ann` file's text. */
  ann: string;
  count: number;
  warnings: ExportWarning[];
}

export function exportBratSource(resolved: ResolvedSource): BratExport {
  const lines: string[] = [];
  const warnings = anchorWarnings([resolved], 'left out of the brat file: brat needs a position', 'written where it now sits, with the text there; an AnnotatorNotes line keeps the stored quote');
  let entity = 0;
  let note = 0;
  let attribute = 0;
  for (const { annotation, anchor, current } of resolved.annotations) {
    if (!current) continue;
    const fragments = lineFragments(current.text, current.start);
    if (fragments.length === 0) {
      warnings.push({ path: resolved.source.path, id: annotation.id, message: 'left out of the brat file: the passage holds only line breaks' });
      continue;
    }
    const t = `T${++entity}`;
    const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
    lines.push(`${t}\t${annotation.category} ${offsets}\t${fragments.map((f) => f.text).join(' ')}`);
    if (annotation.note) lines.push(`#${++note}\tAnnotatorNotes ${t}\t${flattenNote(annotation.note)}`);
    if (anchor.status !== 'anchored') lines.push(`#${++note}\tAnnotatorNotes ${t}\t${anchorNote(anchor.status, annotation.target)}`);
    if (annotation.status) lines.push(`A${++attribute}\t${BRAT_STATUS_ATTRIBUTE} ${t} ${annotation.status}`);
  }
  return { ann: lines.length > 0 ? `${lines.join('\n')}\n` : '', count: entity, warnings };
}

/** `Legal Annotator anchor: fuzzy; stored quote at 19-36: "tortured severely"`, on one line. */
function anchorNote(state: AnchorResult['status'], stored: TextTarget): string {
  return flattenNote(`${BRAT_ANCHOR_NOTE} ${state}; stored quote at ${stored.start}-${stored.end}: "${stored.exact}"`);
}

/** The pieces of a passage between line breaks, with their code-point offsets. */
function lineFragments(exact: string, start: number): { start: number; end: number; text: string }[] {
  const fragments: { start: number; end: number; text: string }[] = [];
  let offset = start;
  let fragmentStart = start;
  let text = '';
  for (const char of exact) {
    if (char === '\n' || char === '\r') {
      if (text !== '') fragments.push({ start: fragmentStart, end: offset, text });
      text = '';
      fragmentStart = offset + 1;
    } else {
      text += char;
    }
    offset++;
  }
  if (text !== '') fragments.push({ start: fragmentStart, end: offset, text });
  return fragments;
}

/** brat's annotation.conf: one entity type per category, the Status attribute. */
export function bratAnnotationConf(taxonomy: Taxonomy): string {
  return [
    '# Generated by Legal Annotator from the workspace taxonomy; one entity type per violation category.',
    '[entities]',
    ...taxonomy.categories.map((c) => c.id),
    '',
    '[relations]',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    `${BRAT_STATUS_ATTRIBUTE}\tArg:<ENTITY>, Value:${ANNOTATION_STATUSES.join('|')}`,
    '',
  ].join('\n');
}

/** brat's visual.conf: each category's label and colour. */
export function bratVisualConf(taxonomy: Taxonomy): string {
  return [
    '# Generated by Legal Annotator from the workspace taxonomy.',
    '[labels]',
    ...taxonomy.categories.map((c) => `${c.id} | ${c.label.replace(/\|/g, '/').replace(/[\r\n\t]/g, ' ')}`),
    '',
    '[drawing]',
    'SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken',
    'ATTRIBUTE_DEFAULT\tglyph:*',
    ...taxonomy.categories.map((c) => `${c.id}\tbgColor:${c.color}`),
    '',
  ].join('\n');
}

/**
 * Reads a `.ann` file against its `.txt`: `T` lines become annotations (a fragmented span is
 * taken from its first to its last character, its quote and context read from the text),
 * `AnnotatorNotes` become notes (our anchor line, BRAT_ANCHOR_NOTE, a warning), a `Status`
 * attribute the status. Relations, events and other lines have no place in a sidecar and are
 * reported.
 */
/** The fragments `START END;START END...` of a T line, as numbers: one pair parsed without splitting. */
function spanFragments(spans: string): [number, number][] {
  if (!spans.includes(';')) {
    const space = spans.indexOf(' ');
    return [[Number(spans.slice(0, space)), Number(spans.slice(space + 1))]];
  }
  return spans.split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
}

export function parseBratAnn(ann: string, text: string, fileName: string): { annotations: ImportedAnnotation[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  // Each T id, where it is first defined and, when its line was imported, its annotation.
  const defined = new Map<string, { line: number; annotation?: ImportedAnnotation }>();
  const offsets = new OffsetConverter(text);
  const length = offsets.codePointLength;
  const slice = (start: number, end: number) => text.slice(offsets.toUtf16(start), offsets.toUtf16(end));
  const skipped = new Map<string, number>();
  splitLines(ann).forEach((line, index) => {
    if (line.trim() === '') return;
    const origin = `${fileName}:${index + 1}`;
    const entity = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
    // A T line with spaces for tabs, or no offsets, is a text annotation gone wrong: reported, not ignored.
    if (!entity && /^T\d*(\s|$)/.test(line)) {
      problems.push({ origin, severity: 'error', message: 'a malformed text-annotation line (expected "T<n><tab>TYPE START END<tab>TEXT", offsets as whole numbers); not imported' });
      return;
    }
    if (entity) {
      const [, id, type, spans, covered] = entity;
      const first = defined.get(id);
      if (first !== undefined) {
        problems.push({ origin: `${origin} ${id}`, severity: 'error', message: `${id} is defined again (first at line ${first.line}); this one is not imported` });
        return;
      }
      const definition: { line: number; annotation?: ImportedAnnotation } = { line: index + 1 };
      defined.set(id, definition);
      const fragments = spanFragments(spans);
      // brat cannot span a line break, so a passage over several lines is exported as fragments
      // with only line breaks between them: one passage. Fragments with text between them are not.
      const gapWithText = fragments.length > 1 && fragments.slice(1).some(([a], i) => a >= fragments[i][1] && /\S/u.test(slice(fragments[i][1], a)));
      if (gapWithText) {
        problems.push({ origin: `${origin} ${id}`, severity: 'error', message: `a discontinuous span (${spans}): a tag covers one passage, and joining the fragments would tag the text between them; not imported (give each fragment its own T line)` });
        return;
      }
      const start = fragments.length === 1 ? fragments[0][0] : Math.min(...fragments.map((f) => f[0]));
      const end = fragments.length === 1 ? fragments[0][1] : Math.max(...fragments.map((f) => f[1]));
      if (fragments.some(([a, b]) => b < a) || end > length) {
        problems.push({ origin: `${origin} ${id}`, severity: 'error', message: `offsets ${spans} are outside the text (${length} characters) or reversed` });
        return;
      }
      const exact = slice(start, end);
      // One fragment (nearly every line): its text is the passage's.
      const fromText = fragments.length === 1 ? exact : fragments.map(([a, b]) => slice(a, b)).join(' ');
      if (fromText !== covered) {
        problems.push({ origin: `${origin} ${id}`, severity: 'warning', message: `its text "${covered}" differs from the .txt at ${spans} ("${fromText}"); the .txt was used` });
      }
      definition.annotation = {
        origin: `${origin} ${id}`,
        category: type,
        start,
        end,
        exact,
        prefix: slice(Math.max(0, start - 32), start),
        suffix: slice(end, end + 32),
        noteFlattened: true,
      };
      return;
    }
    const note = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(line);
    if (note) {
      const target = defined.get(note[1])?.annotation;
      if (target && note[2].startsWith(BRAT_ANCHOR_NOTE)) {
        // Our own line about how the tag anchored at export: not a note the annotator wrote.
        problems.push({ origin, severity: 'warning', message: `${note[2].slice(BRAT_ANCHOR_NOTE.length).trim()} (at export); imported over the text at the offsets of ${note[1]}` });
      } else if (target) target.note = target.note ? `${target.note}\n${note[2]}` : note[2];
      else problems.push({ origin, severity: 'warning', message: `a note on ${note[1]}, which is not a text annotation defined above it; ignored` });
      return;
    }
    const attribute = /^[AM]\d+\t(\S+) (T\d+)(?: (\S+))?$/.exec(line);
    if (attribute) {
      const [, name, targetId, value] = attribute;
      const target = defined.get(targetId)?.annotation;
      if (name === BRAT_STATUS_ATTRIBUTE && target && value && (ANNOTATION_STATUSES as readonly string[]).includes(value)) target.status = value as AnnotationStatus;
      else problems.push({ origin, severity: 'warning', message: `attribute ${name}${value ? `=${value}` : ''} on ${targetId} has no place in a sidecar (only ${BRAT_STATUS_ATTRIBUTE}=${ANNOTATION_STATUSES.join('|')}); ignored` });
      return;
    }
    const kind = /^([A-Z#*]+)/.exec(line)?.[1] ?? '?';
    skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
  });
  for (const [kind, count] of skipped) {
    const what = kind === 'R' || kind === '*' ? 'relation' : kind === 'E' ? 'event' : kind === 'N' ? 'normalization' : `"${kind}"`;
    problems.push({ origin: fileName, severity: 'warning', message: `${count} ${what} line${count === 1 ? '' : 's'} ignored (a sidecar holds text annotations only)` });
  }
  const annotations: ImportedAnnotation[] = [];
  for (const { annotation } of defined.values()) if (annotation) annotations.push(annotation);
  return { annotations, problems };
}
