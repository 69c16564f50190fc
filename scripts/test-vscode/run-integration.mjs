#!/usr/bin/env node
// `npm run test:integration`: installs the test VS Code if needed, builds the extension and the tests,
// copies the fixture workspace (test/fixtures/workspace + samples/) to a temp dir and runs the mocha
// suite of test/integration inside VS Code through @vscode/test-electron's runTests.
//   --flavor=min      run against the minimum VS Code (code-server 4.100.3, Node 20)
//   --grep=PATTERN    only the tests whose title matches
//   --suite=DIR       another mocha folder to run the same way (bench/editor: the editor benchmark);
//                     its logs go to test-results/<DIR with - for />, not to test-results/integration
//   --fail-on-unresponsive  fail when the workbench log says the extension host was unresponsive
// Env VSCODE_EXECUTABLE=/path/to/code runs a desktop VS Code instead (under xvfb-run without a DISPLAY).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildTests } from './build-tests.mjs';
import { assertNoOutsideRequests } from './outside-requests.mjs';
import { REPO_ROOT } from './config.mjs';
import { ensureTestVSCode } from './install.mjs';

const log = (msg) => console.log(`[test-vscode] ${msg}`);
/**
 * What the workbench logs when the extension host our extension runs in (Remote) leaves a request
 * unanswered for seconds. The web worker host (built-in web extensions only) is not ours.
 */
const UNRESPONSIVE = /Extension host \(Remote\) is unresponsive/;

/** The workbench log's lines saying the extension host was unresponsive. */
function unresponsiveLines(resultsDir) {
  let text = '';
  try { text = fs.readFileSync(path.join(resultsDir, 'workbench.log'), 'utf8'); } catch { /* no log: the run failed before */ }
  return text.split('\n').filter((line) => UNRESPONSIVE.test(line));
}

async function main() {
  const started = Date.now();
  let suite = 'integration';
  let failOnUnresponsive = false;
  for (const a of process.argv.slice(2)) {
    if (a === '--fail-on-unresponsive') { failOnUnresponsive = true; continue; }
    if (a.startsWith('--flavor=')) process.env.LEGAL_ANNOTATOR_VSCODE = a.slice('--flavor='.length);
    else if (a.startsWith('--grep=')) process.env.LEGAL_ANNOTATOR_GREP = a.slice('--grep='.length);
    else if (a.startsWith('--suite=')) suite = a.slice('--suite='.length);
    else throw new Error(`Unknown argument ${a}`);
  }
  const desktop = process.env.VSCODE_EXECUTABLE;
  if (!desktop) ensureTestVSCode();
  else if (!process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status !== 0) {
    throw new Error('VSCODE_EXECUTABLE without a DISPLAY needs xvfb-run: apt-get install -y xvfb');
  }

  log('Building the extension');
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building the extension failed');
  const testsDir = await buildTests(suite);
  // The launcher writes the workbench and server logs there (read back below).
  if (suite !== 'integration') process.env.LEGAL_ANNOTATOR_RESULTS_DIR ??= path.join(REPO_ROOT, 'test-results', suite.replace(/[\\/]/g, '-'));
  const resultsDir = process.env.LEGAL_ANNOTATOR_RESULTS_DIR ?? path.join(REPO_ROOT, 'test-results', 'integration');
  fs.rmSync(path.join(resultsDir, 'workbench.log'), { force: true });

  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'legal-annotator-it-')));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // Without the case-matrix worked example (samples/case-matrix): its own workspace, with tags of its own.
  const samples = path.join(REPO_ROOT, 'samples');
  fs.cpSync(samples, path.join(workspace, 'samples'), { recursive: true, filter: (from) => !from.startsWith(path.join(samples, 'case-matrix')) });
  log(`Fixture workspace: ${workspace}`);

  // SIGINT is handled by runTests (it stops the launcher); on SIGTERM/SIGHUP the launcher notices
  // that its parent is gone and stops what it started; here only the temp folder is left to remove.
  for (const sig of ['SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { fs.rmSync(tmp, { recursive: true, force: true }); process.exit(128 + (sig === 'SIGTERM' ? 15 : 1)); });
  }

  let executable = path.join(REPO_ROOT, 'scripts', 'test-vscode', 'launcher.mjs');
  const launchArgs = [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`];
  if (desktop) {
    launchArgs.push('--disable-extensions');
    executable = desktop;
    if (!process.env.DISPLAY) {
      executable = path.join(tmp, 'code-under-xvfb');
      fs.writeFileSync(executable, `#!/bin/sh\nexec xvfb-run -a "${desktop}" "$@"\n`, { mode: 0o755 });
    }
    log(`Desktop VS Code: ${desktop}`);
  }
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(testsDir, 'index.js'),
      launchArgs,
      extensionTestsEnv: { LEGAL_ANNOTATOR_FIXTURE_WORKSPACE: workspace },
    });
    const stalls = failOnUnresponsive ? unresponsiveLines(resultsDir) : [];
    if (stalls.length > 0) {
      throw new Error(`the extension host was unresponsive ${stalls.length} time(s) (${path.join(resultsDir, 'workbench.log')}: "${stalls[0].trim()}")`);
    }
    assertNoOutsideRequests(resultsDir);
    log(`Integration tests passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[test-vscode] Integration tests FAILED: ${e.message}`);
  process.exit(1);
});
