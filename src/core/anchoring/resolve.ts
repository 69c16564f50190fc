/**
 * Resolving a sidecar against its source text: where each annotation and each dismissal is now
 * (anchored, moved, fuzzy or orphaned). The one way every face does it (the checks, the claim
 * review, exports, the editor), so an entry anchors the same wherever it is looked at.
 */
import type { AnchorResult, Sidecar } from '../sidecar/model';
import { anchorAll } from './anchoring';
import { prepare, type PreparedText } from './prepared-text';
import { Utf8SourceText } from './utf8-source';

export interface ResolvedSidecar {
  /** In the order of the sidecar's annotations. */
  annotations: AnchorResult[];
  /** In the order of the sidecar's dismissals. */
  dismissed: AnchorResult[];
}

/**
 * Anchors every entry of `sidecar` in `text` (preparing the text once). Text held as bytes is
 * decoded only when some entry is not at its stored offsets.
 */
export function resolveSidecar(text: string | PreparedText | Utf8SourceText, sidecar: Partial<Pick<Sidecar, 'annotations' | 'dismissed'>>): ResolvedSidecar {
  const annotations = sidecar.annotations ?? [];
  const dismissed = sidecar.dismissed ?? [];
  if (annotations.length + dismissed.length === 0) return { annotations: [], dismissed: [] };
  const targets = [...annotations.map((a) => a.target), ...dismissed.map((d) => d.target)];
  const results = text instanceof Utf8SourceText ? (text.anchoredAtStoredOffsets(targets) ?? anchorAll(text.prepared(), targets)) : anchorAll(prepare(text), targets);
  return { annotations: results.slice(0, annotations.length), dismissed: results.slice(annotations.length) };
}
