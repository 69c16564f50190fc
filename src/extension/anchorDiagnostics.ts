/**
 * Tags (and dismissed claims) whose stored target did not anchor exactly where it was stored,
 * shown on the source: moved (Information, at the passage it now covers), fuzzy (Warning, with
 * the score and the text it now covers) and orphaned (Error, at the stored position clamped to
 * the text). Orphans are never dropped: the diagnostic says the entry is kept in the sidecar.
 * Recomputed from the store, whose ranges follow every edit, once typing pauses (UPDATE_DELAY_MS:
 * with every tag of a long source moved, rebuilding them all per keystroke stalled the extension
 * host); the quick fixes live in
 * anchorQuickFixes.ts. The sidecar gets the same problems from the check core (sidecarDiagnostics.ts),
 * with the same codes, positioned on the entry in the YAML.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import { EXACT_COPY_REASON } from '../core/anchoring/anchoring';
import { LineIndex, OffsetConverter } from '../core/text/positions';
import { describeFuzzyMatch, quoted } from '../core/text/quotes';
import { blockListItems } from '../core/sidecar/append-text';
import type { SidecarDocument } from '../core/sidecar/sidecar-io';
import { locateNode } from '../core/sidecar/yaml-source';
import type { AnnotationStore, LiveEntry, SourceAnnotations } from './annotationStore';
import { DIAGNOSTIC_SOURCE } from './constants';
import type { Log } from './log';
import { WhenTypingPauses } from './whenTypingPauses';

/** The problem codes of the check core (problem-codes.ts), so source and sidecar diagnostics group alike. */
export const ANCHOR_CODES = {
  annotation: { moved: 'annotation-moved', fuzzy: 'annotation-fuzzy', orphaned: 'orphaned-annotation' },
  dismissal: { moved: 'dismissal-moved', fuzzy: 'dismissal-fuzzy', orphaned: 'orphaned-dismissal' },
} as const;

/** Wait after the store's last change before recomputing a source's anchor diagnostics. */
const UPDATE_DELAY_MS = 200;

export const ALL_ANCHOR_CODES: ReadonlySet<string> = new Set([...Object.values(ANCHOR_CODES.annotation), ...Object.values(ANCHOR_CODES.dismissal)]);

/** One diagnostic on a source and the entry it is about. */
export interface AnchorProblem {
  kind: LiveEntry['kind'];
  id: string;
  status: 'moved' | 'fuzzy' | 'orphaned';
  /** What the quick fixes call the entry: `tag "torture"` or `dismissed claim`. */
  name: string;
  diagnostic: vscode.Diagnostic;
}

export class AnchorDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legal-annotator-anchors');
  private readonly problems = new Map<string, AnchorProblem[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pause = new WhenTypingPauses(UPDATE_DELAY_MS, (uri) => this.updateSafely(uri));

  constructor(private readonly store: AnnotationStore, private readonly log: Log) {
    this.subscriptions.push(this.collection, this.pause, store.onDidChange((uri) => this.pause.schedule(uri)));
    for (const state of store.all()) this.updateSafely(state.sourceUri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The current anchor problems of a source, with their diagnostics (for the quick fixes). */
  problemsOf(uri: vscode.Uri): readonly AnchorProblem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  /** An event listener must not throw: the store's other listeners (decorations, view) still run. */
  private updateSafely(uri: vscode.Uri): void {
    try {
      this.update(uri);
    } catch (error) {
      this.log.error(`anchor diagnostics of ${uri.fsPath}`, error);
    }
  }

  private update(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.store.get(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!state || !document) {
      this.problems.delete(key);
      this.collection.delete(uri);
      return;
    }
    // Ranges of another version of the text than the document's: the store's next change event brings the right ones.
    if (state.version !== document.version) return;
    const problems = anchorProblems(state, document);
    // Most keystrokes change nothing here: keep the Problems panel still.
    if (problems.length === 0 && !this.problems.has(key)) return;
    if (problems.length === 0) {
      this.problems.delete(key);
      this.collection.delete(uri);
    } else {
      this.problems.set(key, problems);
      this.collection.set(uri, problems.map((p) => p.diagnostic));
    }
  }
}

/** Where each orphan was placed, by its anchoring result (a new one each time the store re-anchors). */
const orphanRanges = new WeakMap<object, vscode.Range>();

function anchorProblems(state: SourceAnnotations, document: vscode.TextDocument): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  let offsets: OffsetConverter | undefined;
  const storedAt = sidecarPositions(state);
  for (const entry of state.entries) {
    const { anchor } = entry;
    if (anchor.status === 'anchored') continue;
    const codes = ANCHOR_CODES[entry.kind];
    const stored = entry.entry.target;
    const subject = entry.kind === 'annotation' ? `Tag ${(entry.entry as Annotation).category}` : 'Dismissed claim';
    let range: vscode.Range;
    let diagnostic: vscode.Diagnostic;
    if (anchor.status === 'orphaned') {
      // Placed once per anchoring (an orphan has no live range to follow), not on every keystroke.
      let placed = orphanRanges.get(anchor);
      if (!placed) {
        offsets ??= new OffsetConverter(document.getText());
        placed = orphanRange(document, offsets, stored.start, stored.end);
        orphanRanges.set(anchor, placed);
      }
      range = placed;
      diagnostic = new vscode.Diagnostic(range, `${subject} could not be anchored: quote ${quoted(stored.exact)} ${orphanWhy(anchor.reason)}; it is kept in the sidecar`, vscode.DiagnosticSeverity.Error);
    } else {
      range = liveRange(document, entry);
      if (anchor.status === 'moved') {
        diagnostic = new vscode.Diagnostic(range, `${subject} moved: stored at ${stored.start}–${stored.end}; now here`, vscode.DiagnosticSeverity.Information);
      } else {
        diagnostic = new vscode.Diagnostic(range, `${subject}: ${describeFuzzyMatch(stored.exact, anchor)}`, vscode.DiagnosticSeverity.Warning);
      }
    }
    diagnostic.code = codes[anchor.status];
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(storedAt(entry), `stored here as ${entry.id}`)];
    const name = entry.kind === 'annotation' ? `tag "${(entry.entry as Annotation).category}"` : 'dismissed claim';
    problems.push({ kind: entry.kind, id: entry.id, status: anchor.status, name, diagnostic });
  }
  return problems;
}

/** Where each entry is in the sidecar file (for "related information" that jumps there). */
function sidecarPositions(state: SourceAnnotations): (entry: LiveEntry) => vscode.Location {
  const uri = vscode.Uri.file(state.sidecarPath);
  const doc = state.sidecar;
  return (entry) => {
    const at = doc ? entryPosition(doc, entry.kind === 'annotation' ? 'annotations' : 'dismissed', entry.id) : { line: 0, character: 0 };
    return new vscode.Location(uri, new vscode.Position(at.line, at.character));
  };
}

type EntryList = 'annotations' | 'dismissed';

interface EntryPlaces {
  lines: LineIndex;
  /** Offset of each entry's item in the file, by list and id. */
  offsets: Record<EntryList, Map<string, number>>;
}

/** Per sidecar read: found once, not per keystroke, and without the yaml Document where the lists are plain block lists. */
const entryPlaces = new WeakMap<SidecarDocument, EntryPlaces>();

function entryPosition(doc: SidecarDocument, list: EntryList, id: string): { line: number; character: number } {
  let places = entryPlaces.get(doc);
  if (!places) {
    places = { lines: new LineIndex(doc.text), offsets: { annotations: itemOffsets(doc, 'annotations'), dismissed: itemOffsets(doc, 'dismissed') } };
    entryPlaces.set(doc, places);
  }
  return places.lines.positionAt(places.offsets[list].get(id) ?? 0);
}

/** The offset of each entry's item: from the text for a block list, else from the yaml Document (parsed once). */
function itemOffsets(doc: SidecarDocument, list: EntryList): Map<string, number> {
  const entries = doc.sidecar?.[list] ?? [];
  const offsets = new Map<string, number>();
  if (entries.length === 0) return offsets;
  const starts = blockListItems(doc.text, list)?.starts;
  entries.forEach((entry, index) => {
    if (offsets.has(entry.id)) return;
    const offset = starts?.length === entries.length ? starts[index] : locateNode(doc.document, `/${list}/${index}`).node?.range?.[0];
    offsets.set(entry.id, offset ?? 0);
  });
  return offsets;
}

function liveRange(document: vscode.TextDocument, entry: LiveEntry): vscode.Range {
  const range = entry.range ?? { start: 0, end: 0 };
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

/** The stored offsets clamped to the text; when that is empty (the text got shorter), the whole line there. */
function orphanRange(document: vscode.TextDocument, offsets: OffsetConverter, start: number, end: number): vscode.Range {
  const from = document.positionAt(offsets.toUtf16(start));
  const to = document.positionAt(offsets.toUtf16(Math.max(start, end)));
  return from.isEqual(to) ? document.lineAt(from.line).range : new vscode.Range(from, to);
}

/** Why an orphan did not anchor: not found, or (the anchoring's reason) found only in other context. */
function orphanWhy(reason: string): string {
  return reason.startsWith(EXACT_COPY_REASON) ? `not found in its context (${reason})` : 'not found';
}
