/**
 * The author the editor writes on the tags and dismissals it creates: `git config user.name` as
 * the source's repository sees it, then the `legalAnnotator.tags.author` setting, then the system
 * account name, never empty (src/core/team/author.ts). The manifest scopes the setting
 * `application`, so only the user's own settings can set it: a committed workspace setting
 * cannot sign everyone's tags.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { defaultAuthor } from '../core/team/author';
import { SETTINGS } from './constants';

/** The `legalAnnotator.tags.author` setting, undefined when blank. */
function authorSetting(): string | undefined {
  const author = vscode.workspace.getConfiguration().get<string>(SETTINGS.author, '').trim();
  return author === '' ? undefined : author;
}

/** The author of an entry written in the sidecar of `uri`. */
export async function authorFor(uri: vscode.Uri): Promise<string> {
  return defaultAuthor(uri.scheme === 'file' ? dirname(uri.fsPath) : undefined, authorSetting());
}
