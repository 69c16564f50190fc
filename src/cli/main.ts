import { isMainThread } from 'node:worker_threads';
import { runCli } from './run';
import { printError, processOutput } from './output';

function runMain(): void {
  // Past a file-size limit (ulimit -f) a write fails with EFBIG, said in one line (fs-errors.ts),
  // instead of the signal killing the process halfway.
  if (process.platform !== 'win32') process.on('SIGXFSZ', () => undefined);
  const output = processOutput();
  runCli(process.argv.slice(2), output, { workerScript: __filename, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      printError(output, undefined, String(error));
      process.exitCode = 2;
    },
  );
}

// The same bundle runs `check`'s and `scan`'s worker threads: a worker does its job and nothing else.
// Their modules are loaded in a worker only (each command loads its own when it runs, run.ts).
if (isMainThread) {
  runMain();
} else {
  /* eslint-disable @typescript-eslint/no-require-imports -- required in a worker only */
  const check = require('./check/workers') as typeof import('./check/workers');
  const claims = require('./commands/scan-claims-worker') as typeof import('./commands/scan-claims-worker');
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!check.runAsCheckWorker() && !claims.runAsScanClaimsWorker()) runMain();
}
