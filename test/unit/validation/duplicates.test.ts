import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import type { Annotation } from '../../../src/core/sidecar/model';
import { addAnnotation, addDismissal, newSidecarDocument, parseSidecar, sidecarFileText, updateAnnotation, updateDismissal } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import type { Problem } from '../../../src/core/problems/problem';
import { checkSidecarFile } from '../../../src/core/validation/check-file';
import { findDuplicates } from '../../../src/core/validation/duplicates';
import { checkSidecar, type SourceState } from '../../../src/core/validation/sidecar-checks';
import { mergeSidecars } from '../../../src/core/team/merge-sidecars';

const TEXT = 'The prisoners were tortured.\nOthers were executed.\n';
const HASH = sourceHash(TEXT);

/** A sidecar with one line per entry (flow mappings), so positions are easy to read: entry i is on line 5 + i. */
function sidecarText(entries: string[], dismissed: string[] = []): string {
  return ['version: 1', 'source: r.txt', `sourceHash: ${HASH}`, entries.length > 0 ? 'annotations:' : 'annotations: []', ...entries,
    ...(dismissed.length > 0 ? ['dismissed:', ...dismissed] : []), ''].join('\n');
}

function entry(id: string, category: string, start: number, end: number, exact: string, extra = ''): string {
  return `  - {id: ${id}, category: ${category}, target: {start: ${start}, end: ${end}, exact: ${JSON.stringify(exact)}, prefix: "", suffix: ""}${extra}}`;
}

function dismissal(id: string, start: number, end: number, exact: string, extra = ''): string {
  return `  - {id: ${id}, target: {start: ${start}, end: ${end}, exact: ${JSON.stringify(exact)}, prefix: "", suffix: ""}${extra}}`;
}

function check(fileText: string, source: SourceState = { kind: 'text', text: TEXT }) {
  return checkSidecar({ doc: parseSidecar(fileText), sidecarName: 'r.txt.ann.yaml', taxonomy: DEFAULT_TAXONOMY, source });
}

/** `code line:column` of each problem. */
function positions(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.line}:${p.column}`);
}

describe('duplicate annotations and dismissals', () => {
  it('reports the later of two identical tags as a warning at its id, naming the earlier one', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 19, 27, 'tortured')]));
    assert.deepEqual(positions(result.problems), ['duplicate-annotation 6:10']);
    const [problem] = result.problems;
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.message, 'annotation a2 duplicates annotation a1: same category "torture" and passage 19-27 "tortured", so the passage is counted twice; remove a2');
  });

  it('names the first entry for every later copy', () => {
    const result = check(sidecarText([
      entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'wilful-killing', 41, 49, 'executed'),
      entry('a3', 'torture', 19, 27, 'tortured'), entry('a4', 'torture', 19, 27, 'tortured'),
    ]));
    assert.deepEqual(positions(result.problems), ['duplicate-annotation 7:10', 'duplicate-annotation 8:10']);
    assert.match(result.problems[0].message, /^annotation a3 duplicates annotation a1:/);
    assert.match(result.problems[1].message, /^annotation a4 duplicates annotation a1:/);
  });

  it('is not a duplicate: the same passage with another category, or the same category on another passage', () => {
    const otherCategory = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'ill-treatment', 19, 27, 'tortured')]));
    assert.deepEqual(otherCategory.problems, []);
    const otherPassage = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 14, 27, 'were tortured')]));
    assert.deepEqual(otherPassage.problems, []);
  });

  it('compares the stored quote too: same offsets with another quote are not the same passage', () => {
    // a2's quote was edited by hand: it no longer anchors at 19-27, which is its own problem.
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 19, 27, 'executed')]));
    assert.deepEqual(result.problems.map((p) => p.code), ['annotation-moved']);
  });

  it('compares stored targets, not anchored ranges: a copy not yet moved by --fix-anchors is not reported', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 0, 8, 'tortured')]));
    assert.deepEqual(result.problems.map((p) => p.code), ['annotation-moved']);
  });

  it('reports two dismissals of one passage as duplicate-dismissal; a tag and a dismissal of one passage are not duplicates', () => {
    const result = check(sidecarText([entry('a1', 'wilful-killing', 41, 49, 'executed')], [dismissal('d1', 41, 49, 'executed'), dismissal('d2', 41, 49, 'executed')]));
    assert.deepEqual(positions(result.problems), ['duplicate-dismissal 8:10']);
    assert.equal(result.problems[0].severity, 'warning');
    assert.equal(result.problems[0].message, 'dismissal d2 duplicates dismissal d1: same passage 41-49 "executed"; remove d2');
  });

  it('names the fields in which the duplicate differs, so removing it loses nothing unseen', () => {
    const result = check(sidecarText([
      entry('a1', 'torture', 19, 27, 'tortured', ', note: "first"'),
      entry('a2', 'torture', 19, 27, 'tortured', ', note: "second", status: confirmed'),
    ], [dismissal('d1', 41, 49, 'executed'), dismissal('d2', 41, 49, 'executed', ', reason: "quoted from a novel"')]));
    assert.match(result.problems[0].message, /remove a2 \(its note, status differ from a1's: copy what you need before removing it\)$/);
    assert.match(result.problems[1].message, /remove d2 \(its reason differs from d1's: copy what you need before removing it\)$/);
  });

  it('is reported without the source: it is about the sidecar alone', () => {
    const result = check(sidecarText([entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 19, 27, 'tortured')]), { kind: 'missing', path: '/nowhere/r.txt' });
    assert.deepEqual(result.problems.map((p) => p.code).sort(), ['duplicate-annotation', 'missing-source']);
  });

  it('findDuplicates gives each later entry with the earliest it repeats', () => {
    const sidecar = parseSidecar(sidecarText(
      [entry('a1', 'torture', 19, 27, 'tortured'), entry('a2', 'torture', 19, 27, 'tortured'), entry('a3', 'wilful-killing', 19, 27, 'tortured')],
      [dismissal('d1', 41, 49, 'executed'), dismissal('d2', 41, 49, 'executed'), dismissal('d3', 41, 49, 'executed')],
    )).sidecar!;
    assert.deepEqual(findDuplicates(sidecar), [
      { list: 'annotations', index: 1, id: 'a2', first: { index: 0, id: 'a1' } },
      { list: 'dismissed', index: 1, id: 'd2', first: { index: 0, id: 'd1' } },
      { list: 'dismissed', index: 2, id: 'd3', first: { index: 0, id: 'd1' } },
    ]);
  });

  describe('the two versions of a merge conflict (the merge driver keeps both)', () => {
    /** A sidecar whose tag a1 and dismissal d1 two branches changed differently, merged by the merge driver's core. */
    function merged() {
      const tag: Annotation = { id: 'a1', category: 'torture', target: createTarget(TEXT, 19, 27), status: 'proposed' };
      const base = addDismissal(addAnnotation(newSidecarDocument('r.txt', HASH), tag), { id: 'd1', target: createTarget(TEXT, 41, 49) });
      const ours = updateDismissal(updateAnnotation(base, 'a1', { status: 'confirmed' }), 'd1', { reason: 'a quotation' });
      const theirs = updateDismissal(updateAnnotation(base, 'a1', { note: 'seen by two' }), 'd1', { reason: 'fiction' });
      const merge = mergeSidecars(base.sidecar, ours, theirs.sidecar!);
      assert.equal(merge.conflicts.length, 2);
      return { doc: parseSidecar(sidecarFileText(merge.doc)), theirs: Object.fromEntries(merge.conflicts.map((c) => [c.ours, c.theirs])) };
    }

    it('says to resolve the conflict, never to remove one version as a duplicate', () => {
      const { doc, theirs } = merged();
      const result = checkSidecar({ doc, sidecarName: 'r.txt.ann.yaml', taxonomy: DEFAULT_TAXONOMY, source: { kind: 'text', text: TEXT } });
      assert.deepEqual(result.problems.map((p) => p.code).sort(), ['duplicate-annotation', 'duplicate-dismissal', 'merge-conflict', 'merge-conflict', 'merge-conflict', 'merge-conflict']);
      const duplicates = result.problems.filter((p) => p.code.startsWith('duplicate-')).map((p) => p.message);
      assert.deepEqual(duplicates, [
        `annotation ${theirs.a1} duplicates annotation a1: same category "torture" and passage 19-27 "tortured"; the two are the two versions of one annotation from a git merge (merge-conflict): resolve the conflict first (keep one, remove the other and the "conflict" field of the one kept), not by removing a duplicate`,
        `dismissal ${theirs.d1} duplicates dismissal d1: same passage 41-49 "executed"; the two are the two versions of one dismissal from a git merge (merge-conflict): resolve the conflict first (keep one, remove the other and the "conflict" field of the one kept), not by removing a duplicate`,
      ]);
      for (const message of duplicates) assert.doesNotMatch(message, /; remove /);
    });

    it('findDuplicates names the other version of a duplicate that is one side of a conflict', () => {
      const { doc, theirs } = merged();
      assert.deepEqual(findDuplicates(doc.sidecar!), [
        { list: 'annotations', index: 1, id: theirs.a1, first: { index: 0, id: 'a1' }, conflict: 'a1' },
        { list: 'dismissed', index: 1, id: theirs.d1, first: { index: 0, id: 'd1' }, conflict: 'd1' },
      ]);
    });

    it('a copy of one version of a conflict names the version it conflicts with', () => {
      const result = check(sidecarText([
        entry('a1', 'torture', 19, 27, 'tortured'),
        entry('a2', 'torture', 19, 27, 'tortured', ', conflict: a9'),
        entry('a9', 'torture', 14, 27, 'were tortured', ', conflict: a2'),
      ]));
      const [duplicate] = result.problems.filter((p) => p.code === 'duplicate-annotation');
      assert.equal(duplicate.message, 'annotation a2 duplicates annotation a1: same category "torture" and passage 19-27 "tortured"; a2 and a9 are the two versions of one annotation from a git merge (merge-conflict): resolve the conflict first (keep one, remove the other and the "conflict" field of the one kept), not by removing a duplicate');
    });
  });

  describe('in a file as tag writes it (the fast path of check)', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-duplicates-'));
    });
    afterEach(async () => {
      await fs.rm(folder, { recursive: true, force: true });
    });

    it('finds the duplicate and positions it at the later id', async () => {
      const tag = (id: string): Annotation => ({ id, category: 'torture', target: createTarget(TEXT, 19, 27) });
      const doc = addAnnotation(addAnnotation(newSidecarDocument('r.txt', HASH), tag('a1')), tag('a2'));
      await fs.writeFile(join(folder, 'r.txt'), TEXT);
      await fs.writeFile(join(folder, 'r.txt.ann.yaml'), sidecarFileText(doc));
      const result = await checkSidecarFile(join(folder, 'r.txt.ann.yaml'), { taxonomy: DEFAULT_TAXONOMY });
      const line = sidecarFileText(doc).split('\n').indexOf('  - id: a2') + 1;
      assert.deepEqual(positions(result.problems), [`duplicate-annotation ${line}:9`]);
      assert.match(result.problems[0].message, /^annotation a2 duplicates annotation a1:/);
    });
  });
});
