import { runAsCheckWorker } from './check/workers';
import { runCli } from './run';
import { processOutput } from './output';

// The same bundle runs `check`'s worker threads: a worker does its job and nothing else.
if (!runAsCheckWorker()) {
  runCli(process.argv.slice(2), processOutput, { workerScript: __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`legal-annotator: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
