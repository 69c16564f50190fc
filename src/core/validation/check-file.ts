/**
 * Checking one sidecar file on disk: read it, read its source, run the semantic checks.
 * Shared by the CLI's `check` and (later) the editor's diagnostics on save.
 */
import { basename } from 'node:path';
import { readSidecarFile } from '../annotations/sidecar-file';
import type { SidecarDocument } from '../annotations/sidecar-io';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { Problem } from './problem';
import { checkSidecar, type SidecarCheckResult, type SourceState } from './sidecar-checks';
import { readSourceState } from './source-state';

export interface SidecarFileCheck extends SidecarCheckResult {
  path: string;
  /** The parsed document (for --fix-anchors); undefined when the file could not be read. */
  doc?: SidecarDocument;
  /** What was found at `source` (its text, for --fix-anchors); drop the result to free it. */
  sourceState?: SourceState;
}

export interface CheckOptions {
  taxonomy: Taxonomy;
  /** Whether the workspace's `sources` globs match a source path (absolute); omitted: not checked. */
  isListedSource?: (sourcePath: string) => boolean;
}

export async function checkSidecarFile(path: string, options: CheckOptions): Promise<SidecarFileCheck> {
  let doc: SidecarDocument | undefined;
  try {
    doc = await readSidecarFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem: Problem = { code: 'unreadable-file', severity: 'error', message: `the sidecar cannot be read (${code ?? (error as Error).message})`, line: 1, column: 1 };
    return { path, problems: [problem] };
  }
  if (!doc) {
    const problem: Problem = { code: 'unreadable-file', severity: 'error', message: 'the sidecar no longer exists', line: 1, column: 1 };
    return { path, problems: [problem] };
  }
  const source = doc.sidecar?.source ?? sourceValue(doc);
  const state = source === undefined ? undefined : await readSourceState(path, source);
  const sourcePath = source === undefined ? undefined : `${path.slice(0, path.length - basename(path).length)}${source}`;
  const result = checkSidecar({
    doc,
    sidecarName: basename(path),
    taxonomy: options.taxonomy,
    source: state ?? { kind: 'missing', path: '' },
    sourceListed: sourcePath !== undefined && options.isListedSource ? options.isListedSource(sourcePath) : undefined,
  });
  return { ...result, path, doc, sourceState: state };
}

/** `source` of a document with content errors only (no `sidecar` then), if it is a string. */
function sourceValue(doc: SidecarDocument): string | undefined {
  const value: unknown = doc.document.get('source');
  return typeof value === 'string' && value !== '' ? value : undefined;
}
