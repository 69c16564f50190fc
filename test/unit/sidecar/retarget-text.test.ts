import assert from 'node:assert/strict';
import { createTarget } from '../../../src/core/anchoring/target';
import type { Annotation } from '../../../src/core/sidecar/model';
import { updateTargetsAsText } from '../../../src/core/sidecar/retarget-text';
import { addAnnotation, addDismissal, newSidecarDocument, parseSidecar, updateAnnotation, type SidecarDocument } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { yamlDocumentsParsed } from '../../../src/core/sidecar/yaml-source';

const TEXT = 'The prisoners were tortured. "Yes", said the guard: no #comment here. Émile was beaten.';

function annotation(id: string, start: number, end: number): Annotation {
  return { id, category: 'torture', target: createTarget(TEXT, start, end), status: 'proposed' };
}

function sidecarWith(count: number): SidecarDocument {
  let doc = newSidecarDocument('report.txt', sourceHash(TEXT));
  // Distinct passages: identical tags would be duplicates, which a clean read does not accept.
  for (let i = 0; i < count; i++) doc = addAnnotation(doc, annotation(`a${i}`, i % 80, (i % 80) + 1 + Math.floor(i / 80)));
  return addDismissal(doc, { id: 'd1', target: createTarget(TEXT, 0, 3) });
}

/** The lines of `after` that differ from `before` (same line count expected when only values change). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  return after.split('\n').filter((line, i) => line !== a[i]);
}

describe('updateTargetsAsText (the editor rewriting moved targets)', () => {
  it('rewrites only the targets named and the source hash, reading back as the entry-by-entry edits do', () => {
    const doc = sidecarWith(3);
    const moved = createTarget(TEXT, 29, 34); // "Yes" in quotes: must be quoted in YAML
    const next = updateTargetsAsText(doc, [{ list: 'annotations', id: 'a1', target: moved }, { list: 'dismissed', id: 'd1', target: createTarget(TEXT, 70, 75) }], sourceHash('x'));
    assert.equal(moved.exact, '"Yes"');
    assert.ok(next);
    const byEntry = updateAnnotation(doc, 'a1', { target: moved });
    assert.deepEqual(next.sidecar!.annotations, byEntry.sidecar!.annotations);
    assert.deepEqual(next.sidecar!.dismissed[0].target, createTarget(TEXT, 70, 75));
    assert.equal(next.sidecar!.sourceHash, sourceHash('x'));
    assert.deepEqual(next.sidecar!.annotations[0], doc.sidecar!.annotations[0]);
    // Unchanged entries keep their bytes: only target fields and the hash line differ.
    for (const line of changedLines(doc.text, next.text)) assert.match(line, /^(sourceHash:| +(start|end|exact|prefix|suffix):)/);
  });

  it('makes no yaml Document parse, however many entries move', () => {
    const doc = sidecarWith(200);
    const before = yamlDocumentsParsed();
    const updates = doc.sidecar!.annotations.map((a) => ({ list: 'annotations' as const, id: a.id, target: createTarget(TEXT, a.target.start + 1, a.target.end + 1) }));
    const next = updateTargetsAsText(doc, updates, sourceHash('y'));
    assert.ok(next);
    assert.equal(yamlDocumentsParsed(), before);
    assert.deepEqual(next.sidecar!.annotations.map((a) => a.target), updates.map((u) => u.target));
  });

  it('keeps comments outside the targets and the quoting of the hash', () => {
    const hash = sourceHash(TEXT);
    const text = `# mine\nversion: 1\nsource: report.txt\nsourceHash: "${hash}" # hash\nannotations:\n  # first\n  - id: a1\n    category: torture # cat\n    target:\n      start: 19\n      end: 27\n      exact: tortured\n      prefix: 'The prisoners were '\n      suffix: .\n    status: proposed\ndismissed: []\n`;
    const doc = parseSidecar(text);
    const next = updateTargetsAsText(doc, [{ list: 'annotations', id: 'a1', target: createTarget(TEXT, 4, 13) }], sourceHash('z'));
    assert.ok(next);
    assert.match(next.text, /# mine\n/);
    assert.match(next.text, /category: torture # cat\n/);
    assert.match(next.text, /sourceHash: "sha256:[0-9a-f]{64}" # hash\n/);
    assert.equal(next.sidecar!.annotations[0].target.exact, 'prisoners');
  });

  it('declines a layout it does not handle (a flow target), so the caller uses the Document edits', () => {
    const hash = sourceHash(TEXT);
    const text = `version: 1\nsource: report.txt\nsourceHash: ${hash}\nannotations:\n  - id: a1\n    category: torture\n    target: {start: 19, end: 27, exact: tortured, prefix: 'The prisoners were ', suffix: .}\ndismissed: []\n`;
    const doc = parseSidecar(text);
    assert.equal(updateTargetsAsText(doc, [{ list: 'annotations', id: 'a1', target: createTarget(TEXT, 4, 13) }]), undefined);
  });

  it('writes strings YAML would read otherwise quoted: booleans, numbers, line breaks, indicators', () => {
    const doc = sidecarWith(1);
    for (const exact of ['no', 'yes', '12', 'a\nb', ' lead', 'x: y', '#x', '2025-01-01', 'null']) {
      const target = { start: 0, end: [...exact].length, exact, prefix: 'on', suffix: 'Off' };
      const next = updateTargetsAsText(doc, [{ list: 'annotations', id: 'a0', target }]);
      assert.ok(next, exact);
      assert.deepEqual(next.sidecar!.annotations[0].target, target, exact);
    }
  });
});
