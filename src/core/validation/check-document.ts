/**
 * Checking a sidecar that is already parsed, e.g. the unsaved text of the editor, as the CLI's
 * `check` checks the file on disk (check-file.ts): the same semantic checks against the same
 * source on disk, the same taxonomy, so the Problems panel and CI agree.
 */
import { basename, dirname, join } from 'node:path';
import type { SidecarDocument } from '../sidecar/sidecar-io';
import type { CheckOptions, SidecarFileCheck } from './check-file';
import { checkSidecar } from './sidecar-checks';
import { readSourceState } from './source-state';

/** Checks the parsed sidecar that lives at `path` against the source next to it on disk. */
export async function checkSidecarDocument(path: string, doc: SidecarDocument, options: CheckOptions): Promise<SidecarFileCheck> {
  const source = doc.sidecar?.source ?? sourceValue(doc);
  const state = source === undefined ? undefined : await readSourceState(path, source);
  const result = checkSidecar({
    doc,
    sidecarName: basename(path),
    taxonomy: options.taxonomy,
    source: state ?? { kind: 'missing', path: '' },
    sourceListed: source !== undefined && options.isListedSource ? options.isListedSource(join(dirname(path), source)) : undefined,
  });
  return { ...result, path, doc, sourceState: state };
}

/** `source` of a document with content errors only (no `sidecar` then), if it is a string. */
function sourceValue(doc: SidecarDocument): string | undefined {
  const value: unknown = doc.document.get('source');
  return typeof value === 'string' && value !== '' ? value : undefined;
}
