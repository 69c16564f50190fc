import * as vscode from 'vscode';

/**
 * The extension's log ("Legal Annotator" output channel) and the one place where promises that
 * nobody awaits are caught: an event handler must never leave a rejection unhandled.
 */
export class Log {
  constructor(readonly channel: vscode.LogOutputChannel) {}

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error === undefined ? message : `${message}: ${describe(error)}`);
  }

  /** Runs `work` without awaiting it; a failure is logged with `what`, never thrown. */
  fireAndForget(what: string, work: Thenable<unknown> | (() => Thenable<unknown>)): void {
    try {
      const promise = typeof work === 'function' ? work() : work;
      Promise.resolve(promise).catch((error: unknown) => this.error(`${what} failed`, error));
    } catch (error) {
      this.error(`${what} failed`, error);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
