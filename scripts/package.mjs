#!/usr/bin/env node
// `npm run package`: a production build into dist/, then the two packages of scripts/artifacts.mjs:
//  - out/legal-annotator-<version>.vsix, the extension, packed by vsce with what .vscodeignore lets
//    through (both bundles, so the CLI ships inside the extension too);
//  - out/legal-annotator-<version>.tgz, the CLI as an npm package (`npm install -g` puts
//    legal-annotator on the PATH), packed by `npm pack` from a staging folder whose package.json is
//    generated here. Not the repository's package.json, because dist/cli.js is a self-contained
//    bundle: the libraries that manifest lists as dependencies are inside it, and npm would install
//    them again for nothing; the rest of it is the extension's (contributes, activationEvents,
//    engines.vscode); and a `files` list in it would replace .vscodeignore for vsce.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OUT_DIR, packageArtifacts, readManifest } from './artifacts.mjs';
import { REPO_ROOT } from './test-vscode/config.mjs';
import { withoutNpmEnv } from './test-vscode/npm-env.mjs';

/** What the CLI package says of itself on the registry and in `npm ls`. */
const CLI_DESCRIPTION =
  'Command-line tool of Legal Annotator: finds states, dates and legal terms in legal source texts, tags passages ' +
  'with violation categories of international humanitarian and human rights law in sidecar YAML files, checks ' +
  'them in CI (text, JSON, SARIF) and exports them (W3C Web Annotation, brat, CSV, evidence matrix).';

/** Node versions the CLI runs on: esbuild.js builds it for node20. */
const CLI_NODE_ENGINES = '>=20';

/** Files of the npm package besides its package.json, relative to the repository (CHANGELOG.md when there is one). */
const CLI_PACKAGE_FILES = ['dist/cli.js', 'README.md', 'LICENSE', 'CHANGELOG.md'];

const VSCE = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

const log = (msg) => console.log(`[package] ${msg}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
}

function packExtension(vsix) {
  // No repository field: relative links of the README stay as written instead of being rewritten to a host.
  run(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);
}

/** The npm package's package.json: the repository's name, version, licence, keywords and bin, no dependencies. */
function cliManifest(manifest, files) {
  return {
    name: manifest.name,
    version: manifest.version,
    description: CLI_DESCRIPTION,
    keywords: manifest.keywords,
    license: manifest.license,
    bin: manifest.bin,
    files,
    engines: { node: CLI_NODE_ENGINES },
  };
}

/** Copies the CLI's files into `staging` with a generated package.json; returns the files copied. */
function stageCli(staging, manifest) {
  const files = CLI_PACKAGE_FILES.filter((file) => fs.existsSync(path.join(REPO_ROOT, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(staging, file));
  }
  for (const bin of Object.values(manifest.bin)) fs.chmodSync(path.join(staging, bin), 0o755);
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(cliManifest(manifest, files), null, 2)}\n`);
  return files;
}

function packCli(tgz, manifest) {
  const staging = fs.mkdtempSync(path.join(OUT_DIR, '.cli-package-'));
  try {
    stageCli(staging, manifest);
    fs.rmSync(tgz, { force: true });
    // As from a fresh shell: the settings `npm run package` exports (npm_config_*) are not this npm's.
    run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', OUT_DIR], { cwd: staging, env: withoutNpmEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    if (!fs.existsSync(tgz)) throw new Error(`npm pack did not write ${tgz}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function main() {
  const manifest = readManifest();
  const { vsix, tgz } = packageArtifacts(manifest);
  log('Production build (node esbuild.js --production)');
  run(process.execPath, ['esbuild.js', '--production']);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  packExtension(vsix);
  packCli(tgz, manifest);
  for (const file of [vsix, tgz]) log(`${path.relative(REPO_ROOT, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`);
}

try {
  main();
} catch (error) {
  console.error(`[package] ${error.message}`);
  process.exit(1);
}
