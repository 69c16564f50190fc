import assert from 'node:assert/strict';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy/default-taxonomy';
import { DEFAULT_TAXONOMY, findCategory, resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BRIEF_IDS = [
  'wilful-killing', 'torture', 'ill-treatment', 'denial-of-pow-status', 'unlawful-prosecution',
  'inhumane-detention-conditions', 'denial-of-medical-care', 'incommunicado-detention', 'denial-of-icrc-access',
  'forced-labour', 'compelled-service', 'arbitrary-detention', 'enforced-disappearance', 'hostage-taking',
  'deportation', 'sexual-violence', 'other',
];

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('default taxonomy', () => {
  it('has the 17 categories of the brief, in its order', () => {
    assert.deepEqual(DEFAULT_CATEGORIES.map((c) => c.id), BRIEF_IDS);
    for (const c of DEFAULT_CATEGORIES) assert.match(c.id, KEBAB_CASE);
  });

  it('gives every category a label, a description and (except other) a legal basis', () => {
    for (const c of DEFAULT_CATEGORIES) {
      assert.ok(c.label.length > 0 && c.description.length > 20, c.id);
      if (c.id !== 'other') assert.ok(c.legalBasis.length > 0, `${c.id} has no legal basis`);
    }
    assert.ok(findCategory(DEFAULT_TAXONOMY, 'torture')?.legalBasis.includes('CAT 1'));
  });

  it('has at least 15 distinct cues per category except other, with inflections', () => {
    for (const c of DEFAULT_CATEGORIES) {
      if (c.id === 'other') continue;
      assert.ok(c.cues.length >= 15, `${c.id} has only ${c.cues.length} cues`);
      const lower = c.cues.map((cue) => cue.toLowerCase());
      assert.equal(new Set(lower).size, lower.length, `${c.id} repeats a cue`);
      for (const cue of c.cues) assert.equal(cue, cue.trim().replace(/\s+/g, ' '), `${c.id}: cue "${cue}" has stray spaces`);
    }
    const torture = findCategory(DEFAULT_TAXONOMY, 'torture')!.cues;
    for (const form of ['torture', 'tortured', 'torturing', 'tortures']) assert.ok(torture.includes(form), form);
    const killing = findCategory(DEFAULT_TAXONOMY, 'wilful-killing')!.cues;
    for (const form of ['executed', 'execution', 'executions', 'shot dead', 'summarily executed']) assert.ok(killing.includes(form), form);
  });

  it('has distinct #rrggbb colours readable on light and dark themes', () => {
    const colors = DEFAULT_CATEGORIES.map((c) => c.color);
    assert.equal(new Set(colors).size, colors.length);
    for (const c of DEFAULT_CATEGORIES) {
      assert.match(c.color, /^#[0-9a-f]{6}$/);
      assert.ok(contrast(c.color, '#ffffff') >= 3, `${c.id} ${c.color} too light for a light theme`);
      assert.ok(contrast(c.color, '#1e1e1e') >= 3, `${c.id} ${c.color} too dark for a dark theme`);
    }
  });
});

describe('resolveTaxonomy', () => {
  it('returns the default when there is no config', () => {
    assert.deepEqual(resolveTaxonomy(undefined).categories, DEFAULT_CATEGORIES);
    assert.deepEqual(resolveTaxonomy({}).categories, DEFAULT_CATEGORIES);
  });

  it('extends: adds categories and cues, overrides the fields it gives, keeps the rest', () => {
    const taxonomy = resolveTaxonomy({
      mode: 'extend',
      categories: [
        { id: 'torture', cues: ['Tortured', 'beaten with rifle butts'], color: '#123456' },
        { id: 'pillage', label: 'Pillage', legalBasis: ['RS 8(2)(b)(xvi)'], cues: ['looted', 'looting'] },
      ],
    });
    assert.equal(taxonomy.categories.length, DEFAULT_CATEGORIES.length + 1);
    const torture = findCategory(taxonomy, 'torture')!;
    const original = findCategory(DEFAULT_TAXONOMY, 'torture')!;
    assert.equal(torture.color, '#123456');
    assert.equal(torture.label, original.label);
    assert.deepEqual(torture.cues, [...original.cues, 'beaten with rifle butts'], 'a repeated cue is not added twice');
    const pillage = taxonomy.categories.at(-1)!;
    assert.equal(pillage.id, 'pillage');
    assert.equal(pillage.description, '');
    assert.match(pillage.color, /^#[0-9a-f]{6}$/);
    assert.ok(!DEFAULT_CATEGORIES.some((c) => c.color === pillage.color), 'a fallback colour differs from the defaults');
  });

  it('extending never mutates the default taxonomy', () => {
    const before = JSON.stringify(DEFAULT_CATEGORIES);
    resolveTaxonomy({ categories: [{ id: 'torture', cues: ['x'] }] }).categories[0].cues.push('y');
    assert.equal(JSON.stringify(DEFAULT_CATEGORIES), before);
  });

  it('replaces: only the config categories, cues given replace instead of adding', () => {
    const taxonomy = resolveTaxonomy({
      mode: 'replace',
      categories: [
        { id: 'torture', label: 'Torture (CAT)', cues: ['torture'] },
        { id: 'other', label: 'Other' },
      ],
    });
    assert.deepEqual(taxonomy.categories.map((c) => c.id), ['torture', 'other']);
    assert.deepEqual(findCategory(taxonomy, 'torture')!.cues, ['torture']);
    assert.equal(findCategory(taxonomy, 'other')!.label, 'Other');
  });
});
