import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorEntries, mergeEntries, liveChangeOf, movedTargets, sameTarget, shiftEntries, type LiveEntry, type TextChange } from '../../../src/core/anchoring/live-model';
import { PreparedText } from '../../../src/core/anchoring/prepared-text';
import { shiftRange } from '../../../src/core/anchoring/shift';
import { createTarget } from '../../../src/core/anchoring/target';
import { anchorAll } from '../../../src/core/anchoring/anchoring';
import type { Sidecar } from '../../../src/core/sidecar/model';

const TEXT = 'The prisoners were tortured. The guards 😀 beat them.';

function sidecarOf(text: string): Sidecar {
  const cp = new PreparedText(text);
  const at = (quote: string) => cp.toCodePoint(text.indexOf(quote));
  return {
    version: 1, source: 'report.txt', sourceHash: 'sha256:0',
    annotations: [
      { id: 'a1', category: 'torture', target: createTarget(text, at('tortured'), at('tortured') + 8) },
      { id: 'a2', category: 'ill-treatment', target: createTarget(text, at('beat'), at('beat') + 4) },
    ],
    dismissed: [{ id: 'd1', target: createTarget(text, at('guards'), at('guards') + 6) }],
  } as Sidecar;
}

const quoteOf = (text: string, entry: LiveEntry) => (entry.range ? text.slice(entry.range.start, entry.range.end) : undefined);

/** Applies one change to a text, as an editor does. */
function edit(text: string, change: { rangeOffset: number; rangeLength: number; text: string }): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

describe('live-model (the editor\'s anchors, in plain Node)', () => {
  it('anchors annotations then dismissals, in UTF-16 ranges past an astral character', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    assert.deepEqual(entries.map((e) => `${e.kind}:${e.id}`), ['annotation:a1', 'annotation:a2', 'dismissal:d1']);
    assert.deepEqual(entries.map((e) => quoteOf(TEXT, e)), ['tortured', 'beat', 'guards']);
    assert.ok(entries.every((e) => e.anchor.status === 'anchored'));
  });

  it('follows typing before, inside and after the tags, in place', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    const ranges = entries.map((e) => e.range);
    let text = TEXT;
    let length = TEXT.length;
    for (const change of [{ rangeOffset: 0, rangeLength: 0, text: 'NEW ' }, { rangeOffset: text.length + 4, rangeLength: 0, text: '!' }]) {
      text = edit(text, change);
      length = shiftEntries(entries, [change], length);
    }
    assert.equal(length, text.length);
    assert.deepEqual(entries.map((e) => quoteOf(text, e)), ['tortured', 'beat', 'guards']);
    assert.ok(entries.every((e, i) => e.range === ranges[i]), 'the same range objects, changed in place');
  });

  it('moves ranges as shiftRange does, for any edits (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ start: fc.nat(60), length: fc.nat(10) }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.record({ rangeOffset: fc.nat(70), rangeLength: fc.nat(8), text: fc.string({ maxLength: 5 }) }), { maxLength: 6 }),
      (ranges, changes) => {
        const entries = ranges.map((r, i) => ({ kind: 'annotation', id: `a${i}`, range: { start: r.start, end: r.start + r.length } }) as LiveEntry);
        const expected = ranges.map((r) => ({ start: r.start, end: r.start + r.length }));
        for (const change of changes) {
          shiftEntries(entries, [change], 1000);
          expected.forEach((range, i) => {
            const moved = shiftRange(range, { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, newLength: change.text.length });
            expected[i] = { start: moved.start, end: moved.end };
          });
        }
        assert.deepEqual(entries.map((e) => e.range), expected);
      }));
  });

  it('applies the changes of one edit from the last back (all offsets refer to the text before it)', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    const changes = [{ rangeOffset: 0, rangeLength: 3, text: 'A' }, { rangeOffset: TEXT.indexOf('guards'), rangeLength: 0, text: 'xx' }];
    let text = TEXT;
    for (const change of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) text = edit(text, change);
    shiftEntries(entries, changes, TEXT.length);
    assert.deepEqual(entries.map((e) => quoteOf(text, e)), ['tortured', 'beat', 'guards']);
  });

  it('tells a text put back from disk (revert, reload) from an edit: the whole text replaced, or unsaved edits taken back to the saved text', () => {
    const saved = { textLength: 10, unsavedEdits: false };
    assert.equal(liveChangeOf(saved, [{ rangeOffset: 0, rangeLength: 10, text: 'x' }], false), 'restore');
    assert.equal(liveChangeOf(saved, [{ rangeOffset: 0, rangeLength: 9, text: 'x' }], false), 'follow');
    // VS Code's revert of edits on the first and third lines: one change from offset 0 to the first unchanged line.
    assert.equal(liveChangeOf({ textLength: 10, unsavedEdits: true }, [{ rangeOffset: 0, rangeLength: 9, text: 'x' }], false), 'restore');
    assert.equal(liveChangeOf({ textLength: 10, unsavedEdits: true }, [{ rangeOffset: 0, rangeLength: 9, text: 'x' }], true), 'follow');
  });

  it('takes an event without changes as the dirty state alone: an undo back to the saved text, then typing, is followed', () => {
    // The editor's events for: type, undo back to the saved text, type into a tag. Each typed
    // change carries the dirty state from before it; the state after comes as its own event.
    const live = { textLength: 10, unsavedEdits: false };
    const events: Array<[TextChange[], boolean]> = [
      [[{ rangeOffset: 0, rangeLength: 0, text: 'X' }], false],
      [[], true],
      [[{ rangeOffset: 0, rangeLength: 1, text: '' }], true],
      [[], false],
      [[{ rangeOffset: 5, rangeLength: 0, text: 'al' }], false],
    ];
    const taken = events.map(([changes, dirty]) => {
      const kind = liveChangeOf(live, changes, dirty);
      if (kind === 'saved-state') live.unsavedEdits = dirty;
      else live.unsavedEdits = true;
      return kind;
    });
    assert.deepEqual(taken, ['follow', 'saved-state', 'follow', 'saved-state', 'follow']);
  });

  it('merges a re-read sidecar: unchanged entries keep the moved range, changed moved ones are conflicts', () => {
    const previous = anchorEntries(sidecarOf(TEXT), TEXT);
    shiftEntries(previous, [{ rangeOffset: 0, rangeLength: 0, text: 'NEW ' }], TEXT.length);
    const onDisk = sidecarOf(TEXT);
    onDisk.annotations[1] = { ...onDisk.annotations[1], target: createTarget(TEXT, 0, 3) };
    const fresh = anchorEntries(onDisk, TEXT);
    const conflicts = mergeEntries(previous, fresh);
    assert.deepEqual(fresh[0].range, previous[0].range, 'a1 keeps the range the edits gave it');
    assert.deepEqual(conflicts, [{ kind: 'annotation', id: 'a2', mine: previous[1].range }]);
    assert.deepEqual(fresh[1].range, { start: 0, end: 3 }, 'the disk version is shown');
  });

  it('turns moved ranges into targets to store, and says whether every entry followed exactly', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    const text = `NEW ${TEXT}`;
    shiftEntries(entries, [{ rangeOffset: 0, rangeLength: 0, text: 'NEW ' }], TEXT.length);
    const { updates, allExact } = movedTargets(entries, new PreparedText(text));
    assert.equal(allExact, true);
    assert.deepEqual(updates.map((u) => [u.id, u.target.exact]), [['a1', 'tortured'], ['a2', 'beat'], ['d1', 'guards']]);
    assert.ok(updates.every((u) => sameTarget(u.target, createTarget(text, u.target.start, u.target.end))));
    // A tag whose quote was deleted is not stored as an empty range.
    const at = text.indexOf('beat');
    shiftEntries(entries, [{ rangeOffset: at, rangeLength: 4, text: '' }], text.length);
    const after = movedTargets(entries, new PreparedText(edit(text, { rangeOffset: at, rangeLength: 4, text: '' })));
    assert.equal(after.allExact, false);
    assert.ok(!after.updates.some((u) => u.id === 'a2'));
  });

  it('never stores a quote the edits changed: a passage typed into keeps its stored target until a person re-anchors it', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    const at = TEXT.indexOf('tortured') + 1;
    const change = { rangeOffset: at, rangeLength: 2, text: 'ORT' };
    shiftEntries(entries, [change], TEXT.length);
    const text = edit(TEXT, change);
    const { updates, allExact } = movedTargets(entries, new PreparedText(text));
    assert.equal(allExact, false);
    assert.deepEqual(updates.map((u) => u.id), ['a2', 'd1'], 'the entries after the edit move; the edited tag keeps its stored quote');
    assert.ok(updates.every((u) => u.target.exact === entries.find((e) => e.id === u.id)!.entry.target.exact));
  });

  it('stores a passage typed into at its new place, quote and context as stored, so that it is still found after much text was added above it', () => {
    const entries = anchorEntries(sidecarOf(TEXT), TEXT);
    // 40,000 characters pasted at the top (beyond the reach of the search around stored
    // offsets), then "tortured" typed into ("torturred").
    const pasted = `${'Background of the mission. '.repeat(1500)}\n`;
    const paste = { rangeOffset: 0, rangeLength: 0, text: pasted };
    shiftEntries(entries, [paste], TEXT.length);
    let text = edit(TEXT, paste);
    const typing = { rangeOffset: text.indexOf('tortured') + 5, rangeLength: 0, text: 'r' };
    shiftEntries(entries, [typing], text.length);
    text = edit(text, typing);
    const prepared = new PreparedText(text);
    const { updates, allExact } = movedTargets(entries, prepared);
    assert.equal(allExact, false);
    const a1 = updates.find((u) => u.id === 'a1')!;
    const stored = entries.find((e) => e.id === 'a1')!.entry.target;
    assert.deepEqual({ ...a1.target, start: 0, end: 0 }, { ...stored, start: 0, end: 0 }, 'quote and context as stored');
    assert.equal(a1.target.start, prepared.toCodePoint(text.indexOf('torturred')));
    assert.equal(a1.target.end - a1.target.start, [...stored.exact].length, 'the offsets span the quote');
    const [again] = anchorAll(prepared, [a1.target]);
    assert.equal(again.status, 'fuzzy', 'found again as an approximate match, not orphaned');
    const [asStored] = anchorAll(prepared, [stored]);
    assert.equal(asStored.status, 'orphaned', 'the stored offsets alone are too far away to find it');
  });

  it('costs the same per entry for 4x the entries (no quadratic step per keystroke)', () => {
    const count = (n: number) => {
      const entries = Array.from({ length: n }, (_, i) => ({ kind: 'annotation', id: `a${i}`, range: { start: 10 + i, end: 12 + i } }) as LiveEntry);
      let steps = 0;
      // Counts the range reads shiftEntries makes: a proxy that cannot be fooled by a fast machine.
      const counted = entries.map((e) => new Proxy(e, { get: (target, key) => (key === 'range' && steps++, Reflect.get(target, key)) }));
      shiftEntries(counted, [{ rangeOffset: 0, rangeLength: 0, text: 'x' }], 10_000);
      return steps;
    };
    assert.equal(count(4000), 4 * count(1000));
  });
});
