// `npm run test:package`: runs `npm run package` and checks the two packages as a user gets them.
// The CLI's .tgz is installed with `npm install -g` into a temporary prefix (offline: it has no
// dependency) and the installed legal-annotator runs on a copy of samples/. The .vsix is read as the
// zip it is; the UI tests (npm run test:e2e) install it into code-server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'mocha';
import { packageArtifacts, readManifest } from '../../scripts/artifacts.mjs';
import { REPO_ROOT } from '../../scripts/test-vscode/config.mjs';
import { emptyNpmCache, withoutNpmEnv } from '../../scripts/test-vscode/npm-env.mjs';

const SAMPLE_REPORT = path.join('reports', '2025-11-witness-statement.legal.md');

/** Runs a command to its end; the result carries its output as text. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

/** Fails with the command's own output when it did not exit 0. */
function assertRan(result, what) {
  assert.equal(result.status, 0, `${what} failed (exit ${result.status}, signal ${result.signal}):\n${result.stdout}\n${result.stderr}`);
}

/** The entries of a zip file, from its central directory: name, compression method, compressed size, local header offset. */
function zipEntries(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory: not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, `central directory entry ${i} is damaged`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of a zip entry, stored (method 0) or deflated (method 8). */
function zipEntryText(zip, entry) {
  const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  assert.ok(entry.method === 0 || entry.method === 8, `${entry.name}: compression method ${entry.method}`);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** Images the README shows from files of the repository (relative addresses), which no package holds. */
function relativeImages(readme) {
  return readme.match(/!\[[^\]]*\]\((?![a-z][a-z0-9+.-]*:)[^)]*\)/gi) ?? [];
}

/**
 * The files of the extension that package.json points to (entry point, icon, language configuration,
 * grammars, schemas, walkthrough media), relative to the extension's root.
 */
function manifestFiles(manifest) {
  const { languages = [], grammars = [], yamlValidation = [], walkthroughs = [] } = manifest.contributes;
  const media = walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media));
  const mediaFiles = media.flatMap(({ image, markdown, svg }) => [
    ...(typeof image === 'object' ? Object.values(image) : [image]), markdown, svg,
  ]);
  const files = [manifest.main, manifest.icon, ...languages.map((l) => l.configuration), ...grammars.map((g) => g.path),
    ...yamlValidation.map((v) => v.url), ...mediaFiles];
  return files.filter((file) => typeof file === 'string' && !/^[a-z]+:/.test(file)).map((file) => path.posix.normalize(file));
}

describe('the packages of npm run package', function () {
  const manifest = readManifest();
  const { version, vsix, tgz } = packageArtifacts(manifest);
  let tmp;

  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'legal-annotator-package-'));
    assertRan(run('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT }), 'npm run package');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe(`the CLI, installed from ${path.basename(tgz)}`, function () {
    let prefix;
    let installed;
    let workspace;
    /** Runs the installed legal-annotator (its shebang finds node on the PATH) in the copy of samples/. */
    const cli = (...args) => run(path.join(prefix, 'bin', 'legal-annotator'), args, { cwd: workspace });

    before(function () {
      prefix = path.join(tmp, 'prefix');
      installed = path.join(prefix, 'lib', 'node_modules', manifest.name);
      workspace = path.join(tmp, 'samples');
      // Without the case-matrix worked example (samples/case-matrix): its own workspace, with tags of its own.
      fs.cpSync(path.join(REPO_ROOT, 'samples'), workspace, { recursive: true, filter: (from) => !from.startsWith(path.join(REPO_ROOT, 'samples', 'case-matrix')) });
      // As from a fresh shell (not npm test's settings), with an empty npm cache of its own, offline.
      const env = { ...withoutNpmEnv(), ...emptyNpmCache(tmp) };
      assertRan(run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz], { cwd: tmp, env }), `npm install -g ${tgz}`);
    });

    it('holds the bundle, the README, the licence and a manifest without dependencies', function () {
      const packaged = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
      assert.equal(packaged.version, version);
      assert.deepEqual(packaged.bin, { 'legal-annotator': 'dist/cli.js' });
      assert.equal(packaged.private, undefined);
      assert.equal(packaged.dependencies, undefined);
      assert.equal(fs.existsSync(path.join(installed, 'node_modules')), false, 'npm installed dependencies');
      const files = fs.readdirSync(installed, { recursive: true }).filter((f) => fs.statSync(path.join(installed, f)).isFile()).sort();
      const changelog = fs.existsSync(path.join(REPO_ROOT, 'CHANGELOG.md')) ? ['CHANGELOG.md'] : [];
      assert.deepEqual(files, [...changelog, 'LICENSE', 'README.md', path.join('dist', 'cli.js'), 'package.json'].sort());
      assert.match(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
    });

    it('has the README with its Install section and without the screenshots it cannot show', function () {
      const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
      assert.match(readme, /^## Install$/m);
      assert.deepEqual(relativeImages(readme), []);
      assert.ok(relativeImages(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).length > 0, 'the repository README shows no screenshot: nothing was removed');
    });

    it('puts an executable legal-annotator into the prefix\'s bin', function () {
      const bin = path.join(prefix, 'bin', 'legal-annotator');
      assert.equal(fs.realpathSync(bin), path.join(installed, 'dist', 'cli.js'));
      fs.accessSync(bin, fs.constants.X_OK);
    });

    it('--version prints the version of package.json', function () {
      const result = cli('--version');
      assertRan(result, 'legal-annotator --version');
      assert.equal(result.stdout.trim(), version);
    });

    it('scan prints the states, dates and terms of a sample as JSON', function () {
      const result = cli('scan', SAMPLE_REPORT, '--format', 'json');
      assertRan(result, `legal-annotator scan ${SAMPLE_REPORT}`);
      const [scanned] = JSON.parse(result.stdout);
      const kinds = new Set(scanned.entities.map((entity) => entity.kind));
      assert.deepEqual([...kinds].sort(), ['date', 'state', 'term']);
    });

    it('scan detects a large source\'s claims in its worker thread (the packaged bundle started again as one)', function () {
      // Past the 8 MiB from which scan hands the claims to a worker thread (CLAIMS_WORKER_MIN_BYTES).
      const paragraph = 'On 3 March 2022 the prisoners of war were tortured in Olenivka, witnesses said.\n\n';
      const large = path.join(tmp, 'large-report.txt');
      fs.writeFileSync(large, paragraph.repeat(Math.ceil((9 * 1024 * 1024) / paragraph.length)));
      const result = run(path.join(prefix, 'bin', 'legal-annotator'), ['scan', large, '--verbose'], { cwd: workspace, maxBuffer: 256 * 1024 * 1024 });
      assertRan(result, `legal-annotator scan ${large} --verbose`);
      assert.equal(result.stderr, `${large}: claims detected in a worker thread\n`);
      const [scanned] = JSON.parse(result.stdout);
      assert.equal(scanned.claims.length, Math.ceil((9 * 1024 * 1024) / paragraph.length));
      assert.deepEqual(scanned.claims.at(-1).categories, ['torture']);
    });

    it('tags a passage of a sample, check passes, then finds an unknown category', function () {
      const tagged = cli('tag', SAMPLE_REPORT, '--category', 'torture', '--quote', 'ill-treatment amounting to torture');
      assertRan(tagged, 'legal-annotator tag');
      const clean = cli('check', '.');
      assertRan(clean, 'legal-annotator check .');
      assert.match(clean.stdout + clean.stderr, /2 file\(s\) checked: 0 error\(s\)/);

      const sidecar = path.join(workspace, `${SAMPLE_REPORT}.ann.yaml`);
      fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('category: torture', 'category: torure'));
      const broken = cli('check', '.');
      assert.equal(broken.status, 1, `${broken.stdout}\n${broken.stderr}`);
      assert.match(broken.stdout, /unknown-category: category "torure" is not in the workspace taxonomy/);
    });
  });

  describe(`the extension, ${path.basename(vsix)}`, function () {
    let zip;
    let entries;
    before(() => {
      zip = fs.readFileSync(vsix);
      entries = zipEntries(zip).map((entry) => entry.name);
    });

    it('holds the bundles (extension, background worker, CLI), the manifest and the licence', function () {
      for (const file of ['dist/extension.js', 'dist/worker.js', 'dist/cli.js', 'package.json', 'LICENSE.txt']) {
        assert.ok(entries.includes(`extension/${file}`), `extension/${file} is not in the .vsix: ${entries.join(', ')}`);
      }
    });

    it('has a background worker that runs on its own, unpacked: a sidecar read, claims, semantic tokens', async function () {
      const dist = path.join(tmp, 'vsix', 'dist');
      fs.mkdirSync(dist, { recursive: true });
      const workerFile = path.join(dist, 'worker.js');
      fs.writeFileSync(workerFile, zipEntryText(zip, zipEntries(zip).find(({ name }) => name === 'extension/dist/worker.js')));
      const text = 'Witnesses said the prisoners of war were tortured with electric shocks in the basement.\nThe report names prisoners of\nwar held there.\n';
      const sidecar = path.join(tmp, 'vsix', 'report.txt.ann.yaml');
      const hash = `sha256:${createHash('sha256').update(text).digest('hex')}`;
      fs.writeFileSync(sidecar, `version: 1\nsource: report.txt\nsourceHash: ${hash}\nannotations: []\ndismissed: []\n`);
      const worker = new Worker(workerFile);
      try {
        const answers = new Map();
        const answered = new Promise((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (message) => {
            answers.set(message.id, message);
            if (answers.size === 3) resolve();
          });
        });
        worker.postMessage({ id: 1, job: 'readSidecar', input: { path: sidecar } });
        worker.postMessage({ id: 2, job: 'detectClaims', input: { text } });
        worker.postMessage({ id: 3, job: 'semanticTokens', input: { text, mode: 'gaps', lexiconExtensions: {}, dayFirstSlashes: true } });
        await answered;
        assert.deepEqual([1, 2, 3].map((id) => answers.get(id).error), [undefined, undefined, undefined]);
        assert.equal(answers.get(1).value.writable, true);
        assert.deepEqual(JSON.parse(answers.get(1).value.sidecarJson).annotations, []);
        assert.deepEqual(answers.get(2).value.map((claim) => claim.categories[0].id), ['torture']);
        // "prisoners of" / "war": one token per line, five numbers each.
        assert.equal(answers.get(3).value.length, 10);
      } finally {
        await worker.terminate();
      }
    });

    it('holds every file the manifest points to', function () {
      const referenced = manifestFiles(manifest);
      assert.ok(referenced.length >= 6, `found only ${referenced.join(', ')}`);
      const missing = referenced.filter((file) => !entries.includes(`extension/${file}`));
      assert.deepEqual(missing, [], `.vscodeignore leaves out files package.json names: ${missing.join(', ')}`);
    });

    it('has the README with its Install section and without the screenshots it cannot show', function () {
      const entry = zipEntries(zip).find(({ name }) => name.toLowerCase() === 'extension/readme.md');
      assert.ok(entry, `no README in the .vsix: ${entries.join(', ')}`);
      const readme = zipEntryText(zip, entry);
      assert.match(readme, /^## Install$/m);
      assert.deepEqual(relativeImages(readme), []);
    });

    it('holds no sources, tests, source maps or node_modules', function () {
      const unwanted = entries.filter((e) => /^extension\/(src|test|bench|scripts|samples|node_modules|out)\/|\.(ts|map)$/.test(e));
      assert.deepEqual(unwanted, []);
    });
  });
});

describe('npm pack of the repository itself', function () {
  it('refuses, packing nothing, and says to run npm run package', function () {
    const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'legal-annotator-npm-pack-'));
    try {
      const packed = run('npm', ['pack', '--pack-destination', destination], { cwd: REPO_ROOT, env: withoutNpmEnv() });
      assert.notEqual(packed.status, 0, `npm pack exited 0:\n${packed.stdout}`);
      assert.match(packed.stderr, /would ship its sources, not the CLI; nothing was packed\.\nRun `npm run package` instead/);
      assert.deepEqual(fs.readdirSync(destination), []);
    } finally {
      fs.rmSync(destination, { recursive: true, force: true });
    }
  });
});
