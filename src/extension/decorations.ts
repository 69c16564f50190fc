/**
 * Tags in the text: a tint of the category's colour over the passage, a mark in the overview
 * ruler, and the category's label after the passage. One decoration type per category, so
 * overlapping tags of different categories both show (their tints add up).
 *
 * While the user types, VS Code itself moves the decorations it shows with the text (in the
 * same frame, no flicker); the store's ranges follow the same edits. So a repaint from the
 * store's ranges waits until typing pauses (REPAINT_DELAY_MS): handing 10,000 ranges to the
 * workbench on every keystroke cost about 30 ms each. A repaint for another version of the text
 * than the store's ranges is skipped; the store's next change brings one.
 *
 * A source with many tags gets those of the lines on screen and around them (paintedWindow.ts).
 */
import * as vscode from 'vscode';
import type { Category } from '../core/taxonomy/taxonomy';
import type { Annotation } from '../core/sidecar/model';
import type { AnnotationStore, SourceAnnotations } from './annotationStore';
import type { WorkspaceConfigService } from './workspaceConfig';
import { SETTINGS } from './constants';
import type { Log } from './log';
import { paintedWindow, scrollingRepaints } from './paintedWindow';
import { WhenTypingPauses } from './whenTypingPauses';

const TINT_ALPHA = '33'; // ~20 % opacity: the text stays readable on light and dark themes
/** Wait after the store's last change before repainting a source's tags. */
const REPAINT_DELAY_MS = 150;

export class TagDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly labels = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pause = new WhenTypingPauses(REPAINT_DELAY_MS, (uri) => this.refreshFor(uri));

  constructor(
    private readonly store: AnnotationStore,
    private readonly configs: WorkspaceConfigService,
    private readonly log: Log,
  ) {
    this.disposables.push(
      store.onDidChange((uri) => this.pause.schedule(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (scrollingRepaints(this.store.get(event.textEditor.document.uri)?.entries.length ?? 0)) this.pause.schedule(event.textEditor.document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS.showLabels)) this.refreshAll();
      }),
      configs.onDidChange(() => {
        this.categoriesOf.clear();
        this.refreshAll();
      }),
    );
  }

  dispose(): void {
    this.pause.dispose();
    for (const type of this.types.values()) type.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refreshEditor(editor);
  }

  private refreshFor(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) this.refreshEditor(editor);
    }
  }

  private refreshEditor(editor: vscode.TextEditor): void {
    const state = this.store.get(editor.document.uri);
    // Ranges of another version than the editor's text would paint tags on the wrong words.
    if (state && state.version !== editor.document.version) return;
    const key = editor.document.uri.toString();
    const known = this.categoriesOf.get(key);
    if (known) {
      // The common case, on every keystroke: paint synchronously with the taxonomy already known.
      this.paint(editor, state, known);
      return;
    }
    this.log.fireAndForget('decorating tags', async () => {
      const { config } = await this.configs.forFile(editor.document.uri);
      this.categoriesOf.set(key, config.taxonomy.categories);
      this.paint(editor, this.store.get(editor.document.uri), config.taxonomy.categories);
    });
  }

  /** The taxonomy that applies to each decorated document, so repaints need not wait for the config. */
  private readonly categoriesOf = new Map<string, readonly Category[]>();

  private paint(editor: vscode.TextEditor, state: SourceAnnotations | undefined, categories: readonly Category[]): void {
    for (const category of categories) this.typeFor(category);
    const showLabels = vscode.workspace.getConfiguration().get<boolean>(SETTINGS.showLabels, true);
    const byCategory = new Map<string, vscode.DecorationOptions[]>();
    const window = paintedWindow(editor, state?.entries.length ?? 0);
    for (const entry of state?.entries ?? []) {
      if (entry.kind !== 'annotation' || !entry.range || entry.range.start === entry.range.end) continue;
      if (window && (entry.range.end < window.start || entry.range.start > window.end)) continue;
      const annotation = entry.entry as Annotation;
      const range = new vscode.Range(editor.document.positionAt(entry.range.start), editor.document.positionAt(entry.range.end));
      const label = this.labels.get(annotation.category) ?? annotation.category;
      const options: vscode.DecorationOptions = { range };
      if (showLabels) options.renderOptions = { after: { contentText: ` ${label}` } };
      const list = byCategory.get(annotation.category) ?? [];
      list.push(options);
      byCategory.set(annotation.category, list);
    }
    for (const [id, type] of this.types) editor.setDecorations(type, byCategory.get(id) ?? []);
  }

  private typeFor(category: Category): vscode.TextEditorDecorationType {
    const existing = this.types.get(category.id);
    if (existing && this.labels.get(category.id) === category.label) return existing;
    existing?.dispose();
    const type = vscode.window.createTextEditorDecorationType({
      backgroundColor: `${category.color}${TINT_ALPHA}`,
      borderRadius: '2px',
      overviewRulerColor: category.color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      after: { color: category.color, fontStyle: 'italic', margin: '0 0 0 0.3em' },
    });
    this.types.set(category.id, type);
    this.labels.set(category.id, category.label);
    return type;
  }
}
