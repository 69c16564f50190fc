// Starts and stops a code-server (VS Code served to a browser) and a headless Chromium, isolated
// from the user's home: own config, user data, extensions, XDG dirs and TMPDIR under one session
// folder; its own process group, so stopping it leaves nothing behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, USER_SETTINGS } from './config.mjs';
import { nodeEnv } from './install.mjs';

const log = (msg) => console.log(`[test-vscode] ${msg}`);

/** The address code-server listens on unless told otherwise: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
const DIE_WITH_PARENT = fileURLToPath(new URL('./die-with-parent.mjs', import.meta.url));

/**
 * Spawns `command args` as the leader of a process group of its own, so that killGroup(child.pid)
 * stops it and everything it starts, and a Ctrl+C in the terminal reaches only its starter. With
 * `dieWithParent`, the group also ends when this process dies, even by SIGKILL (die-with-parent.mjs
 * runs the command and leads the group; its stdin is a pipe from here), and `removeAfter`, a
 * folder, is then removed too (the run's session, which this process would have removed).
 * `options` are spawn's; stdin is not passed on with `dieWithParent`.
 */
export function spawnGroup(command, args, options, { dieWithParent = false, removeAfter = undefined } = {}) {
  if (!dieWithParent) return spawn(command, args, { ...options, detached: true });
  const [, stdout = 'ignore', stderr = 'ignore'] = options.stdio || [];
  const remove = removeAfter ? ['--remove-after', removeAfter] : [];
  return spawn(process.execPath, [DIE_WITH_PARENT, ...remove, command, ...args], { ...options, detached: true, stdio: ['pipe', stdout, stderr] });
}

/** A session folder holding everything one run writes. */
export function makeSession(prefix = 'legal-annotator-vscode-') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const d of ['home', 'config', 'data', 'cache', 'tmp']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return {
    dir,
    home: path.join(dir, 'home'),
    tmp: path.join(dir, 'tmp'),
    env: {
      HOME: path.join(dir, 'home'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      TMPDIR: path.join(dir, 'tmp'),
      // No extension gallery: code-server's default one is a host outside the npm registry and
      // Debian's archive, which nothing here may reach; the workbench then queries none.
      EXTENSIONS_GALLERY: '{}',
    },
    remove() { fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Trust on, no startup prompt: a folder nobody trusted opens in Restricted Mode. */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
};

/** Writes the harness's user settings into a code-server user data dir (merged with any already there). */
export function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try { existing = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* none yet */ }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...USER_SETTINGS, ...extra }, null, 2));
}

function httpGet(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

function isGroupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/** Stops a whole process group: SIGTERM, then SIGKILL for whatever is left after `graceMs`. */
export async function killGroup(pgid, graceMs = 3000) {
  if (!pgid || !isGroupAlive(pgid)) return;
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + graceMs;
  while (isGroupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isGroupAlive(pgid)) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
}

/** Same as killGroup, synchronously (for process 'exit' handlers). */
export function killGroupSync(pgid) {
  if (!pgid) return;
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

/**
 * Starts code-server for `workspace` and resolves when it answers HTTP.
 * Options: installed ({flavor, paths} from ensureTestVSCode), session (makeSession()), userDataDir,
 * extensionsDir, port (0 = free port), host, echo (print the server log), extraArgs, logName (default
 * code-server.log), workspaceTrust (true: trust is on and the folder is not trusted, so the
 * workbench opens it in Restricted Mode; default off, as for the other tests), dieWithParent (the
 * server ends when this process dies, even by SIGKILL: see spawnGroup).
 */
export async function startCodeServer(opts) {
  const { installed, session } = opts;
  const p = installed.paths;
  const host = opts.host || DEFAULT_HOST;
  const userDataDir = opts.userDataDir || path.join(session.dir, 'user-data');
  const extensionsDir = opts.extensionsDir || path.join(session.dir, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, opts.workspaceTrust ? RESTRICTED_MODE_SETTINGS : {});
  const configFile = path.join(session.dir, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${host}:${opts.port || 0}\nauth: none\ncert: false\n`);
  const logFile = path.join(opts.logDir || session.dir, opts.logName || 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logStream = fs.createWriteStream(logFile);
  const smoke = [];
  if (opts.smokeTestDriver) {
    // Lets the page run extension tests and report through window.codeAutomationLog/Exit.
    if (installed.flavor.legacyCli) smoke.push('--enable-smoke-test-driver');
    else smoke.push('--vscode-option', 'enable-smoke-test-driver');
  }
  const preload = installed.flavor.legacyCli && opts.smokeTestDriver
    ? ['--require', fileURLToPath(new URL('./smoke-test-driver-preload.cjs', import.meta.url))] : [];
  const args = [
    ...preload,
    p.codeServerEntry,
    '--config', configFile,
    '--bind-addr', `${host}:${opts.port || 0}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...smoke,
    ...(opts.extraArgs || []),
  ];
  if (opts.workspace) args.push(opts.workspace);
  // nodeEnv leaves out the caller's npm environment: the server's log and terminals are free of it.
  const env = { ...nodeEnv(p), ...(opts.isolateHome === false ? { ...session.env, HOME: process.env.HOME } : session.env) };
  delete env.VSCODE_IPC_HOOK_CLI; delete env.ELECTRON_RUN_AS_NODE;
  const child = spawnGroup(p.nodeBin, args, { cwd: session.dir, env, stdio: ['ignore', 'pipe', 'pipe'] }, { dieWithParent: opts.dieWithParent, removeAfter: opts.dieWithParent ? session.dir : undefined });
  const server = {
    child, pgid: child.pid, logFile, userDataDir, extensionsDir, host, port: 0, url: '', exited: false,
    stopped: false,
    async stop() { await killGroup(child.pid); server.stopped = true; logStream.end(); },
    tail(n = 40) {
      try { return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch { return ''; }
    },
  };
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => { server.exited = true; resolve({ code, signal }); }));
  const listening = new Promise((resolve) => {
    let buf = '';
    const onData = (d) => {
      logStream.write(d);
      if (opts.echo) process.stdout.write(d);
      buf += d.toString();
      const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(buf);
      if (m && !server.port) { server.port = Number(m[1]); resolve(); }
      if (buf.length > 100000) buf = buf.slice(-10000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const timeoutMs = Number(process.env.LEGAL_ANNOTATOR_SERVER_TIMEOUT_MS || 60000);
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
  const first = await Promise.race([listening.then(() => 'listening'), exitedPromise.then(() => 'exited'), timeout]);
  if (first !== 'listening') {
    clearTimeout(timer);
    await server.stop();
    throw new Error(`code-server ${first === 'exited' ? 'exited before listening' : `did not listen within ${timeoutMs / 1000} s`}. Last lines of ${logFile}:\n${server.tail()}`);
  }
  server.url = `http://${host}:${server.port}`;
  while (await httpGet(`${server.url}/healthz`) !== 200) {
    if (server.exited) { clearTimeout(timer); throw new Error(`code-server exited. Last lines of ${logFile}:\n${server.tail()}`); }
    if (await Promise.race([timeout, new Promise((r) => setTimeout(() => r('again'), 100))]) === 'timeout') {
      await server.stop();
      throw new Error(`code-server did not answer ${server.url}/healthz within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${server.tail()}`);
    }
  }
  clearTimeout(timer);
  log(`code-server ${installed.flavor.codeServer} (VS Code ${installed.flavor.vscode}) listening on ${server.url} (log: ${logFile})`);
  return server;
}

/** Runs `code-server --install-extension VSIX` into an extensions dir (no server needed). */
export async function installExtension({ installed, session, extensionsDir, userDataDir, vsix }) {
  const p = installed.paths;
  const args = [p.codeServerEntry, '--config', path.join(session.dir, 'code-server.yaml'), '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'];
  const env = { ...nodeEnv(p), ...session.env };
  const child = spawn(p.nodeBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  await killGroup(child.pid, 500);
  if (code !== 0 || !/successfully installed/i.test(out)) throw new Error(`Installing ${vsix} failed (exit ${code}):\n${out}`);
  log(`Installed ${path.basename(vsix)} into ${extensionsDir}`);
}

/** Launches headless Debian Chromium through playwright-core with the harness's flags and env. */
export async function launchChromium(session, { headless = true, handleSignals = true } = {}) {
  const { chromium } = await import('playwright-core');
  // Playwright makes its temp profile under os.tmpdir(): keep it inside the session folder.
  process.env.TMPDIR = session.tmp;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...session.env },
    timeout: 60000,
    // The launcher stops the browser itself on signals, after the tests' server.
    handleSIGINT: handleSignals, handleSIGTERM: handleSignals, handleSIGHUP: handleSignals,
  });
  return browser;
}
