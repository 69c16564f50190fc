/**
 * `check --fix-anchors`: store the re-anchored position of every entry whose quote moved
 * (found exactly elsewhere, in its own context: see `isMove`), and the source's new hash once
 * every entry anchors. Fuzzy and orphaned entries are never rewritten, neither their offsets nor
 * their prefix and suffix: their quote changed, or only its words are left in other context (a
 * glossary, a quotation), and only a person can say whether that text is still what was tagged. Everything else in the file stays byte
 * for byte. All the fixes of a file are one batch (editSidecar): one read of the result, however many moved.
 */
import { createTarget, type PreparedText } from './anchoring';
import type { AnchorResult } from '../sidecar/model';
import { editSidecar, type SidecarEdit } from '../sidecar/sidecar-batch';
import type { SidecarDocument } from '../sidecar/sidecar-io';
import { sourceHash } from '../sidecar/source-hash';

export interface AnchorFix {
  list: 'annotations' | 'dismissed';
  id: string;
  from: { start: number; end: number };
  to: { start: number; end: number };
}

export interface FixResult {
  doc: SidecarDocument;
  moved: AnchorFix[];
  /** The new hash when it was updated. */
  hash?: { from: string; to: string };
}

/** Applies the fixes to a writable document; returns it unchanged (and no fixes) when there is nothing to do. */
export function fixMovedAnchors(doc: SidecarDocument, anchors: { annotations: AnchorResult[]; dismissed: AnchorResult[] }, text: PreparedText): FixResult {
  const sidecar = doc.sidecar;
  if (!doc.writable || !sidecar) return { doc, moved: [] };
  const edits: SidecarEdit[] = [];
  const moved: AnchorFix[] = [];
  sidecar.annotations.forEach((annotation, index) => {
    const result = anchors.annotations[index];
    if (result?.status !== 'moved') return;
    edits.push({ kind: 'update-annotation', id: annotation.id, changes: { target: createTarget(text, result.start, result.end) } });
    moved.push({ list: 'annotations', id: annotation.id, from: { start: annotation.target.start, end: annotation.target.end }, to: { start: result.start, end: result.end } });
  });
  sidecar.dismissed.forEach((dismissal, index) => {
    const result = anchors.dismissed[index];
    if (result?.status !== 'moved') return;
    edits.push({ kind: 'update-dismissal', id: dismissal.id, changes: { target: createTarget(text, result.start, result.end) } });
    moved.push({ list: 'dismissed', id: dismissal.id, from: { start: dismissal.target.start, end: dismissal.target.end }, to: { start: result.start, end: result.end } });
  });
  const everyEntryAnchors = [...anchors.annotations, ...anchors.dismissed].every((r) => r.status === 'anchored' || r.status === 'moved');
  const current = sourceHash(text.text);
  let hash: FixResult['hash'];
  if (everyEntryAnchors && sidecar.sourceHash !== current) {
    edits.push({ kind: 'source-hash', hash: current });
    hash = { from: sidecar.sourceHash, to: current };
  }
  return { doc: editSidecar(doc, edits), moved, hash };
}
