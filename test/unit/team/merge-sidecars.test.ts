/** The three-way merge of sidecars by entry id (the git merge driver's core). */
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/sidecar/model';
import { addAnnotation, addDismissal, newSidecarDocument, parseSidecar, removeAnnotation, setOrigin, sidecarFileText, updateAnnotation, type SidecarDocument } from '../../../src/core/sidecar/sidecar-io';
import { mergeSidecars } from '../../../src/core/team/merge-sidecars';

const TEXT = 'The prisoners were tortured and others were executed.';
const target = (start: number, exact: string) => ({ start, end: start + exact.length, exact, prefix: TEXT.slice(Math.max(0, start - 10), start), suffix: TEXT.slice(start + exact.length, start + exact.length + 10) });
const A1: Annotation = { id: 'a-1', category: 'torture', target: target(19, 'tortured'), status: 'proposed' };
const A2: Annotation = { id: 'a-2', category: 'wilful-killing', target: target(44, 'executed') };

function base(): SidecarDocument {
  return addAnnotation(addAnnotation(newSidecarDocument('r.txt', `sha256:${'0'.repeat(64)}`), A1), A2);
}

function reread(doc: SidecarDocument): SidecarDocument {
  const again = parseSidecar(sidecarFileText(doc));
  assert.ok(again.writable, 'the merged file is a valid sidecar');
  return again;
}

describe('mergeSidecars', () => {
  it('keeps what either side added, and takes a change made on one side only', () => {
    const ours = addAnnotation(base(), { id: 'a-ours', category: 'other', target: target(0, 'The') });
    const theirs = updateAnnotation(addAnnotation(base(), { id: 'a-theirs', category: 'other', target: target(4, 'prisoners') }), 'a-1', { status: 'confirmed', note: 'seen by two' });
    const merged = mergeSidecars(base().sidecar, ours, theirs.sidecar!);
    assert.deepEqual(merged.conflicts, []);
    const result = reread(merged.doc).sidecar!;
    assert.deepEqual(result.annotations.map((a) => a.id).sort(), ['a-1', 'a-2', 'a-ours', 'a-theirs']);
    assert.deepEqual(result.annotations.find((a) => a.id === 'a-1'), { ...A1, status: 'confirmed', note: 'seen by two' });
    assert.ok(merged.doc.text.startsWith(ours.text.split('annotations:')[0]), 'our header and comments stay');
  });

  it('takes the origin one side set, changed or removed, and keeps ours when both changed it', () => {
    const set = mergeSidecars(base().sidecar, base(), setOrigin(base(), 'Wire agency').sidecar!);
    assert.equal(reread(set.doc).sidecar!.origin, 'Wire agency');
    const withOrigin = setOrigin(base(), 'Wire agency');
    const changed = mergeSidecars(withOrigin.sidecar, withOrigin, setOrigin(withOrigin, 'Mission: "OSCE"').sidecar!);
    assert.equal(reread(changed.doc).sidecar!.origin, 'Mission: "OSCE"');
    const removed = mergeSidecars(withOrigin.sidecar, withOrigin, setOrigin(withOrigin, undefined).sidecar!);
    assert.equal(reread(removed.doc).sidecar!.origin, undefined);
    assert.equal(sidecarFileText(removed.doc), sidecarFileText(base()), 'removing the line gives back the file without it');
    const both = mergeSidecars(withOrigin.sidecar, setOrigin(withOrigin, 'Ours'), setOrigin(withOrigin, 'Theirs').sidecar!);
    assert.equal(reread(both.doc).sidecar!.origin, 'Ours');
  });

  it('removes what one side removed and the other left alone, keeps what the other changed', () => {
    const ours = updateAnnotation(base(), 'a-2', { note: 'checked' });
    const theirs = removeAnnotation(removeAnnotation(base(), 'a-1'), 'a-2');
    const merged = mergeSidecars(base().sidecar, ours, theirs.sidecar!);
    const result = reread(merged.doc).sidecar!;
    assert.deepEqual(result.annotations.map((a) => a.id), ['a-2']);
    assert.deepEqual(merged.keptChanged, ['a-2']);
  });

  it('keeps both versions of an entry changed differently on both sides, each naming the other', () => {
    const ours = updateAnnotation(base(), 'a-1', { category: 'ill-treatment' });
    const theirs = updateAnnotation(base(), 'a-1', { note: 'cruel treatment rather' });
    const merged = mergeSidecars(base().sidecar, ours, theirs.sidecar!);
    assert.equal(merged.conflicts.length, 1);
    const { ours: kept, theirs: added } = merged.conflicts[0];
    const result = reread(merged.doc).sidecar!;
    const mine = result.annotations.find((a) => a.id === kept)!;
    const copy = result.annotations.find((a) => a.id === added)!;
    assert.equal(mine.category, 'ill-treatment');
    assert.equal(mine.conflict, added);
    assert.deepEqual(copy, { ...A1, id: added, note: 'cruel treatment rather', status: 'disputed', conflict: 'a-1' });
  });

  it('merges dismissals the same way, and a file both sides added (no base)', () => {
    const ours = addDismissal(base(), { id: 'd-1', target: target(0, 'The'), reason: 'quotes a treaty' });
    const theirs = addDismissal(base(), { id: 'd-1', target: target(0, 'The'), reason: 'hypothetical' });
    const merged = mergeSidecars(undefined, ours, theirs.sidecar!);
    assert.deepEqual(merged.conflicts.map((c) => c.list), ['dismissed']);
    const result = reread(merged.doc).sidecar!;
    assert.equal(result.dismissed.length, 2);
    assert.deepEqual(result.annotations.map((a) => a.id), ['a-1', 'a-2'], 'the same entries on both sides are not doubled');
  });
});
