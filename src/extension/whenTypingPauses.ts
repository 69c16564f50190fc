import type * as vscode from 'vscode';

/**
 * Per document, runs `work` once `delayMs` have passed without another `schedule` for it: for
 * features that listen to the store's change event, which fires on every keystroke, and only
 * need the state once typing pauses.
 */
export class WhenTypingPauses implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number, private readonly work: (uri: vscode.Uri) => void) {}

  schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.work(uri);
    }, this.delayMs));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
