/**
 * "Legal Annotator: Compare annotations with…": picks the other annotator's side (a local
 * branch, "Folder…", or any ref typed in) and starts the comparison; "Stop comparing" ends it.
 * Given an argument (`git:REF` or a folder, relative to the workspace folder), it asks nothing:
 * scripts and tests call it so.
 */
import * as vscode from 'vscode';
import { GIT_SIDE_PREFIX } from '../core/team/annotator-side';
import { runGit } from '../core/team/git';
import type { CompareService } from './compareService';
import { COMMANDS, CONTEXT_KEYS } from './constants';
import type { Log } from './log';

interface SideItem extends vscode.QuickPickItem {
  /** `git:REF`, or undefined for "Folder…". */
  given?: string;
}

const FOLDER_ITEM: SideItem = { label: '$(folder) Folder…', detail: 'A folder holding the other annotator\'s sidecars and sources (a second checkout, a copy)' };

async function localBranches(folder: vscode.Uri): Promise<string[]> {
  const result = await runGit(['for-each-ref', '--format=%(refname:short)', 'refs/heads'], { cwd: folder.fsPath });
  return result.ok ? result.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];
}

/** The quick pick: local branches, "Folder…", and whatever ref is typed. Resolves with the side given, undefined when cancelled. */
async function pickSide(folder: vscode.Uri): Promise<string | undefined> {
  const branches: SideItem[] = (await localBranches(folder)).map((branch) => ({ label: `$(git-branch) ${branch}`, description: 'branch', given: `${GIT_SIDE_PREFIX}${branch}` }));
  const pick = vscode.window.createQuickPick<SideItem>();
  pick.title = 'Compare annotations with…';
  pick.placeholder = 'A branch, a ref (tag, commit, origin/name) typed here, or a folder';
  const fixed = [...branches, FOLDER_ITEM];
  pick.items = fixed;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    const exact = branches.some((b) => b.given === `${GIT_SIDE_PREFIX}${typed}`);
    pick.items = typed === '' || exact ? fixed : [{ label: `$(git-commit) ${typed}`, description: 'ref typed', given: `${GIT_SIDE_PREFIX}${typed}`, alwaysShow: true }, ...fixed];
  });
  const chosen = await new Promise<SideItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return undefined;
  if (chosen.given) return chosen.given;
  const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder, openLabel: 'Compare with this folder' });
  return folders?.[0]?.fsPath;
}

export function registerCompareCommands(context: vscode.ExtensionContext, comparison: CompareService, log: Log): void {
  const setContext = () => log.fireAndForget('setting the comparison context', vscode.commands.executeCommand('setContext', CONTEXT_KEYS.comparing, comparison.compared !== undefined));
  context.subscriptions.push(
    comparison.onDidChangeComparison(setContext),
    vscode.commands.registerCommand(COMMANDS.compareWith, async (given?: string) => {
      try {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        if (!folder) throw new Error('open a folder first');
        const side = given ?? (await pickSide(folder));
        if (!side) return undefined;
        const compared = await comparison.compareWith(side);
        void vscode.window.setStatusBarMessage(`Legal Annotator: comparing with ${compared.label}`, 5000);
        return compared;
      } catch (error) {
        log.error('Compare annotations failed', error);
        void vscode.window.showErrorMessage(`Legal Annotator: Compare annotations failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.stopComparing, () => comparison.stop()),
  );
}
