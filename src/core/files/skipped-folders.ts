/**
 * The folders that no walk of a workspace enters, whoever walks it (the CLI's folder walks and
 * globs, brat import, the editor's file searches and its list of sidecars): dependencies and git's
 * own store hold no evidence, and walking them costs more than the rest of a workspace.
 */
export const SKIPPED_FOLDER_NAMES: readonly string[] = ['node_modules', '.git'];

/** The same as glob patterns, one per folder (`**\/node_modules/**`), for an ignore list. */
export const SKIPPED_FOLDER_GLOBS: readonly string[] = SKIPPED_FOLDER_NAMES.map((name) => `**/${name}/**`);

/** The same as one glob (`{**\/node_modules/**,**\/.git/**}`), for an exclude pattern such as VS Code's findFiles. */
export const SKIPPED_FOLDERS_GLOB = `{${SKIPPED_FOLDER_GLOBS.join(',')}}`;
