/**
 * Untagged claims per source for the evidence matrix, from the claims detector (the same count
 * the reviewer's diagnostics come from): claims neither tagged nor dismissed. None when the
 * workspace turned claim detection off.
 */
import { countClaims, reviewClaims } from '../claims';
import type { WorkspaceConfig } from '../workspace/workspace-config';
import type { ResolvedSource } from '../interop/export-input';
import type { ClaimCounter } from './evidence-matrix';

export function claimCounter(config: Pick<WorkspaceConfig, 'claims' | 'taxonomy'>): ClaimCounter | undefined {
  if (!config.claims.enabled) return undefined;
  return ({ source }: ResolvedSource) => {
    const counts = countClaims(reviewClaims(source.text, source.sidecar, { taxonomy: config.taxonomy }));
    return { untagged: counts.untagged, untaggedHigh: counts.untaggedHigh };
  };
}
