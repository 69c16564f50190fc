import { runCli } from './run';
import { processOutput } from './output';

runCli(process.argv.slice(2), processOutput).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`legal-annotator: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
