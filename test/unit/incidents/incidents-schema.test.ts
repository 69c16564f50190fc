import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { validateYamlText } from '../../../src/core/sidecar/schema-validation';
import { parseIncidents } from '../../../src/core/incidents/incidents-io';

const ROOT = join(__dirname, '../../..');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as Record<string, unknown>;

const VALID = `version: 1
incidents:
  - id: camp-2022-07
    title: Torture of prisoners of war in the camp
    date: 2022-07-29
    place: Camp X
    categories: [torture]
    victims: [Ukrainian prisoners of war]
    perpetrators: camp guards
    evidence:
      - source: reports/a.txt
        annotation: a-1
        elements: [torture-severe-pain, torture-purpose]
        note: two witnesses
  - id: transfers
    title: Transfers
    date: { from: 2022-03, to: 2022-09-30 }
    categories: [deportation]
    x-case-number: 17
`;

describe('incidents schema (schemas/incidents.schema.json)', () => {
  it('compiles with the JSON Schema compiler in strict mode and accepts a file with every field', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema('incidents.schema.json'));
    const parsed = parseIncidents(VALID);
    assert.deepEqual(parsed.problems, []);
    assert.ok(validate(parsed.file), JSON.stringify(validate.errors));
    assert.equal(parsed.file!.incidents[1].date && typeof parsed.file!.incidents[1].date === 'object' ? parsed.file!.incidents[1].date.to : '', '2022-09-30');
  });

  it('reports each schema error at its line and column with a message naming the property', () => {
    const text = [
      'version: 1',
      'incidents:',
      '  - id: Camp_1',          // 3: pattern
      '    categories: []',       // 4: minItems; title missing (item at 3)
      '    date: 29.07.2022',     // 5: not a day
      '    evidence:',
      '      - source: a.txt',    // 7: annotation missing
      '        element: [x]',     // 8: unknown property
      '',
    ].join('\n');
    const problems = validateYamlText(text, 'incidents').problems.map((p) => `${p.line}:${p.column} ${p.code}`);
    assert.deepEqual(problems, [
      '3:5 schema-required',
      '3:9 schema-pattern',
      '4:17 schema-min-items',
      '5:11 schema-pattern',
      '7:9 schema-required',
      '8:9 schema-additional-properties',
    ]);
    const unknown = validateYamlText(text, 'incidents').problems.find((p) => p.code === 'schema-additional-properties')!;
    assert.match(unknown.message, /unknown property "element".*did you mean "elements"\?/);
  });

  it('is wired to yamlValidation for incidents.yaml in package.json, and the config names the file', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string | string[]; url: string }[] } };
    const entry = manifest.contributes.yamlValidation.find((e) => e.url === './schemas/incidents.schema.json');
    assert.ok(entry, 'no yamlValidation entry for the incidents schema');
    assert.ok([entry.fileMatch].flat().includes('incidents.yaml'));
    assert.deepEqual(validateYamlText('incidents: cases/incidents.yaml\norigins:\n  - origin: Wire\n    sources: [wire/**]\n', 'config').problems, []);
    assert.deepEqual(validateYamlText('origins:\n  - origin: Wire\n', 'config').problems.map((p) => `${p.line} ${p.code}`), ['2 schema-required']);
  });
});
