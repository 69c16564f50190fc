import assert from 'node:assert/strict';
import { GLOSSARY } from '../../../src/core/lexicon/glossary';
import { TERM_KINDS } from '../../../src/core/lexicon/types';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('glossary', () => {
  it('has at least 150 entries', () => {
    assert.ok(GLOSSARY.length >= 150, `only ${GLOSSARY.length} entries`);
  });

  it('has unique kebab-case ids', () => {
    const seen = new Set<string>();
    for (const term of GLOSSARY) {
      assert.match(term.id, KEBAB_CASE, `id "${term.id}" is not kebab-case`);
      assert.ok(!seen.has(term.id), `duplicate id "${term.id}"`);
      seen.add(term.id);
    }
  });

  it('covers every kind with at least 15 entries', () => {
    for (const kind of TERM_KINDS) {
      const count = GLOSSARY.filter((term) => term.kind === kind).length;
      assert.ok(count >= 15, `kind "${kind}" has only ${count} entries`);
    }
    for (const term of GLOSSARY) assert.ok(TERM_KINDS.includes(term.kind), `${term.id}: unknown kind "${term.kind}"`);
  });

  it('has a non-empty label and a one-line definition of at most 200 characters', () => {
    for (const term of GLOSSARY) {
      assert.ok(term.label.trim().length > 0, `${term.id}: empty label`);
      const definition = term.definition.trim();
      assert.ok(definition.length > 0, `${term.id}: empty definition`);
      assert.ok(term.definition.length <= 200, `${term.id}: definition is ${term.definition.length} chars`);
      assert.ok(!/[\r\n]/.test(term.definition), `${term.id}: definition spans several lines`);
    }
  });

  it('lists every label among its variants', () => {
    for (const term of GLOSSARY) {
      assert.ok(term.variants.includes(term.label), `${term.id}: label "${term.label}" missing from variants`);
    }
  });

  it('writes variants with single spaces, no outer spaces, and at least 3 characters', () => {
    for (const term of GLOSSARY) {
      assert.ok(term.variants.length > 0, `${term.id}: no variants`);
      for (const variant of term.variants) {
        assert.equal(variant, variant.trim(), `${term.id}: "${variant}" has leading or trailing space`);
        assert.ok(!/\s{2,}/.test(variant), `${term.id}: "${variant}" has a run of spaces`);
        assert.ok(!/[^\S ]/.test(variant), `${term.id}: "${variant}" has whitespace other than a space`);
        assert.ok(variant.length >= 3, `${term.id}: "${variant}" is shorter than 3 characters`);
        assert.ok(!/[\u2018\u2019\u201c\u201d]/.test(variant), `${term.id}: "${variant}" has a curly quote`);
      }
    }
  });

  it('shares no variant between entries, case-insensitively', () => {
    const owner = new Map<string, string>();
    for (const term of GLOSSARY) {
      for (const key of new Set(term.variants.map((variant) => variant.toLowerCase()))) {
        const other = owner.get(key);
        assert.ok(other === undefined, `"${key}" is a variant of both ${other} and ${term.id}`);
        owner.set(key, term.id);
      }
    }
  });

  it('has no duplicate variant within an entry', () => {
    for (const term of GLOSSARY) {
      assert.equal(new Set(term.variants).size, term.variants.length, `${term.id}: duplicate variant`);
    }
  });

  it('includes the core terms of the sample reports', () => {
    const all = new Set(GLOSSARY.flatMap((term) => term.variants));
    for (const phrase of [
      'Geneva Conventions', 'international humanitarian law', 'international human rights law', 'war crimes',
      'crimes against humanity', 'prisoners of war', 'POWs', 'torture', 'International Criminal Court',
      'International Committee of the Red Cross', 'OSCE', 'Moscow Mechanism', 'Permanent Council',
      'Office of the High Commissioner for Human Rights', 'UN Human Rights Monitoring Mission in Ukraine',
      'ill-treatment', 'forced labour', 'solitary confinement', 'deportation', 'participating States',
      'Coordination Headquarters for the Treatment of Prisoners of War',
    ]) {
      assert.ok(all.has(phrase), `missing "${phrase}"`);
    }
  });
});
