/**
 * Fuzzing (issue 8) with fast-check, one property per `it` so that `npm run reliability` can
 * count the cases run per property from mocha's JSON report. Bounded in `npm test`; `npm run
 * fuzz` runs them (and the anchoring property of anchoring.property.test.ts, not repeated here)
 * with FC_RUNS cases each. FC_SEED replays a counterexample fast-check printed.
 *
 * Properties:
 *  - the scanner never throws; its entities are non-empty, inside the text, sorted, and their
 *    `text` is the code-point slice they claim;
 *  - code points <-> UTF-16: toUtf16(toCodePoint(i)) = i at every code-point boundary and
 *    toCodePoint(toUtf16(c)) = c for every code point c, over text with astral characters;
 *  - sidecar YAML: parse -> write is byte-identical; an edit (add, update, remove) re-parses
 *    to exactly the expected content and keeps every comment outside the entry it touched;
 *  - check never throws on sidecars mutated from valid ones, and positions every problem.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { addAnnotation, parseSidecar, removeAnnotation, sidecarFileText, updateAnnotation, type SidecarDocument } from '../../src/core/sidecar/sidecar-io';
import { tagPassage } from '../../src/core/annotations/tagging';
import { scan } from '../../src/core/scanner/scan';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy/taxonomy';
import { OffsetConverter } from '../../src/core/text/positions';
import { readFastYaml } from '../../src/core/sidecar/fast-yaml';
import { PROBLEM_CODES } from '../../src/core/problems/problem-codes';
import { checkSidecar } from '../../src/core/validation/sidecar-checks';

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
/** Cases per property: small in `npm test` (the whole file runs in about a second), FC_RUNS for `npm run fuzz`. */
const runs = (inTests: number) => Number(process.env.FC_RUNS ?? inTests);
const settings = (inTests: number): fc.Parameters<unknown> => ({ numRuns: runs(inTests), ...(SEED === undefined ? {} : { seed: SEED }) });

const TOKENS = [
  'Russia', 'the Russian Federation', 'Ukraine', 'Türkiye', 'Côte d’Ivoire', 'UK', 'Ukrainian', 'Россия', 'Україна',
  'torture', 'tortured', 'prisoners of war', 'Geneva Convention', 'ICRC', 'International Committee of the Red Cross',
  '24 February 2022', '2022-02-24', '03/04/2022', 'March 2022', 'Monday', '1949', '31.12.', '12/', '0', '99999999999',
  ' ', ' ', '\n', '\r\n', '\r', '\t', '.', ',', '-', '–', '’', '"', '(', ')', '/', ':',
  '😀', '𝒜', '👩‍⚕️', 'e\u0301', '\u200B', '\u200D', '\uFEFF', '\u202E', 'أسرى', 'שָׁלוֹם', '\uD800', '\uDC00',
];
const prose = (maxLength: number) => fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength, size: 'max' }).map((parts) => parts.join(''));

describe('fuzz: scanner', function () {
  this.timeout(120_000);

  it('never throws and returns non-empty, sorted ranges inside the text that slice to their text', () => {
    fc.assert(fc.property(prose(60), fc.boolean(), (text, dayFirstSlashes) => {
      const points = Array.from(text);
      const entities = scan(text, { dayFirstSlashes });
      let previous = -1;
      for (const entity of entities) {
        assert.ok(Number.isInteger(entity.start) && Number.isInteger(entity.end), 'integer offsets');
        assert.ok(entity.start >= 0 && entity.end <= points.length && entity.start < entity.end, `${entity.start}-${entity.end} inside 0-${points.length}`);
        assert.ok(entity.start >= previous, 'sorted by start');
        previous = entity.start;
        assert.equal(points.slice(entity.start, entity.end).join(''), entity.text);
      }
    }), settings(300));
  });
});

describe('fuzz: code points and UTF-16', function () {
  this.timeout(120_000);

  it('converts code points to UTF-16 and back as inverses', () => {
    fc.assert(fc.property(prose(40), (text) => {
      const converter = new OffsetConverter(text);
      const points = Array.from(text);
      assert.equal(converter.codePointLength, points.length);
      let utf16 = 0;
      for (let c = 0; c <= points.length; c++) {
        assert.equal(converter.toUtf16(c), utf16, `toUtf16(${c})`);
        assert.equal(converter.toCodePoint(utf16), c, `toCodePoint(${utf16})`);
        utf16 += points[c]?.length ?? 0;
      }
    }), settings(300));
  });
});

/** A valid sidecar with a few annotations over `text`, and comment lines spread through it. */
const sidecarScenario = fc.record({
  words: fc.array(fc.constantFrom('Russia', 'tortured', 'prisoners', 'in', 'Ukraine', '😀', 'e\u0301', 'ICRC', 'denied', 'access'), { minLength: 6, maxLength: 30 }),
  quotes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 4 }),
  comments: fc.array(fc.nat(), { maxLength: 6 }),
  crlf: fc.boolean(),
});

type SidecarScenario = typeof sidecarScenario extends fc.Arbitrary<infer T> ? T : never;

function buildSidecar({ words, quotes, comments, crlf }: SidecarScenario) {
  const tokens = words.map((word, i) => `${word}${i}`);
  const text = `${tokens.join(' ')}.\n`;
  let doc: SidecarDocument | undefined;
  // Code-point offset of each token (tokens are joined by one space).
  const offsets: number[] = [];
  tokens.reduce((offset: number, token: string) => (offsets.push(offset), offset + Array.from(token).length + 1), 0);
  for (const [at, length] of quotes) {
    const first = at % tokens.length;
    const last = Math.min(tokens.length, first + length) - 1;
    const range = { start: offsets[first], end: offsets[last] + Array.from(tokens[last]).length };
    const result = tagPassage({ text, sourceName: 'source.txt', sidecar: doc, taxonomy: DEFAULT_TAXONOMY, category: 'torture', range, note: `note ${at}` });
    if (result.ok) doc = result.doc;
  }
  assert.ok(doc, 'at least one annotation');
  // Full-line comments at column 0 may stand anywhere between lines of a block document.
  const lines = doc.text.split('\n');
  comments.forEach((at, i) => lines.splice(at % lines.length, 0, `# comment ${i}`));
  const eol = crlf ? '\r\n' : '\n';
  return { text, yaml: lines.join('\n').replace(/\n/g, eol) };
}

describe('fuzz: sidecar YAML', function () {
  this.timeout(120_000);

  it('parse -> write is byte-identical, and edits re-parse to the expected content keeping the comments outside the edited entry', () => {
    fc.assert(fc.property(sidecarScenario, fc.nat(), fc.constantFrom('add', 'update', 'remove'), (scenario, pick, edit) => {
      const { yaml } = buildSidecar(scenario);
      const doc = parseSidecar(yaml);
      assert.ok(doc.writable, doc.problems.map((p) => p.message).join('; '));
      assert.equal(sidecarFileText(doc), yaml);
      assert.deepEqual(parseSidecar(sidecarFileText(doc)).sidecar, doc.sidecar);
      const annotations = doc.sidecar!.annotations;
      const target = annotations[pick % annotations.length];
      const next = edit === 'add'
        ? addAnnotation(doc, { ...target, id: 'fuzz-new', note: 'added # not a comment' })
        : edit === 'update'
          ? updateAnnotation(doc, target.id, { note: `changed: "${pick}"`, status: 'confirmed' })
          : removeAnnotation(doc, target.id);
      const reread = parseSidecar(sidecarFileText(next));
      assert.ok(reread.writable);
      assert.deepEqual(reread.sidecar, next.sidecar);
      const expected = edit === 'add'
        ? [...annotations, { ...target, id: 'fuzz-new', note: 'added # not a comment' }]
        : edit === 'update'
          ? annotations.map((a) => (a.id === target.id ? { ...a, note: `changed: "${pick}"`, status: 'confirmed' } : a))
          : annotations.filter((a) => a.id !== target.id);
      assert.deepEqual(JSON.parse(JSON.stringify(reread.sidecar!.annotations)), JSON.parse(JSON.stringify(expected)));
      const { start, end } = next.lastEdit!;
      for (const match of doc.text.matchAll(/# comment \d+/g)) {
        if (match.index >= start && match.index < end) continue;
        assert.ok(next.text.includes(match[0]), `${match[0]} kept`);
      }
    }), settings(80));
  });
});

/** Ways to damage a valid sidecar's text. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(': ', '- ', '[', ']', '{', '}', '&a ', '*a', '!!str ', '"', "'", '#', '\t', '\n', '\r', '  ', '---\n', '...', '|', '>', '-1', '1e9', '999999999999', 'null', '~', '<<: *a', '\uFEFF', '\u0000'), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.oneof(fc.integer(), fc.constant(2 ** 53), fc.constant(-0)) }),
);

function mutate(yaml: string, mutations: readonly unknown[]): string {
  let text = yaml;
  for (const m of mutations as { kind: string; at: number; length?: number; text?: string; other?: number; value?: number }[]) {
    const at = m.at % (text.length + 1);
    const lines = text.split('\n');
    const line = m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        text = text.slice(0, at) + text.slice(at + m.length!);
        break;
      case 'insert':
        text = text.slice(0, at) + m.text! + text.slice(at);
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line]);
        text = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = m.other! % lines.length;
        [lines[line], lines[other]] = [lines[other], lines[line]];
        text = lines.join('\n');
        break;
      }
      case 'number': {
        let seen = 0;
        text = text.replace(/\b\d+\b/g, (digits) => (seen++ === m.at % 8 ? String(m.value) : digits));
        break;
      }
    }
  }
  return text;
}

describe('fuzz: check on mutated sidecars', function () {
  this.timeout(120_000);

  it('never throws, and positions every problem with a registered code', () => {
    fc.assert(fc.property(sidecarScenario, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (scenario, mutations, sourceEdited) => {
      const { text, yaml } = buildSidecar(scenario);
      const damaged = mutate(yaml, mutations);
      readFastYaml(damaged); // the fast reader either reads or declines; it never throws
      const doc = parseSidecar(damaged);
      const source = sourceEdited ? text.replace(/o/g, '0') : text;
      const result = checkSidecar({ doc, sidecarName: 'source.txt.ann.yaml', taxonomy: DEFAULT_TAXONOMY, source: { kind: 'text', text: source } });
      const lineCount = damaged.split(/\r\n|\r|\n/).length;
      for (const problem of result.problems) {
        assert.ok(PROBLEM_CODES.has(problem.code), `registered code ${problem.code}`);
        assert.ok(problem.line >= 1 && problem.line <= lineCount + 1 && problem.column >= 1, `${problem.code} at ${problem.line}:${problem.column}`);
        assert.ok(problem.message.length > 0);
      }
      assert.equal(doc.writable, doc.sidecar !== undefined);
    }), settings(150));
  });
});
