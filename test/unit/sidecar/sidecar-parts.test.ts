/**
 * A read sidecar sent to another thread and back (structured clone of `sidecarParts`): the same
 * content, problems and writability, the same edits, and no `yaml` Document parsed until an edit
 * needs one.
 */
import assert from 'node:assert/strict';
import { addAnnotation, parseSidecar, sidecarFromParts, sidecarParts, updateAnnotation, type SidecarDocument } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { yamlDocumentsParsed } from '../../../src/core/sidecar/yaml-source';

const HASH = sourceHash('The prisoners were tortured.');
const CLEAN = `version: 1
source: report.txt
sourceHash: ${HASH}
annotations:
  - id: a1
    category: torture
    target:
      start: 19
      end: 27
      exact: tortured
      prefix: "The prisoners were "
      suffix: .
dismissed: []
`;
/** Comments and flow style: read with the Document API. */
const HAND_WRITTEN = `# reviewed by A.B.
version: 1
source: 'report.txt'   # the source
sourceHash: "${HASH}"
annotations:
  - id: a1
    category: torture   # maybe ill-treatment?
    target: {start: 19, end: 27, exact: tortured, prefix: 'The prisoners were ', suffix: '.'}
dismissed: []
`;

const throughThread = (doc: SidecarDocument): SidecarDocument => sidecarFromParts(structuredClone(sidecarParts(doc)));
const tag = { id: 'a2', category: 'torture', target: { start: 4, end: 13, exact: 'prisoners', prefix: 'The ', suffix: ' were' } };

const CASES: [string, string, boolean][] = [
  ['a clean file', CLEAN, true],
  ['a hand-written file', HAND_WRITTEN, false],
  ['a BOM and CRLF', `\uFEFF${CLEAN.replace(/\n/g, '\r\n')}`, true],
];

for (const [name, file, fast] of CASES) {
  describe(`sidecarParts / sidecarFromParts: ${name}`, () => {
    it('gives the same content, text, problems and writability', () => {
      const read = parseSidecar(file);
      assert.equal(sidecarParts(read).fastIndentStep !== undefined, fast, 'read on the fast path');
      const copy = throughThread(read);
      assert.deepEqual(copy.sidecar, read.sidecar);
      assert.deepEqual([copy.text, copy.hadBom, copy.eol, copy.writable], [read.text, read.hadBom, read.eol, read.writable]);
      assert.deepEqual(copy.problems, read.problems);
      assert.equal(copy.writable, true);
    });

    it('gives the same edits as the document read here', () => {
      const read = parseSidecar(file);
      const copy = throughThread(read);
      assert.equal(addAnnotation(copy, tag).text, addAnnotation(read, tag).text);
      assert.equal(updateAnnotation(throughThread(read), 'a1', { note: 'seen' }).text, updateAnnotation(read, 'a1', { note: 'seen' }).text);
    });
  });
}

describe('sidecarFromParts', () => {
  it('parses no yaml Document until an edit needs one, and keeps the fast path of a clean file', () => {
    const parts = structuredClone(sidecarParts(parseSidecar(CLEAN)));
    const before = yamlDocumentsParsed();
    const copy = sidecarFromParts(parts);
    addAnnotation(copy, tag);
    assert.equal(yamlDocumentsParsed(), before, 'an append to a clean file is made as text');
    assert.ok(copy.document.contents);
    assert.equal(yamlDocumentsParsed(), before + 1);
  });

  it('keeps the errors of a file that is not writable', () => {
    const read = parseSidecar(CLEAN.replace('category: torture', 'category: [torture'));
    const copy = throughThread(read);
    assert.equal(copy.writable, false);
    assert.equal(copy.sidecar, undefined);
    assert.deepEqual(copy.problems, read.problems);
  });
});
