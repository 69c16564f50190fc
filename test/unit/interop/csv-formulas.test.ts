/** CSV cells that a spreadsheet would run as formulas are neutralised, unless --raw. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { csvField } from '../../../src/core/interop/csv';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

describe('CSV formula injection', () => {
  it('prefixes a text cell beginning with = + - @ tab or CR with a quote mark, and leaves numbers and other text', () => {
    for (const [given, written] of [
      ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
      ['+1', "'+1"],
      ['-2 degrees', "'-2 degrees"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tcmd', "'\tcmd"],
      ['\rcmd', '"\'\rcmd"'],
      ['tortured', 'tortured'],
      ['a = b', 'a = b'],
    ] as const) assert.equal(csvField(given), written, JSON.stringify(given));
    assert.equal(csvField(-3), '-3', 'a number is data');
    assert.equal(csvField('=1+1', true), '=1+1', 'raw');
  });

  describe('export --format csv', () => {
    useTemporaryWorkspace('la-csv-');
    it('neutralises a note that is a formula, and --raw keeps it', async () => {
      await fs.writeFile('r.txt', 'The prisoners were tortured.\n');
      assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--note', '=cmd|" /C calc"!A0')).code, 0);
      const safe = await cli('export', '.', '--format', 'csv');
      assert.match(safe.out, /,"'=cmd\|"" \/C calc""!A0",/);
      const raw = await cli('export', '.', '--format', 'csv', '--raw');
      assert.match(raw.out, /,"=cmd\|"" \/C calc""!A0",/);
      assert.equal((await cli('export', '.', '--format', 'w3c', '--raw')).code, 2);
    });
  });
});
