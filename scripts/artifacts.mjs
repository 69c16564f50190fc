// The files `npm run package` (scripts/package.mjs) writes into out/, named after package.json's
// name and version: the extension (.vsix) and the CLI as an npm package (.tgz, the name `npm pack`
// gives it). Every script and test that needs one of them takes its path from here.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './test-vscode/config.mjs';

export const OUT_DIR = path.join(REPO_ROOT, 'out');

/** The repository's package.json. */
export function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

/** { version, vsix, tgz }: the version packaged and the absolute paths of the two packages. */
export function packageArtifacts(manifest = readManifest()) {
  const base = path.join(OUT_DIR, `${manifest.name}-${manifest.version}`);
  return { version: manifest.version, vsix: `${base}.vsix`, tgz: `${base}.tgz` };
}
