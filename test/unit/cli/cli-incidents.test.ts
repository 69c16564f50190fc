// Incidents through the CLI as a real process: check validates the incidents file the config
// names, report --by incident writes the case matrix.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');

interface Run {
  code: number;
  out: string;
  err: string;
}

function cli(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', TSX, MAIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}

/** A workspace with a config naming cases/incidents.yaml and two tagged reports. */
async function workspace(): Promise<string> {
  const root = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-incidents-'));
  await fs.mkdir(join(root, '.git'));
  await fs.mkdir(join(root, 'reports'));
  await fs.mkdir(join(root, 'cases'));
  await fs.writeFile(join(root, '.legal-annotator.yaml'), 'version: 1\nincidents: cases/incidents.yaml\n');
  await fs.writeFile(join(root, 'reports/a.txt'), 'The prisoners of war were tortured with electric shocks to make them confess.\n');
  await fs.writeFile(join(root, 'reports/b.txt'), 'Witnesses said guards beat the captured soldiers to obtain confessions.\n');
  for (const [file, quote, id] of [['reports/a.txt', 'tortured with electric shocks', 'a-1'], ['reports/b.txt', 'beat the captured soldiers to obtain confessions', 'b-1']]) {
    const tagged = await cli(root, 'tag', file, '--category', 'torture', '--quote', quote);
    assert.equal(tagged.code, 0, tagged.err);
    const sidecar = join(root, `${file}.ann.yaml`);
    const text = await fs.readFile(sidecar, 'utf8');
    await fs.writeFile(sidecar, text.replace(/id: a-[0-9a-f]+/, `id: ${id}`));
  }
  return root;
}

describe('legal-annotator and incidents (real processes)', function () {
  this.timeout(120_000);
  let root = '';
  before(async () => {
    root = await workspace();
  });
  after(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('check validates the incidents file the config names: schema errors and broken links at line:column, exit 1', async () => {
    await fs.writeFile(join(root, 'cases/incidents.yaml'), [
      'version: 1',
      'incidents:',
      '  - id: camp',
      '    title: Torture of prisoners of war',
      '    categories: [torture]',
      '    evidence:',
      '      - source: reports/a.txt',
      '        annotation: a-9',
      '        elements: [torture-severe-pain, killing-death]',
      '',
    ].join('\n'));
    const { code, out, err } = await cli(root, 'check');
    assert.equal(code, 1, err);
    assert.equal(out, [
      'cases/incidents.yaml:8:21: error evidence-annotation-missing: the sidecar of "reports/a.txt" has no tag "a-9": did you mean "a-1"?',
      'cases/incidents.yaml:9:41: error element-not-in-categories: element "killing-death" belongs to wilful-killing, not to this incident\'s categories (torture); add the category to the incident or cite another element',
      '',
    ].join('\n'));
    const byName = await cli(join(root, 'cases'), 'check', 'incidents.yaml');
    assert.equal(byName.code, 1);
    assert.equal(byName.out, out.replaceAll('cases/incidents.yaml', 'incidents.yaml'), 'the incidents file given by name is checked, alone');
    assert.doesNotMatch(byName.err, /has no sidecar/);
    const json = JSON.parse((await cli(root, 'check', '--format', 'json')).out) as { file: string; problems: { code: string }[] }[];
    assert.deepEqual(json.find((f) => f.file === 'cases/incidents.yaml')!.problems.map((p) => p.code), ['evidence-annotation-missing', 'element-not-in-categories']);
    // A schema error is reported at its place; the links are checked once the file matches the schema.
    await fs.appendFile(join(root, 'cases/incidents.yaml'), '  - id: second\n    categories: [torture]\n');
    const broken = await cli(root, 'check', 'cases/../');
    assert.equal(broken.code, 1);
    assert.equal(broken.out, 'cases/incidents.yaml:10:5: error schema-required: item 1 of "incidents" is missing the required property "title"\n');
  });

  it('check passes a valid incidents file (exit 0) and counts it among the files checked', async () => {
    await fs.writeFile(join(root, 'cases/incidents.yaml'), 'version: 1\nincidents:\n  - id: camp\n    title: Camp\n    categories: [torture]\n    evidence:\n      - {source: reports/a.txt, annotation: a-1, elements: [torture-severe-pain]}\n');
    const { code, out, err } = await cli(root, 'check');
    assert.equal(code, 0, out + err);
    assert.match(err, /^4 file\(s\) checked: 0 error\(s\)/m);
  });

  it('check warns when the incidents file the config names does not exist: config file, line of the incidents key, the path looked for (exit 1)', async () => {
    const elsewhere = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-missing-incidents-'));
    await fs.mkdir(join(elsewhere, '.git'));
    await fs.writeFile(join(elsewhere, '.legal-annotator.yaml'), 'version: 1\n# where the incidents are kept\nincidents: case/incidents.yaml\n');
    const checked = await cli(elsewhere, 'check');
    assert.equal(checked.code, 1, checked.out + checked.err);
    assert.equal(checked.out, `.legal-annotator.yaml:3:1: warning incidents-not-found: the incidents file "case/incidents.yaml" does not exist (looked for ${join(elsewhere, 'case/incidents.yaml')}); create it or fix the path\n`);
    assert.match(checked.err, /^1 file\(s\) checked: 0 error\(s\), 1 warning\(s\)/m);
    const sarif = JSON.parse((await cli(elsewhere, 'check', '--format', 'sarif')).out) as { runs: { results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level]), [['incidents-not-found', 'warning']]);
    await fs.rm(elsewhere, { recursive: true, force: true });
  });

  it('report --by incident writes the case matrix as JSON, Markdown and HTML, links relative to --out', async () => {
    await fs.writeFile(join(root, 'cases/incidents.yaml'), [
      'version: 1',
      'incidents:',
      '  - id: camp',
      '    title: Torture of prisoners of war',
      '    categories: [torture]',
      '    elements: [torture-severe-pain, torture-purpose, torture-status-known]',
      '    evidence:',
      '      - {source: reports/a.txt, annotation: a-1, elements: [torture-severe-pain]}',
      '      - {source: reports/b.txt, annotation: b-1, elements: [torture-severe-pain, torture-purpose]}',
      '',
    ].join('\n'));
    const json = await cli(root, 'report', '--by', 'incident', '--format', 'json');
    assert.equal(json.code, 0, json.err);
    const matrix = JSON.parse(json.out) as { incidentsFile: string; summary: { gaps: number }; incidents: { categories: { elements: { id: string; origins: string[]; passages: { line: number }[] }[] }[] }[] };
    assert.equal(matrix.incidentsFile, 'cases/incidents.yaml');
    assert.deepEqual(matrix.incidents[0].categories[0].elements.map((e) => [e.id, e.origins.length]), [['torture-severe-pain', 2], ['torture-purpose', 1], ['torture-status-known', 0]]);
    assert.equal(matrix.summary.gaps, 1);
    assert.match(json.err, /^case matrix of 1 incident\(s\): 2 of 3 element\(s\) established, 1 gap\(s\); written to stdout\n$/);

    const md = await cli(join(root, 'reports'), 'report', '..', '--by', 'incident', '--format', 'md', '--out', '../out/case.md');
    assert.equal(md.code, 0, md.err);
    const text = await fs.readFile(join(root, 'out/case.md'), 'utf8');
    assert.match(text, /\[reports\/a\.txt:1\]\(<\.\.\/reports\/a\.txt#L1>\)/);
    assert.match(text, /\*\*✗ gap\*\*: no evidence/);
    const html = await cli(root, 'report', '--by', 'incident', '--format', 'html');
    assert.match(html.out, /^<!DOCTYPE html>/);
    assert.match(html.out, /<a href="reports\/b\.txt#L1">reports\/b\.txt:1<\/a>/);
  });

  it('export adds each evidence link: w3c linking annotations, csv incident and elements columns; an incidents file with errors is said, exit 1', async () => {
    // The incidents file of the previous test: camp cites a-1 (severe pain) and b-1 (severe pain, purpose).
    const w3c = await cli(root, 'export', '--format', 'w3c');
    assert.equal(w3c.code, 0, w3c.err);
    const items = (JSON.parse(w3c.out) as { first: { items: { id: string; motivation: string; target: unknown; body: { source?: string; value?: string }[] }[] } }).first.items;
    const links = items.filter((item) => item.motivation === 'linking');
    assert.equal(links.length, 2);
    assert.deepEqual(links.map((link) => [link.body[0].source, ...link.body.slice(1).map((b) => b.value)]), [
      ['urn:legal-annotator:incident:camp', 'torture-severe-pain'],
      ['urn:legal-annotator:incident:camp', 'torture-severe-pain', 'torture-purpose'],
    ]);
    for (const link of links) assert.ok(items.some((item) => item.motivation === 'classifying' && item.id === link.target), 'a link targets an exported tag');
    const csv = await cli(root, 'export', '--format', 'csv');
    const rows = csv.out.trim().split('\r\n');
    assert.ok(rows[0].endsWith(',incident,elements'));
    assert.ok(rows.some((row) => row.startsWith('reports/b.txt,b-1,') && row.endsWith(',camp,torture-severe-pain; torture-purpose')), csv.out);
    await fs.writeFile(join(root, 'cases/incidents.yaml'), 'version: 1\nincidents: {}\n');
    const broken = await cli(root, 'export', '--format', 'csv');
    assert.equal(broken.code, 1);
    assert.match(broken.err, /cases\/incidents\.yaml: has errors; exported without its incidents/);
  });

  it('report --by incident: bad usage exits 2, a missing incidents file is said, nothing written', async () => {
    for (const [args, message] of [
      [['--by', 'source', '--format', 'md'], /unknown --by 'source' \(expected incident\)/],
      [['--by', 'incident', '--format', 'csv'], /unknown --format 'csv' \(expected md, html or json\)/],
      [['--by', 'incident'], /--format is required: md, html or json/],
    ] as [string[], RegExp][]) {
      const run = await cli(root, 'report', ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.err, message);
    }
    const elsewhere = await fs.mkdtemp(join(tmpdir(), 'legal-annotator-no-incidents-'));
    await fs.mkdir(join(elsewhere, '.git'));
    const missing = await cli(elsewhere, 'report', '--by', 'incident', '--format', 'json');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no incidents file: incidents\.yaml does not exist/);
    assert.equal(missing.out, '');
    await fs.rm(elsewhere, { recursive: true, force: true });
  });

  it('the worked example in samples/case-matrix: one incident of torture of prisoners of war, two sources, one gap', async () => {
    const sample = join(__dirname, '../../../samples/case-matrix');
    const checked = await cli(sample, 'check');
    assert.equal(checked.code, 0, checked.out + checked.err);
    const run = await cli(sample, 'report', '--by', 'incident', '--format', 'json');
    assert.equal(run.code, 0, run.err);
    const matrix = JSON.parse(run.out) as { incidents: { categories: { id: string; elements: { id: string; established: boolean; passages: { source: string; origin: string }[] }[] }[]; origins: string[] }[]; summary: { gaps: number } };
    assert.equal(matrix.incidents.length, 1);
    const [incident] = matrix.incidents;
    assert.deepEqual(incident.categories.map((c) => c.id), ['torture']);
    const sources = new Set(incident.categories[0].elements.flatMap((e) => e.passages.map((p) => p.source)));
    assert.equal(sources.size, 2);
    assert.deepEqual(incident.origins, ['Field interviews', 'OSCE Moscow Mechanism mission (2025)']);
    assert.deepEqual(incident.categories[0].elements.filter((e) => !e.established).map((e) => e.id), ['torture-status-known']);
    assert.equal(matrix.summary.gaps, 1);
  });
});
