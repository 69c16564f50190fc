/**
 * Checking one sidecar file on disk: read it (readTextFile, parseSidecar), read its source, run
 * the semantic checks. The CLI's `check` uses it; the editor checks its unsaved text with
 * check-document.ts.
 *
 * Most files in CI are clean, and a clean file needs no YAML positions: parseSidecar reads it on
 * the fast path, and the checks first run with a report that only notes a problem. Only when
 * something is found are they run again with positions, which parses the `yaml` Document then.
 */
import { basename, dirname, join } from 'node:path';
import { readTextBytesSync, readTextFile, type TextFileRead } from '../files/read-text-file';
import { parseSidecar, type SidecarDocument } from '../sidecar/sidecar-io';
import { scanSidecarSpans } from '../sidecar/sidecar-scan';
import { scannedSidecarIsClean } from './check-scanned';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { checkContent, checkSidecar, type SidecarCheckResult, type SourceState } from './sidecar-checks';
import { readSourceState } from './source-state';

export interface SidecarFileCheck extends SidecarCheckResult {
  path: string;
  /** The parsed document (for --fix-anchors); undefined when the file was clean on the fast path or unreadable. */
  doc?: SidecarDocument;
  /** Set when problems were found but not listed (`positions: false`): `problems` is empty, check again to list them. */
  unlisted?: true;
  /** What was found at `source` (its text, for --fix-anchors); drop the result to free it. */
  sourceState?: SourceState;
}

export interface CheckOptions {
  taxonomy: Taxonomy;
  /** Whether the workspace's `sources` globs match a source path (absolute); omitted: not checked. */
  isListedSource?: (sourcePath: string) => boolean;
  /**
   * False: when the checks find something, return the document and the anchors without listing
   * the problems, whose positions need the `yaml` Document (seconds for a large file). For
   * --fix-anchors, which lists the problems of the file it fixed, checked again.
   */
  positions?: boolean;
  /** True: read the sidecar and its source with blocking calls (readTextFileSync), for a command checking many files in a row. */
  blockingReads?: boolean;
  /**
   * True: only `problems` is wanted. A clean file may then be proven clean from its bytes
   * (check-scanned.ts, with blocking reads) and come back with nothing else: no `sidecar`,
   * `anchors`, `currentHash` or `sourceState`.
   */
  problemsOnly?: boolean;
}

export async function checkSidecarFile(path: string, options: CheckOptions): Promise<SidecarFileCheck> {
  let read: TextFileRead;
  let scanned: { source: string; state: SourceState } | undefined;
  if (options.blockingReads) {
    const bytes = readTextBytesSync(path, { kind: 'sidecar' });
    if (!bytes.ok) return unreadable(path, bytes);
    // A file in the tool's layout, clean: proven so from its bytes, its entries never built.
    const scan = options.problemsOnly ? scanSidecarSpans(bytes.body) : undefined;
    if (scan) {
      const source = scan.header.source;
      const state = await readSourceState(path, source, true);
      if (scannedSidecarIsClean(scan, checkInput(path, source, state, options))) return { path, problems: [] };
      // The full read finds the same `source` (the scan read the header as it does): its source is not read again.
      scanned = { source, state };
    }
    read = { ok: true, text: bytes.body.toString('utf8'), hadBom: bytes.hadBom, bytes: bytes.raw.length };
  } else {
    read = await readTextFile(path, { kind: 'sidecar' });
    if (!read.ok) return unreadable(path, read);
  }
  const doc = parseSidecar((read.hadBom ? '\uFEFF' : '') + read.text);
  const source = doc.sidecar?.source ?? sourceValue(doc);
  const state = source === undefined ? undefined : source === scanned?.source ? scanned.state : await readSourceState(path, source, options.blockingReads);
  const input = checkInput(path, source, state, options);
  if (doc.sidecar && doc.problems.length === 0) {
    let found = false;
    const result = checkContent(doc.sidecar, input, () => {
      found = true;
    });
    if (!found) return { path, problems: [], sidecar: doc.sidecar, ...result, sourceState: state };
    if (options.positions === false) return { path, problems: [], unlisted: true, sidecar: doc.sidecar, ...result, doc, sourceState: state };
  }
  return { ...checkSidecar({ doc, ...input }), path, doc, sourceState: state };
}

/** Unreadable or not UTF-8: nothing more can be said, and nothing may write over the bytes. */
function unreadable(path: string, read: Extract<TextFileRead, { ok: false }>): SidecarFileCheck {
  const message = read.failure === 'missing' ? 'the sidecar no longer exists' : read.failure === 'not-text' ? `the file ${read.reason}` : `the sidecar ${read.reason}`;
  return { path, problems: [{ code: read.failure === 'not-text' ? 'encoding' : 'unreadable-file', severity: 'error', message, line: 1, column: 1 }] };
}

/** What the semantic checks are given besides the document. */
function checkInput(path: string, source: string | undefined, state: SourceState | undefined, options: CheckOptions) {
  return {
    sidecarName: basename(path),
    taxonomy: options.taxonomy,
    source: state ?? ({ kind: 'missing', path: '' } as const),
    sourceListed: source === undefined || !options.isListedSource ? undefined : options.isListedSource(join(dirname(path), source)),
  };
}

/** `source` of a document with content errors only (no `sidecar` then), if it is a string. */
function sourceValue(doc: SidecarDocument): string | undefined {
  const value: unknown = doc.document.get('source');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

