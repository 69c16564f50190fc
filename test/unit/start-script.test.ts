/**
 * `npm start` (scripts/start.mjs) and the process group it serves VS Code from
 * (scripts/test-vscode/server.mjs), as real processes, without code-server: a taken port fails
 * before anything is checked, installed or packaged; the group started with `dieWithParent` ends
 * when the process that started it is killed, as `kill -KILL` of npm start's process group does.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPOSITORY = resolve(__dirname, '../..');
const START = join(REPOSITORY, 'scripts/start.mjs');
const SERVER_MODULE = pathToFileURL(join(REPOSITORY, 'scripts/test-vscode/server.mjs')).href;
/** What start prints once it is past the port check: the test VS Code's check, or the packaging. */
const PAST_THE_PORT_CHECK = /\[test-vscode\]|Packaging/u;
/** How often, and how many times, a test looks whether a process group has ended. */
const POLL_MS = 100;
const POLLS = 300;

const listenOnLoopback = (): Promise<Server> => new Promise((done, fail) => {
  const server = createServer();
  server.once('error', fail);
  server.listen({ host: '127.0.0.1', port: 0 }, () => done(server));
});

const exited = (child: ChildProcess): Promise<number | null> => new Promise((done) => child.once('exit', (code) => done(code)));

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function groupEnds(pgid: number): Promise<boolean> {
  for (let poll = 0; poll < POLLS; poll++) {
    if (!isGroupAlive(pgid)) return true;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return false;
}

/**
 * A parent in a process group of its own (as npm start in a terminal) that starts a long-running
 * child group through spawnGroup and prints that group's id; resolves with both.
 */
async function parentWithChildGroup(dieWithParent: boolean, removeAfter?: string, childCode = 'setInterval(() => {}, 1000)'): Promise<{ parent: ChildProcess; childGroup: number }> {
  const script = [
    `import { spawnGroup } from ${JSON.stringify(SERVER_MODULE)};`,
    `const child = spawnGroup(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: ['ignore', 'ignore', 'ignore'] },`,
    `  { dieWithParent: ${dieWithParent}, removeAfter: ${JSON.stringify(removeAfter)} });`,
    'console.log(child.pid);',
    'setInterval(() => {}, 1000);',
  ].join('\n');
  const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const childGroup = await new Promise<number>((done, fail) => {
    let out = '';
    parent.stdout?.on('data', (data: Buffer) => {
      out += data.toString();
      if (out.includes('\n')) done(Number(out.trim()));
    });
    parent.once('exit', (code) => fail(new Error(`the parent exited (${code}) before starting its child`)));
  });
  return { parent, childGroup };
}

describe('npm start: a taken port, and VS Code ending with npm start', function () {
  this.timeout(60_000);

  it('fails at once when the port is taken, naming the port and the option that changes it', async () => {
    const taken = await listenOnLoopback();
    const cache = mkdtempSync(join(tmpdir(), 'la-start-cache-'));
    try {
      const port = (taken.address() as AddressInfo).port;
      const start = spawn(process.execPath, [START, '--port', String(port)], {
        cwd: REPOSITORY, env: { ...process.env, LEGAL_ANNOTATOR_CACHE: cache }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let wentOn = false;
      const read = (data: Buffer): void => {
        output += data.toString();
        // Past the check it would install or package: stop it there, the test has failed.
        if (PAST_THE_PORT_CHECK.test(output) && !wentOn) {
          wentOn = true;
          start.kill('SIGKILL');
        }
      };
      start.stdout.on('data', read);
      start.stderr.on('data', read);
      const code = await exited(start);
      assert.equal(wentOn, false, `start went past the port check:\n${output}`);
      assert.equal(code, 1, output);
      assert.match(output, new RegExp(`port ${port}\\b`, 'u'));
      assert.match(output, /npm start -- --port N/u);
    } finally {
      taken.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('prints its usage for --help, and with it for an unknown argument, before anything is installed', async () => {
    const run = (args: string[]): Promise<{ code: number | null; output: string }> => new Promise((done) => {
      const start = spawn(process.execPath, [START, ...args], { cwd: REPOSITORY, env: { ...process.env, LEGAL_ANNOTATOR_CACHE: join(tmpdir(), 'la-start-no-cache') }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      start.stdout.on('data', (data: Buffer) => { output += data.toString(); });
      start.stderr.on('data', (data: Buffer) => { output += data.toString(); });
      start.once('exit', (code) => done({ code, output }));
    });
    const help = await run(['--help']);
    assert.equal(help.code, 0, help.output);
    assert.match(help.output, /^usage: npm start -- \[--port N\]\n/u);
    assert.doesNotMatch(help.output, PAST_THE_PORT_CHECK);
    const typo = await run(['--prot', '8123']);
    assert.equal(typo.code, 1, typo.output);
    assert.match(typo.output, /Unknown argument --prot\nusage: npm start -- \[--port N\]/u);
    assert.doesNotMatch(typo.output, PAST_THE_PORT_CHECK);
  });

  it('ends the VS Code process group when npm start is killed (SIGKILL of its process group), and removes its session folder', async () => {
    const session = mkdtempSync(join(tmpdir(), 'la-start-session-'));
    try {
      const { parent, childGroup } = await parentWithChildGroup(true, session);
      assert.equal(isGroupAlive(childGroup), true);
      process.kill(-(parent.pid as number), 'SIGKILL');
      await exited(parent);
      assert.equal(await groupEnds(childGroup), true, `process group ${childGroup} outlived its parent`);
      assert.equal(existsSync(session), false, 'the session folder was left behind');
    } finally {
      rmSync(session, { recursive: true, force: true });
    }
  });

  it('waits for, then kills, a process of the group that ignores SIGTERM before it removes the session folder', async () => {
    const session = mkdtempSync(join(tmpdir(), 'la-start-session-'));
    // A grandchild that ignores SIGTERM and keeps writing into the session; its parent ends on SIGTERM.
    const writer = `const fs = require('fs'); process.on('SIGTERM', () => {}); setInterval(() => { fs.mkdirSync(${JSON.stringify(session)}, { recursive: true }); fs.writeFileSync(${JSON.stringify(join(session, 'x.log'))}, 'x'); }, 20);`;
    const childCode = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(writer)}], { stdio: 'ignore' }); setInterval(() => {}, 1000);`;
    try {
      const { parent, childGroup } = await parentWithChildGroup(true, session, childCode);
      for (let poll = 0; poll < POLLS && !existsSync(join(session, 'x.log')); poll++) await new Promise((done) => setTimeout(done, POLL_MS));
      assert.equal(existsSync(join(session, 'x.log')), true, 'the grandchild writes');
      process.kill(-(parent.pid as number), 'SIGKILL');
      await exited(parent);
      assert.equal(await groupEnds(childGroup), true, `process group ${childGroup} outlived its parent`);
      await new Promise((done) => setTimeout(done, 300));
      assert.equal(existsSync(session), false, 'the session folder was left behind, or written again');
    } finally {
      rmSync(session, { recursive: true, force: true });
    }
  });

  it('without dieWithParent, the group outlives its parent (what the test above would see without it)', async () => {
    const { parent, childGroup } = await parentWithChildGroup(false);
    try {
      process.kill(-(parent.pid as number), 'SIGKILL');
      await exited(parent);
      assert.equal(isGroupAlive(childGroup), true);
    } finally {
      if (isGroupAlive(childGroup)) process.kill(-childGroup, 'SIGKILL');
    }
  });
});
