/**
 * Deciding a disagreement between my tags and another annotator's (disagreements.ts), as the
 * editor's code actions do, through the sidecar engine:
 * - accept theirs: my tags of the disagreement are removed, theirs is added (re-targeted on my
 *   text, its id kept when free so both branches name it alike);
 * - keep mine: my tags stay;
 * - keep both: theirs is added and mine stay.
 * Every tag kept carries the decision: `adjudicated: { from: [their id, my ids], by, at }`,
 * merged with a record it already had (the ids of both), so the curated set says where each
 * tag came from. Offsets are code points of my source text. Pure: returns the new document.
 */
import { newEntryId } from '../annotations/new-annotation';
import { createTarget } from '../anchoring/target';
import type { PreparedText } from '../anchoring/prepared-text';
import type { Adjudication, Annotation } from '../sidecar/model';
import { editSidecar, type SidecarEdit } from '../sidecar/sidecar-batch';
import { removeAnnotation, type SidecarDocument } from '../sidecar/sidecar-io';
import type { Disagreement } from './disagreements';

export type AdjudicationDecision = 'accept-theirs' | 'keep-mine' | 'keep-both';

export const DECISION_TITLES: Record<AdjudicationDecision, string> = {
  'accept-theirs': 'Accept theirs',
  'keep-mine': 'Keep mine',
  'keep-both': 'Keep both',
};

export interface AdjudicationInput {
  /** My source text, which the disagreement's code-point offsets refer to. */
  text: string | PreparedText;
  decision: AdjudicationDecision;
  disagreement: Disagreement;
  by: string;
  /** For tests; defaults to the current time. */
  now?: Date;
}

export interface AdjudicationResult {
  doc: SidecarDocument;
  /** The ids of the tags kept, each carrying the record. */
  kept: string[];
}

/** Why `decision` cannot be made on `disagreement`, undefined when it can ("Keep mine" needs a tag of mine). */
export function decisionRefusal(decision: AdjudicationDecision, disagreement: Disagreement): string | undefined {
  if (decision === 'keep-mine' && disagreement.mine.length === 0) return 'there is no tag of mine on this passage to keep; accept theirs or leave it';
  return undefined;
}

/** The record `from` merged into the one `annotation` already carries (ids of both, in order, once). */
function mergedRecord(annotation: Annotation | undefined, record: Adjudication): Adjudication {
  const from = [...new Set([...(annotation?.adjudicated?.from ?? []), ...record.from])];
  return { from, by: record.by, at: record.at };
}

export function adjudicate(doc: SidecarDocument, input: AdjudicationInput): AdjudicationResult {
  const { decision, disagreement } = input;
  const refusal = decisionRefusal(decision, disagreement);
  if (refusal) throw new Error(refusal);
  const theirs = disagreement.theirs;
  const record: Adjudication = {
    from: [...new Set([theirs.annotation.id, ...disagreement.mine.map((m) => m.annotation.id)])],
    by: input.by,
    at: (input.now ?? new Date()).toISOString(),
  };
  let next = doc;
  if (decision === 'accept-theirs') for (const m of disagreement.mine) next = removeAnnotation(next, m.annotation.id);
  const annotations = next.sidecar!.annotations;
  const edits: SidecarEdit[] = [];
  const kept: string[] = [];
  const keep = (id: string) => {
    const existing = annotations.find((a) => a.id === id);
    edits.push({ kind: 'update-annotation', id, changes: { adjudicated: mergedRecord(existing, record) } });
    kept.push(id);
  };
  if (decision !== 'keep-mine') {
    // Their tag may already be mine, exactly (a tag of mine of another category overlapped it).
    const same = annotations.find((a) => a.category === theirs.annotation.category && a.target.start === theirs.start && a.target.end === theirs.end);
    if (same) keep(same.id);
    else {
      const ids = new Set([...annotations, ...next.sidecar!.dismissed].map((e) => e.id));
      const copy: Annotation = {
        ...withoutBranchFields(theirs.annotation),
        id: ids.has(theirs.annotation.id) ? newEntryId('a', ids) : theirs.annotation.id,
        target: createTarget(input.text, theirs.start, theirs.end),
        adjudicated: record,
      };
      edits.push({ kind: 'add-annotation', annotation: copy });
      kept.push(copy.id);
    }
  }
  if (decision !== 'accept-theirs') for (const m of disagreement.mine) keep(m.annotation.id);
  return { doc: editSidecar(next, edits), kept };
}

/** Their tag without what belongs to their branch's own history (a merge conflict, their own decisions). */
function withoutBranchFields(annotation: Annotation): Annotation {
  const copy = { ...annotation };
  delete copy.conflict;
  delete copy.adjudicated;
  return copy;
}
