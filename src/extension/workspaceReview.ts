/**
 * "Legal Annotator: Review workspace": every source of the workspace reviewed for untagged
 * claims, with a cancellable progress notification; the Problems panel gets the diagnostics of
 * the sources that are not open (open ones have live diagnostics already, see
 * claimDiagnostics.ts), and a message gives the counts ("Reviewed 12 sources: 40 of 55 claims
 * tagged, 3 dismissed").
 *
 * The sources are the files the editor treats as sources when opened (sources.ts): `.txt` and
 * `.md` files the `sources` globs of their `.legal-annotator.yaml` match, `*.legal.txt` and
 * `*.legal.md` files, files with a sidecar, and files made sources with "Toggle source" (a file
 * toggled off is left out). The review is the core's `reviewWorkspace`, the one `check --claims`
 * runs, given the unsaved text of open documents and the editor's configs (Restricted Mode included).
 */
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/model';
import { reviewWorkspace, type ReviewCounts, type SourceReview } from '../core/claims';
import { CONFIG_FILE_NAME } from '../core/workspace/workspace-config';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { COMMANDS, SKIPPED_FOLDERS_GLOB } from './constants';
import type { Log } from './log';
import type { SourceFiles } from './sources';
import type { WorkspaceConfigService } from './workspaceConfig';

const LEGAL_TEXT_FILE = /\.legal\.(txt|md)$/;

/** What the command returns (the integration tests read it). */
export interface WorkspaceReviewResult {
  sources: number;
  counts: ReviewCounts;
  /** Sources with at least one untagged claim. */
  withUntagged: number;
  skipped: number;
  cancelled: boolean;
}

export function registerWorkspaceReview(context: vscode.ExtensionContext, configs: WorkspaceConfigService, sources: SourceFiles, claims: ClaimDiagnostics, log: Log): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.reviewWorkspace, async (): Promise<WorkspaceReviewResult | undefined> => {
    try {
      return await review(configs, sources, claims, log);
    } catch (error) {
      log.error('Review workspace failed', error);
      void vscode.window.showErrorMessage(`Legal Annotator: Review workspace failed: ${(error as Error).message}`);
      return undefined;
    }
  }));
}

async function review(configs: WorkspaceConfigService, sources: SourceFiles, claims: ClaimDiagnostics, log: Log): Promise<WorkspaceReviewResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Legal Annotator: reviewing claims', cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      progress.report({ message: 'finding sources…' });
      const paths = await findSources(configs, sources, token);
      const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [d.uri.fsPath, d]));
      let reported = 0;
      const reviews = await reviewWorkspace(paths, {
        configFor: async (path) => (await configs.forFile(vscode.Uri.file(path))).config,
        // Open documents (sources and sidecars) as the user sees them, saved or not.
        readText: (path) => open.get(path)?.getText(),
        signal: controller.signal,
        onProgress: (done, total) => {
          const increment = ((done - reported) / total) * 100;
          reported = done;
          progress.report({ message: `${done} of ${total} sources`, increment });
        },
      });
      claims.applyReview(reviews);
      const result = summarize(reviews);
      for (const r of reviews) {
        if (r.skipped) log.warn(`review: skipped ${r.path}: ${r.skipped}`);
        if (r.sidecarIgnored) log.warn(`review: ${r.path}: ${r.sidecarIgnored}`);
      }
      const message = summaryMessage(result);
      log.info(message);
      void showSummary(message, result);
      return result;
    } catch (error) {
      if (!controller.signal.aborted && !token.isCancellationRequested) throw error;
      log.info('Review workspace cancelled');
      void vscode.window.showInformationMessage('Legal Annotator: workspace review cancelled.');
      return { sources: 0, counts: { claims: 0, tagged: 0, dismissed: 0, untagged: 0, untaggedHigh: 0 }, withUntagged: 0, skipped: 0, cancelled: true };
    } finally {
      cancelled.dispose();
    }
  });
}

/** Absolute paths of the workspace's sources, sorted. */
async function findSources(configs: WorkspaceConfigService, sources: SourceFiles, token: vscode.CancellationToken): Promise<string[]> {
  const [texts, sidecars] = await Promise.all([
    vscode.workspace.findFiles('**/*.{txt,md}', SKIPPED_FOLDERS_GLOB, undefined, token),
    vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, SKIPPED_FOLDERS_GLOB, undefined, token),
  ]);
  const textPaths = new Set(texts.map((uri) => uri.fsPath));
  const candidates = new Map<string, { uri: vscode.Uri; hasSidecar: boolean }>();
  for (const uri of texts) candidates.set(uri.fsPath, { uri, hasSidecar: false });
  for (const sidecar of sidecars) {
    const uri = vscode.Uri.file(sidecar.fsPath.slice(0, -SIDECAR_SUFFIX.length));
    candidates.set(uri.fsPath, { uri, hasSidecar: true });
  }
  const picked: string[] = [];
  for (const [path, { uri, hasSidecar }] of candidates) {
    if (path.endsWith(SIDECAR_SUFFIX) || path.endsWith(CONFIG_FILE_NAME)) continue;
    const choice = sources.choice(uri);
    const isSource = choice ?? (hasSidecar || LEGAL_TEXT_FILE.test(path) || (await configs.isSource(uri)));
    // A sidecar whose source is gone: `check` reports it; there is no text to review.
    if (isSource && (!hasSidecar || textPaths.has(path) || (await exists(uri)))) picked.push(path);
  }
  return picked.sort();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

function summarize(reviews: readonly SourceReview[]): WorkspaceReviewResult {
  const counts: ReviewCounts = { claims: 0, tagged: 0, dismissed: 0, untagged: 0, untaggedHigh: 0 };
  let withUntagged = 0;
  let skipped = 0;
  for (const r of reviews) {
    if (r.skipped) skipped++;
    for (const key of Object.keys(counts) as Array<keyof ReviewCounts>) counts[key] += r.counts[key];
    if (r.counts.untagged > 0) withUntagged++;
  }
  return { sources: reviews.length - skipped, counts, withUntagged, skipped, cancelled: false };
}

/** "Reviewed 12 sources: 40 of 55 claims tagged, 3 dismissed; 12 untagged in 5 sources". */
export function summaryMessage(result: WorkspaceReviewResult): string {
  const { counts } = result;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let message = `Reviewed ${plural(result.sources, 'source')}: ${counts.tagged} of ${plural(counts.claims, 'claim')} tagged, ${counts.dismissed} dismissed`;
  if (counts.untagged > 0) message += `; ${counts.untagged} untagged in ${plural(result.withUntagged, 'source')}`;
  if (result.skipped > 0) message += ` (${plural(result.skipped, 'file')} skipped: see the log)`;
  return `${message}.`;
}

async function showSummary(message: string, result: WorkspaceReviewResult): Promise<void> {
  const showProblems = 'Show Problems';
  const answer = await vscode.window.showInformationMessage(`Legal Annotator: ${message}`, ...(result.counts.untagged > 0 ? [showProblems] : []));
  if (answer === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
