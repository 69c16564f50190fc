/**
 * The annotator's commands: tag a passage, change a tag's category, note or status, remove it,
 * and undo the last change. Code actions and menus call these with explicit arguments; from
 * the command palette they work on the active editor's selection (or sentence) and tag.
 * Every change goes through the store, which writes the sidecar and records the undo step.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { ANNOTATION_STATUSES, type Annotation, type AnnotationStatus } from '../core/sidecar/model';
import { PreparedText } from '../core/anchoring/prepared-text';
import { removeAnnotation, updateAnnotation } from '../core/sidecar/sidecar-io';
import { tagPassage } from '../core/annotations/tagging';
import type { Category } from '../core/taxonomy/taxonomy';
import { readTextFile } from '../core/files/read-text-file';
import { sentenceAt } from '../core/text/sentence-at';
import type { AnnotationStore } from './annotationStore';
import { authorFor } from './author';
import { COMMANDS } from './constants';
import type { Log } from './log';
import type { WorkspaceConfigService } from './workspaceConfig';

/** A passage in UTF-16 offsets of a document, as code actions pass it. */
export interface PassageArgs {
  uri: string;
  start: number;
  end: number;
}

export interface TagArgs extends PassageArgs {
  category: string;
}

export interface TagRef {
  uri: string;
  id: string;
}

export function registerTagCommands(context: vscode.ExtensionContext, store: AnnotationStore, configs: WorkspaceConfigService, log: Log): void {
  const run = (title: string, work: (...args: never[]) => Promise<unknown>) => async (...args: never[]) => {
    try {
      return await work(...args);
    } catch (error) {
      log.error(`${title} failed`, error);
      void vscode.window.showErrorMessage(`Legal Annotator: ${title} failed: ${(error as Error).message}`);
      return undefined;
    }
  };
  const categoriesFor = async (uri: vscode.Uri) => (await configs.forFile(uri)).config.taxonomy.categories;

  const tag = async (args?: TagArgs): Promise<string | undefined> => {
    const passage = args ?? (await activePassage());
    if (!passage) return undefined;
    const category = args?.category ?? (await pickCategory(await categoriesFor(vscode.Uri.parse(passage.uri))))?.id;
    if (!category) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(passage.uri));
    await refuseNonUtf8Source(document.uri);
    const text = new PreparedText(document.getText());
    const { taxonomy } = (await configs.forFile(document.uri)).config;
    const label = taxonomy.categories.find((c) => c.id === category)?.label ?? category;
    const author = await authorFor(document.uri);
    let id: string | undefined;
    // The core's tagging, as the CLI's `tag`: the category checked against the taxonomy, an id
    // unique over annotations and dismissals, an identical tag refused.
    await store.change(document, `Tag as ${label}`, (doc) => {
      const result = tagPassage({
        text: text.text, sourceName: basename(document.uri.fsPath), sidecar: doc, taxonomy, category,
        range: { start: text.toCodePoint(passage.start), end: text.toCodePoint(passage.end) }, author,
      });
      if (!result.ok) throw new Error(result.reason);
      id = result.annotation.id;
      return result.doc;
    });
    return id;
  };

  const tagAs = async (args?: PassageArgs): Promise<string | undefined> => {
    const passage = args ?? (await activePassage());
    if (!passage) return undefined;
    const category = await pickCategory(await categoriesFor(vscode.Uri.parse(passage.uri)));
    return category ? tag({ ...passage, category: category.id }) : undefined;
  };

  const editTag = async (ref: TagRef | undefined, title: string, ask: (annotation: Annotation, categories: readonly Category[]) => Promise<Partial<Annotation> | undefined>) => {
    const target = ref ?? (await activeTag(store));
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const annotation = store.get(document.uri)?.entries.find((e) => e.kind === 'annotation' && e.id === target.id)?.entry as Annotation | undefined;
    if (!annotation) throw new Error(`no tag ${target.id} in ${vscode.workspace.asRelativePath(document.uri)}`);
    const changes = await ask(annotation, await categoriesFor(document.uri));
    if (!changes) return;
    await store.change(document, title, (doc) => updateAnnotation(doc, target.id, { ...changes, modified: new Date().toISOString() }));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.tag, run('Tag', tag)),
    vscode.commands.registerCommand(COMMANDS.tagAs, run('Tag as', tagAs)),
    vscode.commands.registerCommand(COMMANDS.changeCategory, run('Change category', (ref?: TagRef) =>
      editTag(ref, 'Change category', async (annotation, categories) => {
        const picked = await pickCategory(categories, annotation.category);
        return picked && picked.id !== annotation.category ? { category: picked.id } : undefined;
      }))),
    vscode.commands.registerCommand(COMMANDS.editNote, run('Edit note', (ref?: TagRef) =>
      editTag(ref, 'Edit note', async (annotation) => {
        const note = await vscode.window.showInputBox({ title: 'Note on this tag', value: annotation.note ?? '', prompt: 'Empty removes the note' });
        if (note === undefined || note === (annotation.note ?? '')) return undefined;
        return { note: note.trim() === '' ? undefined : note };
      }))),
    vscode.commands.registerCommand(COMMANDS.setStatus, run('Set status', (ref?: TagRef) =>
      editTag(ref, 'Set status', async (annotation) => {
        const items = ANNOTATION_STATUSES.map((status) => ({ label: status, picked: status === (annotation.status ?? 'proposed') }));
        const picked = await vscode.window.showQuickPick(items, { title: 'Status of this tag' });
        return picked && picked.label !== annotation.status ? { status: picked.label as AnnotationStatus } : undefined;
      }))),
    vscode.commands.registerCommand(COMMANDS.removeTag, run('Remove tag', async (ref?: TagRef) => {
      const target = ref ?? (await activeTag(store));
      if (!target) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      await store.change(document, 'Remove tag', (doc) => removeAnnotation(doc, target.id));
    })),
    vscode.commands.registerCommand(COMMANDS.undo, run('Undo', async () => {
      const label = await store.undo();
      void vscode.window.showInformationMessage(label ? `Legal Annotator: undid "${label}".` : 'Legal Annotator: nothing to undo.');
      return label;
    })),
  );
}


/** The active editor's selection, or the sentence under its cursor. */
async function activePassage(): Promise<PassageArgs | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Legal Annotator: open a source text and select a passage to tag.');
    return undefined;
  }
  const { document, selection } = editor;
  const start = document.offsetAt(selection.start);
  const end = document.offsetAt(selection.end);
  const passage = start === end ? sentenceAt(document.getText(), start) : { start, end };
  if (passage.start === passage.end) return undefined;
  return { uri: document.uri.toString(), ...passage };
}

/** The tag under the active editor's cursor (the innermost when tags overlap). */
async function activeTag(store: AnnotationStore): Promise<TagRef | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const entries = (store.get(editor.document.uri)?.entries ?? [])
    .filter((e) => e.kind === 'annotation' && e.range && e.range.start <= offset && offset <= e.range.end)
    .sort((a, b) => (a.range!.end - a.range!.start) - (b.range!.end - b.range!.start));
  if (entries.length === 0) {
    void vscode.window.showWarningMessage('Legal Annotator: put the cursor on a tagged passage.');
    return undefined;
  }
  return { uri: editor.document.uri.toString(), id: entries[0].id };
}

/** The whole taxonomy, each category with its legal basis and description. */
export async function pickCategory(categories: readonly Category[], current?: string): Promise<Category | undefined> {
  const items = categories.map((category) => ({
    label: category.label,
    description: category.legalBasis.join(', '),
    detail: category.description,
    picked: category.id === current,
    category,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Tag as…', placeHolder: 'Violation category', matchOnDescription: true, matchOnDetail: true });
  return picked?.category;
}

/**
 * VS Code opens UTF-16, Latin-1 and files with NUL bytes as text, but sidecar offsets count the
 * code points of the UTF-8 file (and `check` refuses any other): tagging such a file would write
 * offsets nothing else can verify. Refused, naming the file and the byte, as the CLI's `tag` does.
 */
async function refuseNonUtf8Source(uri: vscode.Uri): Promise<void> {
  if (uri.scheme !== 'file') return;
  // The core's reader, not vscode.workspace.fs, which took seconds for a 3.4 MB source in code-server.
  // No size bound: the text is open in the editor already.
  const read = await readTextFile(uri.fsPath);
  // Missing: not saved yet, it will be written as UTF-8. Other failures are the save's to report.
  if (read.ok || read.failure !== 'not-text') return;
  throw new Error(`${vscode.workspace.asRelativePath(uri)} ${read.reason}; only UTF-8 text can be tagged (reopen it with the right encoding, then "Save with Encoding" UTF-8)`);
}
