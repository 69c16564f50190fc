import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as YAML from 'yaml';
import { detectIndentStep } from '../../../src/core/sidecar/yaml-splice';
import { readFastYaml, type FastYamlLayout } from '../../../src/core/sidecar/fast-yaml';

/** What the `yaml` package (the reference) reads, or `invalid` when it reports an error. */
function reference(text: string): unknown {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return 'invalid';
  return doc.toJS({ maxAliasCount: 100 });
}

/** The fast reader must agree with `yaml` or decline (undefined): never a different value. */
function agrees(text: string): boolean {
  const fast = readFastYaml(text);
  if (fast === undefined) return true;
  assert.deepEqual(fast, reference(text), JSON.stringify(text));
  return true;
}

const awkward = fc.constantFrom(
  '', ' ', '  ', ':', ': ', ' :', '#', ' #', '# ', '-', '- ', '"', "'", '\\', '\n', '\r\n', '\t', '|', '>', '[', ']', '{', '}', ',', '&', '*', '!', '%', '@', '`', '?',
  'null', 'true', 'False', '~', '1', '-1', '+1', '0x1F', '0o7', '1.5', '.inf', '1e3', '007', '2025-11-21T10:00:00Z', 'yes', 'a b', '🙂', 'ä', '\u2028', '\u0085', '\u0001', '\uFEFF',
);
const text = fc.array(fc.oneof(awkward, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join(''));
const key = fc.oneof(fc.constantFrom('id', 'source', 'target', 'exact', 'x-extra', 'a_b', '$k'), fc.string({ maxLength: 5 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

const stringifyOptions = fc.record({
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
  lineWidth: fc.constantFrom(0, 20),
  crlf: fc.boolean(),
});

describe('fast YAML reader', () => {
  it('reads the sidecar subset exactly as the yaml package does', () => {
    const text = [
      '# comment', 'version: 1', 'source: report.txt', 'annotations:', '  - id: a-1 # trailing comment', '    category: torture',
      '    target:', '      start: 0', '      end: 3', '      exact: "The \\"x\\" \\u00e9\\n"', "      prefix: 'it''s'", '      suffix: |-',
      '        two', '', '        lines', '    note:', '  -', '  - []', 'dismissed: []', 'empty: {}', 'list:', '- a', '- b: 1', '  c: -2', 'x-k: ~',
      'block: |', '  kept', '', '', 'indented: |2-', '   one space', '  none', 'last: +3', '',
    ].join('\n');
    const fast = readFastYaml(text);
    assert.notEqual(fast, undefined);
    assert.deepEqual(fast, reference(text));
    assert.deepEqual(readFastYaml(text.replace(/\n/g, '\r\n')), reference(text.replace(/\n/g, '\r\n')));
  });

  it('reads digits with several dots (a date quoted from a text) as the string the yaml package reads, and declines floats', () => {
    for (const text of ['exact: 24.07.20\n', 'exact: 1.2.3\n', 'exact: 24.07.2025\n', 'exact: -1.2.3e4\n']) {
      assert.notEqual(readFastYaml(text), undefined, text);
      assert.deepEqual(readFastYaml(text), reference(text), text);
    }
    for (const text of ['a: 1.\n', 'a: .5\n', 'a: -2.5e3\n', 'a: 1e5\n', 'a: +.5\n']) assert.equal(readFastYaml(text), undefined, text);
  });

  it('declines what it does not handle', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: [1, 2]\n', 'a: >\n  folded\n', 'a: b\n  continued\n', 'a: 1\na: 2\n', '"q": 1\n', 'a: 1.5\n', '---\na: 1\n', 'a:\tb\n', 'a: !tag x\n', 'a: "multi\n  line"\n', 'a: b: c\n', '- |2\n   x\n']) {
      assert.equal(readFastYaml(text), undefined, text);
    }
  });

  it('agrees with the yaml package on 2,000 random documents, as written by yaml in many styles', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), stringifyOptions, (doc, options) => {
        let yamlText = YAML.stringify(doc, { indent: options.indent, indentSeq: options.indentSeq, defaultStringType: options.defaultStringType as 'PLAIN', lineWidth: options.lineWidth });
        if (options.crlf) yamlText = yamlText.replace(/\n/g, '\r\n');
        return agrees(yamlText);
      }),
      { numRuns: 2000, seed: 20251121 },
    );
  });

  it('agrees with the yaml package on 3,000 mutated documents (or declines)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), text), { minLength: 1, maxLength: 3 }), (doc, edits) => {
        let yamlText = YAML.stringify(doc);
        for (const [at, remove, insert] of edits) {
          const position = yamlText.length === 0 ? 0 : at % (yamlText.length + 1);
          yamlText = yamlText.slice(0, position) + insert + yamlText.slice(position + remove);
        }
        return agrees(yamlText);
      }),
      { numRuns: 3000, seed: 20251122 },
    );
  });

  it('finds the indentation step detectIndentStep finds in the yaml Document (tag appends with it)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 5 }), stringifyOptions, fc.array(fc.tuple(fc.nat(), fc.nat(6)), { maxLength: 3 }), (doc, options, comments) => {
        const yamlText = YAML.stringify(doc, { indent: options.indent, indentSeq: options.indentSeq, defaultStringType: options.defaultStringType as 'PLAIN', lineWidth: options.lineWidth });
        // Comment lines anywhere, at any column: yaml positions a mapping at its first key, not at a comment above it.
        const lines = yamlText.split('\n');
        for (const [at, column] of comments) lines.splice(at % lines.length, 0, `${' '.repeat(column)}# c`);
        const commented = lines.join('\n');
        const layout: FastYamlLayout = {};
        if (readFastYaml(commented, layout) === undefined) return true;
        assert.equal(layout.indentStep ?? 2, detectIndentStep(commented, YAML.parseDocument(commented, { keepSourceTokens: true })), commented);
        return true;
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});
