/** Running the CLI in this process, as the unit tests of its commands do, in a folder of their own. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one CLI invocation and keeps what it printed. */
export async function runCliCaptured(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/**
 * Makes a new temporary folder, a repository root (it holds `.git`, so no config above it
 * applies), the current folder for each test of the calling `describe` (or, with `once`, for
 * all of them), and removes it after. Returns the folder's path, read once the hook has run.
 */
export function useTemporaryWorkspace(prefix: string, once = false): { readonly path: string } {
  const state = { path: '', previous: '' };
  (once ? before : beforeEach)(async () => {
    state.previous = process.cwd();
    state.path = await fs.mkdtemp(join(tmpdir(), prefix));
    process.chdir(state.path);
    await fs.mkdir('.git');
  });
  (once ? after : afterEach)(async () => {
    process.chdir(state.previous);
    await fs.rm(state.path, { recursive: true, force: true });
  });
  return {
    get path() {
      return state.path;
    },
  };
}
