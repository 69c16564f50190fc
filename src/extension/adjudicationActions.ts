/**
 * "Accept theirs", "Keep mine", "Keep both": code actions on a disagreement between my tags and
 * the compared side's (compareService.ts), wherever the cursor or selection touches one. The
 * command looks the disagreement up again when it runs (the text or the tags may have changed
 * since the menu was shown), then decides it with the core (core/team/adjudication.ts) through
 * the store's `change()`: the sidecar's lock, one write, one undo step.
 */
import * as vscode from 'vscode';
import { adjudicate, decisionRefusal, DECISION_TITLES, type AdjudicationDecision } from '../core/team/adjudication';
import type { Disagreement } from '../core/team/disagreements';
import type { AnnotationStore } from './annotationStore';
import { authorFor } from './author';
import type { CompareService } from './compareService';
import { COMMANDS } from './constants';
import { utf16Range } from './ghostTags';
import type { Log } from './log';

export const ADJUDICATION_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('legalAnnotator.adjudicate');

const DECISIONS: readonly AdjudicationDecision[] = ['accept-theirs', 'keep-mine', 'keep-both'];

/** Which disagreement of which source to decide, and how. */
export interface AdjudicateArgs {
  uri: string;
  theirsId: string;
  mineIds: string[];
  decision: AdjudicationDecision;
}

export class AdjudicationActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [ADJUDICATION_ACTION_KIND] };

  constructor(private readonly comparison: CompareService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const compared = this.comparison.forDocument(document);
    if (!compared) return [];
    const touched = compared.disagreements.filter((d) => {
      const span = utf16Range(document, compared, d);
      return range.isEmpty ? span.contains(range.start) : span.intersection(range) !== undefined;
    });
    return touched.flatMap((d) => DECISIONS.filter((decision) => !decisionRefusal(decision, d)).map((decision) => {
      const title = `${DECISION_TITLES[decision]}: ${describe(d)}`;
      const action = new vscode.CodeAction(title, ADJUDICATION_ACTION_KIND);
      const args: AdjudicateArgs = { uri: document.uri.toString(), theirsId: d.theirs.annotation.id, mineIds: d.mine.map((m) => m.annotation.id), decision };
      action.command = { command: COMMANDS.adjudicate, title, arguments: [args] };
      return action;
    }));
  }
}

/** "theirs wilful-killing (Bo), mine ill-treatment" */
function describe(d: Disagreement): string {
  const author = d.theirs.annotation.author ? ` (${d.theirs.annotation.author})` : '';
  const mine = d.mine.length === 0 ? 'not tagged by me' : `mine ${d.mine.map((m) => m.annotation.category).join(', ')}`;
  return `theirs ${d.theirs.annotation.category}${author}, ${mine}`;
}

export function registerAdjudication(context: vscode.ExtensionContext, store: AnnotationStore, comparison: CompareService, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.adjudicate, async (args: AdjudicateArgs) => {
      const title = DECISION_TITLES[args.decision];
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
        const compared = comparison.forDocument(document);
        const same = (d: Disagreement) => d.theirs.annotation.id === args.theirsId && d.mine.map((m) => m.annotation.id).join() === args.mineIds.join();
        const disagreement = compared?.disagreements.find(same);
        if (!compared || !disagreement) throw new Error(`their tag ${args.theirsId} no longer disagrees with mine here (decided, or the tags changed); nothing was written`);
        // Who decides, as who tags: git's user.name, else the author setting, else the system's user.
        const by = await authorFor(document.uri);
        await store.change(document, title, (doc) => adjudicate(doc, { text: compared.text, decision: args.decision, disagreement, by }).doc);
      } catch (error) {
        log.error(`${title} failed`, error);
        void vscode.window.showErrorMessage(`Legal Annotator: ${title} failed: ${(error as Error).message}`);
      }
    }),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }], new AdjudicationActions(comparison), AdjudicationActions.metadata),
  );
}
