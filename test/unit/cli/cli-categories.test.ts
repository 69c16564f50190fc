import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const ESC = '\u001b[';

describe('legal-annotator categories', () => {
  useTemporaryWorkspace('legal-annotator-categories-');

  it('lists the default taxonomy as JSON with stable field names, cues only with --cues', async () => {
    const { code, out, err } = await cli('categories', '--format', 'json');
    assert.equal(code, 0, err);
    const listed = JSON.parse(out) as Record<string, unknown>[];
    assert.deepEqual(listed.map((c) => c.id), DEFAULT_TAXONOMY.categories.map((c) => c.id));
    for (const category of listed) assert.deepEqual(Object.keys(category), ['id', 'label', 'description', 'legalBasis', 'color', 'elements']);
    const torture = listed.find((c) => c.id === 'torture')!;
    assert.equal(torture.label, 'Torture');
    assert.ok((torture.legalBasis as string[]).includes('CAT 1'));
    assert.match(err, /^17 categories: the default taxonomy \(no \.legal-annotator\.yaml from \. up\)\n$/);
    const elements = torture.elements as { id: string; label: string; basis: string }[];
    assert.deepEqual(elements.slice(0, 6).map((e) => e.basis.match(/^EoC art\. 8\(2\)\(a\)\(ii\)-1, element (\d)/)?.[1]), ['1', '2', '3', '4', '5', '6']);
    assert.deepEqual(listed.find((c) => c.id === 'denial-of-icrc-access')!.elements, [], 'a category the Elements of Crimes does not cover has none');

    const withCues = JSON.parse((await cli('categories', '--format=json', '--cues')).out) as Record<string, unknown>[];
    for (const [i, category] of withCues.entries()) {
      assert.deepEqual(Object.keys(category), ['id', 'label', 'description', 'legalBasis', 'color', 'elements', 'cues']);
      assert.deepEqual(category.cues, DEFAULT_TAXONOMY.categories[i].cues);
    }
  });

  it('prints aligned columns ID, LABEL, LEGAL BASIS within 100 columns, long cells wrapped in their column', async () => {
    const { code, out } = await cli('categories');
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    const header = lines[0];
    assert.match(header, /^ID +LABEL +LEGAL BASIS$/);
    const labelAt = header.indexOf('LABEL');
    const basisAt = header.indexOf('LEGAL BASIS');
    for (const line of lines) assert.ok(line.length <= 100, `too wide: ${line}`);
    for (const category of DEFAULT_TAXONOMY.categories) {
      const first = lines.find((line) => line.startsWith(`${category.id} `));
      assert.ok(first, `no row for ${category.id}`);
      assert.ok(first.slice(labelAt).startsWith(category.label.split(' ')[0]) && first.slice(labelAt - 2, labelAt) === '  ', `label out of its column: ${first}`);
      assert.ok(first.length <= basisAt || first.slice(basisAt - 2, basisAt) === '  ', `legal basis out of its column: ${first}`);
    }
    // A wrapped cell continues in its own column: the label of ill-treatment, the legal basis of torture.
    assert.match(out, /\nill-treatment +Inhuman or degrading treatment,.*\n {30,}humiliation, exposure to public/);
    const tortureRow = out.slice(out.indexOf('\ntorture ') + 1).split('\n').slice(0, 3);
    assert.ok(tortureRow.slice(1).some((line) => line.startsWith(' '.repeat(basisAt)) && /\S/.test(line)), 'the long legal basis of torture wraps under LEGAL BASIS');
    assert.match(out, /\nother +Other violation +-\n/);
    assert.doesNotMatch(out, /cues:/);
    assert.doesNotMatch(out, /torture-severe-pain/, 'elements only with --elements');
    assert.doesNotMatch(out, new RegExp(ESC.replace('[', '\\[')), 'no colour into a pipe');
  });

  it('shows the cues under each category with --cues, and colours a terminal or --color', async () => {
    const { out } = await cli('categories', '--cues');
    assert.equal(out.match(/^ +cues: /gm)?.length, DEFAULT_TAXONOMY.categories.length);
    assert.match(out, /\n {31}cues: torture, tortured, /);
    assert.doesNotMatch(out, /cues: \(none\)/, 'every default category has cues, `other` (acts against defenders) included');
    const coloured = await cli('categories', '--color');
    assert.ok(coloured.out.startsWith(`${ESC}1mID`), coloured.out.slice(0, 40));
    assert.ok(coloured.out.includes(`${ESC}36mtorture`));
    const json = await cli('categories', '--format', 'json', '--color');
    assert.ok(!json.out.includes(ESC), 'JSON never carries colour');
  });

  it('lists the workspace taxonomy of the nearest config, for the current folder or a PATH below it', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\ntaxonomy:\n  mode: replace\n  categories:\n    - {id: pillage, label: Pillage, legalBasis: [RS 8(2)(b)(xvi)], cues: [looted]}\n    - {id: torture, label: Torture}\n');
    await fs.mkdir('reports/deep', { recursive: true });
    await fs.writeFile('reports/deep/r.txt', 'text\n');
    for (const args of [[], ['reports/deep/r.txt'], ['reports']]) {
      const { code, out, err } = await cli('categories', ...args, '--format', 'json', '--cues');
      assert.equal(code, 0, err);
      assert.deepEqual(JSON.parse(out), [
        { id: 'pillage', label: 'Pillage', description: '', legalBasis: ['RS 8(2)(b)(xvi)'], color: '#8e7cc3', elements: [], cues: ['looted'] },
        { id: 'torture', label: 'Torture', description: '', legalBasis: [], color: '#4fa3a5', elements: [], cues: [] },
      ]);
      assert.equal(err, '2 categories: the taxonomy of .legal-annotator.yaml\n');
    }
  });

  it('shows a workspace taxonomy\'s control characters escaped in its table, so a label cannot drive the terminal', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\ntaxonomy:\n  mode: replace\n  categories:\n    - id: pillage\n      label: "Pillage\\e[2J\\nforged line"\n      legalBasis: ["RS\\a 8"]\n      cues: ["loot\\ted"]\n      elements: [{id: taken, label: "taken\\x07", basis: "EoC\\x1b"}]\n');
    const { code, out, err } = await cli('categories', '--cues', '--elements');
    assert.equal(code, 0, err);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f]/);
    for (const shown of ['Pillage\\x1b[2J\\nforged', 'RS\\x07', 'loot\\t', 'taken\\x07', 'EoC\\x1b']) assert.ok(out.includes(shown), `${shown} in\n${out}`);
  });

  it('shows each category\'s elements with --elements: id, then label and basis, within 100 columns', async () => {
    const { code, out } = await cli('categories', '--elements');
    assert.equal(code, 0);
    for (const line of out.split('\n')) assert.ok(line.length <= 100, `too wide: ${line}`);
    assert.match(out, /\n {31}torture-severe-pain\n {33}The perpetrator inflicted severe physical or mental pain or\n {33}suffering/);
    assert.match(out, /\ndenial-of-icrc-access .*\n(?: .*\n)*? {31}elements: \(none\)\n/);
  });

  it('extends the default taxonomy from a taxonomy file', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\ntaxonomy: taxonomy.yaml\n');
    await fs.writeFile('taxonomy.yaml', 'mode: extend\ncategories:\n  - id: pillage\n    label: Pillage\n  - id: torture\n    cues: [waterboarded]\n');
    const listed = JSON.parse((await cli('categories', '--format', 'json', '--cues')).out) as { id: string; cues: string[] }[];
    assert.equal(listed.length, DEFAULT_TAXONOMY.categories.length + 1);
    assert.equal(listed.at(-1)!.id, 'pillage');
    assert.ok(listed.find((c) => c.id === 'torture')!.cues.includes('waterboarded'));
  });

  it('reports config errors at file:line:column, lists the defaults that stand in, and exits 1', async () => {
    await fs.writeFile('.legal-annotator.yaml', 'version: 1\ntaxonomy: taxonomy.yaml\n');
    await fs.writeFile('taxonomy.yaml', 'mode: extend\ncategories:\n  - id: Pillage\n');
    const { code, out, err } = await cli('categories', '--format', 'json');
    assert.equal(code, 1);
    assert.match(err, /^taxonomy\.yaml:3:\d+: warning schema-pattern: /m);
    assert.match(err, /17 categories: the default taxonomy\n$/);
    assert.equal((JSON.parse(out) as unknown[]).length, DEFAULT_TAXONOMY.categories.length);
  });

  it('exits 2 on bad usage and a missing PATH', async () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /^legal-annotator categories: unknown --format 'xml' \(expected text or json\)\n$/],
      [['missing'], /^legal-annotator categories: missing: no such file or folder\n$/],
      [['a', 'b'], /give at most one PATH/],
      [['--cue'], /unknown option '--cue'; did you mean '--cues'\?/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await cli('categories', ...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, message);
    }
  });
});
