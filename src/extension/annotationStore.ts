/**
 * The annotations of every open source, kept in memory and in step with the editor (the VS Code
 * glue around the live-anchor model, core/anchoring/live-model.ts, and the sidecar writer,
 * sidecarWriter.ts):
 * - on open, the sidecar is read and every target anchored against the document's text;
 * - as the user types, each tag's range follows the edit (in UTF-16 offsets of the document);
 * - after a save, the targets that moved are written back (new offsets and context) with the new
 *   source hash; a source closed without saving is re-read from disk later;
 * - when the sidecar changes on disk (git pull, another editor), it is re-read and re-anchored.
 * Every change to a sidecar goes through `change()`, which writes through the writer (locked,
 * atomically or through the sidecar's open editor) and records an undo step.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { createTarget, PreparedText } from '../core/anchoring/anchoring';
import { anchorEntries, mergeEntries, movedTargets, liveChangeOf, shiftEntries, type LiveEntry, type TargetUpdate } from '../core/anchoring/live-model';
import { sidecarPathFor } from '../core/sidecar/model';
import { otherSourceRefusal } from '../core/sidecar/refusals';
import type { SidecarEdit } from '../core/sidecar/sidecar-batch';
import { readSidecarFile, writeSidecarFile } from '../core/sidecar/sidecar-file';
import { newSidecarDocument, setSource, sidecarFileText, updateAnnotation, updateDismissal, type SidecarDocument } from '../core/sidecar/sidecar-io';
import { sourceHash } from '../core/sidecar/source-hash';
import { promises as fs } from 'node:fs';
import type { BackgroundWork } from './background';
import { unpackSidecar } from './backgroundJobs';
import type { Log } from './log';
import { SidecarWriter } from './sidecarWriter';

export type { LiveEntry } from '../core/anchoring/live-model';

/** A tag changed on disk while unsaved edits moved it: both versions are kept until the user chooses. */
export interface AnchorConflict {
  sourceUri: vscode.Uri;
  id: string;
  kind: LiveEntry['kind'];
  /** The position the unsaved edits moved the tag to (UTF-16 offsets of the document). */
  mine: { start: number; end: number };
}

export interface SourceAnnotations {
  readonly sourceUri: vscode.Uri;
  readonly sidecarPath: string;
  /** The parsed sidecar; undefined when there is none yet. */
  sidecar?: SidecarDocument;
  /** Problems that kept the sidecar from being read (it is then never written). */
  readError?: string;
  entries: LiveEntry[];
  /** Length of the document text the ranges refer to. */
  textLength: number;
  /** Version of the document the ranges refer to. */
  version: number;
  /**
   * The ranges followed edits the file on disk does not have (since they were anchored or the
   * source saved). Only then is an edit that leaves the document clean a revert: VS Code reports
   * the first keystroke after a save as not dirty too.
   */
  unsavedEdits: boolean;
}

/**
 * Wait after a save before writing the moved tags: VS Code for the Web saves after every pause in
 * typing, and rewriting 10,000 moved targets takes the extension host about a second. A save
 * in the meantime replaces the waiting one; typing in the meantime skips it (saveMovesNow).
 */
const SAVE_MOVES_DELAY_MS = 1500;

interface DelayedSave {
  timer: ReturnType<typeof setTimeout>;
  document: vscode.TextDocument;
  /** Settles the promise of a save a later one replaced. */
  superseded: () => void;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, SourceAnnotations>();
  private readonly writer: SidecarWriter;
  /** Per source URI: the save-moves waiting for SAVE_MOVES_DELAY_MS. */
  private readonly delayedSaves = new Map<string, DelayedSave>();
  /** Conflicts waiting for the user's choice (see `mergeReload`). */
  readonly conflicts: AnchorConflict[] = [];
  private readonly conflicted = new vscode.EventEmitter<AnchorConflict>();
  /** Fires for each new conflict; the extension asks the user (see extension.ts). */
  readonly onConflict = this.conflicted.event;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the source's URI whenever its annotations or their ranges change. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log, private readonly background: Pick<BackgroundWork, 'run'>) {
    this.writer = new SidecarWriter(log);
  }

  dispose(): void {
    for (const { timer } of this.delayedSaves.values()) clearTimeout(timer);
    this.changed.dispose();
    this.conflicted.dispose();
  }

  get(uri: vscode.Uri): SourceAnnotations | undefined {
    return this.states.get(uri.toString());
  }

  all(): SourceAnnotations[] {
    return [...this.states.values()];
  }

  /**
   * Reads the sidecar of `document` (if any) and anchors it against the document's current text.
   * Queued with the changes of the same sidecar: a load still reading a large sidecar must not
   * replace, when it finishes, the state a tag made meanwhile (VS Code closes and reopens a
   * document whose language changes, so a load can overlap the first tag).
   */
  load(document: vscode.TextDocument): Promise<SourceAnnotations> {
    return this.writer.serialize(sidecarPathFor(document.uri.fsPath), () => this.loadNow(document));
  }

  private async loadNow(document: vscode.TextDocument): Promise<SourceAnnotations> {
    const sidecarPath = sidecarPathFor(document.uri.fsPath);
    const state: SourceAnnotations = { sourceUri: document.uri, sidecarPath, entries: [], textLength: 0, version: document.version, unsavedEdits: document.isDirty };
    let sidecar: SidecarDocument | undefined;
    try {
      // On the background worker: parsing 10,000 tags takes a CPU-second on a loaded machine.
      const packed = await this.background.run('readSidecar', { path: sidecarPath });
      sidecar = packed && unpackSidecar(packed);
    } catch (error) {
      state.readError = `cannot read ${sidecarPath}: ${(error as Error).message}`;
    }
    if (sidecar && !sidecar.writable) {
      const first = sidecar.problems.find((p) => p.severity === 'error');
      state.readError = `${basename(sidecarPath)} has errors${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}; fix them before tagging`;
    }
    state.sidecar = sidecar;
    anchorState(state, document);
    this.states.set(document.uri.toString(), state);
    this.changed.fire(document.uri);
    return state;
  }

  /** Drops what is kept for a closed document: unsaved moves are discarded with the unsaved text. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const delayed = this.delayedSaves.get(key);
    if (!delayed) {
      this.drop(uri);
      return;
    }
    // Saved, then closed before the moves were written: write them now, then forget.
    clearTimeout(delayed.timer);
    this.delayedSaves.delete(key);
    const closing = this.states.get(key);
    // Reopened meanwhile: the new load's state stays.
    const saving = this.saveMovesQueued(delayed.document).finally(() => this.states.get(key) === closing && this.drop(uri));
    this.log.fireAndForget(`updating anchors of ${uri.fsPath} on close`, saving.then(delayed.superseded));
  }

  private drop(uri: vscode.Uri): void {
    if (this.states.delete(uri.toString())) this.changed.fire(uri);
  }

  /** Moves every range through the edits of one change event; false when the document is not tracked. */
  applyDocumentChange(event: vscode.TextDocumentChangeEvent): boolean {
    const state = this.get(event.document.uri);
    if (!state) return false;
    const change = liveChangeOf(state, event.contentChanges, event.document.isDirty);
    if (change === 'saved-state') {
      state.unsavedEdits = event.document.isDirty;
      return false;
    }
    if (change === 'restore') {
      // A revert or a reload from disk: nothing to follow, anchor the stored targets again.
      anchorState(state, event.document);
    } else {
      // Not getText(): a 1 MB copy per keystroke.
      state.textLength = shiftEntries(state.entries, event.contentChanges, state.textLength);
      state.version = event.document.version;
      state.unsavedEdits = true;
    }
    this.changed.fire(event.document.uri);
    return true;
  }

  /**
   * After the source was saved: writes the new offsets and context of every tag that followed
   * edits exactly (anchored or moved), and the new source hash, SAVE_MOVES_DELAY_MS later.
   * Fuzzy and orphaned ones are left as stored (their diagnostics offer "Re-anchor here"); an
   * unchanged sidecar is not rewritten. Resolves once written (or replaced by a later save).
   */
  saveMoves(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const saved = this.states.get(key);
    if (saved) saved.unsavedEdits = false;
    const earlier = this.delayedSaves.get(key);
    if (earlier) {
      clearTimeout(earlier.timer);
      earlier.superseded();
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.delayedSaves.delete(key);
        this.saveMovesQueued(document).then(resolve, reject);
      }, SAVE_MOVES_DELAY_MS);
      this.delayedSaves.set(key, { timer, document, superseded: resolve });
    });
  }

  private saveMovesQueued(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document.uri);
    if (!state?.sidecar) return Promise.resolve();
    // One waiting write covers every save before it starts: it reads the text when it runs.
    return this.writer.once(state.sidecarPath, 'save moves', () => this.saveMovesNow(document));
  }

  private async saveMovesNow(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document.uri);
    if (!state?.sidecar) return;
    // Typed on since the save: the next save writes the moves of the text then on disk.
    if (document.isDirty) return;
    if (!vscode.workspace.isTrusted) {
      // Restricted Mode (package.json capabilities): no write the user did not ask for.
      this.log.info(`Restricted Mode: not updating ${basename(state.sidecarPath)} after save; moved tags are shown as diagnostics`);
      return;
    }
    await this.syncWithDisk(state, document);
    if (!state.sidecar?.writable) return;
    // A sidecar of another file (its `source` says so) is never rewritten against this text.
    if (otherSourceRefusal(state.sidecarPath, state.sidecar.sidecar?.source)) return;
    const text = new PreparedText(document.getText());
    const { updates, allExact } = movedTargets(state.entries, text);
    const edits = retargetEdits(state.sidecar, updates, allExact ? sourceHash(text.text) : undefined);
    if (edits.length === 0) return;
    // On the background worker: rewriting 10,000 moved targets takes most of a CPU-second.
    const doc = unpackSidecar(await this.background.run('editSidecar', { fileText: sidecarFileText(state.sidecar), edits }));
    await this.writer.write(state.sidecarPath, state.sidecar, doc, 'Update anchors after save', false);
    state.sidecar = doc;
    // Anchored against the text as it is now: edits typed during the write already moved the old ranges.
    anchorState(state, document);
    this.changed.fire(document.uri);
  }

  /**
   * The one way to change a sidecar: `edit` gets the current document (a new one when the source
   * has no sidecar yet) and returns the changed one; it is written and recorded for undo. The
   * sidecar's lock is held (waited for asynchronously) from the re-read of the file to the write,
   * so a CLI or script writing it at the same time loses nothing, and neither does the editor.
   */
  async change(document: vscode.TextDocument, label: string, edit: (doc: SidecarDocument) => SidecarDocument): Promise<void> {
    const sidecarPath = sidecarPathFor(document.uri.fsPath);
    await this.writer.serializeLocked(sidecarPath, () => this.changeNow(document, label, edit));
  }

  private async changeNow(document: vscode.TextDocument, label: string, edit: (doc: SidecarDocument) => SidecarDocument): Promise<void> {
    const cached = this.get(document.uri);
    // A state loaded just now already matches the disk; one loaded earlier is brought up to date.
    const state = cached ?? (await this.loadNow(document));
    if (cached) await this.syncWithDisk(state, document);
    if (state.readError) throw new Error(state.readError);
    const otherSource = otherSourceRefusal(state.sidecarPath, state.sidecar?.sidecar?.source, basename(state.sidecarPath));
    if (otherSource) throw new Error(otherSource);
    const current = state.sidecar ?? newSidecarDocument(basename(document.uri.fsPath), sourceHash(document.getText()));
    const next = edit(current);
    await this.writer.write(state.sidecarPath, state.sidecar, next, label, true);
    state.sidecar = next;
    anchorState(state, document);
    this.changed.fire(document.uri);
  }

  /**
   * Before writing, make sure the sidecar in memory is the one on disk: a `git pull` or another
   * editor may have changed it before the file watcher told us. Editing a stale copy would
   * overwrite their changes.
   */
  private async syncWithDisk(state: SourceAnnotations, document: vscode.TextDocument): Promise<void> {
    const onDisk = await this.writer.textOnDisk(state.sidecarPath);
    const inMemory = state.sidecar ? sidecarFileText(state.sidecar) : undefined;
    if (onDisk === inMemory && !state.readError) return;
    this.log.info(`${basename(state.sidecarPath)} changed on disk; re-reading it before writing`);
    // Keep the caller's object the one the store holds: it goes on to edit it.
    Object.assign(state, await this.mergeReload(state, document));
    this.states.set(document.uri.toString(), state);
  }

  /**
   * Re-reads a sidecar that changed on disk, unless the disk holds what the store holds (our own
   * write, queued behind it). Compared with the store and not with our last write: a file another
   * program writes in two steps (truncate, then write) can be read half-written, and its last
   * event must still bring the store back, even when the bytes are the ones we wrote last.
   */
  async sidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const state = this.all().find((s) => s.sidecarPath === sidecarUri.fsPath);
    if (!state) return;
    await this.writer.serialize(state.sidecarPath, async () => {
      const text = await this.writer.textOnDisk(state.sidecarPath);
      if (text === (state.sidecar ? sidecarFileText(state.sidecar) : undefined)) return;
      const document = openDocument(state.sourceUri);
      if (document) await this.mergeReload(state, document);
    });
  }

  /**
   * Reads the sidecar again and merges it, by entry id, with what the unsaved edits did to the
   * ranges (a `git pull` while the source has unsaved edits): see mergeEntries. A conflict keeps
   * the disk version and asks the user whether to keep the moved position instead. Nothing is
   * dropped silently.
   */
  private async mergeReload(previous: SourceAnnotations, document: vscode.TextDocument): Promise<SourceAnnotations> {
    const entriesBefore = previous.entries;
    const fresh = await this.loadNow(document);
    if (document.isDirty) {
      for (const { kind, id, mine } of mergeEntries(entriesBefore, fresh.entries)) {
        const conflict: AnchorConflict = { sourceUri: document.uri, id, kind, mine };
        this.conflicts.push(conflict);
        this.conflicted.fire(conflict);
        this.log.warn(`conflict: ${kind} ${id} changed on disk while unsaved edits moved it`);
      }
      this.changed.fire(document.uri);
    }
    return fresh;
  }

  /**
   * A source was renamed or moved: its sidecar goes along (renamed beside it, `source` updated),
   * unless a sidecar already exists at the new place, which is never overwritten.
   */
  async sourceRenamed(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<string | undefined> {
    if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') return undefined;
    const from = sidecarPathFor(oldUri.fsPath);
    const to = sidecarPathFor(newUri.fsPath);
    return this.writer.serializeLocked(from, async () => {
      const doc = await readSidecarFile(from).catch(() => undefined);
      if (!doc) return undefined;
      if (await fs.stat(to).then(() => true, () => false)) {
        return `${basename(newUri.fsPath)} already has a sidecar; ${basename(from)} was left where it is`;
      }
      if (doc.writable) {
        await writeSidecarFile(to, setSource(doc, basename(newUri.fsPath)));
        await fs.rm(from, { force: true });
      } else {
        // Unreadable as a sidecar: move its bytes unchanged and let check report what to fix.
        await fs.rename(from, to);
      }
      this.log.info(`moved ${from} to ${to} with its source`);
      return undefined;
    });
  }

  /** Answers a conflict: keep the position the unsaved edits gave the tag, or the one on disk. */
  async resolveConflict(conflict: AnchorConflict, keepMine: boolean): Promise<void> {
    const index = this.conflicts.indexOf(conflict);
    if (index >= 0) this.conflicts.splice(index, 1);
    const document = openDocument(conflict.sourceUri);
    if (!keepMine || !document) {
      if (document) this.changed.fire(document.uri);
      return;
    }
    const text = new PreparedText(document.getText());
    const target = createTarget(text, text.toCodePoint(conflict.mine.start), text.toCodePoint(conflict.mine.end));
    await this.change(document, 'Keep my position of the tag', (doc) =>
      conflict.kind === 'annotation' ? updateAnnotation(doc, conflict.id, { target }) : updateDismissal(doc, conflict.id, { target }));
  }

  get canUndo(): boolean {
    return this.writer.canUndo;
  }

  /** Records a write of another file of ours (the incidents file) in the same undo journal. */
  recordUndo(label: string, path: string, before: string | undefined, after: string): void {
    this.writer.recordUndo(label, path, before, after);
  }

  /** Restores the sidecar as it was before the last change made through `change()`. */
  async undo(): Promise<string | undefined> {
    const step = await this.writer.undo();
    if (!step) return undefined;
    // Reloaded after the lock is released: a load waits behind queued changes, which wait for the lock.
    for (const document of vscode.workspace.textDocuments) {
      const state = this.get(document.uri);
      if (state?.sidecarPath === step.sidecarPath) await this.load(document);
    }
    return step.label;
  }
}

/** Anchors the state's sidecar against the document's text as it is now. */
function anchorState(state: SourceAnnotations, document: vscode.TextDocument): void {
  const text = document.getText();
  state.entries = anchorEntries(state.sidecar?.sidecar, text);
  state.textLength = text.length;
  state.version = document.version;
  state.unsavedEdits = document.isDirty;
}

/**
 * The edits that write the moved targets (and the hash) in one batch (editSidecar: one read to
 * verify, no yaml Document parse for a clean file); none when nothing changed.
 */
function retargetEdits(doc: SidecarDocument, updates: readonly TargetUpdate[], hash: string | undefined): SidecarEdit[] {
  const edits: SidecarEdit[] = updates.map(({ kind, id, target }) =>
    (kind === 'annotation' ? { kind: 'update-annotation', id, changes: { target } } : { kind: 'update-dismissal', id, changes: { target } }));
  if (hash !== undefined && doc.sidecar?.sourceHash !== hash) edits.push({ kind: 'source-hash', hash });
  return edits;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}
