import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarget } from '../../../src/core/anchoring/anchoring';
import type { Sidecar } from '../../../src/core/sidecar/model';
import { addAnnotation, addDismissal, newSidecarDocument, sidecarFileText } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { detectClaims, reviewClaims, reviewWorkspace } from '../../../src/core/claims';
import { resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';

const only = (text: string) => {
  const claims = detectClaims(text);
  assert.equal(claims.length, 1, `${text}: ${JSON.stringify(claims.map((c) => c.text))}`);
  return claims[0];
};

describe('claims', () => {
  it('finds a reported violation with its ranked categories, cues and reporting context', () => {
    const claim = only('Witnesses said the prisoners were tortured with electric shocks.');
    assert.equal(claim.confidence, 'high');
    assert.equal(claim.categories[0].id, 'torture');
    assert.deepEqual(claim.categories[0].cues, ['tortured', 'electric shocks']);
    assert.deepEqual(claim.reporting, ['witnesses', 'said']);
    assert.deepEqual(claim.cues.map((c) => c.text), ['tortured', 'electric shocks']);
    assert.equal(claim.start, 0);
    assert.equal(claim.text, 'Witnesses said the prisoners were tortured with electric shocks.');
  });

  it('takes a sentence as a claim, not a passage, and ignores sentences without cues', () => {
    const text = 'The delegation visited Kharkiv. According to relatives, he was summarily\nexecuted on 3 March. The visit ended.';
    const claims = detectClaims(text);
    assert.equal(claims.length, 1);
    assert.equal(claims[0].text, 'According to relatives, he was summarily\nexecuted on 3 March.');
    assert.equal(claims[0].categories[0].id, 'wilful-killing');
    assert.deepEqual(claims[0].categories[0].cues, ['summarily executed']);
  });

  it('matches cues as whole words in any case', () => {
    assert.deepEqual(detectClaims('The distortured text.'), []);
    assert.equal(only('THEY WERE KIDNAPPED BY GUNMEN').categories[0].id, 'hostage-taking');
  });

  it('ranks several categories by weight, then by position', () => {
    const claim = only('He was arrested, beaten and held incommunicado.');
    assert.deepEqual(claim.categories.map((c) => c.id), ['incommunicado-detention', 'arbitrary-detention', 'ill-treatment']);
  });

  it('marks negated mentions low, with the reason', () => {
    for (const [text, reason] of [
      ['There is no evidence of torture in the facility.', 'negated: "no evidence"'],
      ['The detainees were not tortured, the ministry said.', 'negated: "not"'],
      ['The authorities denied that he was beaten.', 'negated: "denied that"'],
      ["They weren't abducted.", 'negated: "weren\'t"'],
      ["They can't have been killed.", 'negated: "can\'t"'],
    ]) {
      const claim = only(text);
      assert.equal(claim.confidence, 'low', text);
      assert.equal(claim.reason, reason, text);
    }
  });

  it('takes a negation as the report for a withholding (ICRC access, medical care, contact)', () => {
    const claim = only('The ICRC has never visited the camp and he received no medical care.');
    assert.equal(claim.confidence, 'high');
    assert.deepEqual(claim.categories.map((c) => c.id), ['denial-of-medical-care', 'denial-of-icrc-access']);
  });

  it('does not take "not only" or "no fewer than" as negations', () => {
    assert.equal(only('He was not only beaten but also tortured.').confidence, 'high');
    assert.equal(only('No fewer than 20 people were killed.').confidence, 'high');
  });

  it('marks hypothetical mentions low', () => {
    assert.equal(only('Such acts would constitute torture under the Convention.').reason, 'hypothetical: "would"');
    assert.equal(only('Activists fear they may be tortured in custody.').confidence, 'low');
    assert.equal(only('In May 2020 he was killed.').confidence, 'high');
  });

  it('marks a bare mention without an event or a report low', () => {
    const claim = only('(a) Murder;');
    assert.equal(claim.confidence, 'low');
    assert.equal(claim.reason, 'mention without a reported event');
  });

  it('does not take the names of norms or treaty provisions for claims', () => {
    for (const text of [
      'The prohibition of torture is absolute.',
      'The Convention against Torture entered into force in 1987.',
      'Torture is strictly prohibited.',
      'No one shall be subjected to torture or to cruel, inhuman or degrading treatment.',
      'Prisoners of war shall not be subjected to physical mutilation or to medical or scientific experiments.',
      'The Detaining Power may not hold prisoners of war in penitentiaries.',
      'The crime of enforced disappearance is defined in article 7.',
    ]) assert.deepEqual(detectClaims(text), [], text);
  });

  it('keeps a reported violation next to the name of a norm', () => {
    const claim = only('Torture is prohibited under international law, but activists say he was tortured.');
    assert.equal(claim.confidence, 'high');
    assert.deepEqual(claim.cues.map((c) => c.text), ['tortured']);
  });

  it('drops the arrest and trial of perpetrators, keeping the violation they are charged with', () => {
    const convicted = only('Two men were convicted of the murder of the activist.');
    assert.deepEqual(convicted.categories.map((c) => c.id), ['wilful-killing']);
    assert.deepEqual(detectClaims('Police arrested three suspects on Monday.'), []);
    assert.deepEqual(detectClaims('He died of cardiac arrest.'), []);
  });

  it('uses a workspace taxonomy and its cues', () => {
    const taxonomy = resolveTaxonomy({ categories: [{ id: 'pillage', label: 'Pillage', cues: ['looted', 'pillaged'] }] });
    assert.equal(detectClaims('Shops were looted.', { taxonomy })[0].categories[0].id, 'pillage');
    assert.deepEqual(detectClaims('Shops were looted.'), []);
  });

  it('counts code points, or UTF-16 units on request', () => {
    const text = '🙂🙂 Intro. He was executed.';
    const [points] = detectClaims(text);
    const [units] = detectClaims(text, { offsets: 'utf16' });
    assert.deepEqual([points.start, points.end], [10, 26]);
    assert.deepEqual([units.start, units.end], [12, 28]);
    assert.equal(text.slice(units.cues[0].start, units.cues[0].end), 'executed');
    assert.deepEqual([points.cues[0].start, points.cues[0].end], [17, 25]);
  });

  it('can leave out low-confidence claims', () => {
    assert.deepEqual(detectClaims('There is no evidence of torture.', { includeLow: false }), []);
  });

  it('produces few claims on treaty text', () => {
    const treaty = [
      '### Article  13  ',
      'Prisoners of war must at all times be humanely treated. Any unlawful act or omission by the Detaining Power causing death or seriously endangering the health of a prisoner of war in its custody is prohibited, and will be regarded as a serious breach of the present Convention.',
      'Measures of reprisal against prisoners of war are prohibited.',
      '### Article  17  ',
      'No physical or mental torture, nor any other form of coercion, may be inflicted on prisoners of war to secure from them information of any kind whatever.',
      'Grave breaches to which the preceding Article relates shall be those involving any of the following acts: wilful killing, torture or inhuman treatment.',
    ].join('\n\n');
    assert.deepEqual(detectClaims(treaty).filter((c) => c.confidence === 'high'), []);
  });
});

describe('claims against a sidecar', () => {
  const TEXT = 'The convoy arrived. Witnesses said he was beaten in custody. Another man was shot dead. Nobody answered.';
  const range = (needle: string): [number, number] => [TEXT.indexOf(needle), TEXT.indexOf(needle) + needle.length];
  const sidecar = (text: string): Pick<Sidecar, 'annotations' | 'dismissed'> => ({
    annotations: [{ id: 'a1', category: 'torture', target: createTarget(text, ...range('beaten in custody')) }],
    dismissed: [{ id: 'd1', target: createTarget(text, ...range('Another man was shot dead.')) }],
  });

  it('marks claims tagged when a tag overlaps them and dismissed when a dismissal does', () => {
    const claims = reviewClaims(TEXT, sidecar(TEXT));
    assert.deepEqual(claims.map((c) => [c.text, c.tagged, c.dismissed]), [
      ['Witnesses said he was beaten in custody.', true, false],
      ['Another man was shot dead.', false, true],
    ]);
    assert.deepEqual(claims[0].tags, [{ id: 'a1', category: 'torture' }]);
    assert.equal(claims[1].dismissal, 'd1');
  });

  it('keeps tags and dismissals on their claims after the source is edited', () => {
    const stored = sidecar(TEXT);
    const edited = `A new first paragraph.\n\n${TEXT.replace('The convoy arrived.', 'The long convoy arrived late.')}`;
    const claims = reviewClaims(edited, stored);
    assert.deepEqual(claims.map((c) => [c.text, c.tagged, c.dismissed]), [
      ['Witnesses said he was beaten in custody.', true, false],
      ['Another man was shot dead.', false, true],
    ]);
    // A small change inside the dismissed sentence: the fuzzy anchor still holds it.
    const fuzzy = edited.replace('Another man was shot dead.', 'Another young man was shot dead.');
    assert.equal(reviewClaims(fuzzy, stored).find((c) => c.text.startsWith('Another'))?.dismissed, true);
    // The sentence gone: the dismissal is orphaned and dismisses nothing else.
    const gone = edited.replace('Another man was shot dead.', 'A woman was executed.');
    assert.deepEqual(reviewClaims(gone, stored).map((c) => c.dismissed), [false, false]);
  });

  it('reviews sources on disk with their sidecars', async () => {
    const folder = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-review-'));
    try {
      await fs.mkdir(join(folder, '.git'));
      const source = join(folder, 'r.txt');
      await fs.writeFile(source, TEXT);
      let doc = newSidecarDocument('r.txt', sourceHash(TEXT));
      doc = addAnnotation(doc, { id: 'a1', category: 'torture', target: createTarget(TEXT, ...range('beaten in custody')) });
      doc = addDismissal(doc, { id: 'd1', target: createTarget(TEXT, ...range('shot dead')) });
      await fs.writeFile(`${source}.ann.yaml`, sidecarFileText(doc));
      const bare = join(folder, 'bare.txt');
      await fs.writeFile(bare, 'They were abducted.');
      const progress: number[] = [];
      const [reviewed, unreviewed] = await reviewWorkspace([source, bare], { onProgress: (done) => progress.push(done) });
      assert.deepEqual(reviewed.counts, { claims: 2, tagged: 1, dismissed: 1, untagged: 0, untaggedHigh: 0 });
      assert.equal(reviewed.hasSidecar, true);
      assert.deepEqual(unreviewed.counts, { claims: 1, tagged: 0, dismissed: 0, untagged: 1, untaggedHigh: 1 });
      assert.deepEqual(progress, [1, 2]);
      // An editor's unsaved text wins over the disk.
      const [open] = await reviewWorkspace([bare], { readText: (path) => (path === bare ? 'Nothing happened.' : undefined) });
      assert.equal(open.counts.claims, 0);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(reviewWorkspace([source], { signal: controller.signal }));
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
