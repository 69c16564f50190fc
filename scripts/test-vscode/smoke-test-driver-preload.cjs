// Loaded with `node --require` in front of code-server versions whose CLI has no --vscode-option
// (e.g. 4.100.3, the minimum VS Code): teaches code-server's option parser VS Code's own
// --enable-smoke-test-driver flag, which code-server then hands to VS Code with its other options.
// Without it the workbench ignores the extension test payload.
const fs = require('node:fs');
const path = require('node:path');

// Processes that code-server forks (extension host, file watcher...) must not load this again.
const at = process.execArgv.findIndex((a, i) => a === '--require' && process.execArgv[i + 1] === __filename);
if (at >= 0) process.execArgv.splice(at, 2);

// process.argv[1] is code-server's out/node/entry.js; its option table lives next to it.
const cliFile = path.join(path.dirname(process.argv[1] || ''), 'cli.js');
if (path.basename(process.argv[1] || '') === 'entry.js' && fs.existsSync(cliFile)) {
  const cli = require(cliFile);
  cli.options['enable-smoke-test-driver'] = { type: 'boolean', description: 'Enable the smoke test driver (Legal Annotator test harness).' };
}
