import { runAsCheckWorker } from './check/workers';
import { runAsScanClaimsWorker } from './commands/scan-claims-worker';
import { runCli } from './run';
import { printError, processOutput } from './output';

// The same bundle runs `check`'s and `scan`'s worker threads: a worker does its job and nothing else.
if (!runAsCheckWorker() && !runAsScanClaimsWorker()) {
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
