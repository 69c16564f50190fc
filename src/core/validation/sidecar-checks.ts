/**
 * Semantic checks of a parsed sidecar against the taxonomy and the source it points to: what
 * the schema cannot see. Pure: the caller reads the files (see source-state.ts) and passes in
 * what it found. Every problem is positioned at the YAML node it is about (the `category`
 * value, the `target` key, the `source` value), so the editor can underline it and the CLI
 * can print `path:line:column`.
 */
import { isAbsolute } from 'node:path';
import { EXACT_COPY_REASON, PreparedText } from '../anchoring/anchoring';
import { resolveSidecar } from '../anchoring/resolve';
import { preparedSource, Utf8SourceText } from '../anchoring/utf8-source';
import type { AnchorResult, Annotation, Dismissal, Sidecar } from '../sidecar/model';
import { SIDECAR_SUFFIX, sourceNameFor } from '../sidecar/model';
import type { SidecarDocument } from '../sidecar/sidecar-io';
import { sourceHash, sourceHashOfUtf8 } from '../sidecar/source-hash';
import { categoryHint } from '../taxonomy/closest-ids';
import { findCategory, type Taxonomy } from '../taxonomy/taxonomy';
import { LineIndex } from '../text/positions';
import { describeFuzzyMatch, quoted } from '../text/quotes';
import type { Problem, Severity } from '../problems/problem';
import { sortProblems } from '../problems/problem';
import { problemCodeInfo } from '../problems/problem-codes';
import { locateNode, rangeAt } from '../sidecar/yaml-source';
import { findDuplicates, type Duplicate } from './duplicates';

/** What the caller found at the sidecar's `source`. */
export type SourceState =
  /** Its text; as bytes (Utf8SourceText) when the caller leaves decoding to the anchoring that needs it. */
  | { kind: 'text'; text: string | PreparedText | Utf8SourceText }
  | { kind: 'missing'; path: string }
  /** `source` resolves (through a symbolic link) outside the sidecar's folder; `to` is where. */
  | { kind: 'outside'; to: string }
  | { kind: 'not-text'; reason: string };

export interface SidecarCheckInput {
  doc: SidecarDocument;
  /** The sidecar's file name (no folder), for `source-name-mismatch`. */
  sidecarName: string;
  taxonomy: Taxonomy;
  source: SourceState;
  /** False when the workspace config lists `sources` and none matches this sidecar's source. */
  sourceListed?: boolean;
}

export interface SidecarCheckResult {
  /** The document's own problems (syntax, schema, content) and the semantic ones, in file order. */
  problems: Problem[];
  /** The content, when its shape is valid (even with content errors such as a duplicate id). */
  sidecar?: Sidecar;
  /** Anchoring of each entry, in file order; present when the source was read. */
  anchors?: { annotations: AnchorResult[]; dismissed: AnchorResult[] };
  /** The source's current hash, when it was read. */
  currentHash?: string;
}

/** Why a `source` value points outside the sidecar's folder without looking at the disk, or undefined. */
export function sourceValueOutsideFolder(source: string): string | undefined {
  if (isAbsolute(source) || /^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\')) return 'is an absolute path';
  if (source.split(/[\\/]/).includes('..')) return 'goes up with ".."';
  return undefined;
}

export function checkSidecar(input: SidecarCheckInput): SidecarCheckResult {
  const { doc } = input;
  const problems = [...doc.problems];
  const sidecar = contentOf(doc);
  if (!sidecar) return { problems };
  const found = checkContent(sidecar, input, reporter(doc, problems));
  return { problems: sortProblems(problems), sidecar, ...found };
}

/** Where a semantic problem is: a JSON Pointer into the sidecar, and the value or the key in front of it. */
export type Report = (code: string, pointer: string, message: string, at?: 'value' | 'key') => void;

/**
 * The semantic checks of a sidecar's content, reporting through `report`. `check` first runs
 * them with a report that only notes that something was found (no YAML positions needed for
 * a clean file); only then does it parse the file with positions and run them again.
 */
export function checkContent(sidecar: Sidecar, input: Omit<SidecarCheckInput, 'doc'>, report: Report): Pick<SidecarCheckResult, 'anchors' | 'currentHash'> {
  const source = sidecar.source;

  const expectedName = sourceNameFor(input.sidecarName);
  if (expectedName !== undefined && expectedName !== source) {
    report('source-name-mismatch', '/source', `"source" is "${source}" but this file's name says "${expectedName}": the editor pairs ${input.sidecarName} with ${expectedName}; rename the sidecar to ${source}${SIDECAR_SUFFIX} or correct "source"`);
  }
  if (input.sourceListed === false) {
    report('source-not-listed', '/source', `${source} is matched by none of the "sources" globs of .legal-annotator.yaml, so the editor does not scan it for claims; add a glob if it should be (this sidecar is checked anyway)`);
  }
  sidecar.annotations.forEach((annotation, index) => {
    if (typeof annotation.category === 'string' && !findCategory(input.taxonomy, annotation.category)) {
      report('unknown-category', `/annotations/${index}/category`, `category "${annotation.category}" is not in the workspace taxonomy${categoryHint(input.taxonomy, annotation.category)}`);
    }
  });
  reportDuplicates(sidecar, report);
  reportMergeConflicts(sidecar, report);

  const outside = sourceValueOutsideFolder(source);
  if (outside) {
    report('source-outside-folder', '/source', `"source" ${outside}: a sidecar annotates a file in its own folder; move the sidecar next to its source and set "source" to the file name`);
    return {};
  }
  switch (input.source.kind) {
    case 'missing':
      report('missing-source', '/source', `the source file "${source}" does not exist (looked for ${input.source.path}); restore it, correct "source", or delete this sidecar`);
      return {};
    case 'outside':
      report('source-outside-folder', '/source', `"source" resolves through a symbolic link to ${input.source.to}, outside this sidecar's folder; put the sidecar next to the real file`);
      return {};
    case 'not-text':
      report('source-not-text', '/source', `the source "${source}" ${input.source.reason}, so its offsets cannot be checked`);
      return {};
    case 'text':
      break;
  }

  const given = input.source.text;
  const text = typeof given === 'string' ? new PreparedText(given) : given;
  const anchors = resolveSidecar(text, sidecar);
  // Not needed, nor decoded from bytes, when every entry is anchored.
  const prepared = () => preparedSource(text);
  let lines: LineIndex | undefined;
  const where = (start: number, end: number): string => {
    const position = (lines ??= new LineIndex(prepared().text)).codePointPositionAt(start);
    return `${start}-${end} (line ${position.line + 1}, column ${position.character + 1})`;
  };
  let everythingAnchors = true;
  const lists: ['annotations' | 'dismissed', (Annotation | Dismissal)[], AnchorResult[]][] = [
    ['annotations', sidecar.annotations, anchors.annotations],
    ['dismissed', sidecar.dismissed, anchors.dismissed],
  ];
  for (const [list, entries, results] of lists) {
    const codes = list === 'annotations'
      ? { moved: 'annotation-moved', fuzzy: 'annotation-fuzzy', orphaned: 'orphaned-annotation', noun: 'annotation' }
      : { moved: 'dismissal-moved', fuzzy: 'dismissal-fuzzy', orphaned: 'orphaned-dismissal', noun: 'dismissed claim' };
    entries.forEach((entry, index) => {
      const path = `/${list}/${index}`;
      const { start, end } = entry.target;
      const result = results[index];
      // An anchored entry lies within the text: only another one can be out of range.
      const length = result.status === 'anchored' ? undefined : prepared().length;
      if (length !== undefined && (start > length || end > length)) {
        everythingAnchors = false;
        const [name, value] = start > length ? ['start', start] : ['end', end];
        report('target-out-of-range', `${path}/target/${name}`, `"${name}" (${value}) is beyond the end of ${source} (${length} characters); if the quote is found elsewhere, check --fix-anchors rewrites the offsets, otherwise correct them`);
      }
      // Built only for a problem: a clean file of 100 annotations needs none.
      const quote = () => quoted(entry.target.exact);
      switch (result.status) {
        case 'anchored':
          break;
        case 'moved':
          report(codes.moved, `${path}/target`, `${quote()} found at ${where(result.start, result.end)}, not at its stored ${start}-${end}; run check --fix-anchors to update`, 'key');
          break;
        case 'fuzzy':
          everythingAnchors = false;
          report(codes.fuzzy, `${path}/target`, `${describeFuzzyMatch(entry.target.exact, result, where(result.start, result.end))}; check the ${codes.noun} and tag the passage again (check --fix-anchors leaves it alone)`, 'key');
          break;
        case 'orphaned':
          everythingAnchors = false;
          report(codes.orphaned, `${path}/target/exact`, `quote ${quote()} not found in ${source}${result.reason.startsWith(EXACT_COPY_REASON) ? ' in its context' : ''} (${result.reason}); the ${codes.noun} is kept; fix the quote or remove the ${codes.noun}`);
          break;
      }
    });
  }
  const currentHash = text instanceof Utf8SourceText ? sourceHashOfUtf8(text.body) : sourceHash(prepared().text);
  if (everythingAnchors && sidecar.sourceHash !== currentHash) {
    report('stale-source-hash', '/sourceHash', `${source} changed since this sidecar was saved (its hash is now ${currentHash.slice(0, 19)}...), but every entry still anchors; run check --fix-anchors to record the new hash`);
  }
  return { anchors, currentHash };
}

/** Each entry the merge driver marked: two versions of one entry, changed differently on two branches. */
function reportMergeConflicts(sidecar: Sidecar, report: Report): void {
  for (const list of ['annotations', 'dismissed'] as const) {
    const kind = list === 'annotations' ? 'annotation' : 'dismissal';
    sidecar[list].forEach((entry: Annotation | Dismissal, index: number) => {
      if (entry.conflict === undefined) return;
      report('merge-conflict', `/${list}/${index}/conflict`, `${kind} ${entry.id} and ${entry.conflict} are two versions of one ${kind}, changed differently on two branches (git merge): keep one, remove the other, and remove the "conflict" field of the one kept`);
    });
  }
}

/**
 * Reports each duplicate (duplicates.ts) at the later entry's id, naming the earlier one. The
 * fields a duplicate may carry besides its passage (note, status, reason, author) are named when
 * they differ: removing the entry would lose them. A duplicate that is a version of a merge
 * conflict is left to the conflict's resolution.
 */
function reportDuplicates(sidecar: Sidecar, report: Report): void {
  for (const duplicate of findDuplicates(sidecar)) {
    const pointer = `/${duplicate.list}/${duplicate.index}/id`;
    if (duplicate.list === 'annotations') {
      const [entry, first] = [sidecar.annotations[duplicate.index], sidecar.annotations[duplicate.first.index]];
      const differs = differingFields(entry, first, ['note', 'status', 'author']);
      const advice = duplicate.conflict === undefined ? `, so the passage is counted twice; remove ${entry.id}${differs}` : conflictAdvice('annotation', duplicate);
      report('duplicate-annotation', pointer, `annotation ${entry.id} duplicates annotation ${first.id}: same category "${entry.category}" and passage ${passageLabel(entry)}${advice}`);
    } else {
      const [entry, first] = [sidecar.dismissed[duplicate.index], sidecar.dismissed[duplicate.first.index]];
      const differs = differingFields(entry, first, ['reason', 'author']);
      const advice = duplicate.conflict === undefined ? `; remove ${entry.id}${differs}` : conflictAdvice('dismissal', duplicate);
      report('duplicate-dismissal', pointer, `dismissal ${entry.id} duplicates dismissal ${first.id}: same passage ${passageLabel(entry)}${advice}`);
    }
  }
}

/** What to do about a duplicate that is one version of a merge conflict: resolve the conflict, not remove a copy (which would take a side). */
function conflictAdvice(kind: 'annotation' | 'dismissal', duplicate: Duplicate): string {
  const versions = duplicate.conflict === duplicate.first.id ? 'the two are' : `${duplicate.id} and ${duplicate.conflict} are`;
  return `; ${versions} the two versions of one ${kind} from a git merge (merge-conflict): resolve the conflict first (keep one, remove the other and the "conflict" field of the one kept), not by removing a duplicate`;
}

function passageLabel(entry: Annotation | Dismissal): string {
  return `${entry.target.start}-${entry.target.end} ${quoted(entry.target.exact)}`;
}

/** ` (its note, status differ from a1's: copy what you need before removing it)`, or '' when the duplicate carries nothing else. */
function differingFields<T extends Annotation | Dismissal>(entry: T, first: T, fields: readonly (keyof T & string)[]): string {
  const differing = fields.filter((field) => entry[field] !== first[field]);
  return differing.length === 0 ? '' : ` (its ${differing.join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from ${first.id}'s: copy what you need before removing it)`;
}

/**
 * The content, when its shape can be trusted: a writable document's sidecar, or one whose only
 * errors are about content (a duplicate id, end before start), so those still get their
 * semantic checks. Syntax or schema errors leave nothing safe to check.
 */
function contentOf(doc: SidecarDocument): Sidecar | undefined {
  if (doc.sidecar) return doc.sidecar;
  const shapeBroken = doc.problems.some((p) => p.severity === 'error' && (p.code.startsWith('yaml-') || p.code.startsWith('schema-') || p.code === 'encoding'));
  if (shapeBroken || doc.text.trim() === '') return undefined;
  try {
    const value = doc.document.toJS({ maxAliasCount: 100 }) as Omit<Sidecar, 'dismissed'> & { dismissed?: Dismissal[] };
    return { ...value, dismissed: value.dismissed ?? [] };
  } catch {
    return undefined;
  }
}

/** Adds problems at a node: its value, or the key in front of it (a whole `target:` mapping is too much to underline). */
function reporter(doc: SidecarDocument, problems: Problem[]): Report {
  let lines: LineIndex | undefined;
  return (code, pointer, message, at = 'value') => {
    const located = locateNode(doc.document, pointer);
    const node = at === 'key' ? (located.key ?? located.node) : (located.node ?? located.key);
    const range = node?.range ?? [0, 0, 0];
    const severity: Severity = problemCodeInfo(code).severity;
    problems.push({ code, severity, message, ...rangeAt(doc.text, (lines ??= new LineIndex(doc.text)), range[0], range[1]) });
  };
}
