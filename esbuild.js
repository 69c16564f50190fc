// Bundles the extension (dist/extension.js), its background worker (dist/worker.js) and the CLI (dist/cli.js).
// `--production` minifies; `--watch` rebuilds on change and reports errors in the
// format of VS Code's `$esbuild-watch` problem matcher.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir=DIR builds elsewhere than dist/ (the security test inspects a fresh production build).
const outdir = (process.argv.find((arg) => arg.startsWith('--outdir=')) ?? '--outdir=dist').slice('--outdir='.length);

/**
 * Prints errors in the shape the `$esbuild-watch` problem matcher reads, and, when watching, the
 * build start and end markers it waits for (a one-off build says nothing when it succeeds).
 */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    if (watch) build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
  // ES modules bundled into CommonJS lose `import.meta` (fdir, under tinyglobby, calls
  // createRequire(import.meta.url)): give them the bundle's own file URL instead.
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: 'const __bundleFileUrl = require("url").pathToFileURL(__filename).href;' },
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  // The extension's background worker thread (src/extension/background.ts starts it from dist/).
  { ...common, entryPoints: ['src/extension/backgroundWorker.ts'], outfile: `${outdir}/worker.js` },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
];

async function main() {
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
