import assert from 'node:assert/strict';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy/default-taxonomy';
import { DEFAULT_TAXONOMY, findCategory, findElement, resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';
import { validateYamlText } from '../../../src/core/sidecar/schema-validation';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** `EoC art. 8(2)(a)(ii)-1, element 3` -> ['8(2)(a)(ii)-1', 3], for each article an element's basis names. */
function citations(basis: string): [string, number][] {
  return [...basis.matchAll(/art\. ([0-9()a-z-]+), elements? (\d+)/g)].map((m) => [m[1], Number(m[2])]);
}

describe('legal elements of the default categories', () => {
  it('gives torture as a war crime the six elements of art. 8(2)(a)(ii)-1, in their order', () => {
    const torture = findCategory(DEFAULT_TAXONOMY, 'torture')!;
    const warCrime = torture.elements.filter((e) => citations(e.basis!).some(([article]) => article === '8(2)(a)(ii)-1'));
    assert.deepEqual(warCrime.map((e) => citations(e.basis!).find(([article]) => article === '8(2)(a)(ii)-1')![1]), [1, 2, 3, 4, 5, 6]);
    assert.match(warCrime[0].label, /severe physical or mental pain or suffering/);
    assert.match(warCrime[1].label, /information or a confession, punishment, intimidation/);
    assert.match(warCrime[2].label, /protected/);
    assert.match(warCrime[3].label, /aware .*protected status/);
    assert.match(warCrime[4].label, /international armed conflict/);
    assert.match(warCrime[5].label, /aware .*armed conflict/);
  });

  it('adds the contextual elements of crimes against humanity to every category with a basis in art. 7', () => {
    for (const category of DEFAULT_CATEGORIES) {
      const article7 = category.legalBasis.filter((basis) => /^RS 7\(/.test(basis));
      const attack = category.elements.filter((e) => /widespread or systematic attack directed against a civilian population/.test(e.label));
      const knowledge = category.elements.filter((e) => /knew the conduct was part of such an attack/.test(e.label));
      assert.equal(attack.length, article7.length > 0 ? 1 : 0, `${category.id}: the attack`);
      assert.equal(knowledge.length, article7.length > 0 ? 1 : 0, `${category.id}: knowledge of the attack`);
    }
  });

  it('gives elements to exactly the categories with a basis in the Rome Statute, each numbered once per article', () => {
    for (const category of DEFAULT_CATEGORIES) {
      const inRomeStatute = category.legalBasis.some((basis) => basis.startsWith('RS '));
      assert.equal(category.elements.length > 0, inRomeStatute, category.id);
      const numbers = new Map<string, number[]>();
      for (const element of category.elements) {
        assert.ok(element.label.length > 20 && element.basis?.startsWith('EoC art. '), `${category.id}/${element.id}`);
        for (const [article, number] of citations(element.basis!)) numbers.set(article, [...(numbers.get(article) ?? []), number]);
      }
      for (const [article, list] of numbers) {
        if (article === '7(1)(d)' || article === '6(e)') continue; // element 1 of 7(1)(d) split in two; 6(e) elements grouped
        assert.deepEqual(list, list.map((_, i) => i + 1), `${category.id}: art. ${article} numbered 1..n`);
      }
    }
  });

  it('uses kebab-case ids, unique in the whole default taxonomy', () => {
    const ids = DEFAULT_CATEGORIES.flatMap((c) => c.elements.map((e) => e.id));
    for (const id of ids) assert.match(id, KEBAB_CASE);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('lets a config replace a category\'s elements (extend and replace), copying, never sharing, the default ones', () => {
    const own = [{ id: 'pillage-appropriated', label: 'The perpetrator appropriated property', basis: 'EoC art. 8(2)(b)(xvi), element 1' }];
    const extended = resolveTaxonomy({ categories: [{ id: 'torture', elements: own }, { id: 'pillage', label: 'Pillage', elements: own }] });
    assert.deepEqual(findCategory(extended, 'torture')!.elements, own);
    assert.deepEqual(findCategory(extended, 'pillage')!.elements, own);
    assert.deepEqual(findCategory(extended, 'wilful-killing')!.elements, findCategory(DEFAULT_TAXONOMY, 'wilful-killing')!.elements);
    assert.deepEqual(findCategory(resolveTaxonomy({ mode: 'replace', categories: [{ id: 'x', label: 'X' }] }), 'x')!.elements, []);
    findCategory(resolveTaxonomy({}), 'torture')!.elements[0].label = 'changed';
    assert.notEqual(findCategory(DEFAULT_TAXONOMY, 'torture')!.elements[0].label, 'changed');
    assert.equal(findElement(findCategory(DEFAULT_TAXONOMY, 'torture')!, 'torture-purpose')?.id, 'torture-purpose');
    assert.equal(findElement(findCategory(DEFAULT_TAXONOMY, 'torture')!, 'killing-death'), undefined);
  });
});

describe('taxonomy schema: elements', () => {
  it('accepts elements with an id, a label and a basis, and reports a bad id or a missing label at its line', () => {
    const good = 'categories:\n  - id: pillage\n    label: Pillage\n    elements:\n      - id: pillage-appropriated\n        label: The perpetrator appropriated property\n        basis: EoC art. 8(2)(b)(xvi), element 1\n';
    assert.deepEqual(validateYamlText(good, 'taxonomy').problems, []);
    const bad = 'categories:\n  - id: pillage\n    elements:\n      - id: Pillage_1\n        label: x\n      - id: pillage-2\n        basis: y\n        weight: 3\n';
    const problems = validateYamlText(bad, 'taxonomy').problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    assert.deepEqual(problems, ['4:13 schema-pattern', '6:9 schema-required', '8:9 schema-additional-properties']);
  });

  it('is the schema the config file uses for an inline taxonomy', () => {
    const config = 'taxonomy:\n  categories:\n    - id: torture\n      elements:\n        - id: torture-x\n';
    const problems = validateYamlText(config, 'config').problems;
    assert.deepEqual(problems.map((p) => `${p.line} ${p.code}`), ['5 schema-required']);
    assert.match(problems[0].message, /"label"/);
  });
});
