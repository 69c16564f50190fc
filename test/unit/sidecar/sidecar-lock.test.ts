// The sidecar lock across processes: real `legal-annotator tag` processes writing one sidecar at
// once, a holder killed while holding the lock, and a live holder that keeps it past the wait.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { editSidecarFile } from '../../../src/core/sidecar/sidecar-file';
import { parseSidecar } from '../../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { SidecarLockTimeout, sidecarLockPath, withSidecarLock } from '../../../src/core/sidecar/sidecar-lock';
import { LOCK_WAIT_ENV } from '../../../src/cli/sidecar-edit';
import { runCliCaptured as cli, useTemporaryWorkspace } from '../../support/cli';

const MAIN = join(__dirname, '../../../src/cli/main.ts');
const LOCK_MODULE = join(__dirname, '../../../src/core/sidecar/sidecar-lock.ts');
const TSX = require.resolve('tsx/cjs');

/** 40 distinct words: `word7 ` is a passage of its own. */
const TEXT = `${Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')}\n`;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function collect(child: ChildProcessWithoutNullStreams): Promise<Run> {
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** `legal-annotator ARGS` as a process of its own, run from the TypeScript source. */
function cliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = spawn(process.execPath, ['-r', TSX, MAIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  child.stdin.end();
  return collect(child);
}

/**
 * A process that takes the lock of `sidecar` and holds it until its standard input closes (or
 * it is killed); resolves once it holds it.
 */
async function lockHolder(sidecar: string): Promise<{ child: ChildProcessWithoutNullStreams; done: Promise<Run> }> {
  const script = `
    const { withSidecarLock } = require(${JSON.stringify(LOCK_MODULE)});
    withSidecarLock(process.env.SIDECAR, () => new Promise((release) => {
      process.stdout.write('locked\\n');
      process.stdin.on('end', release).resume();
    })).then(() => process.stdout.write('released\\n'));
  `;
  const child = spawn(process.execPath, ['-r', TSX, '-e', script], { env: { ...process.env, SIDECAR: sidecar } });
  const done = collect(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    void done.then((run) => reject(new Error(`the holder ended before taking the lock: ${run.err}`)));
  });
  return { child, done };
}

async function annotationIds(path: string): Promise<string[]> {
  return parseSidecar(await fs.readFile(path, 'utf8')).sidecar!.annotations.map((a) => a.id);
}

/** Files of the folder other than `.git`: no lock, stale lock or temporary file may be left. */
async function filesLeft(): Promise<string[]> {
  return (await fs.readdir('.')).filter((name) => name !== '.git').sort();
}

describe('sidecar lock across processes', function () {
  this.timeout(120_000);
  useTemporaryWorkspace('legal-annotator-lock-');
  beforeEach(() => fs.writeFile('r.txt', TEXT));

  it('20 concurrent tag processes, each tagging another passage, leave 20 annotations and a sidecar that passes check', async () => {
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      // The wait is generous: this test is about lost writes, not about how long a turn takes on a loaded machine.
      cliProcess(['tag', 'r.txt', '--category', 'torture', '--quote', `word${i} `], { [LOCK_WAIT_ENV]: '100000' })));
    for (const run of runs) assert.equal(run.code, 0, run.err);
    const printed = runs.map((run) => run.out.trim()).sort();
    assert.deepEqual((await annotationIds('r.txt.ann.yaml')).sort(), printed);
    assert.equal(new Set(printed).size, 20);
    const check = await cli('check');
    assert.equal(check.code, 0, check.out + check.err);
    assert.deepEqual(await filesLeft(), ['r.txt', 'r.txt.ann.yaml']);
  });

  it('a holder killed (SIGKILL) while holding the lock does not block the next writer', async () => {
    const holder = await lockHolder('r.txt.ann.yaml');
    holder.child.kill('SIGKILL');
    await holder.done;
    assert.ok(await fs.stat(sidecarLockPath('r.txt.ann.yaml')), 'the killed holder left its lock file behind');
    const run = await cliProcess(['tag', 'r.txt', '--category', 'torture', '--quote', 'word3 ']);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(await annotationIds('r.txt.ann.yaml'), [run.out.trim()]);
    assert.deepEqual(await filesLeft(), ['r.txt', 'r.txt.ann.yaml']);
  });

  it('a lock a live process holds past the wait is an error naming the sidecar (exit 2), and nothing is written', async () => {
    const tagged = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'word1 ');
    assert.equal(tagged.code, 0, tagged.err);
    const before = await fs.readFile('r.txt.ann.yaml', 'utf8');
    const holder = await lockHolder('r.txt.ann.yaml');
    try {
      const runs = await Promise.all([
        cliProcess(['tag', 'r.txt', '--category', 'torture', '--quote', 'word2 '], { [LOCK_WAIT_ENV]: '200' }),
        cliProcess(['untag', 'r.txt', '--id', tagged.out.trim()], { [LOCK_WAIT_ENV]: '200' }),
        cliProcess(['status', 'r.txt', '--id', tagged.out.trim(), 'confirmed'], { [LOCK_WAIT_ENV]: '200' }),
      ]);
      for (const run of runs) {
        assert.equal(run.code, 2, run.err);
        assert.equal(run.out, '');
        assert.match(run.err, /r\.txt\.ann\.yaml is locked by another writer \(process \d+ on .+\) and was not released within 200 ms; nothing was written/);
      }
      assert.equal(await fs.readFile('r.txt.ann.yaml', 'utf8'), before);
    } finally {
      holder.child.stdin.end();
    }
    const ended = await holder.done;
    assert.equal(ended.code, 0, ended.err);
    assert.match(ended.out, /released/);
    assert.deepEqual(await filesLeft(), ['r.txt', 'r.txt.ann.yaml']);
  });
});

describe('sidecar lock', () => {
  useTemporaryWorkspace('legal-annotator-lock-unit-');
  const sidecar = 'r.txt.ann.yaml';
  // Resolved in the test's folder, the current folder once the workspace hook has run.
  const lockFile = () => sidecarLockPath(sidecar);
  const foreignLock = (token: string) => JSON.stringify({ pid: 1, host: `not-${hostname()}`, token, time: new Date().toISOString() });

  it('is a dot file beside the sidecar that check and scan never take for a sidecar or a source', async () => {
    await fs.writeFile('r.txt', TEXT);
    assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'word1 ')).code, 0);
    await withSidecarLock(sidecar, async () => {
      assert.ok((await fs.readdir('.')).includes('.r.txt.ann.yaml.lock'));
      const check = await cli('check', '.');
      assert.equal(check.code, 0, check.err);
      assert.match(check.err + check.out, /1 file\(s\) checked/);
      const scan = await cli('scan', '.', '--format', 'json');
      assert.doesNotMatch(scan.out, /\.lock/);
    });
    assert.deepEqual(await filesLeft(), ['r.txt', 'r.txt.ann.yaml']);
  });

  it('a lock that cannot be made (its path is a folder) stops tag with exit 2 naming the sidecar, and nothing is written', async () => {
    await fs.writeFile('r.txt', TEXT);
    await fs.mkdir(lockFile());
    const { code, out, err } = await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'word1 ');
    assert.equal(code, 2, err);
    assert.equal(out, '');
    assert.match(err, /^legal-annotator tag: r\.txt\.ann\.yaml cannot be locked: .*\.r\.txt\.ann\.yaml\.lock cannot be read \(it is a folder\); nothing was written\n$/);
    assert.deepEqual(await filesLeft(), ['.r.txt.ann.yaml.lock', 'r.txt']);
  });

  it('is released when the work fails', async () => {
    await assert.rejects(withSidecarLock(sidecar, () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(await filesLeft(), []);
  });

  it('a writer that cannot have it within the wait gets SidecarLockTimeout naming the sidecar, and editSidecarFile writes nothing', async () => {
    await withSidecarLock(sidecar, async () => {
      let edited = false;
      await assert.rejects(
        editSidecarFile(sidecar, () => {
          edited = true;
          return { write: parseSidecar('version: 1\nsource: r.txt\nannotations: []\n'), value: undefined };
        }, { waitMs: 50 }),
        (error: unknown) => error instanceof SidecarLockTimeout && error.message.startsWith(`${sidecar} is locked by another writer (process ${process.pid} on ${hostname()}`),
      );
      assert.equal(edited, false);
    });
    assert.deepEqual(await filesLeft(), []);
  });

  it('a lock of another host is waited for while its time is refreshed, and broken once it is older than staleMs', async () => {
    await fs.writeFile(lockFile(), foreignLock('fresh'));
    await assert.rejects(withSidecarLock(sidecar, async () => undefined, { waitMs: 50, staleMs: 60_000 }), SidecarLockTimeout);
    const old = new Date(Date.now() - 120_000);
    await fs.utimes(lockFile(), old, old);
    assert.equal(await withSidecarLock(sidecar, async () => 'had', { waitMs: 50, staleMs: 60_000 }), 'had');
    assert.deepEqual(await filesLeft(), []);
  });

  it('a lock of a process of this host that no longer runs is broken at once, whatever its age', async () => {
    const ended = spawn(process.execPath, ['-e', '']);
    const pid = ended.pid!;
    await new Promise((resolve) => ended.on('close', resolve));
    await fs.writeFile(lockFile(), JSON.stringify({ pid, host: hostname(), token: 'dead', time: new Date().toISOString() }));
    assert.equal(await withSidecarLock(sidecar, async () => 'had', { waitMs: 50, staleMs: 600_000 }), 'had');
    assert.deepEqual(await filesLeft(), []);
  });

  describe('commands waiting for a lock held past the wait', () => {
    beforeEach(() => {
      process.env[LOCK_WAIT_ENV] = '50';
    });
    afterEach(() => {
      delete process.env[LOCK_WAIT_ENV];
    });

    it('check --fix-anchors stops with exit 2 naming the sidecar, and writes nothing', async () => {
      await fs.writeFile('r.txt', TEXT);
      assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'word1 ')).code, 0);
      await fs.writeFile('r.txt', `moved ${TEXT}`);
      const before = await fs.readFile(sidecar, 'utf8');
      await withSidecarLock(sidecar, async () => {
        const fixed = await cli('check', '--fix-anchors');
        assert.equal(fixed.code, 2, fixed.out + fixed.err);
        assert.match(fixed.err, /r\.txt\.ann\.yaml is locked by another writer .* nothing was written/);
      });
      assert.equal(await fs.readFile(sidecar, 'utf8'), before);
      // Once the lock is free the same command stores the move.
      const fixed = await cli('check', '--fix-anchors');
      assert.equal(fixed.code, 0, fixed.out + fixed.err);
      assert.notEqual(await fs.readFile(sidecar, 'utf8'), before);
    });

    it('import reports the locked sidecar (exit 1), writes nothing to it, and imports the others', async () => {
      await fs.mkdir('brat');
      await fs.writeFile('brat/a.txt', TEXT);
      await fs.writeFile('brat/a.ann', 'T1\ttorture 0 5\tword0\n');
      await fs.writeFile('brat/b.txt', TEXT);
      await fs.writeFile('brat/b.ann', 'T1\ttorture 6 11\tword1\n');
      await withSidecarLock('brat/a.txt.ann.yaml', async () => {
        const imported = await cli('import', '--format', 'brat', 'brat');
        assert.equal(imported.code, 1, imported.err);
        assert.match(imported.err, /^brat\/a\.txt\.ann\.yaml: error: the sidecar is locked by another writer .*; its 1 annotation\(s\) were not imported/);
      });
      assert.deepEqual((await fs.readdir('brat')).sort(), ['a.ann', 'a.txt', 'b.ann', 'b.txt', 'b.txt.ann.yaml']);
    });
  });

  it('check --fix-anchors fixes the sidecar as it is under the lock: a change another writer made while it waited is kept', async () => {
    await fs.writeFile('r.txt', TEXT);
    assert.equal((await cli('tag', 'r.txt', '--category', 'torture', '--quote', 'word1 ')).code, 0);
    await fs.writeFile('r.txt', `moved ${TEXT}`);
    // Told when the command reads the lock file: it has checked the sidecar and waits for the lock.
    let waiting = (): void => undefined;
    const waits = new Promise<void>((resolve) => (waiting = resolve));
    const readFile = fs.readFile;
    const lockName = lockFile();
    fs.readFile = ((path: Parameters<typeof readFile>[0], ...rest: unknown[]) => {
      if (path === lockName) waiting();
      return (readFile as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof readFile;
    let fixing: Promise<{ code: number; out: string; err: string }> | undefined;
    try {
      process.env[LOCK_WAIT_ENV] = '100000';
      await withSidecarLock(sidecar, async () => {
        fixing = cli('check', '--fix-anchors');
        await waits;
        await fs.appendFile(sidecar, '# written by another writer while check waited\n');
      });
      const fixed = await fixing!;
      assert.equal(fixed.code, 0, fixed.out + fixed.err);
    } finally {
      fs.readFile = readFile;
      delete process.env[LOCK_WAIT_ENV];
    }
    const after = await fs.readFile(sidecar, 'utf8');
    assert.match(after, /# written by another writer while check waited\n$/);
    assert.equal(parseSidecar(after).sidecar!.annotations[0].target.start, 'moved '.length + 'word0 '.length);
    assert.equal((await cli('check')).code, 0);
  });

  it('writers of one process take turns: each edit sees the one before', async () => {
    await fs.writeFile(sidecar, `version: 1\nsource: r.txt\nsourceHash: ${sourceHash(TEXT)}\nannotations: []\n# 0\n`);
    const bump = () => editSidecarFile(sidecar, (doc) => {
      const count = Number(/# (\d+)\n$/.exec(doc!.text)![1]);
      return { write: parseSidecar(doc!.text.replace(/# \d+\n$/, `# ${count + 1}\n`)), value: count };
    });
    const seen = await Promise.all(Array.from({ length: 10 }, bump));
    assert.deepEqual([...seen].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.match(await fs.readFile(sidecar, 'utf8'), /# 10\n$/);
    assert.deepEqual(await filesLeft(), [sidecar]);
  });
});
