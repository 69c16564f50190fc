/**
 * Running git for team review (reading another annotator's ref, the author's name, setting up the
 * merge driver), for the CLI and the editor alike: no shell, a time limit, and an answer in every
 * case. A missing git, a folder outside any repository or a hung git (a credential prompt, a
 * locked network file system) is a failed result with git's own message, never an exception.
 */
import { execFile } from 'node:child_process';

/** How long one git command may take before it is stopped; reading a ref or a config value takes milliseconds. */
export const GIT_TIMEOUT_MS = 10_000;

export type GitResult = { ok: true; stdout: string } | { ok: false; reason: string };

export interface GitOptions {
  cwd?: string;
  timeoutMs?: number;
}

/** Runs `git args` in `cwd` and resolves with its standard output, or why it failed (one line). */
export async function runGit(args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const result = await runGitBytes(args, options);
  return result.ok ? { ok: true, stdout: result.stdout.toString('utf8') } : result;
}

/**
 * runGit with standard output as bytes: a file's content (`git show REF:PATH`) is checked and
 * decoded as every text file is (BOM left out, invalid UTF-8 refused), not by a lenient decode.
 */
export function runGitBytes(args: readonly string[], options: GitOptions = {}): Promise<{ ok: true; stdout: Buffer } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const timeout = options.timeoutMs ?? GIT_TIMEOUT_MS;
    // GIT_TERMINAL_PROMPT=0: git answers at once instead of waiting for a password nobody will type.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
    execFile('git', [...args], { cwd: options.cwd, timeout, maxBuffer: 1 << 30, env, windowsHide: true, encoding: 'buffer' }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      const reason = failure.code === 'ENOENT' ? 'git could not be started (not installed, not on PATH, or the folder is gone)'
        : failure.killed || failure.signal ? `git ${args[0]} took longer than ${timeout} ms and was stopped`
          : (String(stderr).trim().split(/\r?\n/).find((line) => line.trim() !== '') ?? failure.message);
      resolve({ ok: false, reason });
    });
  });
}

/**
 * `git config user.name` as seen from `cwd` (the repository's own config, else the user's), or
 * undefined when git is missing, times out, or no name is set.
 */
export async function gitUserName(cwd?: string, timeoutMs?: number): Promise<string | undefined> {
  const result = await runGit(['config', '--get', 'user.name'], { cwd, timeoutMs });
  const name = result.ok ? result.stdout.trim() : '';
  return name === '' ? undefined : name;
}
