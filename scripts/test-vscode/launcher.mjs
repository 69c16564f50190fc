#!/usr/bin/env node
// A stand-in for a VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// it takes VS Code's arguments (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, a folder), serves that folder from the cached code-server (with the smoke test
// driver enabled), opens it in headless Chromium with the extension under development and the tests,
// streams the extension host's test output to stdout and exits with the tests' exit code.
// Everything it starts runs in process groups it kills on exit, SIGINT and SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { REPO_ROOT } from './config.mjs';
import { ensureTestVSCode } from './install.mjs';
import { killGroupSync, launchChromium, makeSession, startCodeServer } from './server.mjs';

const log = (msg) => console.log(`[test-vscode] ${msg}`);
const TEST_OUTPUT_MARK = '\u2063';
const verbose = process.env.LEGAL_ANNOTATOR_VERBOSE === '1';
/** Where the server's and the workbench's logs of the last run are kept. */
const resultsDir = path.resolve(process.env.LEGAL_ANNOTATOR_RESULTS_DIR || path.join(REPO_ROOT, 'test-results', 'integration'));

function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) {
      if (m[1] === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(path.resolve(m[2]));
      else if (m[1] === 'extensionTestsPath') out.extensionTestsPath = path.resolve(m[2]);
      else if (m[1] === 'user-data-dir') out.userDataDir = path.resolve(m[2]);
      else if (m[1] === 'extensions-dir') out.extensionsDir = path.resolve(m[2]);
    } else if (!a.startsWith('-')) {
      out.folder = path.resolve(a);
    }
  }
  return out;
}

/** Formats what the workbench hands to codeAutomationLog: strings as they are, the rest as JSON. */
function format(args) {
  const list = Array.isArray(args) ? args : [args];
  return util.format(...list.map((a) => (a !== null && typeof a === 'object' ? JSON.stringify(a) : a)));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) throw new Error('--extensionTestsPath= is required');
  if (args.extensionDevelopmentPath.length === 0) throw new Error('--extensionDevelopmentPath= is required');
  // The test runner ran the installer already: this only looks up the paths (installing if needed).
  const installed = ensureTestVSCode(undefined, { quiet: true });
  const session = makeSession();
  fs.mkdirSync(resultsDir, { recursive: true });
  let server;
  let browser;
  let cleaning;
  /** Stops the browser, then the server's process group, then removes the session folder (once). */
  const cleanup = () => {
    cleaning ??= (async () => {
      try { if (browser) await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]); } catch { /* already gone */ }
      if (server) await server.stop();
      session.remove();
    })();
    return cleaning;
  };
  // Whatever happens, the server's process group does not outlive this process.
  process.on('exit', () => { if (server && !server.stopped) killGroupSync(server.pgid); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      log(`${sig}: stopping the test VS Code`);
      cleanup().finally(() => process.exit(130));
    });
  }
  // If the test runner that started us dies, stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) { log('parent process gone: stopping'); cleanup().finally(() => process.exit(1)); }
  }, 1000).unref();

  try {
    server = await startCodeServer({
      installed, session,
      userDataDir: args.userDataDir, extensionsDir: args.extensionsDir, logDir: resultsDir, echo: verbose,
      smokeTestDriver: true,
    });
    const remote = (p) => `vscode-remote://${server.host}:${server.port}${p}`;
    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.extensionTestsPath)],
    ];
    let url = `${server.url}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    if (args.folder) url += `&folder=${encodeURIComponent(args.folder)}`;
    else url += '&ew=true';

    browser = await launchChromium(session, { handleSignals: false });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let resolveExit;
    let sawTestOutput = false;
    const exited = new Promise((r) => { resolveExit = r; });
    // The extension host's test output (marked by test/integration/index.ts) goes to stdout; the
    // workbench's own log to workbench.log (and to stdout too with LEGAL_ANNOTATOR_VERBOSE=1).
    const workbenchLog = fs.createWriteStream(path.join(resultsDir, 'workbench.log'));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = format(logArgs);
      const at = text.indexOf(TEST_OUTPUT_MARK);
      if (at >= 0) {
        sawTestOutput = true;
        const line = text.slice(0, at) + text.slice(at + 1);
        if (type === 'error') process.stderr.write(`${line}\n`); else process.stdout.write(`${line}\n`);
      } else {
        // The clock time lets a line ("Extension host ... is unresponsive") be matched with the test's output.
        workbenchLog.write(`${new Date().toISOString().slice(11, 23)} [${type}] ${text}\n`);
        if (verbose) process.stdout.write(`[workbench ${type}] ${text}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('pageerror', (e) => process.stderr.write(`[browser] page error: ${e.message}\n`));
    page.on('crash', () => resolveExit('crash'));
    log(`Opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const timeoutMs = Number(process.env.LEGAL_ANNOTATOR_TEST_TIMEOUT_MS || 10 * 60 * 1000);
    const workbenchMs = 120000;
    let timer;
    const guard = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
    const workbench = page.waitForSelector('.monaco-workbench', { timeout: workbenchMs }).then(() => 'ready', () => 'no-workbench');
    const firstState = await Promise.race([workbench, exited]);
    if (firstState === 'no-workbench') {
      throw new Error(`The workbench did not load within ${workbenchMs / 1000} s. Last lines of the server log:\n${server.tail()}`);
    }
    const code = await Promise.race([exited, guard]);
    clearTimeout(timer);
    if (code === 'timeout') throw new Error(`The tests did not finish within ${timeoutMs / 1000} s (LEGAL_ANNOTATOR_TEST_TIMEOUT_MS). Last lines of the server log:\n${server.tail()}`);
    if (code !== 0) log(`Tests exited with code ${code}. Logs: ${resultsDir}/code-server.log, ${resultsDir}/workbench.log`);
    if (code === 0 && !sawTestOutput) {
      throw new Error(`VS Code exited with code 0 but the extension tests printed nothing: they did not run. Logs: ${resultsDir}/code-server.log, ${resultsDir}/workbench.log`);
    }
    if (code === 'crash') throw new Error(`The browser page crashed. Last lines of the server log:\n${server.tail()}`);
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => { console.error(`[test-vscode] ERROR: ${e.message}`); process.exit(1); },
);
