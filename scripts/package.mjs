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

/** Files of the npm package copied from the repository as they are (CHANGELOG.md when there is one). */
const CLI_PACKAGE_FILES = ['dist/cli.js', 'LICENSE', 'CHANGELOG.md'];

/** An image with a relative address on a line of its own, indented or not: `![alt](docs/images/x.png)`. */
const RELATIVE_IMAGE_LINE = /^[ \t]*!\[[^\]]*\]\((?![a-z][a-z0-9+.-]*:)[^)]*\)[ \t]*\r?\n/gim;

const VSCE = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

const log = (msg) => console.log(`[package] ${msg}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
}

/**
 * The README both packages carry: the repository's without its screenshots. Those are files of
 * the repository (docs/images/) that neither package holds, and VS Code's extension page shows
 * only https: and data: images; with no repository declared there is no address to point them to.
 * Its links stay as written.
 */
function writePackagedReadme(file) {
  fs.writeFileSync(file, fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(RELATIVE_IMAGE_LINE, ''));
}

function packExtension(vsix, readme) {
  // No repository field: vsce would otherwise insist on rewriting the README's relative links to one.
  // vsce takes the README by its path relative to the extension's root, among the files it collects.
  const readmePath = path.relative(REPO_ROOT, readme);
  run(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', readmePath, '--out', vsix]);
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

/** Fills `staging` with the CLI's files, the packaged README and a generated package.json. */
function stageCli(staging, manifest, readme) {
  const copied = CLI_PACKAGE_FILES.filter((file) => fs.existsSync(path.join(REPO_ROOT, file)));
  for (const file of copied) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(staging, file));
  }
  fs.copyFileSync(readme, path.join(staging, 'README.md'));
  for (const bin of Object.values(manifest.bin)) fs.chmodSync(path.join(staging, bin), 0o755);
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(cliManifest(manifest, [...copied, 'README.md']), null, 2)}\n`);
}

function packCli(tgz, staging) {
  fs.rmSync(tgz, { force: true });
  // As from a fresh shell: the settings `npm run package` exports (npm_config_*) are not this npm's.
  run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', OUT_DIR], { cwd: staging, env: withoutNpmEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(tgz)) throw new Error(`npm pack did not write ${tgz}`);
}

function main() {
  const manifest = readManifest();
  const { vsix, tgz } = packageArtifacts(manifest);
  log('Production build (node esbuild.js --production)');
  run(process.execPath, ['esbuild.js', '--production']);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const staging = fs.mkdtempSync(path.join(OUT_DIR, 'staging-'));
  try {
    const readme = path.join(staging, 'README.md');
    writePackagedReadme(readme);
    packExtension(vsix, readme);
    const cli = path.join(staging, 'cli');
    stageCli(cli, manifest, readme);
    packCli(tgz, cli);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  for (const file of [vsix, tgz]) log(`${path.relative(REPO_ROOT, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`);
}

try {
  main();
} catch (error) {
  console.error(`[package] ${error.message}`);
  process.exit(1);
}
