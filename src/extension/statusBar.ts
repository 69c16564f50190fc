/**
 * The status bar item of the active source: "$(tag) N tags", with the count per category in its
 * tooltip; hidden when the active editor is not a source. Clicking it focuses the Annotations view.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/sidecar/model';
import type { AnnotationStore, SourceAnnotations } from './annotationStore';
import { STATUS_BAR_ID, VIEWS } from './constants';
import { escapeMarkdown } from './hoverText';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';

/** Store changes come with every keystroke; the count is redrawn at most this often. */
const UPDATE_DELAY_MS = 100;

export class TagCountStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  /** Bumped on each update, so a slow one (waiting for the config) never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly store: AnnotationStore, private readonly configs: WorkspaceConfigService, private readonly log: Log) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Legal Annotator: tags';
    this.item.command = { command: `${VIEWS.annotations}.focus`, title: 'Show the Annotations view' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.scheduleUpdate();
      }),
      configs.onDidChange(() => this.scheduleUpdate()),
    );
    this.update();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The text shown, or undefined while the item is hidden (for the integration tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DELAY_MS);
  }

  private update(): void {
    const generation = ++this.generation;
    const uri = vscode.window.activeTextEditor?.document.uri;
    const state = uri ? this.store.get(uri) : undefined;
    if (!uri || !state) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const annotations = state.entries.filter((e) => e.kind === 'annotation');
    const count = annotations.length;
    this.item.text = count === 0 ? '$(tag) no tags' : `$(tag) ${count} ${count === 1 ? 'tag' : 'tags'}`;
    this.item.tooltip = count === 0 ? 'No tags in this source. Select a passage and press Ctrl+. to tag it.' : undefined;
    this.visible = true;
    this.item.show();
    if (count > 0) {
      this.log.fireAndForget('updating the tag count tooltip', async () => {
        const { config } = await this.configs.forFile(uri);
        if (generation !== this.generation) return;
        this.item.tooltip = tooltipFor(state, config.taxonomy.categories.map((c) => [c.id, c.label] as const));
      });
    }
  }
}

function tooltipFor(state: SourceAnnotations, labels: ReadonlyArray<readonly [string, string]>): vscode.MarkdownString {
  const counts = new Map<string, number>();
  let orphaned = 0;
  for (const entry of state.entries) {
    if (entry.kind !== 'annotation') continue;
    const { category } = entry.entry as Annotation;
    counts.set(category, (counts.get(category) ?? 0) + 1);
    if (!entry.range) orphaned++;
  }
  const labelOf = new Map(labels);
  const order = new Map(labels.map(([id], index) => [id, index]));
  const rows = [...counts]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([id, n]) => `| ${escapeMarkdown(labelOf.get(id) ?? id)} | ${n} |`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const markdown = new vscode.MarkdownString(`**${total} ${total === 1 ? 'tag' : 'tags'}** in ${escapeMarkdown(vscode.workspace.asRelativePath(state.sourceUri, false))}\n\n| Category | Tags |\n| --- | ---: |\n${rows.join('\n')}\n`);
  if (orphaned > 0) markdown.appendMarkdown(`\n\n$(warning) ${orphaned} orphaned (listed in the Annotations view)`);
  markdown.appendMarkdown('\n\nClick to open the Annotations view.');
  markdown.supportThemeIcons = true;
  return markdown;
}
