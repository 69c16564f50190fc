// When the CLI colours its text output: the decision every run makes (colourEnabled, fed by
// runCli with the flags, the environment and whether each stream is a terminal), and what
// coloured output looks like in check and scan. JSON and SARIF never carry colour.
import assert from 'node:assert/strict';
import { colourEnabled, painter, takeColourFlag } from '../../src/cli/colour';

const ESC = '\u001b[';

describe('CLI colour decision', function () {
  it('colours a terminal only, unless NO_COLOR, FORCE_COLOR or a flag decides', function () {
    assert.equal(colourEnabled(true, {}, undefined), true);
    assert.equal(colourEnabled(false, {}, undefined), false, 'a pipe or a file');
    assert.equal(colourEnabled(undefined, {}, undefined), false);
    assert.equal(colourEnabled(true, { TERM: 'dumb' }, undefined), false);
    assert.equal(colourEnabled(true, { NO_COLOR: '1' }, undefined), false);
    assert.equal(colourEnabled(true, { NO_COLOR: '' }, undefined), true, 'an empty NO_COLOR is unset (no-color.org)');
    assert.equal(colourEnabled(false, { FORCE_COLOR: '1' }, undefined), true);
    assert.equal(colourEnabled(false, { FORCE_COLOR: '' }, undefined), true);
    assert.equal(colourEnabled(true, { FORCE_COLOR: '0' }, undefined), false);
    assert.equal(colourEnabled(true, { FORCE_COLOR: 'false' }, undefined), false);
    assert.equal(colourEnabled(false, { NO_COLOR: '1', FORCE_COLOR: '1' }, undefined), false, 'NO_COLOR wins');
    assert.equal(colourEnabled(true, { FORCE_COLOR: '1' }, 'off'), false, '--no-color wins over everything');
    assert.equal(colourEnabled(false, { NO_COLOR: '1' }, 'on'), true, '--color wins over the environment');
  });

  it('takes --color and --no-color out of argv before --, the last one winning', function () {
    assert.deepEqual(takeColourFlag(['check', '--no-color', '.']), { argv: ['check', '.'], flag: 'off' });
    assert.deepEqual(takeColourFlag(['--color', 'scan', 'a', '--no-color']), { argv: ['scan', 'a'], flag: 'off' });
    assert.deepEqual(takeColourFlag(['scan', '--', '--no-color']), { argv: ['scan', '--', '--no-color'], flag: undefined });
  });

  it('paints with SGR codes that reset only what they set, or not at all', function () {
    assert.equal(painter(true)('red', 'error'), `${ESC}31merror${ESC}39m`);
    assert.equal(painter(false)('red', 'error'), 'error');
  });
});
