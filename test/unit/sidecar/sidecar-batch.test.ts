import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/sidecar/model';
import { editOneByOne, editSidecar, type SidecarEdit } from '../../../src/core/sidecar/sidecar-batch';
import { parseSidecar, sidecarFileText, SidecarEditError } from '../../../src/core/sidecar/sidecar-io';
import { manyAnnotations } from '../../../scripts/generate-hostile';
import { seededIntegers } from '../../../bench/support';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

const HASH_0 = `sha256:${'0'.repeat(64)}`;
const HASH_1 = `sha256:${'1'.repeat(64)}`;
const HASH_2 = `sha256:${'2'.repeat(64)}`;

/** A hand-written sidecar the fast reader declines (a flow mapping, a folded note): the Document path. */
const USER_FILE = `# Annotations of report.txt
version: 1
source: 'report.txt'   # the source
sourceHash: "${HASH_0}"

annotations:   # tags
  # first tag: keep this comment
  - id: a1
    category: "torture"
    target:
        start: 19
        end: 27
        exact: 'tortured'
        prefix: "The prisoners were "
        suffix: '.'
    note: >-
      Folded note
      on two lines.

  - id: a2
    category: ill-treatment   # maybe torture?
    target: {start: 4, end: 13, exact: prisoners, prefix: 'The ', suffix: ' were'}
    status: proposed
# nothing dismissed yet
dismissed: []
`;

/** A clean file the fast reader reads, with comments inside an entry and quoting of its own. */
const CLEAN_FILE = `version: 1
source: report.txt
sourceHash: ${HASH_0}
annotations:
  - id: a1
    category: torture # checked twice
    target:
      # where it was tagged
      start: 19
      end: 27
      exact: 'tortured'
      prefix: "The prisoners were "
      suffix: "."
    status: proposed
  - id: a2
    category: other
    target:
      start: 0
      end: 3
      exact: The
      prefix: ""
      suffix: " prisoners"
dismissed:
  - id: d1
    target:
      start: 4
      end: 13
      exact: prisoners
      prefix: "The "
      suffix: " were"
`;

function target(start: number, exact: string) {
  return { start, end: start + [...exact].length, exact, prefix: 'p ', suffix: ': s' };
}

function annotation(id: string, start: number, exact: string): Annotation {
  return { id, category: 'torture', target: target(start, exact), status: 'proposed', created: '2026-11-22T10:00:00.000Z' };
}

const oneByOne = editOneByOne;

const MIXED: SidecarEdit[] = [
  { kind: 'update-annotation', id: 'a1', changes: { target: target(30, 'beaten'), status: 'confirmed' } },
  { kind: 'add-annotation', annotation: annotation('n1', 40, 'executed') },
  { kind: 'update-annotation', id: 'a2', changes: { note: 'a "quoted" note', category: 'torture' } },
  { kind: 'add-annotation', annotation: { ...annotation('n2', 50, 'yes'), note: 'two\nlines' } },
  { kind: 'update-annotation', id: 'n1', changes: { author: 'A. Reviewer' } },
  { kind: 'add-dismissal', dismissal: { id: 'd9', target: target(60, 'ICRC'), reason: 'no' } },
  { kind: 'source-hash', hash: HASH_1 },
];

describe('editSidecar: many edits, one read', () => {
  it('writes what the single edits write, one by one, on a file read with the Document', () => {
    const doc = parseSidecar(USER_FILE);
    const batch = editSidecar(doc, MIXED);
    assert.equal(sidecarFileText(batch), sidecarFileText(oneByOne(doc, MIXED)));
    assert.ok(batch.text.startsWith(`# Annotations of report.txt\nversion: 1\nsource: 'report.txt'   # the source\nsourceHash: "${HASH_1}"\n\nannotations:   # tags\n  # first tag: keep this comment\n`));
    assert.equal(batch.sidecar!.annotations.find((a) => a.id === 'n1')!.author, 'A. Reviewer');
  });

  it('writes what the single edits write on a clean file, and a new target leaves every other line of its entry as it was', () => {
    const doc = parseSidecar(CLEAN_FILE);
    assert.deepEqual(editSidecar(doc, MIXED).sidecar, oneByOne(doc, MIXED).sidecar);
    const moves: SidecarEdit[] = [
      { kind: 'update-annotation', id: 'a1', changes: { target: target(100, 'tortured') } },
      { kind: 'update-dismissal', id: 'd1', changes: { target: target(200, 'prisoners') } },
      { kind: 'source-hash', hash: HASH_2 },
    ];
    const moved = editSidecar(doc, moves);
    assert.deepEqual(moved.sidecar, oneByOne(doc, moves).sidecar);
    const expected = CLEAN_FILE
      .replace(HASH_0, HASH_2)
      .replace(/ {4}target:\n {6}# where it was tagged\n(?: {6}.*\n){5}/, '    target:\n      start: 100\n      end: 108\n      exact: tortured\n      prefix: p\n      suffix: ": s"\n')
      .replace(/ {4}target:\n(?: {6}.*\n){4} {6}suffix: " were"\n/, '    target:\n      start: 200\n      end: 209\n      exact: prisoners\n      prefix: p\n      suffix: ": s"\n');
    assert.equal(moved.text, expected.replace(/prefix: p\n/g, 'prefix: "p "\n'));
  });

  it('appends many annotations as the single edits do, one read for all (100 into the generated sidecar of 1,000)', () => {
    const doc = parseSidecar(manyAnnotations(1000).sidecar);
    const adds: SidecarEdit[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'add-annotation', annotation: annotation(`n${i}`, i, 'Line') }));
    assert.equal(sidecarFileText(editSidecar(doc, adds)), sidecarFileText(oneByOne(doc, adds)));
  });

  it('writes what the single edits write in layouts of their own: no dismissed list, CRLF, a BOM, flow entries, `[]` with a comment', () => {
    const header = `version: 1\nsource: r.txt\nsourceHash: ${HASH_0}\n`;
    const files = [
      `${header}annotations: []\n`,
      `${header}annotations: [] # none yet\ndismissed: []\n`,
      `${header}annotations:\n  - id: a1\n    category: torture\n    target:\n      start: 0\n      end: 3\n      exact: The\n      prefix: ""\n      suffix: " x"\n`.replace(/\n/g, '\r\n'),
      `\uFEFF${header}annotations:\n- id: a1\n  category: torture\n  target: {start: 0, end: 3, exact: The, prefix: "", suffix: " x"}\n`,
    ];
    for (const file of files) {
      const doc = parseSidecar(file);
      const edits: SidecarEdit[] = [
        { kind: 'add-dismissal', dismissal: { id: 'd1', target: target(9, 'def') } },
        { kind: 'add-annotation', annotation: { ...annotation('n1', 5, 'abc'), note: 'two\nlines' } },
        ...(doc.sidecar!.annotations.length > 0 ? [{ kind: 'update-annotation', id: 'a1', changes: { target: target(1, 'he ') } } as const] : []),
      ];
      assert.equal(sidecarFileText(editSidecar(doc, edits)), sidecarFileText(oneByOne(doc, edits)), JSON.stringify(file));
    }
  });

  it('gives the content of the single edits for random batches (seeded), and their text when no entry is updated twice', () => {
    const item = (id: string, indent: string) => [
      `- id: ${id}`, '  category: torture # c', '  target:', '    start: 0', '    end: 3', "    exact: 'The'", '    prefix: ""', '    suffix: " x"', '  note: |-', '    a', '    b',
    ].map((line) => `${indent}${line}\n`).join('');
    const header = `version: 1\nsource: r.txt\nsourceHash: ${HASH_0}\n`;
    const files = [
      `# head\n${header}annotations:\n${item('a1', '  ')}${item('a2', '  ')}dismissed:\n  - id: d1\n    target: {start: 0, end: 3, exact: The, prefix: "", suffix: ""}\n`,
      `${header}annotations:\n${item('a1', '')}\n# trailing comment\n${item('a2', '')}`,
      `${header}dismissed: []\nannotations:\n${item('a1', '    ')}`,
      `${header}annotations:\n${item('a1', '  ')}${item('a2', '  ')}`.replace(/\n/g, '\r\n'),
    ];
    const words = ['x', 'yes', 'two\nlines', 'a: b', '"q"', "it's", '', ' lead', '2026-01-01T00:00:00Z', 'Україна'];
    const next = seededIntegers(5);
    const word = () => words[next(words.length)];
    const randomTarget = () => {
      const exact = word() || 'z';
      const start = next(50);
      return { start, end: start + [...exact].length, exact, prefix: word(), suffix: word() };
    };
    for (let round = 0; round < 150; round++) {
      const doc = parseSidecar(files[round % files.length]);
      const ids = doc.sidecar!.annotations.map((a) => a.id);
      const dismissedIds = doc.sidecar!.dismissed.map((d) => d.id);
      const edits: SidecarEdit[] = [];
      for (let i = 0; i < 1 + next(5); i++) {
        const kind = next(6);
        if (kind === 0) {
          ids.push(`n${i}`);
          edits.push({ kind: 'add-annotation', annotation: { id: `n${i}`, category: 'other', target: randomTarget(), ...(next(2) ? { note: word() } : {}) } });
        } else if (kind === 1) {
          edits.push({ kind: 'update-annotation', id: ids[next(ids.length)], changes: { target: randomTarget() } });
        } else if (kind === 2) {
          edits.push({ kind: 'update-annotation', id: ids[next(ids.length)], changes: { note: next(3) ? word() : undefined, status: 'confirmed' } });
        } else if (kind === 3) {
          dismissedIds.push(`d${i}x`);
          edits.push({ kind: 'add-dismissal', dismissal: { id: `d${i}x`, target: randomTarget() } });
        } else if (kind === 4 && dismissedIds.length > 0) {
          edits.push({ kind: 'update-dismissal', id: dismissedIds[next(dismissedIds.length)], changes: { target: randomTarget() } });
        } else {
          edits.push({ kind: 'source-hash', hash: `sha256:${String(next(9)).repeat(64)}` });
        }
      }
      const batch = editSidecar(doc, edits);
      const single = oneByOne(doc, edits);
      const message = JSON.stringify(edits);
      assert.deepEqual(batch.sidecar, single.sidecar, message);
      const updated = edits.flatMap((e) => (e.kind === 'update-annotation' || e.kind === 'update-dismissal' ? [e.id] : []));
      if (new Set(updated).size === updated.length) assert.equal(sidecarFileText(batch), sidecarFileText(single), message);
    }
  });

  it('refuses an id used twice, an unknown id, and a sidecar with errors, and changes nothing for no edit', () => {
    const doc = parseSidecar(CLEAN_FILE);
    assert.throws(() => editSidecar(doc, [{ kind: 'add-annotation', annotation: annotation('d1', 0, 'The') }]), SidecarEditError);
    assert.throws(() => editSidecar(doc, [{ kind: 'add-annotation', annotation: annotation('x', 0, 'The') }, { kind: 'add-annotation', annotation: annotation('x', 0, 'The') }]), /"x" is already used/);
    assert.throws(() => editSidecar(doc, [{ kind: 'update-annotation', id: 'd1', changes: { note: 'n' } }]), /no annotation with id "d1"/);
    assert.throws(() => editSidecar(parseSidecar('version: ['), [{ kind: 'source-hash', hash: 'sha256:1' }]), /has errors/);
    assert.equal(editSidecar(doc, []), doc);
  });

  it('grows linearly with the number of edits (n against 4n, CPU time): no read of the file per edit', async function () {
    this.timeout(300_000);
    const growth = await measureGrowth((size) => {
      const doc = parseSidecar(manyAnnotations(size).sidecar);
      const edits: SidecarEdit[] = doc.sidecar!.annotations.flatMap((a, i): SidecarEdit[] => [
        { kind: 'update-annotation', id: a.id, changes: { target: { ...a.target, start: a.target.start, end: a.target.end } } },
        { kind: 'add-annotation', annotation: annotation(`n${i}`, i, 'Line') },
      ]);
      return () => editSidecar(doc, edits);
    }, 200);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('editSidecar of 2n edits on a sidecar of n annotations', growth));
  });
});
