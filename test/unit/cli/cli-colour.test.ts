// When the CLI colours its text output: the decision every run makes (colourEnabled, fed by
// runCli with the flags, the environment and whether each stream is a terminal), and what
// coloured output looks like in check and scan. JSON and SARIF never carry colour.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { colourEnabled, painter, takeColourFlag } from '../../../src/cli/colour';
import { runCli } from '../../../src/cli/run';

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

describe('CLI colour in output', function () {
  let dir: string;
  let source: string;
  let sidecar: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'la-colour-'));
    source = join(dir, 'report.txt');
    sidecar = `${source}.ann.yaml`;
    writeFileSync(source, 'On 3 March 2022 Ukrainian prisoners were tortured by Russian guards.\n');
    writeFileSync(sidecar, 'version: 1\nsource: report.txt\nannotations: 7\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI in-process as on a terminal (both streams), with `env`. */
  async function onTerminal(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY: { out: true, err: true } }, { env });
    return { code, out, err };
  }

  it('colours check\'s path, severity and code, and scan\'s entity kinds, on a terminal', async function () {
    const check = await onTerminal(['check', sidecar]);
    assert.equal(check.code, 1);
    const plain = (await onTerminal(['check', sidecar, '--no-color'])).out.split('\n')[0];
    const [, file, position, code, message] = /^(.*report\.txt\.ann\.yaml):(\d+:\d+): error ([a-z-]+): (.*)$/u.exec(plain) ?? [];
    assert.ok(message, plain);
    assert.equal(check.out.split('\n')[0], `${ESC}1m${file}${ESC}22m:${position}: ${ESC}31merror${ESC}39m ${ESC}2m${code}${ESC}22m: ${message}`);
    const scan = await onTerminal(['scan', source, '--format', 'text']);
    assert.ok(scan.out.includes(`: ${ESC}32mstate${ESC}39m Ukrainian -> UA Ukraine (demonym)\n`), scan.out);
    assert.ok(scan.out.includes(`: ${ESC}35mdate${ESC}39m 3 March 2022`), scan.out);
    assert.ok(scan.out.includes(`: ${ESC}33mclaim${ESC}39m [high]`), scan.out);
    const error = await onTerminal(['scan', join(dir, 'missing.txt')]);
    assert.equal(error.err, `${ESC}31mlegal-annotator scan:${ESC}39m ${join(dir, 'missing.txt')}: no such file or folder\n`);
  });

  it('colours the prefix of exit-1 refusals as of exit-2 errors: tag\'s unknown category and missing quote, untag\'s unknown id', async function () {
    const red = (command: string) => `${ESC}31mlegal-annotator ${command}:${ESC}39m `;
    const tagged = join(dir, 'tagged.txt');
    writeFileSync(tagged, 'The prisoners were tortured.\n');
    assert.equal(await runCli(['tag', tagged, '--category', 'torture', '--quote', 'tortured'], { out: () => undefined, err: () => undefined }), 0);
    const refusals: [string[], string][] = [
      [['tag', tagged, '--category', 'tortur', '--quote', 'tortured'], 'tag'],
      [['tag', tagged, '--category', 'torture', '--quote', 'flogged'], 'tag'],
      [['untag', tagged, '--id', 'a-00000000'], 'untag'],
      [['status', tagged, '--id', 'a-00000000', 'confirmed'], 'status'],
    ];
    for (const [argv, command] of refusals) {
      const { code, err } = await onTerminal(argv);
      assert.equal(code, 1, err);
      assert.ok(err.startsWith(red(command)), JSON.stringify(err));
      assert.match(err, /unknown category|not in|no tag with id/);
      assert.ok(!(await onTerminal([...argv, '--no-color'])).err.includes(ESC));
    }
    const unknown = await onTerminal(['scna']);
    assert.ok(unknown.err.startsWith(`${ESC}31mlegal-annotator:${ESC}39m unknown command 'scna'`), unknown.err);
  });

  it('prints the same text without colour for --no-color, NO_COLOR and a pipe', async function () {
    const plain = await runCli(['check', sidecar], { out: () => undefined, err: () => undefined });
    assert.equal(plain, 1);
    const expected = (await onTerminal(['check', sidecar, '--no-color'])).out;
    assert.ok(!expected.includes(ESC) && expected.includes('report.txt.ann.yaml:'), expected);
    assert.equal((await onTerminal(['check', sidecar], { NO_COLOR: '1' })).out, expected);
    let piped = '';
    await runCli(['check', sidecar], { out: (t) => (piped += t), err: () => undefined, isTTY: { out: false, err: true } }, { env: {} });
    assert.equal(piped, expected);
  });

  it('never colours JSON or SARIF, even when colour is forced', async function () {
    for (const argv of [['check', sidecar, '--format', 'json'], ['check', sidecar, '--format', 'sarif'], ['scan', source]]) {
      const { out } = await onTerminal([...argv, '--color'], { FORCE_COLOR: '1' });
      assert.ok(out.length > 0 && !out.includes(ESC), argv.join(' '));
    }
  });
});
