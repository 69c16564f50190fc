/**
 * The problems of every incidents file of the workspace (a nested workspace's too) in the
 * Problems panel, whether it is open or not: what
 * `check` reports (schema, unknown ids, evidence citing a missing source or tag: errors), each
 * element no counted evidence supports (information), and each incident resting on a single
 * origin (a hint). Updated whenever the incidents service reads the file again.
 */
import * as vscode from 'vscode';
import { SINGLE_ORIGIN_INCIDENT } from '../core/incidents/incident-coverage';
import type { IncidentsService } from './incidentsService';
import type { Log } from './log';
import { toDiagnostics } from './sidecarDiagnostics';

/** Problem codes the editor shows as hints (faded, no entry in the panel's counts) rather than at their severity. */
const HINT_CODES: ReadonlySet<string> = new Set([SINGLE_ORIGIN_INCIDENT]);

export class IncidentDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legal-annotator-incidents');
  private readonly subscription: vscode.Disposable;
  /** Files the collection holds diagnostics for, to clear those no longer read. */
  private shown = new Set<string>();

  constructor(private readonly incidents: IncidentsService, private readonly log: Log) {
    this.subscription = incidents.onDidChange(() => this.log.fireAndForget('showing the problems of the incidents file', this.update()));
    this.log.fireAndForget('showing the problems of the incidents file', this.update());
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }

  private async update(): Promise<void> {
    const files = await this.incidents.all();
    const now = new Set<string>();
    for (const file of files) {
      if (!file.doc) continue;
      now.add(file.uri.toString());
      const diagnostics = toDiagnostics([...file.problems, ...file.coverage], file.doc.text);
      for (const diagnostic of diagnostics) if (HINT_CODES.has(String(diagnostic.code))) diagnostic.severity = vscode.DiagnosticSeverity.Hint;
      this.collection.set(file.uri, diagnostics);
    }
    for (const key of this.shown) if (!now.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.shown = now;
  }
}
