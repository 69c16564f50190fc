/**
 * `check --claims`: untagged claims of sources, as problems positioned in the source (not in
 * its sidecar). The sources are those of the sidecars checked, those given on the command line,
 * and in a folder every source `sourcesInFolder` finds there, as `scan` does: the files the
 * `sources` globs of the config in force match, without a config every *.txt and *.md.
 */
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { sourcePathFor } from '../../core/sidecar/model';
import { CONFIG_FILE_NAME } from '../../core/workspace/workspace-config';
import { reviewWorkspace, type SourceReview } from '../../core/claims';
import { configForFile, workspaceConfigResolver } from '../../core/workspace/config-resolver';
import type { ReviewedClaim } from '../../core/claims/types';
import { claimMessage } from '../../core/claims/messages';
import { LineIndex } from '../../core/text/positions';
import type { Problem, Severity } from '../../core/problems/problem';
import type { CheckTargets } from './collect';
import { sourcesInFolder } from '../source-paths';

export interface ClaimsOutcome {
  reviews: SourceReview[];
  /** Problems per absolute source path. */
  problems: Map<string, Problem[]>;
  /** Untagged high-confidence claims (what --max-untagged counts). */
  untagged: number;
}

/** Absolute paths of the sources to review, sorted. */
export async function collectClaimSources(targets: CheckTargets): Promise<string[]> {
  const sources = new Set<string>();
  for (const sidecar of targets.sidecars) {
    const source = sourcePathFor(sidecar);
    if (source !== undefined && (await isFile(source))) sources.add(source);
  }
  for (const given of targets.sourcesWithoutSidecar) sources.add(resolve(given));
  const configFor = configForFile(workspaceConfigResolver());
  for (const given of targets.folders) {
    const folder = resolve(given);
    const config = await configFor(join(folder, CONFIG_FILE_NAME));
    for (const path of await sourcesInFolder(folder, config, given)) sources.add(path);
  }
  return [...sources].sort();
}

export async function checkClaims(sources: readonly string[], asErrors: boolean): Promise<ClaimsOutcome> {
  const reviews = await reviewWorkspace(sources);
  const problems = new Map<string, Problem[]>();
  let untagged = 0;
  for (const review of reviews) {
    if (review.text === undefined) continue;
    const lines = new LineIndex(review.text);
    const list: Problem[] = [];
    for (const claim of review.claims) {
      if (claim.tagged || claim.dismissed) continue;
      if (claim.confidence === 'high') untagged++;
      list.push(claimProblem(review, claim, lines, asErrors));
    }
    if (list.length > 0) problems.set(review.path, list);
  }
  return { reviews, problems, untagged };
}

/**
 * The summary line of `check --claims`, after `claims in N source(s): `: every claim once, so the
 * parts add up to the total: tagged, dismissed, untagged (high confidence: what --max-untagged
 * counts) and low-confidence (untagged, reported as info).
 */
export function describeClaimCounts(reviews: readonly SourceReview[]): string {
  const sum = (count: (review: SourceReview) => number) => reviews.reduce((total, review) => total + count(review), 0);
  const untaggedHigh = sum((review) => review.counts.untaggedHigh);
  const untaggedLow = sum((review) => review.counts.untagged) - untaggedHigh;
  return `${sum((review) => review.counts.claims)}, ${sum((review) => review.counts.tagged)} tagged, ${sum((review) => review.counts.dismissed)} dismissed, ${untaggedHigh} untagged, ${untaggedLow} low-confidence`;
}

function claimProblem(review: SourceReview, claim: ReviewedClaim, lines: LineIndex, asErrors: boolean): Problem {
  const severity: Severity = claim.confidence === 'low' ? 'info' : asErrors ? 'error' : review.config.claims.severity;
  const start = lines.codePointPositionAt(claim.start);
  const end = lines.codePointPositionAt(claim.end);
  return {
    code: 'untagged-claim',
    severity,
    message: claimMessage(review.config.taxonomy, claim),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}
