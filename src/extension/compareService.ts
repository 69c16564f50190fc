/**
 * The comparison with another annotator's tags ("Compare annotations with…"): their sidecars,
 * read once from a git branch or ref (`git show`, nothing checked out) or a folder, and for each
 * source the disagreements between their tags and mine (core/team/disagreements.ts) and the
 * agreement of the two (core/team/agreement.ts).
 *
 * Their tags are anchored against my text (the same anchoring as mine: moved and fuzzy matches
 * are found, the rest counted as orphaned), so a source edited on one branch still lines up. In
 * an open source they are anchored once and then follow each edit, as the store's ranges of mine
 * do (anchoring thousands of tags on every keystroke would hold the editor); closed sources are
 * read from disk, cached until their sidecar changes. All offsets handed to the core are code points.
 */
import { resolve } from 'node:path';
import { relativeInside } from '../core/files/inside-root';
import * as vscode from 'vscode';
import { anchorAll, PreparedText } from '../core/anchoring/anchoring';
import { anchorEntries, liveChangeOf, shiftEntries, type LiveEntry } from '../core/anchoring/live-model';
import { readTextFile } from '../core/files/read-text-file';
import { SIDECAR_VERSION, sidecarPathFor, type AnchorResult, type Annotation } from '../core/sidecar/model';
import { readSidecarFile } from '../core/sidecar/sidecar-file';
import { measureAgreement, type Agreement } from '../core/team/agreement';
import { GIT_SIDE_PREFIX, readAnnotatorSide, type AnnotatorSide } from '../core/team/annotator-side';
import { findDisagreements, visibleTheirs, type Disagreement, type PlacedAnnotation } from '../core/team/disagreements';
import type { AnnotationStore } from './annotationStore';
import type { Log } from './log';
import type { WorkspaceSidecars } from './workspaceSidecars';

/** Folders a folder side's walk never enters. */
const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

export interface ComparedSide {
  /** `git:REF` or an absolute folder. */
  given: string;
  /** As shown: the branch or ref, or the folder relative to the workspace. */
  label: string;
}

/** One source compared: offsets in code points of my text as it is now. */
export interface SourceComparison {
  text: PreparedText;
  /** Their tags shown beside mine (those a decision of mine set aside are left out). */
  theirs: PlacedAnnotation[];
  disagreements: Disagreement[];
  /** Their tags that did not anchor in my text. */
  orphaned: number;
  /** Measured when first read (segmenting the whole text): the status bar needs it, the code actions do not. */
  readonly agreement: Agreement;
}

export class CompareService implements vscode.Disposable {
  private side?: AnnotatorSide;
  private current?: ComparedSide;
  private root?: vscode.Uri;
  private generation = 0;
  /** Per open source: the comparison, for the generation, document version and store entries it was made from. */
  private readonly live = new Map<string, { generation: number; version: number; entries: readonly unknown[]; comparison: SourceComparison }>();
  private readonly closed = new Map<string, Promise<SourceComparison | undefined>>();
  /** Per open source: their tags anchored in the document, moved with each edit since (UTF-16 ranges). */
  private readonly theirsLive = new Map<string, { generation: number; version: number; textLength: number; entries: LiveEntry[]; unsavedEdits: boolean }>();
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Fires when a comparison starts or stops. */
  readonly onDidChangeComparison = this.changedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnnotationStore, sidecars: WorkspaceSidecars, private readonly log: Log) {
    this.disposables.push(
      this.changedEmitter,
      sidecars.onDidChangeSidecar(({ uri }) => this.closed.delete(uri.fsPath)),
      store.onDidChange((uri) => this.closed.delete(sidecarPathFor(uri.fsPath))),
      vscode.workspace.onDidChangeTextDocument((event) => this.followEdit(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.theirsLive.delete(document.uri.toString())),
      vscode.workspace.onDidSaveTextDocument((document) => {
        const live = this.theirsLive.get(document.uri.toString());
        if (live) live.unsavedEdits = false;
      }),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** What is compared now, undefined when nothing is. */
  get compared(): ComparedSide | undefined {
    return this.current;
  }

  /** Reads the other side (`git:REF` or a folder, relative to the workspace folder); throws, saying why, when it cannot be read. */
  async compareWith(given: string): Promise<ComparedSide> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) throw new Error('open a folder first: the comparison reads the other side relative to it');
    const side = await readAnnotatorSide(given, { cwd: root.fsPath, skipFolders: SKIPPED_FOLDERS, sourceTexts: false });
    for (const problem of side.problems) this.log.warn(`comparison: ${problem}`);
    const isRef = given.startsWith(GIT_SIDE_PREFIX);
    const folder = isRef ? undefined : resolve(root.fsPath, given);
    this.side = side;
    this.root = root;
    this.current = isRef ? { given, label: given.slice(GIT_SIDE_PREFIX.length) } : { given: folder!, label: vscode.workspace.asRelativePath(folder!, false) };
    this.forgetResults();
    this.log.info(`comparing with ${this.current.label}: ${side.sources.size} annotated source(s)`);
    this.changedEmitter.fire();
    return this.current;
  }

  stop(): void {
    this.side = undefined;
    this.current = undefined;
    this.forgetResults();
    this.changedEmitter.fire();
  }

  private forgetResults(): void {
    this.generation++;
    this.live.clear();
    this.closed.clear();
    this.theirsLive.clear();
  }

  /** Moves their tags in an open source through one edit, as the store moves mine. */
  private followEdit(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const live = this.theirsLive.get(key);
    // Anchored at this version already (asked for while this edit was being dispatched): nothing to move.
    if (!live) return;
    const change = liveChangeOf(live, event.contentChanges, event.document.isDirty);
    if (change === 'saved-state') {
      live.unsavedEdits = event.document.isDirty;
      return;
    }
    // Anchored at this version already (asked for while this edit was being dispatched): nothing to move.
    if (live.version >= event.document.version) return;
    // A revert or a reload: nothing to follow; anchored again when next asked.
    if (change === 'restore') {
      this.theirsLive.delete(key);
      return;
    }
    live.textLength = shiftEntries(live.entries, event.contentChanges, live.textLength);
    live.version = event.document.version;
    live.unsavedEdits = true;
  }

  /** Their tags in the open document: anchored the first time (or after a comparison or a reload), moved with the edits since. */
  private theirsIn(document: vscode.TextDocument, text: PreparedText, annotations: Annotation[]): LiveEntry[] {
    const key = document.uri.toString();
    let live = this.theirsLive.get(key);
    if (!live || live.generation !== this.generation || live.version !== document.version) {
      const sidecar = { version: SIDECAR_VERSION, source: '', sourceHash: '', annotations, dismissed: [] };
      live = { generation: this.generation, version: document.version, textLength: text.text.length, entries: anchorEntries(sidecar, text), unsavedEdits: document.isDirty };
      this.theirsLive.set(key, live);
    }
    return live.entries;
  }

  /** The source's path as the other side keys it ('/'-separated, relative to the workspace folder). */
  private keyOf(uri: vscode.Uri): string | undefined {
    if (!this.root || uri.scheme !== 'file') return undefined;
    return relativeInside(this.root.fsPath, uri.fsPath);
  }

  /** Their annotations of the source as stored on their side; undefined when they have no sidecar for it. */
  theirAnnotations(uri: vscode.Uri): Annotation[] | undefined {
    const key = this.keyOf(uri);
    return key === undefined ? undefined : this.side?.sources.get(key)?.annotations;
  }

  /** Every source the other side annotated, as URIs in the workspace. */
  comparedSources(): vscode.Uri[] {
    if (!this.root || !this.side) return [];
    return [...this.side.sources.keys()].map((path) => vscode.Uri.joinPath(this.root!, ...path.split('/')));
  }

  /** The comparison of an open source, from the store's live ranges; undefined when not compared or not loaded for this version. */
  forDocument(document: vscode.TextDocument): SourceComparison | undefined {
    const theirs = this.theirAnnotations(document.uri);
    const state = this.store.get(document.uri);
    if (!theirs || !state || state.version !== document.version) return undefined;
    const cached = this.live.get(document.uri.toString());
    // The store replaces `entries` whenever the sidecar is written or re-read, and bumps the version on edits.
    if (cached && cached.generation === this.generation && cached.version === document.version && cached.entries === state.entries) return cached.comparison;
    const text = new PreparedText(document.getText());
    const placed = (entries: readonly LiveEntry[]) => entries.flatMap((entry): PlacedAnnotation[] => entry.kind === 'annotation' && entry.range
      ? [{ annotation: entry.entry as Annotation, start: text.toCodePoint(entry.range.start), end: text.toCodePoint(entry.range.end) }]
      : []);
    const comparison = compareSource(vscode.workspace.asRelativePath(document.uri, false), text, placed(state.entries), placed(this.theirsIn(document, text, theirs)), theirs.length);
    this.live.set(document.uri.toString(), { generation: this.generation, version: document.version, entries: state.entries, comparison });
    return comparison;
  }

  /** The comparison of a source: live when it is open, else read from disk (cached until its sidecar changes). */
  async forSource(uri: vscode.Uri): Promise<SourceComparison | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const live = document && this.forDocument(document);
    if (live) return live;
    const sidecarPath = sidecarPathFor(uri.fsPath);
    let read = this.closed.get(sidecarPath);
    if (!read) {
      read = this.readFromDisk(uri).catch((error: unknown) => {
        this.log.error(`comparison: could not read ${sidecarPath}`, error);
        return undefined;
      });
      this.closed.set(sidecarPath, read);
    }
    return read;
  }

  private async readFromDisk(uri: vscode.Uri): Promise<SourceComparison | undefined> {
    const theirs = this.theirAnnotations(uri);
    if (!theirs) return undefined;
    const decoded = await readTextFile(uri.fsPath, { kind: 'source' });
    if (!decoded.ok) return undefined;
    const text = new PreparedText(decoded.text);
    const annotations = (await readSidecarFile(sidecarPathFor(uri.fsPath)).catch(() => undefined))?.sidecar?.annotations ?? [];
    return compareSource(vscode.workspace.asRelativePath(uri, false), text, placeAll(text, annotations), placeAll(text, theirs), theirs.length);
  }
}

/** The annotations found in `text` (orphaned ones left out), at their anchored code-point ranges. */
function placeAll(text: PreparedText, annotations: readonly Annotation[]): PlacedAnnotation[] {
  const anchors: AnchorResult[] = anchorAll(text, annotations.map((a) => a.target));
  return annotations.flatMap((annotation, i) => {
    const anchor = anchors[i];
    return anchor.status === 'orphaned' ? [] : [{ annotation, start: anchor.start, end: anchor.end }];
  });
}

/** Annotations moved to where they are placed, for the agreement measures. */
const atPlace = (placed: readonly PlacedAnnotation[]): Annotation[] => placed.map((p) => ({ ...p.annotation, target: { ...p.annotation.target, start: p.start, end: p.end } }));

/** `theirs`: their tags found in the text, of `theirCount` in their sidecar. */
function compareSource(file: string, text: PreparedText, mine: PlacedAnnotation[], theirs: PlacedAnnotation[], theirCount: number): SourceComparison {
  let agreement: Agreement | undefined;
  return {
    text,
    theirs: visibleTheirs(mine, theirs),
    disagreements: findDisagreements(mine, theirs),
    orphaned: theirCount - theirs.length,
    get agreement() {
      agreement ??= measureAgreement([{ file, text: text.text, a: atPlace(mine), b: atPlace(theirs) }]);
      return agreement;
    },
  };
}
