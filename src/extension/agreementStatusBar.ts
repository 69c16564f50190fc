/**
 * While a comparison is on: the agreement of the active source with the compared side, in the
 * status bar ("$(git-compare) F1 0.67 · κ 0.50"): span F1 (exact matches) and Cohen's kappa over
 * its sentences (core/team/agreement.ts), the other measures and the open disagreements in the
 * tooltip. Hidden when nothing is compared or the active editor is not a compared source.
 */
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import type { CompareService, SourceComparison } from './compareService';
import { AGREEMENT_STATUS_BAR_ID, VIEWS } from './constants';
import { WhenTypingPauses } from './whenTypingPauses';

/** Store changes come with every keystroke; the figures are redrawn at most this often. */
const UPDATE_DELAY_MS = 200;

const figure = (value: number) => value.toFixed(2);

export class AgreementStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pause = new WhenTypingPauses(UPDATE_DELAY_MS, () => this.update());
  private shown?: string;

  constructor(private readonly comparison: CompareService, store: AnnotationStore) {
    this.item = vscode.window.createStatusBarItem(AGREEMENT_STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 98);
    this.item.name = 'Legal Annotator: agreement';
    this.item.command = { command: `${VIEWS.annotations}.focus`, title: 'Show the disagreements' };
    this.disposables.push(
      this.item,
      comparison.onDidChangeComparison(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange((uri) => this.pause.schedule(uri)),
    );
    this.update();
  }

  dispose(): void {
    this.pause.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The text shown, undefined while hidden (for the integration tests). */
  get text(): string | undefined {
    return this.shown;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const compared = document && this.comparison.forDocument(document);
    const side = this.comparison.compared;
    if (!compared || !side) {
      this.shown = undefined;
      this.item.hide();
      return;
    }
    const { overall } = compared.agreement;
    this.shown = `$(git-compare) F1 ${figure(overall.spanF1Exact)} · κ ${figure(overall.sentenceKappa)}`;
    this.item.text = this.shown;
    this.item.tooltip = agreementTooltip(side.label, compared);
    this.item.show();
  }
}

function agreementTooltip(label: string, compared: SourceComparison): string {
  const { overall } = compared.agreement;
  return [
    `Agreement of this source with ${label}`,
    `span F1: exact ${figure(overall.spanF1Exact)}, overlapping ${figure(overall.spanF1Overlap)}`,
    `sentences: Cohen's kappa ${figure(overall.sentenceKappa)}, Krippendorff's alpha ${figure(overall.sentenceAlpha)}`,
    `${compared.disagreements.length} disagreement(s) to decide${compared.orphaned > 0 ? `; ${compared.orphaned} of their tags not found in this text` : ''}`,
  ].join('\n');
}
