/**
 * How the editor writes sidecars: one queue per sidecar (two quick changes never both edit the
 * same old copy), the sidecar's lock across processes (a CLI or script writing it at the same
 * time loses nothing), a check against the disk before writing, writes through the sidecar's
 * editor when it is open (so that editor's undo works too) or atomically on disk, the writes of
 * our own that the file watcher must not take for outside changes, and the undo journal.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { readTextFile } from '../core/files/read-text-file';
import { writeAtomically, writeSidecarFile } from '../core/sidecar/sidecar-file';
import { sidecarFileText, type SidecarDocument } from '../core/sidecar/sidecar-io';
import { withSidecarLock } from '../core/sidecar/sidecar-lock';
import type { Log } from './log';

interface UndoStep {
  label: string;
  sidecarPath: string;
  /** File text before the change; undefined when the change created the file. */
  before?: string;
  after: string;
}

const UNDO_LIMIT = 100;

export class SidecarWriter {
  private readonly undoSteps: UndoStep[] = [];
  /** Per sidecar path: the work in flight. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Per sidecar path and purpose: work queued and not started yet (see `once`). */
  private readonly waiting = new Map<string, Promise<unknown>>();

  constructor(private readonly log: Log) {}

  /** Runs `work` after every earlier piece of work on the same sidecar has finished. */
  serialize<T>(sidecarPath: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sidecarPath) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(sidecarPath, next);
    const cleanup = () => {
      if (this.queues.get(sidecarPath) === next) this.queues.delete(sidecarPath);
    };
    next.then(cleanup, cleanup);
    return next;
  }

  /** Queued after earlier work on the sidecar (serialize), then run holding its lock across processes. */
  serializeLocked<T>(sidecarPath: string, work: () => Promise<T>): Promise<T> {
    return this.serialize(sidecarPath, () => withSidecarLock(sidecarPath, work));
  }

  /**
   * Like serializeLocked, but while a piece of work for the same `purpose` waits in the queue
   * (not started yet), asking again returns it: work that reads the current state when it
   * starts covers every request made before then.
   */
  once(sidecarPath: string, purpose: string, work: () => Promise<void>): Promise<void> {
    const key = `${purpose}\n${sidecarPath}`;
    const queued = this.waiting.get(key) as Promise<void> | undefined;
    if (queued) return queued;
    const run = this.serializeLocked(sidecarPath, () => {
      this.waiting.delete(key);
      return work();
    });
    this.waiting.set(key, run);
    const cleanup = () => {
      if (this.waiting.get(key) === run) this.waiting.delete(key);
    };
    run.then(cleanup, cleanup);
    return run;
  }

  /**
   * The sidecar's file text on disk (with its BOM, as `sidecarFileText` gives it); undefined when
   * there is none or it cannot be read as a sidecar (not a regular file, not UTF-8, too large):
   * such a file never equals the copy in memory, so it is re-read and its error reported.
   */
  async textOnDisk(sidecarPath: string): Promise<string | undefined> {
    const read = await readTextFile(sidecarPath, { kind: 'sidecar' });
    return read.ok ? (read.hadBom ? '\uFEFF' : '') + read.text : undefined;
  }

  /**
   * Writes `next` over the sidecar at `path`, whose current text is `previous`'s (the caller
   * checked it against the disk): through the sidecar's editor when it is open, atomically on
   * disk otherwise; recorded for undo when `undoable`.
   */
  async write(path: string, previous: SidecarDocument | undefined, next: SidecarDocument, label: string, undoable: boolean): Promise<void> {
    const before = previous ? sidecarFileText(previous) : undefined;
    const after = sidecarFileText(next);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (open) {
      if (open.isDirty) throw new Error(`${basename(path)} has unsaved changes in an editor: save or revert it, then try again`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), next.text);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) throw new Error(`could not write ${basename(path)} through its editor`);
    } else {
      await writeSidecarFile(path, next);
    }
    if (undoable) this.recordUndo(label, path, before, after);
    this.log.info(`${label}: wrote ${path}`);
  }

  /**
   * Records a write as an undo step: the sidecars' own, and the incidents file's (written under
   * the same kind of lock); `before` undefined when the write created the file.
   */
  recordUndo(label: string, path: string, before: string | undefined, after: string): void {
    this.undoSteps.push({ label, sidecarPath: path, before, after });
    if (this.undoSteps.length > UNDO_LIMIT) this.undoSteps.shift();
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  /**
   * Restores the sidecar as it was before the last undoable write, under its lock, unless it
   * changed since. Returns the step undone (its label and sidecar), undefined when there is none.
   */
  async undo(): Promise<{ label: string; sidecarPath: string } | undefined> {
    const step = this.undoSteps.pop();
    if (!step) return undefined;
    await withSidecarLock(step.sidecarPath, () => this.restore(step));
    return { label: step.label, sidecarPath: step.sidecarPath };
  }

  private async restore(step: UndoStep): Promise<void> {
    const now = await this.textOnDisk(step.sidecarPath);
    if (now !== step.after) {
      throw new Error(`${basename(step.sidecarPath)} changed since "${step.label}"; not undone, to keep those changes`);
    }
    if (step.before === undefined) await fs.rm(step.sidecarPath, { force: true });
    else await writeAtomically(step.sidecarPath, step.before);
  }
}
