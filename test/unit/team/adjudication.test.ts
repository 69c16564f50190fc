/** Disagreements between two annotators' tags on one source, and the decisions recorded on the tags kept. */
import assert from 'node:assert/strict';
import { createAjv, readSchema } from '../../../scripts/build-validators';
import { PreparedText } from '../../../src/core/anchoring/prepared-text';
import { createTarget } from '../../../src/core/anchoring/target';
import type { Annotation } from '../../../src/core/sidecar/model';
import { validateYamlText } from '../../../src/core/sidecar/schema-validation';
import { addAnnotation, newSidecarDocument, parseSidecar, sidecarFileText, type SidecarDocument } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { adjudicate, decisionRefusal, type AdjudicationDecision } from '../../../src/core/team/adjudication';
import { findDisagreements, visibleTheirs, type PlacedAnnotation } from '../../../src/core/team/disagreements';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

// An astral character first: offsets are code points, and createTarget must be given code points.
const TEXT = '🇺🇦 The prisoners were tortured in the basement. Others were executed at dawn. The ICRC was denied access.\n';
const prepared = new PreparedText(TEXT);
const NOW = new Date('2026-12-06T12:00:00.000Z');

function tag(id: string, category: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = prepared.toCodePoint(TEXT.indexOf(quote));
  return { id, category, target: createTarget(prepared, start, start + [...quote].length), ...extra };
}

const placed = (annotations: readonly Annotation[]): PlacedAnnotation[] => annotations.map((annotation) => ({ annotation, start: annotation.target.start, end: annotation.target.end }));

function sidecarOf(annotations: readonly Annotation[]): SidecarDocument {
  let doc = newSidecarDocument('r.txt', sourceHash(TEXT));
  for (const a of annotations) doc = addAnnotation(doc, a);
  return doc;
}

/** What a reader of the written file sees (the fast reader and the schema both). */
function reread(doc: SidecarDocument): Annotation[] {
  const text = sidecarFileText(doc);
  assert.deepEqual(validateYamlText(text, 'sidecar').problems, [], 'the precompiled schema accepts the file');
  return parseSidecar(text).sidecar!.annotations;
}

describe('findDisagreements', () => {
  it('lists their tags without an exact match in mine, with my unmatched tags that overlap them', () => {
    const mine = [tag('m1', 'torture', 'tortured'), tag('m2', 'ill-treatment', 'executed at dawn'), tag('m3', 'denial-of-icrc-access', 'denied access')];
    const theirs = [tag('t1', 'torture', 'tortured in the basement'), tag('t2', 'wilful-killing', 'executed'), tag('t3', 'denial-of-icrc-access', 'denied access'), tag('t4', 'torture', 'Others')];
    const found = findDisagreements(placed(mine), placed(theirs));
    assert.deepEqual(found.map((d) => [d.kind, d.theirs.annotation.id, d.mine.map((m) => m.annotation.id)]), [
      ['range', 't1', ['m1']],
      ['theirs-only', 't4', []],
      ['category', 't2', ['m2']],
    ]);
    const executed = found[2];
    assert.equal(executed.start, Math.min(executed.theirs.start, executed.mine[0].start));
    assert.equal(executed.end, executed.mine[0].end, 'the span covers both tags');
  });

  it('lists a tag of mine of another category over a tag of theirs that another tag of mine matches', () => {
    const mine = [tag('m1', 'torture', 'tortured'), tag('m2', 'ill-treatment', 'were tortured')];
    const theirs = [tag('t1', 'torture', 'tortured')];
    const found = findDisagreements(placed(mine), placed(theirs));
    assert.deepEqual(found.map((d) => [d.kind, d.theirs.annotation.id, d.mine.map((m) => m.annotation.id)]), [['category', 't1', ['m2']]]);
  });

  it('finds nothing when both tagged alike, whatever the ids, notes or authors', () => {
    const mine = [tag('m1', 'torture', 'tortured', { author: 'Ana' })];
    const theirs = [tag('t1', 'torture', 'tortured', { author: 'Bo', note: 'GC III 17' })];
    assert.deepEqual(findDisagreements(placed(mine), placed(theirs)), []);
  });

  it('no longer lists what a decision recorded on my tags settled, and hides their tags I set aside', () => {
    const theirs = [tag('t1', 'wilful-killing', 'executed'), tag('t2', 'torture', 'tortured')];
    const mine = [tag('m1', 'ill-treatment', 'executed at dawn', { adjudicated: { from: ['t1', 'm1'], by: 'Ana', at: NOW.toISOString() } })];
    const found = findDisagreements(placed(mine), placed(theirs));
    assert.deepEqual(found.map((d) => d.theirs.annotation.id), ['t2']);
    assert.deepEqual(visibleTheirs(placed(mine), placed(theirs)).map((t) => t.annotation.id), ['t2']);
  });
});

describe('findDisagreements on many tags', () => {
  /** n tags of mine and n of theirs along a long text, each of theirs a little shifted from one of mine and of another category. */
  function manyTags(n: number): { mine: PlacedAnnotation[]; theirs: PlacedAnnotation[] } {
    const at = (id: string, category: string, start: number): PlacedAnnotation => ({ annotation: { id, category, target: { start, end: start + 30, exact: 'x', prefix: '', suffix: '' } }, start, end: start + 30 });
    return {
      mine: Array.from({ length: n }, (_, i) => at(`m${i}`, 'torture', i * 100)),
      theirs: Array.from({ length: n }, (_, i) => at(`t${i}`, 'ill-treatment', i * 100 + 5)),
    };
  }

  it('finds each overlap once, and grows linearly (n against 4n tags, CPU time), not with every pair', async function () {
    this.timeout(300_000);
    const { mine, theirs } = manyTags(50);
    const found = findDisagreements(mine, theirs);
    assert.equal(found.length, 50);
    assert.ok(found.every((d, i) => d.kind === 'category' && d.theirs.annotation.id === `t${i}` && d.mine.length === 1 && d.mine[0].annotation.id === `m${i}`));
    const growth = await measureGrowth((size) => {
      const tags = manyTags(size);
      return () => findDisagreements(tags.mine, tags.theirs);
    }, 2000);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('disagreements of n tags against n', growth));
  });
});

describe('adjudicate', () => {
  const mine = [tag('m1', 'ill-treatment', 'executed at dawn', { author: 'Ana' }), tag('m9', 'torture', 'tortured')];
  const theirs = [tag('t1', 'wilful-killing', 'executed', { author: 'Bo', note: 'summary execution', status: 'confirmed' }), tag('m9', 'torture', 'tortured')];
  const disagreementOf = () => {
    const [found] = findDisagreements(placed(mine), placed(theirs));
    assert.equal(found.theirs.annotation.id, 't1');
    return found;
  };
  const decide = (decision: AdjudicationDecision) => adjudicate(sidecarOf(mine), { text: prepared, decision, disagreement: disagreementOf(), by: 'Cleo', now: NOW });
  const RECORD = { from: ['t1', 'm1'], by: 'Cleo', at: '2026-12-06T12:00:00.000Z' };

  it('"Accept theirs" removes my tag and adds theirs with its id, author and note, recording the decision', () => {
    const { doc, kept } = decide('accept-theirs');
    const after = reread(doc);
    assert.deepEqual(kept, ['t1']);
    assert.deepEqual(after.map((a) => a.id), ['m9', 't1']);
    const accepted = after[1];
    assert.deepEqual(accepted, { ...theirs[0], adjudicated: RECORD });
    assert.equal(prepared.slice(accepted.target.start, accepted.target.end), 'executed');
    assert.deepEqual(findDisagreements(placed(after), placed(theirs)), [], 'settled');
  });

  it('"Keep mine" keeps my tag and records the decision on it; their tag is settled and hidden', () => {
    const { doc, kept } = decide('keep-mine');
    const after = reread(doc);
    assert.deepEqual(kept, ['m1']);
    assert.deepEqual(after[0], { ...mine[0], adjudicated: RECORD });
    assert.deepEqual(after[1], mine[1], 'the other tag is untouched');
    assert.deepEqual(findDisagreements(placed(after), placed(theirs)), []);
    assert.deepEqual(visibleTheirs(placed(after), placed(theirs)).map((t) => t.annotation.id), ['m9']);
  });

  it('"Keep both" adds theirs and keeps mine, both with the record; an id mine already uses gets a new one', () => {
    const clash = [tag('m1', 'wilful-killing', 'executed', { author: 'Bo' })];
    const [found] = findDisagreements(placed(mine), placed(clash));
    const { doc, kept } = adjudicate(sidecarOf(mine), { text: prepared, decision: 'keep-both', disagreement: found, by: 'Cleo', now: NOW });
    const after = reread(doc);
    assert.equal(kept.length, 2);
    assert.notEqual(kept[0], 'm1', 'their m1 is not mine: it gets an id of its own');
    assert.match(kept[0], /^a-[0-9a-f]{8}$/);
    const added = after.find((a) => a.id === kept[0])!;
    assert.deepEqual(added.adjudicated, { from: ['m1'], by: 'Cleo', at: RECORD.at }, 'from names the ids as they were: both m1');
    assert.equal(added.category, 'wilful-killing');
    assert.deepEqual(after.find((a) => a.id === 'm1')!.adjudicated, added.adjudicated);
  });

  it('merges a new decision into the record a tag already carries', () => {
    const decided = [tag('m1', 'ill-treatment', 'executed at dawn', { adjudicated: { from: ['x7', 'm1'], by: 'Ana', at: '2026-01-01T00:00:00.000Z' } })];
    const [found] = findDisagreements(placed(decided), placed([theirs[0]]));
    const { doc } = adjudicate(sidecarOf(decided), { text: prepared, decision: 'keep-mine', disagreement: found, by: 'Cleo', now: NOW });
    assert.deepEqual(reread(doc)[0].adjudicated, { from: ['x7', 'm1', 't1'], by: 'Cleo', at: RECORD.at });
  });

  it('refuses "Keep mine" where I have no tag, and leaves the sidecar as it was', () => {
    const [found] = findDisagreements([], placed([theirs[0]]));
    assert.match(decisionRefusal('keep-mine', found) ?? '', /no tag of mine/);
    assert.equal(decisionRefusal('accept-theirs', found), undefined);
    const doc = sidecarOf([]);
    assert.throws(() => adjudicate(doc, { text: prepared, decision: 'keep-mine', disagreement: found, by: 'Cleo' }), /no tag of mine/);
  });
});

describe('adjudicated in the sidecar schema (schemas/sidecar.schema.json)', () => {
  const validate = createAjv().getSchema(readSchema('sidecar.schema.json').$id)!;
  const sidecar = (adjudicated: unknown) => ({
    version: 1, source: 'r.txt', sourceHash: sourceHash(TEXT), dismissed: [],
    annotations: [{ ...tag('a1', 'torture', 'tortured'), adjudicated }],
  });

  it('accepts a record with the ids, who and when', () => {
    assert.ok(validate(sidecar({ from: ['t1', 'a1'], by: 'Cleo', at: '2026-12-06T12:00:00Z' })), JSON.stringify(validate.errors));
  });

  for (const [why, value] of [
    ['no ids', { from: [], by: 'Cleo', at: '2026-12-06T12:00:00Z' }],
    ['an id twice', { from: ['t1', 't1'], by: 'Cleo', at: '2026-12-06T12:00:00Z' }],
    ['an id that is not one', { from: ['has space'], by: 'Cleo', at: '2026-12-06T12:00:00Z' }],
    ['nobody', { from: ['t1'], by: '', at: '2026-12-06T12:00:00Z' }],
    ['no time', { from: ['t1'], by: 'Cleo' }],
    ['a date that is not one', { from: ['t1'], by: 'Cleo', at: 'yesterday' }],
    ['an unknown field', { from: ['t1'], by: 'Cleo', at: '2026-12-06T12:00:00Z', why: 'x' }],
  ] as const) {
    it(`refuses a record with ${why}`, () => {
      assert.equal(validate(sidecar(value)), false);
    });
  }
});
