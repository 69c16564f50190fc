// The CLI as a real process, where only a real process shows it: a reader that goes away
// (`| head -1`), standard input through a pipe, colour on a terminal and none into a pipe.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const TSX = require.resolve('tsx/cjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

interface RunOptions {
  /** Written to standard input, which is then closed. */
  input?: string;
  /** Close the reading end of standard output after the first chunk, as `head -1` does. */
  closeAfterFirstChunk?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Runs `command` and collects what it printed, standard output and error through pipes. */
function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (options.closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** The CLI run from its TypeScript source (what `npm run build` bundles). */
const CLI_COMMAND = [process.execPath, '-r', TSX, MAIN];

function runCliProcess(argv: string[], options: RunOptions = {}): Promise<Run> {
  const [node, ...args] = CLI_COMMAND;
  return runProcess(node, [...args, ...argv], options);
}

describe('legal-annotator as a process', function () {
  this.timeout(60_000);
  let dir: string;
  let big: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'la-process-'));
    big = join(dir, 'big.txt');
    // About 2 MB of text output: far more than a pipe holds (64 KB on Linux).
    writeFileSync(big, 'On 3 March 2022 Ukrainian prisoners were tortured by Russian guards in Kherson.\n'.repeat(5_000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json']) {
    it(`ends quietly when the reader of standard output goes away (scan --format ${format} | head -1)`, async function () {
      const run = await runCliProcess(['scan', big, '--format', format], { closeAfterFirstChunk: true });
      assert.equal(run.err, '', 'nothing on standard error: no EPIPE stack trace');
      assert.deepEqual({ code: run.code, signal: run.signal }, { code: 0, signal: null });
      assert.ok(run.out.length > 0);
    });
  }

  it('scans standard input given as -, through a real pipe', async function () {
    const run = await runCliProcess(['scan', '-', '--format', 'text'], { input: 'Poland, 1 May 2020.\n' });
    assert.deepEqual(run, { code: 0, signal: null, err: '', out: '<stdin>:1:1: state Poland -> PL Poland\n<stdin>:1:9: date 1 May 2020 -> 2020-05-01 (day)\n' });
  });

  it('prints no colour into a pipe, unless FORCE_COLOR asks for it', async function () {
    const source = join(dir, 'colour.txt');
    writeFileSync(source, 'Poland, 1 May 2020.\n');
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' };
    const piped = await runCliProcess(['scan', source, '--format', 'text'], { env });
    assert.equal(piped.code, 0);
    assert.ok(piped.out.includes('state Poland') && !piped.out.includes('\u001b['), piped.out);
    const forced = await runCliProcess(['scan', source, '--format', 'text'], { env: { ...env, FORCE_COLOR: '1' } });
    assert.ok(forced.out.includes('\u001b[32mstate\u001b[39m Poland'), forced.out);
  });

  it('colours text output on a real terminal (a pseudo-terminal from script(1)), and not with --no-color', async function () {
    if (process.platform !== 'linux') this.skip(); // script's options differ elsewhere
    const source = join(dir, 'terminal.txt');
    writeFileSync(source, 'Poland, 1 May 2020.\n');
    const command = [...CLI_COMMAND, 'scan', source, '--format', 'text'].map((arg) => JSON.stringify(arg)).join(' ');
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' };
    const terminal = await runProcess('script', ['-qec', command, '/dev/null'], { env });
    assert.equal(terminal.code, 0, terminal.err);
    assert.ok(terminal.out.includes('\u001b[32mstate\u001b[39m Poland'), terminal.out);
    const plain = await runProcess('script', ['-qec', `${command} --no-color`, '/dev/null'], { env });
    assert.ok(plain.out.includes('state Poland') && !plain.out.includes('\u001b['), plain.out);
  });

  it('expands a quoted glob relative to the current folder', async function () {
    mkdirSync(join(dir, 'reports', 'old'), { recursive: true });
    writeFileSync(join(dir, 'reports', 'old', 'a.txt'), 'Poland, 1 May 2020.\n');
    const run = await runCliProcess(['scan', 'reports/**/*.txt', '--format', 'text'], { cwd: dir });
    assert.deepEqual(run, { code: 0, signal: null, err: '', out: 'reports/old/a.txt:1:1: state Poland -> PL Poland\nreports/old/a.txt:1:9: date 1 May 2020 -> 2020-05-01 (day)\n' });
  });

  it('says a write past the file-size limit (ulimit -f) in one line, exit 2, and leaves the sidecar intact', async function () {
    const folder = join(dir, 'limited');
    mkdirSync(join(folder, '.git'), { recursive: true });
    writeFileSync(join(folder, 'r.txt'), 'The prisoners were tortured in the basement. '.repeat(400));
    const tagged = await runCliProcess(['tag', 'r.txt', '--category', 'torture', '--quote', 'tortured', '--occurrence', '1', '--note', 'Witness statement. '.repeat(300)], { cwd: folder });
    assert.equal(tagged.code, 0, tagged.err);
    const before = readFileSync(join(folder, 'r.txt.ann.yaml'), 'utf8');
    assert.ok(before.length > 4096, 'the sidecar is larger than the limit below');
    // ulimit -f counts 1024-byte blocks; the shell execs the CLI, whose output goes to pipes.
    const run = await runProcess('bash', ['-c', `ulimit -f 4; exec ${CLI_COMMAND.map((a) => `'${a}'`).join(' ')} tag r.txt --category torture --quote tortured --occurrence 30`], { cwd: folder });
    assert.deepEqual({ code: run.code, signal: run.signal }, { code: 2, signal: null }, run.err);
    assert.match(run.err, /^legal-annotator tag: cannot write .*r\.txt\.ann\.yaml: the file is larger than the system allows \(ulimit -f\?\) \(EFBIG\)\n$/);
    assert.equal(readFileSync(join(folder, 'r.txt.ann.yaml'), 'utf8'), before);
    assert.deepEqual(readdirSync(folder).sort(), ['.git', 'r.txt', 'r.txt.ann.yaml'], 'no temporary file or lock left');
  });

  it('leaves no lock file when even the lock cannot be written (ulimit -f 0, as a full disk), so the next writer is not kept waiting', async function () {
    const folder = join(dir, 'no-room');
    mkdirSync(join(folder, '.git'), { recursive: true });
    writeFileSync(join(folder, 'r.txt'), 'The prisoners were tortured in the basement.');
    const command = CLI_COMMAND.map((a) => `'${a}'`).join(' ');
    const run = await runProcess('bash', ['-c', `ulimit -f 0; exec ${command} tag r.txt --category torture --quote tortured`], { cwd: folder });
    assert.deepEqual({ code: run.code, signal: run.signal }, { code: 2, signal: null }, run.err);
    assert.match(run.err, /^legal-annotator tag: .*r\.txt\.ann\.yaml cannot be locked: .*\(the file is larger than the system allows \(ulimit -f\?\), EFBIG\); nothing was written\n$/);
    assert.deepEqual(readdirSync(folder).sort(), ['.git', 'r.txt'], 'no lock file left');
    const next = await runCliProcess(['tag', 'r.txt', '--category', 'torture', '--quote', 'tortured'], { cwd: folder });
    assert.equal(next.code, 0, next.err);
  });

  it('prints into a file what it prints into a pipe, and says a write of standard output past ulimit -f in one line, exit 2', async function () {
    const folder = join(dir, 'into-a-file');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'r.txt'), 'On 3 March 2022 prisoners were tortured in Olenivka, Ukraine. '.repeat(200));
    const command = CLI_COMMAND.map((a) => `'${a}'`).join(' ');
    const piped = await runCliProcess(['scan', 'r.txt'], { cwd: folder });
    assert.equal(piped.code, 0, piped.err);
    assert.ok(piped.out.length > 8192, 'more output than the limit below');
    // Standard output is a file here: the CLI writes it itself (output.ts), not through Node's stream.
    const intoFile = await runProcess('bash', ['-c', `exec ${command} scan r.txt > out.json`], { cwd: folder });
    assert.deepEqual(intoFile, { code: 0, signal: null, out: '', err: '' });
    assert.equal(readFileSync(join(folder, 'out.json'), 'utf8'), piped.out);
    const limited = await runProcess('bash', ['-c', `ulimit -f 4; exec ${command} scan r.txt > limited.json`], { cwd: folder });
    assert.deepEqual({ code: limited.code, signal: limited.signal }, { code: 2, signal: null }, limited.err);
    assert.equal(limited.err, 'legal-annotator scan: cannot write standard output: the file is larger than the system allows (ulimit -f?) (EFBIG)\n');
  });

  it('says a write of standard output cut short by ulimit -f in one line, exit 2, when the whole output is one write', async function () {
    const command = CLI_COMMAND.map((a) => `'${a}'`).join(' ');
    const whole = await runCliProcess(['categories', '--format', 'json'], { cwd: dir });
    assert.equal(whole.code, 0, whole.err);
    assert.ok(Buffer.byteLength(whole.out) > 2048, 'more output than the limit below');
    // The first write into the file is short (1 KB of it fits), not refused: the rest must fail, not vanish.
    const limited = await runProcess('bash', ['-c', `ulimit -f 1; exec ${command} categories --format json > cut.json`], { cwd: dir });
    assert.deepEqual({ code: limited.code, signal: limited.signal }, { code: 2, signal: null }, limited.err);
    assert.equal(limited.err, 'legal-annotator categories: cannot write standard output: the file is larger than the system allows (ulimit -f?) (EFBIG)\n');
  });
});
