#!/usr/bin/env node
// `npm start [-- --port N]`: builds and packages the extension, installs the .vsix into the cached
// code-server (see scripts/test-vscode/) and serves a real VS Code with the sample workspace
// (samples/) open on http://127.0.0.1:<port> (loopback only) until Ctrl+C. The address it prints
// opens a sample report in the editor, and the Annotations view is expanded beside it. A taken
// port fails before anything else is done; code-server ends with this process, even when it is
// killed with SIGKILL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { packageArtifacts } from './artifacts.mjs';
import { REPO_ROOT } from './test-vscode/config.mjs';
import { ensureTestVSCode } from './test-vscode/install.mjs';
import { DEFAULT_HOST, installExtension, makeSession, startCodeServer, writeUserSettings } from './test-vscode/server.mjs';

/** The sample report the printed address opens, relative to samples/. */
const SAMPLE_REPORT = path.join('reports', '2025-10-osce-moscow-mechanism-pow-report.legal.txt');
/** Settings of this VS Code only (its own user data): where a newcomer begins. */
const START_SETTINGS = { 'legalAnnotator.annotationsView.showOnStartup': true };

const USAGE = `usage: npm start -- [--port N]
Serves VS Code with Legal Annotator and the sample workspace on http://127.0.0.1:N (loopback only)
until Ctrl+C. N is 0 to 65535; 0, the default, takes any free port.`;

/** The port asked for; undefined for --help (the usage is printed). */
function parsePort(argv) {
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return undefined;
    const value = a === '--port' ? argv[++i] : a.startsWith('--port=') ? a.slice('--port='.length) : undefined;
    if (value === undefined) throw new Error(`Unknown argument ${a}\n${USAGE}`);
    port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${value}: give a whole number from 0 to 65535 (0 takes any free port)`);
  }
  return port;
}

/** How to choose another port, for the messages that name a port. */
const PORT_OPTION = '`npm start -- --port N` (N = 0, the default, takes any free port)';

/**
 * Fails at once when code-server could not listen on `port` (taken, or not allowed), rather than
 * after the check of the test VS Code and the packaging: a test listen and close on its address.
 * Something else may still take the port in between; code-server then fails as before.
 */
function assertPortFree(port) {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e) => {
      const why = e.code === 'EADDRINUSE' ? 'is already in use' : `cannot be listened on (${e.code || e.message})`;
      reject(new Error(`port ${port} on ${DEFAULT_HOST} ${why}: stop what listens there, or choose another port with ${PORT_OPTION}`));
    });
    probe.listen({ host: DEFAULT_HOST, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * The workbench's address with `folder` open and `file` in the editor: VS Code for the Web opens
 * the file named by "openFile" in its `payload` query parameter, as a URI of the server it is
 * served from.
 */
function workbenchUrl(serverUrl, folder, file) {
  const payload = [['openFile', `vscode-remote://${new URL(serverUrl).host}${file}`]];
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function main() {
  const port = parsePort(process.argv.slice(2));
  if (port === undefined) {
    console.log(USAGE);
    return;
  }
  await assertPortFree(port);
  const installed = ensureTestVSCode();
  console.log('[start] Packaging the extension (npm run package)');
  // vsce lists every file it packs: shown only when packaging fails, as its warnings and errors (stderr) always are.
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (pack.status !== 0) {
    process.stdout.write(pack.stdout ?? '');
    throw new Error('Packaging the extension failed');
  }

  // User data and extensions persist between runs (in the cache); logs and temp files do not.
  const stateDir = path.join(installed.paths.root, 'start');
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const session = makeSession('legal-annotator-start-');
  removeSessionOnFailure = () => session.remove();
  let server;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    if (server) await server.stop();
    session.remove();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { console.log('\n[start] Stopping VS Code'); stop(0); });

  await installExtension({ installed, session, extensionsDir, userDataDir, vsix: packageArtifacts().vsix });
  const workspace = fs.realpathSync(path.join(REPO_ROOT, 'samples'));
  writeUserSettings(userDataDir, START_SETTINGS);
  // A `kill -KILL` of npm start's process group must not leave code-server (a group of its own) serving.
  server = await startCodeServer({ installed, session, userDataDir, extensionsDir, port, isolateHome: false, workspace, dieWithParent: true });
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server stopped (${signal || `exit ${code}`}). Last lines of its log:\n${server.tail()}`);
    stop(1);
  });
  console.log(`\n  Legal Annotator in VS Code: ${workbenchUrl(server.url, workspace, path.join(workspace, SAMPLE_REPORT))}\n  (loopback only; Ctrl+C to stop)\n`);
}

/** Removes the session's temporary folder when starting fails (a busy port, a failed install). */
let removeSessionOnFailure = () => {};

main().catch((e) => {
  console.error(`[start] ${e.message}`);
  removeSessionOnFailure();
  process.exit(1);
});
