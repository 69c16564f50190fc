/** What the CLI prints from files: control characters escaped, SARIF paths percent-encoded. */
import assert from 'node:assert/strict';
import { formatText, relativeUri } from '../../../src/cli/check/formats';
import { printError } from '../../../src/cli/output';
import { visibleControls } from '../../../src/core/text/visible';

describe('escaping what the CLI prints', () => {
  it('shows control characters as escapes, so a value cannot forge a line or drive the terminal', () => {
    assert.equal(visibleControls('a\nb\r\tc\u001b[31m\u0007\u007f\u0085\u2028\u202e'), 'a\\nb\\r\\tc\\x1b[31m\\x07\\x7f\\x85\\u2028\\u202e');
    assert.equal(visibleControls('Kyiv — «звіт» 🙂'), 'Kyiv — «звіт» 🙂');
    const forged = 'r.txt\nr.txt.ann.yaml:1:1: error fake: all clear';
    const text = formatText([{ file: 'x.ann.yaml', problems: [{ code: 'missing-source', severity: 'error', message: `the source file "${forged}" does not exist`, line: 2, column: 9 }] }]);
    assert.equal(text.split('\n').length, 2, 'one line and the final newline');
    assert.match(text, /^x\.ann\.yaml:2:9: error missing-source: the source file "r\.txt\\nr\.txt\.ann\.yaml:1:1: error fake: all clear" does not exist\n$/);
    let err = '';
    printError({ out: () => undefined, err: (t) => (err += t) }, 'tag', 'bad\u0007 name\nsecond line');
    assert.equal(err, 'legal-annotator tag: bad\\x07 name\nsecond line\n');
  });

  it('percent-encodes every segment of a SARIF artifact URI', () => {
    assert.equal(relativeUri('q#1/x?.ann.yaml'), 'q%231/x%3F.ann.yaml');
    assert.equal(relativeUri('reports/100% done/r.txt.ann.yaml'), 'reports/100%25%20done/r.txt.ann.yaml');
  });
});
