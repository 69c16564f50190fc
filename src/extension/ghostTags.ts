/**
 * The other annotator's tags, while a comparison is on (compareService.ts): "ghosts", an outline
 * in the category's colour (mine are a tint of it, decorations.ts), with no label, so the two
 * sets read apart. Hovering a ghost names its author and category, and the compared side.
 * Repainted when the comparison, the store or the taxonomy changes, once typing pauses; a source
 * with many of them gets those of the lines on screen and around them (paintedWindow.ts).
 */
import * as vscode from 'vscode';
import type { Category } from '../core/taxonomy/taxonomy';
import type { PlacedAnnotation } from '../core/team/disagreements';
import type { AnnotationStore } from './annotationStore';
import type { CompareService, SourceComparison } from './compareService';
import { escapeMarkdown, formatTimestamp } from './hoverText';
import type { Log } from './log';
import { paintedWindow, scrollingRepaints } from './paintedWindow';
import { WhenTypingPauses } from './whenTypingPauses';
import type { WorkspaceConfigService } from './workspaceConfig';

const REPAINT_DELAY_MS = 150;
/** For a category the taxonomy does not know (a typo on their branch). */
const UNKNOWN_CATEGORY_COLOR = '#888888';

export class GhostTags implements vscode.Disposable, vscode.HoverProvider {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pause = new WhenTypingPauses(REPAINT_DELAY_MS, (uri) => this.refreshFor(uri));
  /** Ranges painted per document, for the integration tests: `category@start-end` in UTF-16 offsets. */
  readonly painted = new Map<string, string[]>();

  constructor(
    private readonly comparison: CompareService,
    store: AnnotationStore,
    private readonly configs: WorkspaceConfigService,
    private readonly log: Log,
  ) {
    this.disposables.push(
      comparison.onDidChangeComparison(() => this.refreshAll()),
      store.onDidChange((uri) => this.pause.schedule(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (scrollingRepaints(this.comparison.forDocument(event.textEditor.document)?.theirs.length ?? 0)) this.pause.schedule(event.textEditor.document.uri);
      }),
      configs.onDidChange(() => this.refreshAll()),
    );
  }

  dispose(): void {
    this.pause.dispose();
    for (const type of this.types.values()) type.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paintLater(editor);
  }

  private refreshFor(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.paintLater(editor);
  }

  private paintLater(editor: vscode.TextEditor): void {
    this.log.fireAndForget('painting the compared tags', async () => {
      const { categories } = (await this.configs.forFile(editor.document.uri)).config.taxonomy;
      this.paint(editor, this.comparison.forDocument(editor.document), categories);
    });
  }

  private paint(editor: vscode.TextEditor, compared: SourceComparison | undefined, categories: readonly Category[]): void {
    const byCategory = new Map<string, vscode.DecorationOptions[]>();
    const painted: string[] = [];
    const window = paintedWindow(editor, compared?.theirs.length ?? 0);
    for (const tag of compared?.theirs ?? []) {
      if (window && (compared!.text.toUtf16(tag.end) < window.start || compared!.text.toUtf16(tag.start) > window.end)) continue;
      const range = utf16Range(editor.document, compared!, tag);
      const list = byCategory.get(tag.annotation.category) ?? [];
      list.push({ range });
      byCategory.set(tag.annotation.category, list);
      painted.push(`${tag.annotation.category}@${editor.document.offsetAt(range.start)}-${editor.document.offsetAt(range.end)}`);
    }
    for (const id of byCategory.keys()) this.typeFor(id, categories.find((c) => c.id === id)?.color ?? UNKNOWN_CATEGORY_COLOR);
    for (const [id, type] of this.types) editor.setDecorations(type, byCategory.get(id) ?? []);
    this.painted.set(editor.document.uri.toString(), painted);
  }

  private typeFor(categoryId: string, color: string): vscode.TextEditorDecorationType {
    const existing = this.types.get(categoryId);
    if (existing) return existing;
    const type = vscode.window.createTextEditorDecorationType({
      border: `1px dashed ${color}`,
      borderRadius: '2px',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.types.set(categoryId, type);
    return type;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const compared = this.comparison.forDocument(document);
    const side = this.comparison.compared;
    if (!compared || !side) return undefined;
    const here = compared.theirs.filter((tag) => utf16Range(document, compared, tag).contains(position));
    if (here.length === 0) return undefined;
    const { categories } = (await this.configs.forFile(document.uri)).config.taxonomy;
    const sections = here.map((tag) => ghostHover(tag, side.label, categories.find((c) => c.id === tag.annotation.category)));
    return new vscode.Hover(new vscode.MarkdownString(sections.join('\n\n---\n\n')), utf16Range(document, compared, here[0]));
  }
}

/** The Markdown of one ghost's hover: whose tag, which category, and its note. */
export function ghostHover(tag: PlacedAnnotation, sideLabel: string, category: Category | undefined): string {
  const { annotation } = tag;
  const author = annotation.author ? escapeMarkdown(annotation.author) : 'an unnamed annotator';
  const label = category ? `${escapeMarkdown(category.label)} (\`${annotation.category}\`)` : `\`${annotation.category}\` (not in this workspace's taxonomy)`;
  const lines = [`**Their tag** in ${escapeMarkdown(sideLabel)}: ${label}, by ${author}`];
  if (annotation.created) lines.push(`tagged ${formatTimestamp(annotation.created)}`);
  if (annotation.note) lines.push(`Note: ${escapeMarkdown(annotation.note)}`);
  return lines.join('  \n');
}

/** A compared tag's range in the document (code points of the comparison's text to UTF-16 positions). */
export function utf16Range(document: vscode.TextDocument, compared: SourceComparison, tag: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(compared.text.toUtf16(tag.start)), document.positionAt(compared.text.toUtf16(tag.end)));
}
