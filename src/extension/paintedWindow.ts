/**
 * Which tags of a long source are painted. Up to MAX_PAINTED_TAGS tags, all of them; above, the
 * tags of the lines on screen and WINDOW_MARGIN_LINES around them, repainted as the editor
 * scrolls: painting all 10,000 tags of a long source held the extension host for up to half a
 * second each time. The overview ruler then marks the tags of that window only. My tags
 * (decorations.ts) and the compared ones (ghostTags.ts) are windowed the same way.
 */
import * as vscode from 'vscode';

export const MAX_PAINTED_TAGS = 2000;
const WINDOW_MARGIN_LINES = 500;

/** UTF-16 offsets of the document whose tags are painted: everything (undefined) up to MAX_PAINTED_TAGS tags. */
export function paintedWindow(editor: vscode.TextEditor, tagCount: number): { start: number; end: number } | undefined {
  if (tagCount <= MAX_PAINTED_TAGS || editor.visibleRanges.length === 0) return undefined;
  const { document } = editor;
  const first = Math.max(0, editor.visibleRanges[0].start.line - WINDOW_MARGIN_LINES);
  const last = Math.min(document.lineCount - 1, editor.visibleRanges[editor.visibleRanges.length - 1].end.line + WINDOW_MARGIN_LINES);
  return { start: document.offsetAt(new vscode.Position(first, 0)), end: document.offsetAt(document.lineAt(last).range.end) };
}

/** Whether scrolling moves the window of a source with `tagCount` tags (a repaint is due). */
export function scrollingRepaints(tagCount: number): boolean {
  return tagCount > MAX_PAINTED_TAGS;
}
