/**
 * The annotations of every open source, kept in memory and in step with the editor:
 * - on open, the sidecar is read and every target anchored against the document's text;
 * - as the user types, each tag's range follows the edit (in UTF-16 offsets of the document);
 * - on save, the targets that moved are written back (new offsets and context) with the new
 *   source hash, in the same moment; a source closed without saving is re-read from disk later;
 * - when the sidecar changes on disk (git pull, another editor), it is re-read and re-anchored.
 * Every change to a sidecar goes through `change()`, which writes atomically (or through the
 * sidecar's open editor, so that editor's undo works) and records an undo step.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { anchorAll, createTarget, PreparedText, shiftRange } from '../core/anchoring/anchoring';
import type { AnchorResult, Annotation, Dismissal, TextTarget } from '../core/sidecar/model';
import { sidecarPathFor } from '../core/sidecar/model';
import {
  newSidecarDocument, setSource, sidecarFileText, updateAnnotation, updateDismissal, type SidecarDocument,
} from '../core/sidecar/sidecar-io';
import { readSidecarFile, writeAtomically, writeSidecarFile } from '../core/sidecar/sidecar-file';
import { otherSourceRefusal } from '../core/sidecar/refusals';
import { editSidecar, type SidecarEdit } from '../core/sidecar/sidecar-batch';
import { withSidecarLock } from '../core/sidecar/sidecar-lock';
import { sourceHash } from '../core/sidecar/source-hash';
import { basename } from 'node:path';
import type { Log } from './log';

export interface LiveEntry {
  kind: 'annotation' | 'dismissal';
  id: string;
  /** The stored entry (an annotation or a dismissal). */
  entry: Annotation | Dismissal;
  /** How the stored target anchored when the sidecar was last read or written. */
  anchor: AnchorResult;
  /** Current range in UTF-16 offsets of the document, following edits; undefined when orphaned. */
  range?: { start: number; end: number };
  /** The range right after the last anchoring: differs from `range` once edits moved the tag. */
  anchoredRange?: { start: number; end: number };
}

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
}

interface UndoStep {
  label: string;
  sidecarPath: string;
  /** File text before the change; undefined when the change created the file. */
  before?: string;
  after: string;
}

const UNDO_LIMIT = 100;
/**
 * Wait after a save before writing the moved tags: VS Code for the Web saves after every pause in
 * typing, and rewriting 10,000 moved targets takes the extension host about a second. A save
 * in the meantime replaces the waiting one; typing in the meantime skips it (saveMovesNow).
 */
const SAVE_MOVES_DELAY_MS = 1500;

export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, SourceAnnotations>();
  /** Sidecar file texts we wrote ourselves, so the watcher does not re-read our own writes. */
  private readonly ownWrites = new Map<string, string>();
  private readonly undoSteps: UndoStep[] = [];
  /** Per sidecar path: the work in flight, so two quick changes cannot both edit the same old copy. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Per source URI: the save-moves waiting for SAVE_MOVES_DELAY_MS; a later save replaces it. */
  private readonly delayedSaves = new Map<string, { timer: ReturnType<typeof setTimeout>; document: vscode.TextDocument; superseded: () => void }>();
  /** Per sidecar path: the save-moves queued and not started yet. */
  private readonly waitingSaves = new Map<string, Promise<void>>();
  /** Conflicts waiting for the user's choice (see `mergeReload`). */
  readonly conflicts: AnchorConflict[] = [];
  private readonly conflicted = new vscode.EventEmitter<AnchorConflict>();
  /** Fires for each new conflict; the extension asks the user (see extension.ts). */
  readonly onConflict = this.conflicted.event;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the source's URI whenever its annotations or their ranges change. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {}

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
    return this.serialize(sidecarPathFor(document.uri.fsPath), () => this.loadNow(document));
  }

  private async loadNow(document: vscode.TextDocument): Promise<SourceAnnotations> {
    const sidecarPath = sidecarPathFor(document.uri.fsPath);
    const state: SourceAnnotations = { sourceUri: document.uri, sidecarPath, entries: [], textLength: 0, version: document.version };
    let sidecar: SidecarDocument | undefined;
    try {
      sidecar = await readSidecarFile(sidecarPath);
    } catch (error) {
      state.readError = `cannot read ${sidecarPath}: ${(error as Error).message}`;
    }
    if (sidecar && !sidecar.writable) {
      const first = sidecar.problems.find((p) => p.severity === 'error');
      state.readError = `${basename(sidecarPath)} has errors${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}; fix them before tagging`;
    }
    state.sidecar = sidecar;
    this.anchor(state, document.getText(), document.version);
    this.states.set(document.uri.toString(), state);
    this.changed.fire(document.uri);
    return state;
  }

  /** Drops what is kept for a closed document: unsaved moves are discarded with the unsaved text. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const delayed = this.delayedSaves.get(key);
    if (delayed) {
      // Saved, then closed before the moves were written: write them now, then forget.
      clearTimeout(delayed.timer);
      this.delayedSaves.delete(key);
      const closing = this.states.get(key);
      // Reopened meanwhile: the new load's state stays.
      const saving = this.saveMovesSoon(delayed.document).finally(() => this.states.get(key) === closing && this.drop(uri));
      this.log.fireAndForget(`updating anchors of ${uri.fsPath} on close`, saving.then(delayed.superseded));
      return;
    }
    this.drop(uri);
  }

  private drop(uri: vscode.Uri): void {
    if (this.states.delete(uri.toString())) this.changed.fire(uri);
  }

  /** Moves every range through the edits of one change event; false when the document is not tracked. */
  applyDocumentChange(event: vscode.TextDocumentChangeEvent): boolean {
    const state = this.get(event.document.uri);
    if (!state || event.contentChanges.length === 0) return false;
    const replacesAll = event.contentChanges.some((c) => c.rangeOffset === 0 && c.rangeLength >= state.textLength);
    if (replacesAll) {
      // A revert or a reload from disk: nothing to follow, anchor the stored targets again.
      this.anchor(state, event.document.getText(), event.document.version);
    } else {
      // Offsets in one event refer to the text before it; from the last change back, each stays valid.
      const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
      for (const change of changes) {
        const edit = { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, newLength: change.text.length };
        for (const entry of state.entries) if (entry.range) entry.range = pick(shiftRange(entry.range, edit));
      }
      state.textLength = textLengthAfter(state.textLength, event.contentChanges);
      state.version = event.document.version;
    }
    this.changed.fire(event.document.uri);
    return true;
  }

  /**
   * After the source was saved: writes the new offsets and context of every tag that followed
   * edits exactly (anchored or moved), and the new source hash. Fuzzy and orphaned ones are left
   * as stored (their diagnostics offer "Re-anchor here"); an unchanged sidecar is not rewritten.
   */
  saveMoves(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const earlier = this.delayedSaves.get(key);
    if (earlier) {
      clearTimeout(earlier.timer);
      earlier.superseded();
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.delayedSaves.delete(key);
        this.saveMovesSoon(document).then(resolve, reject);
      }, SAVE_MOVES_DELAY_MS);
      this.delayedSaves.set(key, { timer, document, superseded: resolve });
    });
  }

  private saveMovesSoon(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document.uri);
    if (!state?.sidecar) return Promise.resolve();
    const path = state.sidecarPath;
    // A save still waiting in the queue reads the text when it runs: it covers this one too.
    const waiting = this.waitingSaves.get(path);
    if (waiting) return waiting;
    const run = this.serializeLocked(path, () => {
      this.waitingSaves.delete(path);
      return this.saveMovesNow(document);
    });
    this.waitingSaves.set(path, run);
    const cleanup = () => {
      if (this.waitingSaves.get(path) === run) this.waitingSaves.delete(path);
    };
    run.then(cleanup, cleanup);
    return run;
  }

  private async saveMovesNow(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document.uri);
    if (!state?.sidecar) return;
    // Typed on since the save (auto save while typing): the next save writes the moves of the text on disk.
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
    const updates: TargetUpdate[] = [];
    let allExact = true;
    for (const entry of state.entries) {
      const exact = entry.anchor.status === 'anchored' || entry.anchor.status === 'moved';
      if (!exact || !entry.range || (entry.range.start === entry.range.end && entry.entry.target.exact !== '')) {
        allExact = false;
        continue;
      }
      const target = createTarget(text, text.toCodePoint(entry.range.start), text.toCodePoint(entry.range.end));
      if (!sameTarget(target, entry.entry.target)) updates.push({ kind: entry.kind, id: entry.id, target });
    }
    const hash = allExact ? sourceHash(text.text) : undefined;
    const doc = retargeted(state.sidecar, updates, hash);
    if (doc === state.sidecar) return;
    await this.writeSidecar(state.sidecarPath, state.sidecar, doc, 'Update anchors after save', false);
    state.sidecar = doc;
    // Anchored against the text as it is now: edits typed during the write already moved the old ranges.
    this.anchor(state, document.getText(), document.version);
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
    await this.serializeLocked(sidecarPath, () => this.changeNow(document, label, edit));
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
    await this.writeSidecar(state.sidecarPath, state.sidecar, next, label, true);
    state.sidecar = next;
    this.anchor(state, document.getText(), document.version);
    this.changed.fire(document.uri);
  }

  /**
   * Before writing, make sure the sidecar in memory is the one on disk: a `git pull` or another
   * editor may have changed it before the file watcher told us. Editing a stale copy would
   * overwrite their changes.
   */
  private async syncWithDisk(state: SourceAnnotations, document: vscode.TextDocument): Promise<void> {
    const onDisk = await fs.readFile(state.sidecarPath, 'utf8').catch(() => undefined);
    const inMemory = state.sidecar ? sidecarFileText(state.sidecar) : undefined;
    if (onDisk === inMemory && !state.readError) return;
    this.log.info(`${basename(state.sidecarPath)} changed on disk; re-reading it before writing`);
    // Keep the caller's object the one the store holds: it goes on to edit it.
    Object.assign(state, await this.mergeReload(state, document));
    this.states.set(document.uri.toString(), state);
  }

  /** Re-reads a sidecar that changed on disk, unless the change is our own write. */
  async sidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const state = this.all().find((s) => s.sidecarPath === sidecarUri.fsPath);
    if (!state) return;
    await this.serialize(state.sidecarPath, async () => {
      const text = await fs.readFile(state.sidecarPath, 'utf8').catch(() => undefined);
      if (text !== undefined && this.ownWrites.get(state.sidecarPath) === text) return;
      if (text === (state.sidecar ? sidecarFileText(state.sidecar) : undefined)) return;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.sourceUri.toString());
      if (document) await this.mergeReload(state, document);
    });
  }

  /**
   * Reads the sidecar again and merges it, by entry id, with what the unsaved edits did to the
   * ranges (a `git pull` while the source has unsaved edits): an entry whose stored target did
   * not change on disk keeps the range the edits moved it to; a new entry is anchored; an entry
   * whose target changed on disk while edits moved it is a conflict: the disk version is used
   * and the user is asked whether to keep the moved position instead. Nothing is dropped silently.
   */
  private async mergeReload(previous: SourceAnnotations, document: vscode.TextDocument): Promise<SourceAnnotations> {
    const before = new Map(previous.entries.map((entry) => [`${entry.kind}:${entry.id}`, entry]));
    const fresh = await this.loadNow(document);
    if (document.isDirty) {
      for (const entry of fresh.entries) {
        const old = before.get(`${entry.kind}:${entry.id}`);
        if (!old?.range) continue;
        const movedByEdits = !old.anchoredRange || old.anchoredRange.start !== old.range.start || old.anchoredRange.end !== old.range.end;
        if (sameTarget(old.entry.target, entry.entry.target)) {
          entry.range = { ...old.range };
          entry.anchoredRange = old.anchoredRange && { ...old.anchoredRange };
          entry.anchor = old.anchor;
        } else if (movedByEdits) {
          const conflict: AnchorConflict = { sourceUri: document.uri, id: entry.id, kind: entry.kind, mine: { ...old.range } };
          this.conflicts.push(conflict);
          this.conflicted.fire(conflict);
          this.log.warn(`conflict: ${entry.kind} ${entry.id} changed on disk while unsaved edits moved it`);
        }
      }
      this.changed.fire(document.uri);
    }
    return fresh;
  }

  /** Queued after earlier work on the sidecar (serialize), then run holding its lock across processes. */
  private serializeLocked<T>(sidecarPath: string, work: () => Promise<T>): Promise<T> {
    return this.serialize(sidecarPath, () => withSidecarLock(sidecarPath, work));
  }

  /** Runs `work` after every earlier piece of work on the same sidecar has finished. */
  private serialize<T>(sidecarPath: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sidecarPath) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(sidecarPath, next);
    const cleanup = () => {
      if (this.queues.get(sidecarPath) === next) this.queues.delete(sidecarPath);
    };
    next.then(cleanup, cleanup);
    return next;
  }

  /**
   * A source was renamed or moved: its sidecar goes along (renamed beside it, `source` updated),
   * unless a sidecar already exists at the new place, which is never overwritten.
   */
  async sourceRenamed(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<string | undefined> {
    if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') return undefined;
    const from = sidecarPathFor(oldUri.fsPath);
    const to = sidecarPathFor(newUri.fsPath);
    return this.serializeLocked(from, async () => {
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
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === conflict.sourceUri.toString());
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
    return this.undoSteps.length > 0;
  }

  /** Restores the sidecar as it was before the last change made through `change()`. */
  async undo(): Promise<string | undefined> {
    const step = this.undoSteps.pop();
    if (!step) return undefined;
    await withSidecarLock(step.sidecarPath, () => this.restore(step));
    // Reloaded after the lock is released: a load waits behind queued changes, which wait for the lock.
    for (const document of vscode.workspace.textDocuments) {
      const state = this.get(document.uri);
      if (state?.sidecarPath === step.sidecarPath) await this.load(document);
    }
    return step.label;
  }

  /** Writes back the sidecar as it was before `step`, unless it changed since (call with the sidecar's lock held). */
  private async restore(step: UndoStep): Promise<void> {
    const now = await fs.readFile(step.sidecarPath, 'utf8').catch(() => undefined);
    if (now !== step.after) {
      throw new Error(`${basename(step.sidecarPath)} changed since "${step.label}"; not undone, to keep those changes`);
    }
    if (step.before === undefined) await fs.rm(step.sidecarPath, { force: true });
    else await writeAtomically(step.sidecarPath, step.before);
    this.ownWrites.set(step.sidecarPath, step.before ?? '');
  }

  private anchor(state: SourceAnnotations, text: string, version: number): void {
    const prepared = new PreparedText(text);
    const sidecar = state.sidecar?.sidecar;
    const stored: Array<Pick<LiveEntry, 'kind' | 'id' | 'entry'>> = [
      ...(sidecar?.annotations ?? []).map((a) => ({ kind: 'annotation' as const, id: a.id, entry: a })),
      ...(sidecar?.dismissed ?? []).map((d) => ({ kind: 'dismissal' as const, id: d.id, entry: d })),
    ];
    const results = anchorAll(prepared, stored.map((s) => s.entry.target));
    state.entries = stored.map((s, i) => {
      const anchor = results[i];
      const range = anchor.status === 'orphaned' ? undefined : { start: prepared.toUtf16(anchor.start), end: prepared.toUtf16(anchor.end) };
      return { ...s, anchor, range, anchoredRange: range && { ...range } };
    });
    state.textLength = text.length;
    state.version = version;
  }

  /**
   * Writes `next` over the sidecar at `path`. Through the sidecar's editor when it is open (so
   * that editor's undo undoes it too), atomically on disk otherwise.
   */
  private async writeSidecar(path: string, previous: SidecarDocument | undefined, next: SidecarDocument, label: string, undoable: boolean): Promise<void> {
    // Every caller synced with the disk just before (syncWithDisk), so `previous` is the file's text.
    const before = previous ? sidecarFileText(previous) : undefined;
    const after = sidecarFileText(next);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    this.ownWrites.set(path, after);
    if (open) {
      if (open.isDirty) throw new Error(`${basename(path)} has unsaved changes in an editor: save or revert it, then try again`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), next.text);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) throw new Error(`could not write ${basename(path)} through its editor`);
    } else {
      await writeSidecarFile(path, next);
    }
    if (undoable) {
      this.undoSteps.push({ label, sidecarPath: path, before, after });
      if (this.undoSteps.length > UNDO_LIMIT) this.undoSteps.shift();
    }
    this.log.info(`${label}: wrote ${path}`);
  }
}

/** Length after the changes, without `getText()` (a 1 MB copy per keystroke). */
function textLengthAfter(length: number, changes: readonly vscode.TextDocumentContentChangeEvent[]): number {
  return changes.reduce((total, change) => total - change.rangeLength + change.text.length, length);
}

/**
 * The sidecar with the moved targets (and the hash) rewritten in one batch: one read to verify,
 * no yaml Document parse for a clean file (a save with 10,000 moved tags stays quick).
 */
function retargeted(doc: SidecarDocument, updates: readonly TargetUpdate[], hash: string | undefined): SidecarDocument {
  const edits: SidecarEdit[] = updates.map(({ kind, id, target }) =>
    (kind === 'annotation' ? { kind: 'update-annotation', id, changes: { target } } : { kind: 'update-dismissal', id, changes: { target } }));
  if (hash !== undefined && doc.sidecar?.sourceHash !== hash) edits.push({ kind: 'source-hash', hash });
  return editSidecar(doc, edits);
}

/** A moved entry's new target. */
interface TargetUpdate {
  kind: LiveEntry['kind'];
  id: string;
  target: TextTarget;
}

function pick(range: { start: number; end: number }): { start: number; end: number } {
  return { start: range.start, end: range.end };
}

function sameTarget(a: TextTarget, b: TextTarget): boolean {
  return a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}
