/**
 * The workspace's files as the editor features see them change on disk: one file system watcher
 * for every feature (the store re-reads a sidecar, the Annotations view and the source rules
 * forget what they read, the claim review re-reviews a closed source), and the list of sidecars,
 * found once and kept until one is created or deleted.
 */
import * as vscode from 'vscode';
import { SKIPPED_FOLDERS_GLOB } from '../core/files/skipped-folders';
import { SIDECAR_SUFFIX } from '../core/sidecar/model';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  uri: vscode.Uri;
  kind: FileChangeKind;
}

export class WorkspaceSidecars implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*');
  private readonly sidecarEmitter = new vscode.EventEmitter<FileChange>();
  private readonly fileEmitter = new vscode.EventEmitter<FileChange>();
  /** A sidecar (`*.ann.yaml`) was created, changed or deleted on disk. */
  readonly onDidChangeSidecar = this.sidecarEmitter.event;
  /** Any file of the workspace, sidecars included, was created, changed or deleted on disk. */
  readonly onDidChangeFile = this.fileEmitter.event;
  private readonly disposables: vscode.Disposable[];
  private listed?: Thenable<vscode.Uri[]>;

  constructor() {
    const fire = (kind: FileChangeKind) => (uri: vscode.Uri) => {
      const change = { uri, kind };
      if (isSidecar(uri)) {
        if (kind !== 'changed') this.listed = undefined;
        this.sidecarEmitter.fire(change);
      }
      this.fileEmitter.fire(change);
    };
    this.disposables = [
      this.watcher,
      this.sidecarEmitter,
      this.fileEmitter,
      this.watcher.onDidCreate(fire('created')),
      this.watcher.onDidChange(fire('changed')),
      this.watcher.onDidDelete(fire('deleted')),
    ];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Every sidecar of the workspace (node_modules and .git left out), found once until one comes or goes. */
  list(): Thenable<vscode.Uri[]> {
    this.listed ??= vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, SKIPPED_FOLDERS_GLOB);
    return this.listed;
  }

  /** Forgets the list (the Annotations view's refresh button). */
  forgetList(): void {
    this.listed = undefined;
  }
}

export function isSidecar(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.fsPath.endsWith(SIDECAR_SUFFIX);
}
