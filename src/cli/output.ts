/** Where the CLI writes: injected so tests run commands in-process and read what they printed. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** How the CLI was started, for commands that start worker threads of it. */
export interface CliContext {
  /** The CLI's own script (dist/cli.js); without it `check` stays in one thread. */
  workerScript?: string;
  /** Node options for the workers (tests running TypeScript pass tsx's loader). */
  workerExecArgv?: string[];
}

export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes of every command (BRIEF, section 2). */
export const EXIT = {
  ok: 0,
  /** Problems found (check), or some files skipped (scan). */
  problems: 1,
  /** Could not run: bad usage, missing or unreadable path. */
  cannotRun: 2,
} as const;

/** Bad usage or an input that stops the command: printed as one line, exit 2. */
export class CliError extends Error {}
