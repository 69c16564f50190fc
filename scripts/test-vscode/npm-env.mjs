// The environment of a fresh shell for the npm commands the scripts start themselves (the install of
// code-server, `npm pack` of Node). Run from `npm test` or `npm start`, a script inherits what npm
// exports to the scripts it runs: its settings as npm_config_* (npm_config_user_agent names the
// outer npm's Node, which code-server's postinstall reads to refuse a Node it does not support;
// npm_config_nodedir, _prefix, _global and _node_gyp point at the outer npm and Node), the package
// (npm_package_*), the script (npm_lifecycle_*), npm_command, npm_execpath, npm_node_execpath,
// NODE, INIT_CWD, and node_modules/.bin folders and npm's node-gyp-bin in front of PATH.
import path from 'node:path';

/**
 * npm settings kept: where the user's npm configuration lives and how the registry is reached.
 * They hold the same for any npm and any Node, and a shell or a CI may set them on purpose
 * (NPM_CONFIG_USERCONFIG pointing at a CI's .npmrc, a proxy); everything else of npm's is removed.
 */
export const KEPT_NPM_SETTINGS = ['userconfig', 'globalconfig', 'registry', 'cafile', 'ca', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl'];

const NPM_CONFIG = /^npm_config_(.+)$/i;

/** PATH entries npm puts in front of a script's PATH: each node_modules/.bin up to the root, and its node-gyp shim. */
const NPM_PATH_ENTRY = /([\\/]node_modules[\\/]\.bin|[\\/]node-gyp-bin)[\\/]?$/;

function isNpmVariable(name) {
  const setting = NPM_CONFIG.exec(name);
  if (setting) return !KEPT_NPM_SETTINGS.includes(setting[1].toLowerCase());
  return /^npm_/i.test(name) || name === 'INIT_CWD';
}

/** PATH without the entries npm put in front of it (a user's own entries further on stay). */
function pathWithoutNpmEntries(value) {
  const entries = value.split(path.delimiter);
  let first = 0;
  while (first < entries.length && NPM_PATH_ENTRY.test(entries[first])) first++;
  return entries.slice(first).join(path.delimiter);
}

/**
 * `base` (default process.env) without what npm exports to the scripts it runs, as described at the
 * top: a nested npm then reads its settings from the user's .npmrc and its own defaults, and its
 * install scripts see the Node that runs it, as when run from a fresh shell. The variables npm also
 * sets but a user may set too (EDITOR, COLOR, NODE_OPTIONS) are left; NODE goes only when it is
 * npm's (npm_node_execpath).
 */
export function withoutNpmEnv(base = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !isNpmVariable(name)) env[name] = value;
  }
  if (base.NODE !== undefined && base.NODE === base.npm_node_execpath) delete env.NODE;
  if (env.PATH !== undefined) env.PATH = pathWithoutNpmEntries(env.PATH);
  return env;
}

/**
 * npm settings of a nested npm command that must not lean on the user's npm cache: an empty cache
 * in `tmp` (the caller removes it). An install then downloads everything as on a new machine,
 * instead of finding it in a warm ~/.npm (or ~/.npm/_npx, where node-pty's `npx node-gyp` would
 * find node-gyp), and leaves none of its hundreds of megabytes there.
 */
export function emptyNpmCache(tmp) {
  return { npm_config_cache: path.join(tmp, 'npm-cache') };
}
