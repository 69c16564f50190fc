// Bundles test/<suite>/**/*.ts (one output file per entry, `vscode` left external) into out/test/<suite>/.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config.mjs';

function listTs(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Returns the output folder. Only index.ts and *.test.ts are entries; other files are bundled into them.
 * `suite` is a folder under test/ ("integration", "e2e"), or a repository-relative path such as
 * "bench/editor" (the editor benchmark, run by the same harness).
 */
export async function buildTests(suite) {
  const relativeDir = suite.includes('/') ? suite : path.join('test', suite);
  const srcDir = path.join(REPO_ROOT, relativeDir);
  const outDir = path.join(REPO_ROOT, 'out', relativeDir);
  fs.rmSync(outDir, { recursive: true, force: true });
  const entryPoints = listTs(srcDir).filter((f) => /(^|[/\\])(index|[^/\\]+\.test)\.ts$/.test(f));
  await esbuild.build({
    entryPoints,
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'playwright-core'],
    logLevel: 'warning',
    // Mocha's parallel mode (unused here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outDir;
}
