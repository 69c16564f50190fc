/** What the CLI prints from files: control characters escaped, SARIF paths percent-encoded. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { formatText, relativeUri } from '../../../src/cli/check/formats';
import { printError } from '../../../src/cli/output';
import { visibleControls, visibleControlsInDocument } from '../../../src/core/text/visible';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

describe('escaping what the CLI prints', () => {
  it('shows control characters as escapes, so a value cannot forge a line or drive the terminal', () => {
    assert.equal(visibleControls('a\nb\r\tc\u001b[31m\u0007\u007f\u0085\u2028\u202e'), 'a\\nb\\r\\tc\\x1b[31m\\x07\\x7f\\x85\\u2028\\u202e');
    assert.equal(visibleControls('Kyiv — «звіт» 🙂'), 'Kyiv — «звіт» 🙂');
    const forged = 'r.txt\nr.txt.ann.yaml:1:1: error fake: all clear';
    const text = formatText([{ file: 'x.ann.yaml', problems: [{ code: 'missing-source', severity: 'error', message: `the source file "${forged}" does not exist`, line: 2, column: 9 }] }]);
    assert.equal(text.split('\n').length, 2, 'one line and the final newline');
    assert.match(text, /^x\.ann\.yaml:2:9: error missing-source: the source file "r\.txt\\nr\.txt\.ann\.yaml:1:1: error fake: all clear" does not exist\n$/);
    let err = '';
    printError({ out: () => undefined, err: (t) => (err += t) }, 'tag', 'bad\u0007 name\nforged line');
    printError({ out: () => undefined, err: (t) => (err += t) }, 'scan', ['a\nb: permission denied (EACCES)', 'c: permission denied (EACCES)']);
    assert.equal(err, 'legal-annotator tag: bad\\x07 name\\nforged line\nlegal-annotator scan: a\\nb: permission denied (EACCES)\nc: permission denied (EACCES)\n');
    assert.equal(visibleControlsInDocument('a,"x\u001b[2J\r\ny"\r\n\tz\rw\n'), 'a,"x\\x1b[2J\r\ny"\r\n\tz\\rw\n', 'line breaks and tabs kept, a lone carriage return escaped');
  });

  it('percent-encodes every segment of a SARIF artifact URI', () => {
    assert.equal(relativeUri('q#1/x?.ann.yaml'), 'q%231/x%3F.ann.yaml');
    assert.equal(relativeUri('reports/100% done/r.txt.ann.yaml'), 'reports/100%25%20done/r.txt.ann.yaml');
  });
});

describe('commands print names and values from files as one line each', () => {
  useTemporaryWorkspace('la-escaping-');
  const FORGED = 'evil\nfake.txt:1:1: error forged: x.txt';
  const ESC = 'e\u001b[31mred.txt';
  const TEXT = 'Russian forces shelled Kharkiv on 3 March 2022.\n';
  /** No raw control character but line breaks. */
  // eslint-disable-next-line no-control-regex
  const noRawControls = (text: string) => assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f]/, JSON.stringify(text));

  it('scan --format text: a file name cannot forge a line on stdout or stderr', async () => {
    await fs.writeFile(FORGED, TEXT);
    await fs.writeFile(`${FORGED}.md`, Buffer.from('\ufeffx', 'utf16le'));
    const { out, err } = await cli('scan', '.', '--format', 'text');
    assert.deepEqual(out.split('\n').filter((line) => !line.startsWith('evil\\nfake.txt:1:1: error forged: x.txt:')), ['']);
    assert.equal(err, 'evil\\nfake.txt:1:1: error forged: x.txt.md: skipped: is UTF-16 (byte order mark at byte 0); save it as UTF-8\n');
  });

  it('tag, status and untag: success lines and refusals escape names', async () => {
    await fs.writeFile(ESC, TEXT);
    await fs.writeFile(FORGED, TEXT);
    const tagged = await cli('tag', ESC, '--quote', 'Kharkiv', '--category', 'other');
    assert.equal(tagged.code, 0, tagged.err);
    const id = tagged.out.trim();
    const status = await cli('status', ESC, '--id', id, 'confirmed');
    const untagged = await cli('untag', ESC, '--id', id);
    for (const { err } of [tagged, status, untagged]) {
      noRawControls(err);
      assert.match(err, /^e\\x1b\[31mred\.txt: .*e\\x1b\[31mred\.txt\.ann\.yaml( \(created\))?\n$/);
    }
    for (const command of ['untag', 'status']) {
      const refused = await cli(command, FORGED, '--id', 'a-00000000', ...(command === 'status' ? ['confirmed'] : []));
      assert.equal(refused.code, 1);
      assert.equal(refused.err.split('\n').length, 2, refused.err);
      assert.match(refused.err, /^legal-annotator (untag|status): evil\\nfake\.txt:1:1: error forged: x\.txt: has no sidecar/);
    }
  });

  it("export's warnings and import's problems escape names", async () => {
    await fs.writeFile(ESC, TEXT);
    assert.equal((await cli('tag', ESC, '--quote', 'Kharkiv', '--category', 'other')).code, 0);
    await fs.writeFile(ESC, 'Another text altogether.\n');
    const exported = await cli('export', '--format', 'csv', '.');
    assert.equal(exported.code, 1);
    noRawControls(exported.err);
    assert.match(exported.err, /^e\\x1b\[31mred\.txt: a-[0-9a-f]{8}: orphaned/m);
    await fs.mkdir('brat');
    await fs.writeFile(join('brat', 'a\nb.ann'), 'T1\tother 0 3\tRus\n');
    const imported = await cli('import', '--format', 'brat', 'brat');
    assert.equal(imported.code, 1);
    noRawControls(imported.err);
    assert.match(imported.err, /^brat\/a\\nb\.ann: error: a\\nb\.txt beside it: no such file; skipped$/m);
  });

  it('categories: the folder named in its summary is escaped', async () => {
    await fs.mkdir(ESC);
    const { code, err } = await cli('categories', ESC);
    assert.equal(code, 0, err);
    assert.match(err, /^\d+ categories: the default taxonomy \(no \.legal-annotator\.yaml from e\\x1b\[31mred\.txt up\)\n$/);
  });

  it('a document on a terminal has its escape sequences shown; into a pipe or a file it is the data', async () => {
    await fs.writeFile('r.txt', TEXT);
    assert.equal((await cli('tag', 'r.txt', '--quote', 'Kharkiv', '--category', 'other', '--note', 'see \u001b]8;;x\u0007here\u001b]8;;\u0007')).code, 0);
    const onTerminal = async (...argv: string[]) => {
      let out = '';
      await runCli(argv, { out: (t) => (out += t), err: () => undefined, isTTY: { out: true, err: false } });
      return out;
    };
    for (const argv of [['report', '--format', 'md'], ['export', '--format', 'csv']]) {
      const shown = await onTerminal(...argv);
      noRawControls(shown.replace(/\r\n/g, '\n'));
      assert.match(shown, /see \\x1b\\?\]8;;x\\x07here/);
      assert.ok((await cli(...argv)).out.includes('see \u001b'), 'piped: the note as it is');
    }
  });
});
