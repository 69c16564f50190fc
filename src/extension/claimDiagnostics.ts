/**
 * Untagged claims as diagnostics on sources: every sentence that reports a violation and is
 * neither tagged nor dismissed ("Not a claim") gets an `untagged-claim` diagnostic whose message
 * names the cue and the suggested category, worded by the core as `check --claims` words it.
 *
 * Open sources: claims are detected (core `detectClaims`, UTF-16 offsets, on the background
 * worker: background.ts) 300 ms after the last edit, once per document version (a newer version
 * cancels the detection in flight, and a result for an older version is dropped), and marked against
 * the store's live ranges of tags and dismissals, so tagging or dismissing removes the diagnostic
 * at once, before any save. Sources that are not open get their diagnostics from the workspace
 * review (workspaceReview.ts) in the same collection, keyed by URI: opening one replaces them
 * with live ones (no duplicates), closing it again re-reviews it from disk.
 *
 * Severity: `legalAnnotator.claims.severity` when the user or workspace set it, else the config's
 * `claims.severity` (shared with CI), else Warning. Low-confidence claims (negated, hypothetical,
 * a bare mention) are Information, as the CLI's `info` (Hint when the severity is Hint).
 * Detection is on when both `legalAnnotator.claims.enabled` and the config's `claims.enabled` are.
 */
import * as vscode from 'vscode';
import { claimMessage, countClaims, markCoveredClaims, reviewSourceFile, type ClaimMarks, type ClaimSummary, type CoveredRange, type ReviewCounts, type SourceReview } from '../core/claims';
import { SIDECAR_SUFFIX, type Annotation } from '../core/sidecar/model';
import type { WorkspaceConfig } from '../core/workspace/workspace-config';
import type { Severity } from '../core/problems/problem';
import { DEFAULT_TAXONOMY } from '../core/taxonomy/taxonomy';
import { LineIndex } from '../core/text/positions';
import type { AnnotationStore, SourceAnnotations } from './annotationStore';
import type { BackgroundWork } from './background';
import { DIAGNOSTIC_SOURCE, SETTINGS, UNTAGGED_CLAIM_CODE } from './constants';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';
import type { WorkspaceSidecars } from './workspaceSidecars';

/** Wait after the last edit before detecting claims again. */
const DETECT_DELAY_MS = 300;
/**
 * Added to that wait per 1,000 characters of text, up to MAX_DETECT_DELAY_MS: detection takes
 * about 0.2-0.5 s of CPU per MB (on the worker, but on the same cores), so a long source waits for
 * a longer pause in typing.
 */
const DETECT_DELAY_PER_1000_CHARS_MS = 1;
const MAX_DETECT_DELAY_MS = 2000;

/** One untagged claim shown as a diagnostic: what the quick fixes need (UTF-16 offsets of the text it was found in). */
export interface ClaimProblem {
  start: number;
  end: number;
  /** Suggested category ids, best first. */
  categories: string[];
  confidence: ClaimSummary['confidence'];
  diagnostic: vscode.Diagnostic;
}

/** A source's claims as counted for the status bar and the Annotations view. */
export interface ClaimCoverage extends ReviewCounts {
  /** Untagged, undismissed low-confidence claims. */
  lowConfidence: number;
  /** From the open document (true) or from the last workspace review of the file on disk. */
  live: boolean;
}

interface Detected {
  version: number;
  claims: ClaimSummary[];
  config: WorkspaceConfig;
  enabled: boolean;
}

interface Published {
  problems: ClaimProblem[];
  coverage?: ClaimCoverage;
  /** Set for a source that is not open: the review it came from (to re-publish on a settings change). */
  review?: SourceReview;
}

export class ClaimDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legal-annotator-claims');
  private readonly detected = new Map<string, Detected>();
  private readonly published = new Map<string, Published>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  /** Pending reviews from disk of reviewed sources that are not open, by URI. */
  private readonly diskTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Listening to WorkspaceSidecars' file changes, from the first review on. */
  private watchingDisk = false;
  /** URIs the workspace review covered: their diagnostics stay when they are closed. */
  private readonly reviewedPaths = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly coverageChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a source's URI when its claim counts may have changed. */
  readonly onDidChangeCoverage = this.coverageChanged.event;
  /** Fires when a detection of an open source was published (tests and the benchmark wait for it). */
  private readonly publishedEvent = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidPublish = this.publishedEvent.event;

  constructor(
    private readonly store: AnnotationStore,
    private readonly configs: WorkspaceConfigService,
    private readonly log: Log,
    private readonly files: Pick<WorkspaceSidecars, 'onDidChangeFile'>,
    private readonly background: Pick<BackgroundWork, 'run'>,
  ) {
    this.subscriptions.push(
      this.collection,
      this.coverageChanged,
      this.publishedEvent,
      store.onDidChange((uri) => this.storeChanged(uri)),
      configs.onDidChange(() => this.redetectAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS.claimsEnabled) || event.affectsConfiguration(SETTINGS.claimsSeverity)) this.redetectAll();
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        for (const uri of event.files) this.clear(uri);
      }),
    );
    for (const state of store.all()) this.storeChanged(state.sourceUri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const timer of this.diskTimers.values()) clearTimeout(timer);
    for (const source of this.running.values()) source.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The untagged claims shown on a source (live or from the workspace review). */
  problemsOf(uri: vscode.Uri): readonly ClaimProblem[] {
    return this.published.get(uri.toString())?.problems ?? [];
  }

  /** The claim a diagnostic of ours is about, matched by its range. */
  problemFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): ClaimProblem | undefined {
    return this.problemsOf(uri).find((p) => p.diagnostic.range.isEqual(diagnostic.range) && p.diagnostic.message === diagnostic.message);
  }

  /** Every source whose claim counts are known (open, or covered by the workspace review). */
  coveredSources(): vscode.Uri[] {
    return [...this.published.keys()].map((key) => vscode.Uri.parse(key));
  }

  /** Claim counts of a source, when known (open, or reviewed); undefined when claims are off or unknown. */
  coverage(uri: vscode.Uri): ClaimCoverage | undefined {
    return this.published.get(uri.toString())?.coverage;
  }

  /**
   * Publishes the results of a workspace review for the sources that are not open (open ones
   * have live diagnostics already).
   */
  applyReview(reviews: readonly SourceReview[]): void {
    for (const review of reviews) {
      const uri = vscode.Uri.file(review.path);
      if (this.isLive(uri)) continue;
      this.publishReview(uri, review);
    }
  }

  /** Whether the store tracks the source in an open document (its diagnostics are live). */
  private isLive(uri: vscode.Uri): boolean {
    return this.store.get(uri) !== undefined && openDocument(uri) !== undefined;
  }

  private storeChanged(uri: vscode.Uri): void {
    try {
      const key = uri.toString();
      const state = this.store.get(uri);
      const document = openDocument(uri);
      if (!state || !document) {
        this.cancel(key);
        this.detected.delete(key);
        this.sourceClosed(uri);
        return;
      }
      const cached = this.detected.get(key);
      if (cached && cached.version === document.version) {
        this.publishLive(uri);
        return;
      }
      // The first detection of a document just opened need not wait for typing to stop.
      this.schedule(uri, cached ? detectDelay(state.textLength) : 0);
    } catch (error) {
      this.log.error(`claim diagnostics of ${uri.fsPath}`, error);
    }
  }

  /** A source was closed or stopped being one: keep it in the Problems panel only if the workspace review covers it. */
  private sourceClosed(uri: vscode.Uri): void {
    const key = uri.toString();
    const previous = this.published.get(key);
    if (!previous) return;
    if (!this.reviewedPaths.has(key)) {
      this.clear(uri);
      return;
    }
    // The unsaved text was discarded with the document: what counts now is the file on disk.
    this.reviewFromDisk(uri, 'after it was closed');
  }

  /**
   * A reviewed source that is not open, or its sidecar, can change on disk (git pull, the CLI,
   * another editor): its problems must follow. Watched from the first review on, not before:
   * until then no file's problems come from disk.
   */
  private watchReviewedFiles(): void {
    if (this.watchingDisk) return;
    this.watchingDisk = true;
    this.subscriptions.push(this.files.onDidChangeFile(({ uri }) => this.changedOnDisk(uri)));
  }

  /** A file changed on disk: when it is a reviewed source that is not open, or its sidecar, review that source again (debounced). */
  private changedOnDisk(changed: vscode.Uri): void {
    const path = changed.fsPath;
    const uri = path.endsWith(SIDECAR_SUFFIX) ? vscode.Uri.file(path.slice(0, -SIDECAR_SUFFIX.length)) : changed;
    const key = uri.toString();
    if (!this.reviewedPaths.has(key) || this.isLive(uri)) return;
    clearTimeout(this.diskTimers.get(key));
    this.diskTimers.set(key, setTimeout(() => {
      this.diskTimers.delete(key);
      this.reviewFromDisk(uri, `after ${vscode.workspace.asRelativePath(changed)} changed on disk`);
    }, DETECT_DELAY_MS));
  }

  /** Reviews a source that is not open from the files on disk and publishes the result, unless it was opened meanwhile. */
  private reviewFromDisk(uri: vscode.Uri, why: string): void {
    const key = uri.toString();
    this.log.fireAndForget(`reviewing ${uri.fsPath} ${why}`, async () => {
      const { config } = await this.configs.forFile(uri);
      const review = await reviewSourceFile(uri.fsPath, config);
      if (this.isLive(uri) || !this.reviewedPaths.has(key)) return;
      if (review.skipped && review.text === undefined && !(await exists(uri))) this.clear(uri);
      else this.publishReview(uri, review);
    });
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.reviewedPaths.delete(key);
    if (!this.published.delete(key)) return;
    this.collection.delete(uri);
    this.coverageChanged.fire(uri);
  }

  private redetectAll(): void {
    this.detected.clear();
    for (const state of this.store.all()) this.storeChanged(state.sourceUri);
    for (const [key, published] of this.published) {
      if (published.review) this.publishReview(vscode.Uri.parse(key), published.review);
    }
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.running.delete(key);
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    const key = uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const cancellation = new vscode.CancellationTokenSource();
      this.running.set(key, cancellation);
      this.log.fireAndForget(`detecting claims in ${uri.fsPath}`, this.detect(uri, cancellation.token).finally(() => {
        if (this.running.get(key) === cancellation) this.running.delete(key);
        cancellation.dispose();
      }));
    }, delay));
  }

  private async detect(uri: vscode.Uri, token: vscode.CancellationToken): Promise<void> {
    const document = openDocument(uri);
    if (!document) return;
    const version = document.version;
    const { config } = await this.configs.forFile(uri);
    // Typed on, closed, or superseded while the config loaded: this result would be stale.
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    const enabled = config.claims.enabled && settingEnabled(uri);
    const claims = enabled ? await this.detectInBackground(document.getText(), config, token) : [];
    // Typed on or closed while the worker detected: the next detection covers the new version.
    if (claims === undefined || document.isClosed || document.version !== version) return;
    this.detected.set(uri.toString(), { version, claims, config, enabled });
    this.publishLive(uri);
  }

  /**
   * Claims of `text`, detected on the background worker (about a second of CPU for 1 MB);
   * undefined when cancelled (a newer version or the document's closing superseded it).
   */
  private async detectInBackground(text: string, config: WorkspaceConfig, token: vscode.CancellationToken): Promise<ClaimSummary[] | undefined> {
    // The default taxonomy is the worker's own: not cloned with every request.
    const taxonomy = config.taxonomy === DEFAULT_TAXONOMY ? undefined : config.taxonomy;
    try {
      return await this.background.run('detectClaims', { text, ...(taxonomy ? { taxonomy } : {}) }, token);
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      throw error;
    }
  }

  /** Marks the detected claims against the store's live ranges and shows the untagged ones. */
  private publishLive(uri: vscode.Uri): void {
    const key = uri.toString();
    const document = openDocument(uri);
    const state = this.store.get(uri);
    const detected = this.detected.get(key);
    // Ranges of another version than the claims': the next store event or detection brings them in step.
    if (!document || !state || !detected || detected.version !== document.version || state.version !== document.version) return;
    this.reviewedPaths.delete(key);
    if (!detected.enabled) {
      if (this.published.delete(key)) this.collection.delete(uri);
      this.coverageChanged.fire(uri);
      this.publishedEvent.fire(uri);
      return;
    }
    const marked = markCoveredClaims(detected.claims, liveRanges(state, 'annotation'), liveRanges(state, 'dismissal'));
    const severity = severityFor(uri, detected.config);
    const problems = marked.filter(isUntagged).map((claim) =>
      problemOf(claim, new vscode.Range(document.positionAt(claim.start), document.positionAt(claim.end)), detected.config, severity));
    this.publish(uri, { problems, coverage: coverageOf(marked, true) });
    this.publishedEvent.fire(uri);
  }

  /** Diagnostics of a source that is not open, from a review of its file (code points converted to UTF-16). */
  private publishReview(uri: vscode.Uri, review: SourceReview): void {
    const key = uri.toString();
    this.reviewedPaths.add(key);
    this.watchReviewedFiles();
    if (review.text === undefined || !review.config.claims.enabled || !settingEnabled(uri)) {
      if (this.published.delete(key)) this.collection.delete(uri);
      this.coverageChanged.fire(uri);
      return;
    }
    const lines = new LineIndex(review.text);
    const severity = severityFor(uri, review.config);
    const problems: ClaimProblem[] = [];
    for (const claim of review.claims) {
      if (!isUntagged(claim)) continue;
      const start = lines.toUtf16(claim.start);
      const end = lines.toUtf16(claim.end);
      problems.push(problemOf({ ...claim, start, end }, new vscode.Range(position(lines, start), position(lines, end)), review.config, severity));
    }
    this.publish(uri, { problems, coverage: coverageOf(review.claims, false), review });
  }

  private publish(uri: vscode.Uri, published: Published): void {
    const key = uri.toString();
    const before = this.published.get(key);
    this.published.set(key, published);
    if (!before || !sameDiagnostics(before.problems, published.problems)) {
      this.collection.set(uri, published.problems.map((p) => p.diagnostic));
    } else {
      // Same diagnostics as shown: keep the Problems panel still, but keep the new objects for the quick fixes.
      published.problems = published.problems.map((p, i) => ({ ...p, diagnostic: before.problems[i].diagnostic }));
    }
    this.coverageChanged.fire(uri);
  }
}

/**
 * The claim's fixes are for the cursor in the sentence, or for the diagnostic itself (the
 * Problems panel and the hover ask with its range). A passage the user selected inside or across
 * it is the annotator's to tag (codeActions.ts): no second "Tag as" list then.
 */
export function claimFixesApply(diagnostic: vscode.Diagnostic, range: vscode.Range): boolean {
  return range.isEmpty || range.isEqual(diagnostic.range);
}

export function isUntaggedClaimDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === UNTAGGED_CLAIM_CODE;
}

function detectDelay(length: number): number {
  return Math.min(MAX_DETECT_DELAY_MS, DETECT_DELAY_MS + Math.floor(length / 1000) * DETECT_DELAY_PER_1000_CHARS_MS);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** A claim as shown: summed up, with what covers it. */
type MarkedClaim = ClaimSummary & ClaimMarks;

function isUntagged(claim: ClaimMarks): boolean {
  return !claim.tagged && !claim.dismissed;
}

function liveRanges(state: SourceAnnotations, kind: 'annotation' | 'dismissal'): CoveredRange[] {
  const ranges: CoveredRange[] = [];
  for (const entry of state.entries) {
    if (entry.kind !== kind || !entry.range) continue;
    ranges.push({ ...entry.range, id: entry.id, ...(kind === 'annotation' ? { category: (entry.entry as Annotation).category } : {}) });
  }
  return ranges;
}

function coverageOf(claims: readonly MarkedClaim[], live: boolean): ClaimCoverage {
  const counts = countClaims(claims);
  return { ...counts, lowConfidence: counts.untagged - counts.untaggedHigh, live };
}

function problemOf(claim: MarkedClaim, range: vscode.Range, config: WorkspaceConfig, severity: vscode.DiagnosticSeverity): ClaimProblem {
  const diagnostic = new vscode.Diagnostic(range, claimMessage(config.taxonomy, claim), claim.confidence === 'low' ? lowConfidenceSeverity(severity) : severity);
  diagnostic.code = UNTAGGED_CLAIM_CODE;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return { start: claim.start, end: claim.end, categories: claim.categories.map((c) => c.id), confidence: claim.confidence, diagnostic };
}

const SETTING_SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const CONFIG_SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * The setting when it is set anywhere (user, workspace, folder): a reviewer's own choice for
 * reading; else the config file's `claims.severity`, which CI uses too; else Warning.
 */
export function severityFor(uri: vscode.Uri, config: WorkspaceConfig): vscode.DiagnosticSeverity {
  const inspected = vscode.workspace.getConfiguration(undefined, uri).inspect<string>(SETTINGS.claimsSeverity);
  const set = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  if (set !== undefined && set in SETTING_SEVERITIES) return SETTING_SEVERITIES[set];
  return CONFIG_SEVERITIES[config.claims.severity] ?? vscode.DiagnosticSeverity.Warning;
}

/** Low confidence: Information (the CLI's `info`), never above the configured severity. */
function lowConfidenceSeverity(severity: vscode.DiagnosticSeverity): vscode.DiagnosticSeverity {
  return Math.max(severity, vscode.DiagnosticSeverity.Information);
}

function settingEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(undefined, uri).get<boolean>(SETTINGS.claimsEnabled, true);
}

function sameDiagnostics(a: readonly ClaimProblem[], b: readonly ClaimProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i].diagnostic;
    return p.diagnostic.range.isEqual(q.range) && p.diagnostic.message === q.message && p.diagnostic.severity === q.severity;
  });
}

function position(lines: LineIndex, utf16: number): vscode.Position {
  const at = lines.positionAt(utf16);
  return new vscode.Position(at.line, at.character);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
