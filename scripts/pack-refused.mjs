#!/usr/bin/env node
// `npm pack` (and `npm publish`) of the repository itself runs this first, as its prepack script,
// and stops: the repository's package.json is the extension's manifest, so npm would pack the
// sources, tests and benchmarks without the bundled CLI, and `npm install -g` of that tarball
// would install no working legal-annotator. The packages are built by `npm run package`
// (scripts/package.mjs packs the CLI from a staging folder of its own, with scripts ignored).
console.error([
  'legal-annotator: `npm pack` of the repository would ship its sources, not the CLI; nothing was packed.',
  'Run `npm run package` instead: it builds out/legal-annotator-<version>.tgz (the CLI, for npm install -g)',
  'and out/legal-annotator-<version>.vsix (the extension).',
].join('\n'));
process.exit(1);
