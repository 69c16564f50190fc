import { runAsCheckWorker } from './check/workers';
import { runCli } from './run';
import { printError, processOutput } from './output';

// The same bundle runs `check`'s worker threads: a worker does its job and nothing else.
if (!runAsCheckWorker()) {
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
