/**
 * Resolving a sidecar against its source text: where each annotation and each dismissal is now
 * (anchored, moved, fuzzy or orphaned). The one way every face does it (the checks, the claim
 * review, exports, the editor), so an entry anchors the same wherever it is looked at.
 */
import type { AnchorResult, Sidecar } from '../sidecar/model';
import { anchorAll } from './anchoring';
import { prepare, type PreparedText } from './prepared-text';

export interface ResolvedSidecar {
  /** In the order of the sidecar's annotations. */
  annotations: AnchorResult[];
  /** In the order of the sidecar's dismissals. */
  dismissed: AnchorResult[];
}

/** Anchors every entry of `sidecar` in `text` (preparing the text once). */
export function resolveSidecar(text: string | PreparedText, sidecar: Partial<Pick<Sidecar, 'annotations' | 'dismissed'>>): ResolvedSidecar {
  const annotations = sidecar.annotations ?? [];
  const dismissed = sidecar.dismissed ?? [];
  if (annotations.length + dismissed.length === 0) return { annotations: [], dismissed: [] };
  const results = anchorAll(prepare(text), [...annotations.map((a) => a.target), ...dismissed.map((d) => d.target)]);
  return { annotations: results.slice(0, annotations.length), dismissed: results.slice(annotations.length) };
}
