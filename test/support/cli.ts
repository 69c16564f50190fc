/** Runs the CLI in this process, as the unit tests of its commands do, and keeps what it printed. */
import { runCli } from '../../src/cli/run';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCaptured(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
