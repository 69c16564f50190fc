/**
 * Every sidecar we write is read the same by a YAML 1.1 reader (PyYAML, what Python users and
 * many CI scripts load sidecars with) as by our own reader: characters PyYAML refuses raw (NEL,
 * DEL, C1 controls, U+2028/9, U+FFFE/F) and the C0 controls are written as escapes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { addAnnotation, newSidecarDocument, parseSidecar, sidecarFileText, updateAnnotation } from '../../../src/core/sidecar/sidecar-io';

const PYYAML_INSTALL = 'apt-get install python3-yaml';

/** What PyYAML's safe_load reads from each text (one Python process for all), or its error. */
function readWithPyYaml(texts: readonly string[]): unknown[] {
  const script = 'import json, sys, yaml\nout = []\nfor t in json.load(sys.stdin):\n    try:\n        out.append(yaml.safe_load(t))\n    except Exception as e:\n        out.append({"__error__": str(e)})\nprint(json.dumps(out, default=str))';
  let stdout: string;
  try {
    stdout = execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (error) {
    throw new Error(`this test needs python3 with PyYAML (${PYYAML_INSTALL}): ${(error as Error).message}`, { cause: error });
  }
  return JSON.parse(stdout) as unknown[];
}

const HOSTILE = ['\u0085', '\u2028', '\u2029', '\u007f', '\u0080', '\u009f', '\ufffe', '\uffff', '\u0007', '\u001b', '\u0000', '\t', '\n', '\r', 'yes', 'on', '2026-11-22', '#', ': ', '- ', '"', "'"];

describe('sidecars read the same in a YAML 1.1 reader (PyYAML)', function () {
  this.timeout(60_000);

  it('notes, quotes and names holding characters YAML readers refuse raw', () => {
    const fragment = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 }));
    const value = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const written: string[] = [];
    const expected: unknown[] = [];
    fc.assert(fc.property(value, value, value, (note, quoted, source) => {
      const exact = `x${quoted}`;
      let doc = newSidecarDocument(`r${source}.txt`, `sha256:${'0'.repeat(64)}`);
      const length = [...exact].length;
      doc = addAnnotation(doc, { id: 'a-1', category: 'torture', note, target: { start: 0, end: length, exact, prefix: source, suffix: note } });
      doc = updateAnnotation(doc, 'a-1', { note: `${note}${exact}` });
      const text = sidecarFileText(doc);
      assert.ok(parseSidecar(text).writable);
      written.push(text);
      expected.push(JSON.parse(JSON.stringify(parseSidecar(text).sidecar)));
    }), { numRuns: Number(process.env.FC_RUNS ?? 200), seed: Number(process.env.FC_SEED ?? 20261206) });
    const read = readWithPyYaml(written);
    read.forEach((value, index) => {
      const ours = expected[index] as { annotations: unknown[]; dismissed: unknown[] };
      assert.ok(value && typeof value === 'object' && !('__error__' in value), `PyYAML refused:\n${written[index]}\n${JSON.stringify(value)}`);
      const theirs = value as { annotations: unknown[]; source: string };
      assert.deepEqual(theirs.annotations, ours.annotations, written[index]);
      assert.equal(theirs.source, (ours as unknown as { source: string }).source, written[index]);
    });
  });
});
