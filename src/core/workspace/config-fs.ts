/**
 * The little file access the config loader needs, behind an interface so that the loading
 * logic runs in unit tests over an in-memory folder tree (and, later, over VS Code's
 * `workspace.fs` in the extension).
 */
export type ReadTextResult =
  | { ok: true; text: string }
  /** `missing`: no such file. `reason` says why it could not be read, as a sentence tail ("is not valid UTF-8 ..."). */
  | { ok: false; missing: boolean; notText?: boolean; reason: string };

export interface ConfigFs {
  /** Reads a UTF-8 text file, BOM included as read (the YAML reader strips it). */
  readText(path: string): Promise<ReadTextResult>;
  /** What is at a path, without following it further than the OS does. */
  kind(path: string): Promise<'file' | 'directory' | undefined>;
  /** The path with every symbolic link resolved (undefined when it does not exist); optional: in-memory trees have no links. */
  realPath?(path: string): Promise<string | undefined>;
}
