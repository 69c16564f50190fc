import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatorsSource, VALIDATORS_DTS, VALIDATORS_JS } from '../../../scripts/build-validators';
import { validateYamlText } from '../../../src/core/sidecar/schema-validation';
import type { Problem } from '../../../src/core/problems/problem';
import { parseYamlSource } from '../../../src/core/sidecar/yaml-source';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

const HASH = `sha256:${'ab'.repeat(32)}`;

/** `line:column-endLine:endColumn code` of each problem, for compact exact comparisons. */
function where(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.code}`);
}

describe('schema validation', () => {
  it('the committed precompiled validators match the schemas (run scripts/build-validators.ts)', () => {
    const fresh = validatorsSource();
    assert.equal(readFileSync(VALIDATORS_JS, 'utf8'), fresh.js);
    assert.equal(readFileSync(VALIDATORS_DTS, 'utf8'), fresh.dts);
    assert.doesNotMatch(fresh.js, /new Function|eval\(/);
  });

  it('accepts a valid sidecar and the sample config', () => {
    const sidecar = `version: 1\nsource: r.txt\nsourceHash: ${HASH}\nannotations:\n  - id: a1\n    category: torture\n    target: {start: 0, end: 1, exact: x, prefix: "", suffix: ""}\n    created: 2025-10-01T14:30:00Z\n    x-origin: import\n`;
    assert.deepEqual(validateYamlText(sidecar, 'sidecar').problems, []);
    const config = readFileSync(join(__dirname, '..', '..', '..', 'samples', '.legal-annotator.yaml'), 'utf8');
    assert.deepEqual(validateYamlText(config, 'config').problems, []);
  });

  it('reports each schema error at the offending node, with exact lines and columns', () => {
    const text = [
      'version: 2', //                                  1
      'source: r.txt', //                               2
      `sourceHash: "${HASH.slice(0, -1)}"`, //          3
      'annotations:', //                                4
      '  - id: a1', //                                  5
      '    category: Torture', //                       6
      '    target:', //                                 7
      '      start: -1', //                             8
      '      end: 1.5', //                              9
      '      exact: x', //                              10
      '      prefix: ""', //                            11
      '    statsu: confirmed', //                       12
      '    status: approved', //                        13
      '',
    ].join('\n');
    const { problems } = validateYamlText(text, 'sidecar');
    assert.deepEqual(where(problems), [
      '1:10-1:11 schema-const',
      '3:13-3:85 schema-pattern',
      '6:15-6:22 schema-pattern',
      '8:7-8:16 schema-required', // the mapping missing `suffix` starts at its first key
      '8:14-8:16 schema-minimum',
      '9:12-9:15 schema-type',
      '12:5-12:11 schema-additional-properties', // the unknown key itself
      '13:13-13:21 schema-enum',
    ]);
    const byCode = (code: string) => problems.find((p) => p.code === code)!.message;
    assert.equal(byCode('schema-additional-properties'), 'unknown property "statsu" in item 0 of "annotations": did you mean "status"?');
    assert.equal(byCode('schema-enum'), '"status" must be one of "proposed", "confirmed", "disputed", not "approved"');
    assert.equal(byCode('schema-required'), '"target" is missing the required property "suffix"');
    assert.match(byCode('schema-pattern'), /kebab-case|sha256/);
  });

  it('reports a missing top-level property at the start of the document', () => {
    const { problems } = validateYamlText('# a comment\nversion: 1\nsource: r.txt\nannotations: []\n', 'sidecar');
    assert.deepEqual(where(problems), ['2:1-2:11 schema-required']);
    assert.match(problems[0].message, /"sourceHash"/);
  });

  it('counts columns in code points: an emoji before the value is one column', () => {
    const { problems } = validateYamlText(`version: 1\nsource: r.txt\nsourceHash: ${HASH}\nannotations: [{id: a, note: "😀", category: Bad, target: {start: 0, end: 1, exact: x, prefix: "", suffix: ""}}]\n`, 'sidecar');
    assert.deepEqual(where(problems), ['4:44-4:47 schema-pattern'], 'UTF-16 would say 45');
  });

  it('names thousands of duplicate keys in time that grows linearly with the file (n against 4n)', async () => {
    const duplicated = (size: number) => `${Array.from({ length: size }, (_, i) => `key: ${i}`).join('\n')}\n`;
    const problems = parseYamlSource(duplicated(3)).problems;
    assert.deepEqual(problems.map((p) => [p.line, p.message.slice(0, 36)]), [[2, 'duplicate key "key" (first at line 1'], [3, 'duplicate key "key" (first at line 1']]);
    const growth = await measureGrowth((size) => {
      const text = duplicated(size);
      return () => parseYamlSource(text);
    }, 1_000);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('duplicate keys', growth));
  });

  it('turns YAML syntax errors and duplicate keys into problems, without schema noise', () => {
    const { problems, value } = validateYamlText('version: 1\nversion: 1\nsource: [r.txt\n', 'sidecar');
    assert.equal(value, undefined);
    assert.deepEqual(problems.map((p) => p.code), ['yaml-duplicate-key', 'yaml-syntax']);
    assert.equal(problems[0].line, 2);
    assert.equal(problems[0].column, 1);
    assert.equal(problems[0].endColumn, 8, 'the whole key');
    assert.match(problems[0].message, /^duplicate key "version" \(first at line 1\): /);
    assert.ok(problems.every((p) => p.severity === 'error' && !p.message.includes('\n')));
  });

  it('handles a BOM and CRLF line endings: positions count over the text without the BOM', () => {
    const text = `\uFEFFversion: 1\r\nsource: r.txt\r\nsourceHash: ${HASH}\r\nannotations: []\r\nextra: 1\r\n`;
    const { problems } = validateYamlText(text, 'sidecar');
    assert.deepEqual(where(problems), ['5:1-5:6 schema-additional-properties']);
  });

  it('config: a taxonomy given inline or as a path, labels required when replacing', () => {
    const ok = (text: string) => assert.deepEqual(validateYamlText(text, 'config').problems, [], text);
    ok('version: 1\ntaxonomy: taxonomy.yaml\n');
    ok('version: 1\ntaxonomy:\n  categories:\n    - id: torture\n      cues: [waterboarded]\n');
    const { problems } = validateYamlText('version: 1\ntaxonomy:\n  mode: replace\n  categories:\n    - id: torture\n      colour: "#ff0000"\n', 'config');
    assert.deepEqual(where(problems), ['5:7-5:18 schema-required', '6:7-6:13 schema-additional-properties']);
    assert.match(problems[1].message, /did you mean "color"/);
    const wrongType = validateYamlText('taxonomy: 3\n', 'config').problems;
    assert.deepEqual(where(wrongType), ['1:11-1:12 schema-type'], 'one type error, not one per branch');
  });

  it('taxonomy files validate on their own', () => {
    assert.deepEqual(validateYamlText('version: 1\nmode: replace\ncategories:\n  - id: a\n    label: A\n', 'taxonomy').problems, []);
    assert.deepEqual(where(validateYamlText('categories:\n  - id: A b\n', 'taxonomy').problems), ['2:9-2:12 schema-pattern']);
  });
});
