/**
 * Checking one sidecar file on disk: read it, read its source, run the semantic checks.
 * The CLI's `check` uses it; the editor checks its unsaved text with check-document.ts.
 *
 * Fast path: most files in CI are clean, and a clean file needs no YAML positions. So the
 * file is first read with the fast subset reader (fast-yaml.ts), validated with the same
 * precompiled schema validator, and checked with a report that only notes a problem. Only
 * when something is found, or the file is outside the subset, is it parsed with the `yaml`
 * Document API (parseSidecarWithDocument), which positions every problem; the result is the same.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSidecarWithDocument, type SidecarDocument } from '../sidecar/sidecar-io';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { decodeSourceText } from '../text/decode';
import { cleanFastRead } from '../sidecar/fast-sidecar';
import { checkContent, checkSidecar, type SidecarCheckResult, type SourceState } from './sidecar-checks';
import { readSourceState } from './source-state';

// The fast read lives in fast-sidecar.ts (tag appends through it too); export and the editor import it from here.
export { cleanFastRead } from '../sidecar/fast-sidecar';

export interface SidecarFileCheck extends SidecarCheckResult {
  path: string;
  /** The parsed document (for --fix-anchors); undefined when the file was clean on the fast path or unreadable. */
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
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the sidecar no longer exists' : `the sidecar cannot be read (${code ?? (error as Error).message})`;
    return { path, problems: [{ code: 'unreadable-file', severity: 'error', message, line: 1, column: 1 }] };
  }
  const decoded = decodeSourceText(bytes);
  if (!decoded.ok) {
    // Not UTF-8: nothing more can be said, and nothing may write over the bytes.
    return { path, problems: [{ code: 'encoding', severity: 'error', message: `the file ${decoded.reason}`, line: 1, column: 1 }] };
  }
  const sidecarName = basename(path);
  const listed = (source: string) => (options.isListedSource ? options.isListedSource(join(dirname(path), source)) : undefined);

  const fast = cleanFastRead(decoded.text);
  let state: SourceState | undefined;
  if (fast) {
    state = await readSourceState(path, fast.source);
    let found = false;
    const result = checkContent(fast, { sidecarName, taxonomy: options.taxonomy, source: state, sourceListed: listed(fast.source) }, () => {
      found = true;
    });
    if (!found) return { path, problems: [], sidecar: fast, ...result, sourceState: state };
  }

  // The fast read above declined or found a problem: read with positions, without the fast reader again.
  const doc = parseSidecarWithDocument((decoded.hadBom ? '\uFEFF' : '') + decoded.text);
  const source = doc.sidecar?.source ?? sourceValue(doc);
  if (source !== undefined && state === undefined) state = await readSourceState(path, source);
  const result = checkSidecar({
    doc,
    sidecarName,
    taxonomy: options.taxonomy,
    source: state ?? { kind: 'missing', path: '' },
    sourceListed: source === undefined ? undefined : listed(source),
  });
  return { ...result, path, doc, sourceState: state };
}

/** `source` of a document with content errors only (no `sidecar` then), if it is a string. */
function sourceValue(doc: SidecarDocument): string | undefined {
  const value: unknown = doc.document.get('source');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

