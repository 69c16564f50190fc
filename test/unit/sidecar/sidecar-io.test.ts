import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/sidecar/model';
import {
  addAnnotation, addDismissal, newSidecarDocument, parseSidecar, removeAnnotation, removeDismissal, setSourceHash,
  setSource, sidecarFileText, SidecarEditError, updateAnnotation, type SidecarDocument,
} from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import * as YAML from 'yaml';

const HASH = sourceHash('The prisoners were tortured.');

/** A hand-written sidecar: comments everywhere, mixed quoting, blank lines, 4-space nesting. */
const USER_FILE = `# Annotations of report.txt -- reviewed by A.B.

version: 1
source: 'report.txt'   # the source
sourceHash: "${HASH}"

annotations:   # tags
  # first tag: keep this comment
  - id: a1
    category: "torture"
    target:
        start: 19
        end: 27
        exact: 'tortured'
        prefix: "The prisoners were "
        suffix: '.'
    note: >-
      Folded note
      on two lines.

  # second tag
  - id: a2
    category: ill-treatment   # maybe torture?
    target: {start: 4, end: 13, exact: prisoners, prefix: 'The ', suffix: ' were'}
    status: proposed

  - id: a3
    category: other
    target:
        start: 0
        end: 3
        exact: The
        prefix: ""
        suffix: " prisoners"
# nothing dismissed yet
dismissed: []
`;

function target(start: number, exact: string) {
  return { start, end: start + [...exact].length, exact, prefix: 'p', suffix: 's' };
}

/** Asserts `after` equals `before` except for one replaced region, and returns the old and new region. */
function changedRegion(before: string, after: string): { old: string; new: string } {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
  return { old: before.slice(head, before.length - tail), new: after.slice(head, after.length - tail) };
}

describe('sidecar parsing', () => {
  it('reads a hand-written sidecar', () => {
    const doc = parseSidecar(USER_FILE);
    assert.deepEqual(doc.problems, []);
    assert.ok(doc.writable);
    assert.deepEqual(doc.sidecar!.annotations.map((a) => a.id), ['a1', 'a2', 'a3']);
    assert.equal(doc.sidecar!.annotations[0].note, 'Folded note on two lines.');
  });

  it('never throws, and a file with errors is not writable', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      const doc = parseSidecar(text);
      assert.equal(doc.writable, doc.sidecar !== undefined);
    }), { numRuns: 300 });
    const broken = parseSidecar(USER_FILE.replace('category: other', 'category: [other'));
    assert.equal(broken.writable, false);
    assert.equal(broken.sidecar, undefined);
    assert.ok(broken.problems.some((p) => p.code === 'yaml-syntax'));
    assert.throws(() => addAnnotation(broken, { id: 'n', category: 'torture', target: target(0, 'The') }), SidecarEditError);
    const invalid = parseSidecar(USER_FILE.replace('status: proposed', 'status: maybe'));
    assert.equal(invalid.writable, false);
    assert.throws(() => removeAnnotation(invalid, 'a1'), /has errors/);
  });

  it('checks what the schema cannot: unique ids, end after start, quote length', () => {
    const text = USER_FILE.replace('id: a3', 'id: a1').replace('end: 3', 'end: 4');
    const doc = parseSidecar(text);
    assert.deepEqual(doc.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`), [
      '27:9 error duplicate-id',
      '32:16 warning target-length',
    ]);
    const reversed = parseSidecar(USER_FILE.replace('start: 19', 'start: 28'));
    assert.deepEqual(reversed.problems.map((p) => `${p.line}:${p.column} ${p.code}`), ['13:14 target-range']);
  });
});

describe('sidecar writes keep the rest of the file byte for byte', () => {
  const doc = parseSidecar(USER_FILE);
  const annotation: Annotation = { id: 'a4', category: 'wilful-killing', target: target(5, 'shot dead'), status: 'proposed' };

  it('adds an annotation after the last one, in the file\'s indentation', () => {
    const after = addAnnotation(doc, annotation);
    const region = changedRegion(USER_FILE, after.text);
    assert.equal(region.old, '');
    assert.equal(region.new, [
      '  - id: a4',
      '    category: wilful-killing',
      '    target:',
      '        start: 5',
      '        end: 14',
      '        exact: shot dead',
      '        prefix: p',
      '        suffix: s',
      '    status: proposed',
      '',
    ].join('\n'));
    assert.ok(after.text.startsWith(USER_FILE.slice(0, USER_FILE.indexOf('# nothing dismissed'))));
    assert.deepEqual(after.sidecar!.annotations.at(-1), annotation);
    assert.deepEqual(after.lastEdit, { start: USER_FILE.indexOf('# nothing dismissed'), end: USER_FILE.indexOf('# nothing dismissed'), newText: region.new });
  });

  it('updates one annotation: only its lines change, its own quoting and comments survive', () => {
    const after = updateAnnotation(doc, 'a2', { status: 'confirmed', note: 'checked' });
    const start = USER_FILE.indexOf('  - id: a2');
    const end = USER_FILE.indexOf('\n', USER_FILE.indexOf('status: proposed')) + 1;
    assert.equal(after.text.slice(0, start), USER_FILE.slice(0, start));
    assert.equal(after.text.slice(after.text.length - (USER_FILE.length - end)), USER_FILE.slice(end));
    assert.match(after.text, /category: ill-treatment # maybe torture\?/);
    assert.deepEqual(after.sidecar!.annotations[1], { ...doc.sidecar!.annotations[1], status: 'confirmed', note: 'checked' });
    const quoted = updateAnnotation(doc, 'a1', { status: 'disputed' });
    assert.match(quoted.text, /category: "torture"\n/);
    assert.match(quoted.text, /exact: 'tortured'\n/);
    assert.match(quoted.text, /# first tag: keep this comment\n {2}- id: a1\n/);
  });

  it('removes a field with undefined, and changes a target', () => {
    const after = updateAnnotation(doc, 'a2', { status: undefined, target: target(0, 'The') });
    assert.equal(after.sidecar!.annotations[1].status, undefined);
    assert.deepEqual(after.sidecar!.annotations[1].target, target(0, 'The'));
  });

  it('removes an annotation: exactly its lines go', () => {
    const after = removeAnnotation(doc, 'a2');
    const item = USER_FILE.slice(USER_FILE.indexOf('  - id: a2'), USER_FILE.indexOf('\n', USER_FILE.indexOf('status: proposed')) + 1);
    assert.equal(after.text, USER_FILE.replace(item, ''));
    assert.deepEqual(after.sidecar!.annotations.map((a) => a.id), ['a1', 'a3']);
  });

  it('removing the last annotations leaves `annotations: []` and the key\'s comment', () => {
    let after = removeAnnotation(removeAnnotation(doc, 'a1'), 'a3');
    after = removeAnnotation(after, 'a2');
    assert.deepEqual(after.sidecar!.annotations, []);
    assert.match(after.text, /\nannotations: \[\] # tags\n\n# nothing dismissed yet\ndismissed: \[\]\n$/);
    assert.ok(after.text.startsWith(USER_FILE.slice(0, USER_FILE.indexOf('annotations:'))));
  });

  it('adds and removes dismissals, from and back to `dismissed: []`', () => {
    const added = addDismissal(doc, { id: 'd1', target: target(0, 'The'), reason: 'headline' });
    assert.equal(added.text.slice(0, USER_FILE.indexOf('dismissed:')), USER_FILE.slice(0, USER_FILE.indexOf('dismissed:')));
    assert.match(added.text, /\ndismissed:\n {2}- id: d1\n/);
    const second = addDismissal(added, { id: 'd2', target: target(4, 'prisoners') });
    assert.deepEqual(second.sidecar!.dismissed.map((d) => d.id), ['d1', 'd2']);
    assert.throws(() => addDismissal(second, { id: 'a1', target: target(0, 'The') }), /already used/);
    assert.equal(removeDismissal(removeDismissal(second, 'd2'), 'd1').text, USER_FILE);
  });

  it('sets the source hash in its quoting style, touching nothing else', () => {
    const hash = sourceHash('new text');
    const after = setSourceHash(doc, hash);
    assert.equal(after.text, USER_FILE.replace(HASH, hash));
  });

  it('adds a `dismissed` list when the file has none', () => {
    const text = USER_FILE.replace('# nothing dismissed yet\ndismissed: []\n', '');
    const after = addDismissal(parseSidecar(text), { id: 'd1', target: target(0, 'The') });
    assert.ok(after.text.startsWith(text));
    assert.deepEqual(after.sidecar!.dismissed.map((d) => d.id), ['d1']);
  });

  it('writes a plain value that becomes several lines as a block, so it reads back ("-\\n$" once broke the file)', () => {
    const plain = parseSidecar(`version: 1\nsource: report.txt\nsourceHash: "${HASH}"\nannotations:\n  - id: p1\n    category: torture\n    target: {start: 0, end: 1, exact: x, prefix: "", suffix: ""}\n    note: a\n`);
    for (const note of ['-\n$', '- x\n- y', '? a\n: b', '#\nx']) {
      const after = updateAnnotation(plain, 'p1', { note });
      assert.equal(after.sidecar!.annotations[0].note, note);
      assert.match(after.text, /note: \|-\n/);
    }
  });

  it('round-trips any strings in quotes, context and notes', function () {
    // A property test of a few hundred cases: slow on a loaded machine, not a bound on its speed.
    this.timeout(120_000);
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const odd = fc.constantFrom('', ' ', '\n', '\r\n', '# x', ': ', '- ', '-', '?', '"', "'", '\\', '\t', 'yes', '0x1F', '~', '@', '`', '|', '>', '\u0085', '\u2028', '\uFEFF', '😀');
    const piece = fc.array(fc.oneof(text, odd), { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(fc.property(piece, piece, piece, piece, (exact, prefix, suffix, note) => {
      const quote = exact === '' ? 'x' : exact;
      const entry: Annotation = { id: 'p1', category: 'torture', target: { start: 0, end: [...quote].length, exact: quote, prefix, suffix }, note };
      const after = addAnnotation(doc, entry);
      assert.deepEqual(after.sidecar!.annotations.at(-1), entry);
      assert.ok(after.text.startsWith(USER_FILE.slice(0, USER_FILE.indexOf('# nothing dismissed'))));
      assert.deepEqual(updateAnnotation(after, 'p1', { note: prefix }).sidecar!.annotations.at(-1), { ...entry, note: prefix });
      // a1's note is a folded block scalar: a new value that a block cannot hold is written quoted
      assert.equal(updateAnnotation(doc, 'a1', { note }).sidecar!.annotations[0].note, note);
    }), { numRuns: 300 });
  });
});

describe('sidecar line endings, BOM and new files', () => {
  it('keeps CRLF line endings in what it writes', () => {
    const crlf = USER_FILE.replace(/\n/g, '\r\n');
    const doc = parseSidecar(crlf);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.eol, '\r\n');
    let after = addAnnotation(doc, { id: 'a4', category: 'torture', target: target(0, 'The'), note: 'two\nlines' });
    after = updateAnnotation(after, 'a1', { status: 'confirmed' });
    after = addDismissal(after, { id: 'd1', target: target(0, 'The') });
    assert.doesNotMatch(after.text, /[^\r]\n/, 'no bare LF');
    assert.equal(after.sidecar!.annotations.at(-1)!.note, 'two\nlines');
    const undone = removeAnnotation(removeDismissal(updateAnnotation(after, 'a1', { status: undefined }), 'd1'), 'a4');
    assert.doesNotMatch(undone.text, /[^\r]\n/);
    assert.deepEqual(undone.sidecar, doc.sidecar);
    assert.equal(removeAnnotation(addAnnotation(doc, { id: 'a9', category: 'torture', target: target(0, 'The') }), 'a9').text, crlf);
  });

  it('keeps a BOM: positions exclude it, the written text has it', () => {
    const doc = parseSidecar(`\uFEFF${USER_FILE}`);
    assert.ok(doc.hadBom);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.text, USER_FILE);
    const after = setSourceHash(doc, sourceHash('x'));
    assert.equal(sidecarFileText(after), `\uFEFF${USER_FILE.replace(HASH, sourceHash('x'))}`);
    const problem = parseSidecar('\uFEFFversion: 1\nsource: r\nsourceHash: x\nannotations: []\n').problems[0];
    assert.deepEqual([problem.line, problem.column], [3, 13]);
  });

  it('creates a new sidecar with a comment header', () => {
    const doc = newSidecarDocument('report #1: draft.txt', HASH);
    assert.ok(doc.writable);
    assert.match(doc.text, /^# Legal Annotator annotations of report #1: draft.txt\n/);
    assert.equal(doc.sidecar!.source, 'report #1: draft.txt');
    assert.deepEqual({ ...doc.sidecar, source: undefined }, { version: 1, source: undefined, sourceHash: HASH, annotations: [], dismissed: [] });
    const first = addAnnotation(doc, { id: 'a1', category: 'torture', target: target(0, 'The') });
    assert.match(first.text, /\nannotations:\n {2}- id: a1\n {4}category: torture\n {4}target:\n {6}start: 0\n/);
  });

  it('hashes the UTF-8 text without its BOM', () => {
    assert.equal(sourceHash(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sourceHash('\uFEFFabc'), sourceHash('abc'));
    assert.equal(sourceHash('abc'), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sourceHash('é'), `sha256:${createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex')}`);
  });
});

describe('sidecar writes read the same in YAML 1.1 tools', () => {
  it('quotes timestamps and YAML 1.1 booleans so PyYAML, js-yaml and ajv-cli read strings', () => {
    const doc = addAnnotation(newSidecarDocument('report.txt', `sha256:${'0'.repeat(64)}`), {
      id: 'a-1', category: 'torture', created: '2026-11-22T00:02:13.807Z', note: 'yes',
      target: { start: 0, end: 3, exact: 'on', prefix: '', suffix: '12:30' },
    });
    const asYaml11 = YAML.parse(doc.text, { version: '1.1' }) as { annotations: Array<Record<string, unknown> & { target: Record<string, unknown> }> };
    const [entry] = asYaml11.annotations;
    assert.equal(entry.created, '2026-11-22T00:02:13.807Z');
    assert.equal(entry.note, 'yes');
    assert.equal(entry.target.exact, 'on');
    assert.equal(entry.target.suffix, '12:30');
    assert.match(doc.text, /created: "2026-11-22T00:02:13.807Z"/);
  });
});

describe('pointing a sidecar at a renamed source', () => {
  it('changes only the source value, keeping comments', () => {
    const text = `# notes\nversion: 1\nsource: old.txt # the report\nsourceHash: sha256:${'0'.repeat(64)}\nannotations: []\n`;
    const doc = setSource(parseSidecar(text), 'new name.txt');
    assert.equal(doc.text, text.replace('source: old.txt', 'source: new name.txt'));
    assert.equal(doc.sidecar?.source, 'new name.txt');
  });
});

describe('a clean sidecar read on the fast path', () => {
  const target = (start: number, exact: string) => ({ start, end: start + [...exact].length, exact, prefix: '', suffix: '' });
  let text: string;
  before(() => {
    let doc = newSidecarDocument('report.txt', HASH);
    for (const [i, exact] of ['The', 'prisoners', 'tortured'].entries()) {
      doc = addAnnotation(doc, { id: `a${i}`, category: 'torture', target: target(i * 4, exact), note: i === 1 ? 'two\nlines' : undefined });
    }
    text = addDismissal(doc, { id: 'd1', target: target(0, 'The') }).text.replace('annotations:', 'annotations:   # tags');
  });

  it('parses the yaml Document only when it is asked for, and it is the Document the full read makes', () => {
    const fast = parseSidecar(text);
    const full = parseSidecar(text, { fastPath: false });
    assert.ok(Object.getOwnPropertyDescriptor(fast, 'document')?.get, 'the Document is parsed on first use');
    assert.equal(Object.getOwnPropertyDescriptor(full, 'document')?.get, undefined);
    assert.deepEqual(fast.sidecar, full.sidecar);
    assert.deepEqual([fast.problems, fast.writable, fast.eol, fast.hadBom], [full.problems, full.writable, full.eol, full.hadBom]);
    assert.equal(fast.document.toString(), full.document.toString());
    assert.deepEqual(fast.document.toJS(), full.document.toJS());
  });

  it('makes every edit as the Document path makes it', () => {
    const edits: [string, (d: SidecarDocument) => SidecarDocument][] = [
      ['append', (d) => addAnnotation(d, { id: 'a9', category: 'other', target: target(4, 'prisoners'), note: '- x' })],
      ['update', (d) => updateAnnotation(d, 'a1', { note: 'changed', status: 'confirmed' })],
      ['remove', (d) => removeAnnotation(d, 'a0')],
      ['dismiss', (d) => addDismissal(d, { id: 'd2', target: target(4, 'prisoners') })],
      ['restore', (d) => removeDismissal(d, 'd1')],
      ['hash', (d) => setSourceHash(d, sourceHash('x'))],
    ];
    for (const [name, edit] of edits) {
      for (const file of [text, `\uFEFF${text.replace(/\n/g, '\r\n')}`]) {
        assert.equal(sidecarFileText(edit(parseSidecar(file))), sidecarFileText(edit(parseSidecar(file, { fastPath: false }))), name);
      }
    }
    // A chain of edits stays on the fast path where it can, and reads back as the content it means.
    const chained = addAnnotation(addAnnotation(parseSidecar(text), { id: 'b1', category: 'torture', target: target(0, 'The') }), { id: 'b2', category: 'torture', target: target(0, 'The') });
    assert.deepEqual(chained.sidecar!.annotations.map((a) => a.id), ['a0', 'a1', 'a2', 'b1', 'b2']);
    assert.deepEqual(parseSidecar(chained.text, { fastPath: false }).sidecar, chained.sidecar);
  });
});

describe('a source named with line breaks and control characters', () => {
  const names = fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\x1b', '\u2028', '\x85', '\x7f'), fc.string({ maxLength: 80 }))
    .map(([head, control, tail]) => `${head}${control}${tail}.txt`);

  it('is written on one line, quoted and escaped, and read back as named, however long', () => {
    // 39 characters with a line break: the length at which `yaml` starts folding a double-quoted string over lines.
    for (const name of ['abcd\nabcdabcdabcdabcdabcdabcdabcdab.txt', `evil\nfake.txt:1:1: error forged: ${'x'.repeat(80)}.txt`]) {
      const doc = newSidecarDocument(name, HASH);
      assert.equal(doc.sidecar?.source, name);
      assert.equal(doc.text.split('\n').filter((line) => line.startsWith('source: ')).length, 1);
    }
    fc.assert(fc.property(names, (name) => {
      const doc = newSidecarDocument(name, HASH);
      assert.equal(doc.sidecar?.source, name);
      assert.equal(parseSidecar(sidecarFileText(doc), { fastPath: false }).sidecar?.source, name);
    }), { numRuns: 300, seed: 20261206 });
  });

  it('is read back as named after setSource, however long', () => {
    fc.assert(fc.property(names, (name) => {
      const doc = setSource(newSidecarDocument('r.txt', HASH), name);
      assert.equal(doc.sidecar?.source, name);
      assert.equal(parseSidecar(sidecarFileText(doc), { fastPath: false }).sidecar?.source, name);
    }), { numRuns: 300, seed: 20261206 });
  });
});

describe('a sidecar saved by an editor that trims trailing whitespace', () => {
  it('reads the same: no written line ends with a space or tab, whatever the notes and context hold', () => {
    const lines = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '.'), maxLength: 12 }), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('\n'));
    fc.assert(fc.property(lines, lines, (note, prefix) => {
      const annotation: Annotation = { id: 'a1', category: 'torture', note, target: { start: 0, end: 3, exact: 'The', prefix, suffix: ' prisoners' } };
      const text = sidecarFileText(addAnnotation(newSidecarDocument('r.txt', HASH), annotation));
      const trimmed = text.replace(/[ \t]+$/gm, '');
      assert.deepEqual(parseSidecar(trimmed, { fastPath: false }).sidecar, parseSidecar(text, { fastPath: false }).sidecar, JSON.stringify(text));
      assert.equal(parseSidecar(text, { fastPath: false }).sidecar?.annotations[0].note, note);
    }), { numRuns: 300, seed: 20261206 });
  });
});
