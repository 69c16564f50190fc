import { runAsCheckWorker } from './check/workers';
import { runCli } from './run';
import { printError, processOutput } from './output';

// The same bundle runs `check`'s worker threads: a worker does its job and nothing else.
if (!runAsCheckWorker()) {
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
