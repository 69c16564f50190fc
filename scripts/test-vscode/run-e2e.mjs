#!/usr/bin/env node
// `npm run test:e2e`: installs the test VS Code if needed, packages the extension (.vsix), installs it
// into a fresh extensions dir with `code-server --install-extension`, serves a temp copy of samples/
// and runs the Playwright UI tests of test/e2e (mocha) against it. Screenshots: test-results/e2e/.
//   --flavor=min     run against the minimum VS Code (code-server 4.100.3, Node 20)
//   --grep=PATTERN   only the tests whose title matches
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageArtifacts } from '../artifacts.mjs';
import { CHROMIUM, CHROMIUM_ARGS, REPO_ROOT } from './config.mjs';
import { ensureTestVSCode } from './install.mjs';
import { installExtension, killGroup, killGroupSync, makeSession, startCodeServer } from './server.mjs';
import { assertNoOutsideRequests } from './outside-requests.mjs';

const log = (msg) => console.log(`[test-vscode] ${msg}`);

async function main() {
  const started = Date.now();
  const mochaArgs = [];
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--grep=')) mochaArgs.push('--grep', a.slice('--grep='.length));
    else if (a.startsWith('--flavor=')) process.env.LEGAL_ANNOTATOR_VSCODE = a.slice('--flavor='.length);
    else throw new Error(`Unknown argument ${a}`);
  }
  const installed = ensureTestVSCode();

  log('Packaging the extension (npm run package)');
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (pack.status !== 0) throw new Error('Packaging the extension failed');
  const { vsix } = packageArtifacts();

  const resultsDir = path.join(REPO_ROOT, 'test-results', 'e2e');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  const session = makeSession('legal-annotator-e2e-');
  let server;
  let restrictedServer;
  let mocha;
  let stopping;
  /** Stops the tests' process group, then the server's, then removes the session folder (once). */
  const stop = () => {
    stopping ??= (async () => {
      if (mocha && mocha.exitCode === null) await killGroup(mocha.pid);
      if (server) await server.stop();
      if (restrictedServer) await restrictedServer.stop();
      session.remove();
    })();
    return stopping;
  };
  process.on('exit', () => { if (server && !server.stopped) killGroupSync(server.pgid); if (restrictedServer && !restrictedServer.stopped) killGroupSync(restrictedServer.pgid); if (mocha) killGroupSync(mocha.pid); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { log(`${sig}: stopping`); stop().finally(() => process.exit(130)); });
  }
  try {
    const workspace = path.join(session.dir, 'samples');
    // Without the case-matrix worked example (samples/case-matrix): its own workspace, with tags of its own.
    const samples = path.join(REPO_ROOT, 'samples');
    const withoutWorkedExample = { recursive: true, filter: (from) => !from.startsWith(path.join(samples, 'case-matrix')) };
    fs.cpSync(samples, workspace, withoutWorkedExample);
    const userDataDir = path.join(session.dir, 'user-data');
    const extensionsDir = path.join(session.dir, 'extensions');
    await installExtension({ installed, session, extensionsDir, userDataDir, vsix });
    server = await startCodeServer({ installed, session, userDataDir, extensionsDir, logDir: resultsDir, echo: process.env.LEGAL_ANNOTATOR_VERBOSE === '1' });
    // A second server with workspace trust on, for test/e2e/restricted-mode.test.ts: its own copy
    // of the samples and its own user data, so nothing the other suites do reaches it.
    const restrictedWorkspace = path.join(session.dir, 'restricted', 'samples');
    fs.cpSync(samples, restrictedWorkspace, withoutWorkedExample);
    restrictedServer = await startCodeServer({
      installed, session, extensionsDir, userDataDir: path.join(session.dir, 'restricted', 'user-data'),
      logDir: resultsDir, logName: 'code-server-restricted.log', workspaceTrust: true, echo: process.env.LEGAL_ANNOTATOR_VERBOSE === '1',
    });

    // Mocha runs in its own process group so that an interrupted run can be stopped whole.
    mocha = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', 'test/e2e/.mocharc.json', ...mochaArgs], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      detached: true,
      env: {
        ...process.env,
        LEGAL_ANNOTATOR_E2E_URL: server.url,
        LEGAL_ANNOTATOR_E2E_WORKSPACE: workspace,
        LEGAL_ANNOTATOR_E2E_SCREENSHOTS: resultsDir,
        LEGAL_ANNOTATOR_E2E_SERVER_LOG: server.logFile,
        LEGAL_ANNOTATOR_E2E_RESTRICTED_URL: restrictedServer.url,
        LEGAL_ANNOTATOR_E2E_RESTRICTED_WORKSPACE: restrictedWorkspace,
        LEGAL_ANNOTATOR_E2E_RESTRICTED_SERVER_LOG: restrictedServer.logFile,
        LEGAL_ANNOTATOR_CHROMIUM: CHROMIUM,
        LEGAL_ANNOTATOR_CHROMIUM_ARGS: JSON.stringify(CHROMIUM_ARGS),
        LEGAL_ANNOTATOR_BROWSER_ENV: JSON.stringify(session.env),
        TMPDIR: session.tmp,
      },
    });
    const code = await new Promise((resolve) => mocha.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
    await killGroup(mocha.pid, 1000);
    if (code !== 0) throw new Error(`UI tests failed (exit ${code}). Screenshots and server log: ${resultsDir}`);
    assertNoOutsideRequests(resultsDir);
    log(`UI tests passed (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${resultsDir}`);
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(`[test-vscode] ${e.message}`);
  process.exit(1);
});
