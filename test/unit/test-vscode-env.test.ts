/**
 * The environment of the npm commands the test VS Code installer starts (scripts/test-vscode/
 * npm-env.mjs): run under `npm run`, as `npm test` and `npm start` run it, it holds none of the
 * variables npm exports to its scripts, so that a nested install behaves as from a fresh shell.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TEST_VSCODE = resolve(__dirname, '../../scripts/test-vscode');

interface Printed {
  /** process.env of the script npm ran. */
  raw: Record<string, string>;
  /** withoutNpmEnv() there. */
  fresh: Record<string, string>;
  /** The installer's nodeEnv() there (the environment of the code-server install and server). */
  node: Record<string, string>;
  kept: string[];
}

/** Runs a package script with `npm run` in a temporary package and returns what it printed. */
function environmentsUnderNpmRun(): Printed {
  const dir = mkdtempSync(join(tmpdir(), 'la-npm-env-'));
  try {
    const url = (name: string) => JSON.stringify(pathToFileURL(join(TEST_VSCODE, name)).href);
    writeFileSync(join(dir, 'print-env.mjs'), [
      `import { KEPT_NPM_SETTINGS, withoutNpmEnv } from ${url('npm-env.mjs')};`,
      `import { nodeEnv } from ${url('install.mjs')};`,
      `const node = nodeEnv({ nodeBin: '/cache/node/bin/node', nodeDir: '/cache/node' });`,
      'console.log(JSON.stringify({ raw: process.env, fresh: withoutNpmEnv(), node, kept: KEPT_NPM_SETTINGS }));',
    ].join('\n'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'print-env', version: '1.0.0', private: true, scripts: { 'print-env': 'node print-env.mjs' } }));
    const result = spawnSync('npm', ['run', '--silent', 'print-env'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NPM_CONFIG_USERCONFIG: join(dir, 'user.npmrc') } });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as Printed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The variables of `env` that npm exports to scripts, but for the kept settings. */
function npmVariables(env: Record<string, string>, kept: string[]): string[] {
  return Object.keys(env).filter((name) => {
    const setting = /^npm_config_(.+)$/i.exec(name);
    if (setting && kept.includes(setting[1].toLowerCase())) return false;
    return /^npm_/i.test(name) || name === 'INIT_CWD';
  });
}

describe('test VS Code installer: nested npm commands run as from a fresh shell', function () {
  this.timeout(60_000);
  let printed: Printed;
  before(() => {
    printed = environmentsUnderNpmRun();
  });

  it('npm run gives its script npm variables (what the installer has to remove)', () => {
    assert.match(printed.raw.npm_config_user_agent ?? '', /node\/v\d+/);
    for (const name of ['npm_lifecycle_event', 'npm_package_name', 'npm_node_execpath', 'npm_execpath', 'INIT_CWD', 'NODE']) {
      assert.ok(name in printed.raw, `npm run did not set ${name}`);
    }
    assert.match(printed.raw.PATH.split(':')[0], /node_modules\/\.bin$/);
  });

  for (const which of ['fresh', 'node'] as const) {
    it(`${which === 'fresh' ? 'withoutNpmEnv()' : "the installer's nodeEnv()"} holds no npm_* variable, INIT_CWD or npm's NODE`, () => {
      const env = printed[which];
      assert.deepEqual(npmVariables(env, printed.kept).filter((name) => which === 'fresh' || name !== 'npm_config_nodedir'), []);
      assert.equal(env.npm_config_user_agent, undefined);
      assert.equal(env.NODE, undefined);
      assert.ok(!env.PATH.split(':').some((entry) => /node_modules\/\.bin$|node-gyp-bin$/.test(entry)), env.PATH);
    });
  }

  it('keeps the rest of the environment, and where the user keeps the npm configuration', () => {
    const { raw, fresh } = printed;
    for (const name of ['HOME', 'LANG', 'TMPDIR'].filter((n) => n in raw)) assert.equal(fresh[name], raw[name], name);
    assert.ok(raw.PATH.endsWith(fresh.PATH), `${fresh.PATH} is not the end of ${raw.PATH}`);
    assert.equal(fresh.NPM_CONFIG_USERCONFIG ?? fresh.npm_config_userconfig, raw.NPM_CONFIG_USERCONFIG ?? raw.npm_config_userconfig);
    assert.ok(fresh.NPM_CONFIG_USERCONFIG ?? fresh.npm_config_userconfig, 'the user config is kept');
  });

  it("nodeEnv() sets the cached Node first on PATH and its headers as npm's nodedir", () => {
    assert.equal(printed.node.PATH.split(':')[0], '/cache/node/bin');
    assert.equal(printed.node.npm_config_nodedir, '/cache/node');
  });
});

describe('test VS Code: no request to a host outside the machine', () => {
  it('every session sets an empty extension gallery, and a failed lookup of a host in the logs is caught', async () => {
    const server = await import(pathToFileURL(resolve('scripts/test-vscode/server.mjs')).href);
    const session = server.makeSession('legal-annotator-gallery-');
    try {
      assert.equal(session.env.EXTENSIONS_GALLERY, '{}');
    } finally {
      session.remove();
    }
    const { outsideRequestLines } = await import(pathToFileURL(resolve('scripts/test-vscode/outside-requests.mjs')).href);
    const folder = mkdtempSync(join(tmpdir(), 'legal-annotator-logs-'));
    try {
      writeFileSync(join(folder, 'workbench.log'), '[12:00:00] extension host started\n');
      assert.deepEqual(outsideRequestLines(folder), []);
      writeFileSync(join(folder, 'code-server.log'), '[12:00:01] #1: https://example.invalid/x - error POST getaddrinfo ENOTFOUND example.invalid\n');
      const lines = outsideRequestLines(folder);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^code-server\.log: .*ENOTFOUND/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
