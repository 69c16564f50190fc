/**
 * The validating scan (sidecar-scan.ts) must never accept a file the full read refuses: every
 * file it accepts is read cleanly by cleanFastRead (and so by parseSidecar, with no problem),
 * with the same ids, ranges, top-level values and indentation step. A file it declines is read
 * whole, as before. Compared on files the editing functions write, then mutated (seeded).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manyAnnotations } from '../../../scripts/generate-hostile';
import { cleanFastRead } from '../../../src/core/sidecar/fast-sidecar';
import { fastYamlCharactersRead, type FastYamlLayout } from '../../../src/core/sidecar/fast-yaml';
import type { Annotation, Dismissal, Sidecar } from '../../../src/core/sidecar/model';
import { sameJsonValue } from '../../../src/core/sidecar/same-json';
import { scanSidecar, scanSidecarSpans, type ScannedSpans, type SidecarScan } from '../../../src/core/sidecar/sidecar-scan';
import { addAnnotation, addDismissal, newSidecarDocument, parseSidecar, sidecarFileText, SidecarEditError } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { tagPassage } from '../../../src/core/annotations/tagging';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

const HASH = sourceHash('The prisoners were tortured.');

/** What the full read says, or undefined when it refuses (or has a warning): cleanFastRead and parseSidecar agree on it. */
function fullRead(text: string): { sidecar: Sidecar; indentStep?: number } | undefined {
  const layout: FastYamlLayout = {};
  const sidecar = cleanFastRead(text, layout);
  return sidecar && { sidecar, indentStep: layout.indentStep };
}

/** The property: the scan declines, or the full read accepts with the same ids, ranges, header and layout. */
function agrees(text: string): 'accepted' | 'declined' {
  const scan = scanSidecar(text);
  if (!scan) return 'declined';
  const full = fullRead(text);
  assert.ok(full, `the scan accepts a file the full read refuses:\n${text}`);
  const doc = parseSidecar(text);
  assert.ok(doc.writable && doc.problems.length === 0, `parseSidecar has problems: ${JSON.stringify(doc.problems)}`);
  assertSameContent(scan, full.sidecar, text);
  assert.equal(scan.indentStep, full.indentStep, 'indentation step');
  assertSameSpans(text, full.sidecar);
  return 'accepted';
}

/**
 * scanSidecarSpans accepts what scanSidecar accepts, with the same result, and each span it notes
 * holds the bytes of the value the full read gives (category, quote); the items with a conflict are counted.
 */
function assertSameSpans(text: string, sidecar: Sidecar): void {
  const scan = scanSidecarSpans(Buffer.from(text, 'utf8'));
  assert.ok(scan, `scanSidecarSpans declines a file scanSidecar accepts:\n${text}`);
  assertSameContent(scan, sidecar, text);
  const entries: [keyof SidecarScan['lists'], readonly (Annotation | Dismissal)[]][] = [['annotations', sidecar.annotations], ['dismissed', sidecar.dismissed]];
  for (const [list, expected] of entries) {
    const spans: ScannedSpans = scan.lists[list].spans;
    assert.equal(spans.conflicts, expected.filter((entry) => entry.conflict !== undefined).length, `${list}: conflicts`);
    expected.forEach((entry, index) => {
      const span = (starts: Int32Array, ends: Int32Array) => (starts[index] < 0 ? undefined : scan.bytes.toString('utf8', starts[index], ends[index]));
      const exact = span(spans.exactStarts, spans.exactEnds);
      if (exact !== undefined) assert.equal(exact, entry.target.exact, `${list} ${index}: quote\n${text}`);
      const decoded = spans.quotes.get(index);
      if (decoded !== undefined) assert.equal(decoded, entry.target.exact, `${list} ${index}: decoded quote\n${text}`);
      assert.ok(exact === undefined || decoded === undefined, `${list} ${index}: a span and a decoded quote`);
      const category = span(spans.categoryStarts, spans.categoryEnds);
      if (category !== undefined) assert.equal(category, (entry as Annotation).category, `${list} ${index}: category\n${text}`);
      if (list === 'dismissed') assert.equal(category, undefined);
    });
  }
}

function assertSameContent(scan: SidecarScan, sidecar: Sidecar, text: string): void {
  assert.ok(sameJsonValue(scan.header, { ...sidecar, annotations: [], dismissed: [] }), `header ${JSON.stringify(scan.header)}`);
  const entries: [keyof SidecarScan['lists'], readonly (Annotation | Dismissal)[]][] = [['annotations', sidecar.annotations], ['dismissed', sidecar.dismissed]];
  for (const [list, expected] of entries) {
    const scanned = scan.lists[list];
    assert.equal(scanned.itemStarts.length, expected.length, `${list}: count\n${text}`);
    assert.deepEqual(Array.from(scanned.starts), expected.map((entry) => entry.target.start), `${list}: starts`);
    assert.deepEqual(Array.from(scanned.ends), expected.map((entry) => entry.target.end), `${list}: ends`);
    for (const entry of expected) assert.ok(scan.ids.has(entry.id), `${list}: id ${entry.id}`);
  }
  assert.equal(scan.ids.size, sidecar.annotations.length + sidecar.dismissed.length);
  assert.equal(scan.ids.has('no-such-id'), false);
}

function target(start: number, exact: string) {
  return { start, end: start + [...exact].length, exact, prefix: 'The prisoners were ', suffix: '.' };
}

function annotation(id: string, extra: Partial<Annotation> = {}): Annotation {
  return { id, category: 'torture', target: target(19, 'tortured'), status: 'proposed', created: '2026-11-22T10:00:00.000Z', ...extra };
}

describe('the validating scan of a sidecar', () => {
  it('accepts the generated sidecar of many annotations and what the editing functions write, as the full read reads them', () => {
    assert.equal(agrees(manyAnnotations(300).sidecar), 'accepted');
    let doc = newSidecarDocument('report.txt', HASH);
    doc = addDismissal(doc, { id: 'd1', target: target(0, 'The'), reason: 'quotes: "a treaty"' });
    for (let i = 0; i < 6; i++) doc = addAnnotation(doc, annotation(`a${i}`, { note: i % 2 ? `note ${i}\nsecond line` : `it's ${i}: x`, author: i === 3 ? '' : 'Ana' }));
    assert.equal(agrees(sidecarFileText(doc)), 'accepted');
    assert.equal(agrees(sidecarFileText(doc).replace(/\n/g, '\r\n')), 'accepted');
    assert.equal(agrees(sidecarFileText(newSidecarDocument('report.txt', HASH))), 'accepted');
  });

  it('notes where each category and quote is written (not for an escaped value or an item in another layout, whose quote it gives decoded), and counts conflicts', () => {
    let doc = newSidecarDocument('report.txt', HASH);
    doc = addAnnotation(doc, annotation('a1', { conflict: 'a2' }));
    doc = addAnnotation(doc, annotation('a2', { target: target(4, 'prisoners') }));
    doc = addDismissal(doc, { id: 'd1', target: target(0, 'The'), reason: 'x' });
    const text = sidecarFileText(doc)
      // An escaped quote (the same text), and an item with a comment, read with the fast reader.
      .replace('exact: prisoners', 'exact: "pri\\x73oners"')
      .replace('    reason: x', '    reason: x # a comment: the item is read whole\n    conflict: d2');
    assert.equal(agrees(text), 'accepted');
    const scan = scanSidecarSpans(Buffer.from(text, 'utf8'))!;
    const { annotations, dismissed } = scan.lists;
    assert.equal(scan.bytes.toString('utf8', annotations.spans.exactStarts[0], annotations.spans.exactEnds[0]), 'tortured');
    assert.equal(scan.bytes.toString('utf8', annotations.spans.categoryStarts[1], annotations.spans.categoryEnds[1]), 'torture');
    assert.deepEqual([annotations.spans.exactStarts[1], dismissed.spans.exactStarts[0], dismissed.spans.categoryStarts[0]], [-1, -1, -1]);
    assert.deepEqual([annotations.spans.conflicts, dismissed.spans.conflicts], [1, 1]);
    assert.deepEqual([[...annotations.spans.quotes], [...dismissed.spans.quotes]], [[[1, 'prisoners']], [[0, 'The']]]);
  });

  it('declines what the full read refuses or warns about', () => {
    const valid = sidecarFileText(addAnnotation(addAnnotation(newSidecarDocument('report.txt', HASH), annotation('a1')), annotation('a2', { target: target(4, 'prisoners') })));
    const sameHashIds = sidecarFileText([annotation('a-000239ff'), annotation('a-00068880', { target: target(4, 'prisoners') }), annotation('a3', { target: target(0, 'The') })]
      .reduce((doc, a) => addAnnotation(doc, a), newSidecarDocument('report.txt', HASH))).replace('id: a3', 'id: a-000239ff');
    const broken: [string, string][] = [
      ['a duplicate id', valid.replace('id: a2', 'id: a1')],
      ['an id of a dismissal', `${valid.replace('dismissed: []', 'dismissed:')}  - id: a1\n    target:\n      start: 0\n      end: 3\n      exact: The\n      prefix: ""\n      suffix: " p"\n`],
      ['end before start', valid.replace('end: 27', 'end: 2')],
      ['a quote longer than its range (a warning)', valid.replace('end: 27', 'end: 26')],
      ['an unknown status', valid.replace('status: proposed', 'status: maybe')],
      ['an unknown field', valid.replace('status: proposed', 'colour: red')],
      ['a category that is not kebab-case', valid.replace('category: torture', 'category: Torture')],
      ['a number as category', valid.replace('category: torture', 'category: 42')],
      ['null as a note', valid.replace('status: proposed', 'note: null')],
      ['a date that is not one', valid.replace('2026-11-22T10:00:00.000Z', '2026-02-30T10:00:00.000Z')],
      ['a float as start', valid.replace('start: 19', 'start: 19.0')],
      ['a missing target field', valid.replace(/ {6}suffix: .*\n/, '')],
      ['a duplicate key in an item', valid.replace('status: proposed', 'category: torture')],
      ['a tab', valid.replace('status: proposed', 'status:\tproposed')],
      ['a bad sourceHash', valid.replace(HASH, 'sha256:00')],
      ['a line between items at the dash column', valid.replace('  - id: a2', '  x: 1\n  - id: a2')],
      ['a top-level key in the list', valid.replace('  - id: a2', 'extra: 1\n  - id: a2')],
      ['no annotations key', valid.replace('annotations:', 'notes:')],
      ['a comment with a lone CR before the first item (the fast reader takes no lone CR)', valid.replace('annotations:\n', 'annotations:\n# x\ry\n')],
      ['a quoted quote of other characters than bytes, one short', valid.replace('exact: prisoners', 'exact: "é: «pri»"')],
      ['a quoted quote of other characters than bytes, as long as its bytes', valid.replace('exact: prisoners', "exact: 'éé\"éé'")],
      // a-000239ff and a-00068880 have the same 32-bit hash: the repeated id is not next to its copy once sorted.
      ['a repeated id with an id of the same hash between its copies', sameHashIds],
      ['an offset beyond 32 bits (the full read takes it; the scan leaves it to the full read)', valid.replace('start: 19', 'start: 3000000000').replace('end: 27', 'end: 3000000008')],
    ];
    for (const [what, text] of broken) {
      assert.notEqual(text, valid, what);
      assert.equal(scanSidecar(text), undefined, what);
    }
  });

  it('reads no entry with the fast reader for a file in the tool\'s layout: the same few characters at n and 4n entries', () => {
    const read = (count: number) => {
      const text = manyAnnotations(count).sidecar;
      const before = fastYamlCharactersRead();
      assert.ok(scanSidecar(text));
      return fastYamlCharactersRead() - before;
    };
    const small = read(500);
    const large = read(2000);
    // The skeleton (the top-level lines) only.
    assert.ok(small > 0 && small < 300, `read ${small} characters`);
    assert.equal(large, small);
  });

  it('tags a scanned sidecar without reading its entries: same text as the whole read, identical tags refused, ids kept unique', () => {
    const many = manyAnnotations(400);
    const request = { text: many.source, sourceName: 'many.txt', taxonomy: DEFAULT_TAXONOMY, category: 'torture', now: new Date('2026-12-06T10:00:00Z') };
    const before = fastYamlCharactersRead();
    const scanned = parseSidecar(many.sidecar, { scanEntries: true });
    const tagged = tagPassage({ ...request, sidecar: scanned, range: { quote: 'the last line' } });
    assert.ok(tagged.ok);
    assert.ok(fastYamlCharactersRead() - before < 3_000, 'tagging read the entries');
    const whole = addAnnotation(parseSidecar(many.sidecar), tagged.annotation);
    assert.equal(sidecarFileText(tagged.doc), sidecarFileText(whole));
    assert.ok(sameJsonValue(tagged.doc.sidecar, whole.sidecar));
    const existing = /detainee 7 was tortured/.exec(many.source)!;
    const refused = tagPassage({ ...request, sidecar: parseSidecar(many.sidecar, { scanEntries: true }), range: { quote: existing[0] } });
    assert.ok(!refused.ok && /annotation a00000007 in many\.txt\.ann\.yaml/.test(refused.reason), JSON.stringify(refused));
    assert.throws(() => addAnnotation(parseSidecar(many.sidecar, { scanEntries: true }), annotation('a00000011')), SidecarEditError);
  });

  // 300 cases in `npm test`; `npm run fuzz` runs FC_RUNS.
  it('never accepts a file the full read refuses, on written sidecars mutated by lines and characters (seeded)', function () {
    this.timeout(0);
    const awkward = fc.constantFrom(
      '', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '"', "'", '\\', '\\n', '\\u00e9', '\\x', '\n', '\r\n', '\r', '\t', '|', '|-', '>', '[]', '{}', '&a', '*a', '!', '%', '@', '`', '?',
      'null', 'true', '~', '1', '-1', '+1', '0x1F', '1.5', '1e3', '007', '2026-11-22T10:00:00Z', '2026-02-30T10:00:00Z', 'yes', '🙂', 'ä', '\u2028', '\u0085', '\uFEFF', 'id', 'x-k', 'status', 'proposed', 'maybe', 'torture', 'a1', 'target', 'start', 'end', 'exact', 'note', 'dismissed', 'annotations',
    );
    const text = fc.array(fc.oneof(awkward, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join(''));
    const lineEdit = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'outdent', 'insert', 'replace', 'characters'), text, from: fc.nat(), remove: fc.nat(3) });
    const entry = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'a-1', '1', 'x.y:z', 'true'), exact: fc.constantFrom('tortured', 'The', '🙂', 'a\nb', 'it\'s "x"', ': #', 'é: «x»', '"é"', '🙂: x'), shift: fc.constantFrom(0, 0, 0, 1, -1), note: fc.option(text, { nil: undefined }), author: fc.option(text, { nil: undefined }), dismissal: fc.boolean() });
    const scenario = fc.record({ entries: fc.array(entry, { maxLength: 5 }), edits: fc.array(lineEdit, { maxLength: 3 }), crlf: fc.boolean() });
    let accepted = 0;
    let runs = 0;
    fc.assert(fc.property(scenario, (s) => {
      let doc = newSidecarDocument('report.txt', HASH);
      s.entries.forEach((e, i) => {
        // A shifted end makes the quote longer or shorter than its range (a warning the scan must not pass).
        const t = { start: 3, end: 3 + [...e.exact].length + e.shift, exact: e.exact, prefix: 'The', suffix: ' prisoners' };
        try {
          doc = e.dismissal
            ? addDismissal(doc, { id: `${e.id}${i}`, target: t, ...(e.author === undefined ? {} : { author: e.author }) })
            : addAnnotation(doc, { id: `${e.id}${i}`, category: 'torture', target: t, ...(e.note === undefined ? {} : { note: e.note }), ...(e.author === undefined ? {} : { author: e.author }) });
        } catch (error) {
          if (!(error instanceof SidecarEditError)) throw error;
        }
      });
      let lines = sidecarFileText(doc).split('\n');
      for (const edit of s.edits) lines = mutated(lines, edit);
      let fileText = lines.join('\n');
      if (s.crlf) fileText = fileText.replace(/\n/g, '\r\n');
      runs++;
      if (agrees(fileText) === 'accepted') accepted++;
    }), { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261207) });
    // Many mutations leave a valid file and many break it: a scan that only ever declines proves nothing.
    assert.ok(accepted > runs * 0.1 && accepted < runs, `accepted ${accepted} of ${runs}`);
  });
});

interface LineEdit {
  at: number;
  kind: string;
  text: string;
  from: number;
  remove: number;
}

/** One mutation of a file's lines: a line deleted, repeated, swapped with the next, indented or outdented, inserted, replaced, or characters changed in it. */
function mutated(lines: string[], edit: LineEdit): string[] {
  const out = [...lines];
  const at = edit.at % out.length;
  const line = out[at];
  switch (edit.kind) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, line);
      break;
    case 'swap':
      if (at + 1 < out.length) [out[at], out[at + 1]] = [out[at + 1], line];
      break;
    case 'indent':
      out[at] = ` ${line}`;
      break;
    case 'outdent':
      out[at] = line.replace(/^ {1,2}/, '');
      break;
    case 'insert':
      out.splice(at, 0, `${' '.repeat(edit.from % 8)}${edit.text}`);
      break;
    case 'replace':
      out[at] = line.replace(/: .*/, `: ${edit.text}`);
      break;
    default: {
      const position = line.length === 0 ? 0 : edit.from % (line.length + 1);
      out[at] = line.slice(0, position) + edit.text + line.slice(position + edit.remove);
    }
  }
  return out.length === 0 ? [''] : out;
}
