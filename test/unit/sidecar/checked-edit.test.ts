import assert from 'node:assert/strict';
import { expectWritableDocument, finishEdit, type CheckedDocument, type CheckedFileKind } from '../../../src/core/sidecar/checked-edit';
import { addEvidence, IncidentsEditError, parseIncidents } from '../../../src/core/incidents/incidents-io';
import { addAnnotation, parseSidecar, SidecarEditError } from '../../../src/core/sidecar/sidecar-io';

/** A toy kind of file: one whole number per file; anything else is an error on line 1. */
interface NumberDocument extends CheckedDocument {
  readonly value?: number;
}

class NumberEditError extends Error {}

function readNumber(fileText: string): NumberDocument {
  const hadBom = fileText.startsWith('\uFEFF');
  const text = hadBom ? fileText.slice(1) : fileText;
  const ok = /^\d+\n?$/.test(text);
  return {
    text,
    hadBom,
    problems: ok ? [] : [{ code: 'not-a-number', severity: 'error', message: `"${text}" is no number`, line: 1, column: 1 }],
    writable: ok,
    ...(ok ? { value: Number(text) } : {}),
  };
}

const NUMBER_FILE: CheckedFileKind<NumberDocument, number> = { name: 'number file', read: readNumber, content: (doc) => doc.value, error: NumberEditError };

describe('checked edits (one guard for sidecars and the incidents file)', () => {
  it('returns a writable document as it is, and refuses one with errors, naming the first error', () => {
    const good = readNumber('12\n');
    assert.equal(expectWritableDocument(NUMBER_FILE, good), good);
    assert.throws(() => expectWritableDocument(NUMBER_FILE, readNumber('twelve')), (error: Error) =>
      error instanceof NumberEditError && error.message === 'the number file has errors and cannot be changed: 1:1 "twelve" is no number');
  });

  it('returns the edit read again, with the BOM kept, when it says what the edit meant', () => {
    const next = finishEdit(NUMBER_FILE, readNumber('\uFEFF12\n'), { start: 0, end: 2, newText: '345' }, (value) => value === 345);
    assert.deepEqual([next.text, next.hadBom, next.value], ['345\n', true, 345]);
  });

  it('throws when the result reads as something else, or with errors (naming the first)', () => {
    const doc = readNumber('12\n');
    assert.throws(() => finishEdit(NUMBER_FILE, doc, { start: 0, end: 2, newText: '13' }, (value) => value === 12),
      (error: Error) => error instanceof NumberEditError && error.message === 'internal error: the edit did not produce the expected number file');
    assert.throws(() => finishEdit(NUMBER_FILE, doc, { start: 0, end: 0, newText: 'x' }, () => true),
      (error: Error) => error instanceof NumberEditError && error.message === 'internal error: the edit did not produce the expected number file (1:1 "x12\n" is no number)');
  });

  it('is the guard of both sidecar and incidents edits: each refuses a file with errors in its own words and error type', () => {
    const sidecar = parseSidecar('version: 1\nsource: a.txt\nsourceHash: 7\nannotations: []\n');
    const annotation = { id: 'a-1', category: 'torture', target: { start: 0, end: 1, exact: 'x' }, created: '2026-01-01T00:00:00Z' };
    assert.throws(() => addAnnotation(sidecar, annotation as never), (error: Error) => error instanceof SidecarEditError && /^the sidecar has errors and cannot be changed: \d+:\d+ /.test(error.message));
    const incidents = parseIncidents('version: 1\nincidents: 7\n');
    assert.throws(() => addEvidence(incidents, 'x', { source: 'a.txt', annotation: 'a-1' }), (error: Error) => error instanceof IncidentsEditError && /^the incidents file has errors and cannot be changed: 2:\d+ /.test(error.message));
  });
});
