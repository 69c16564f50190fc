/**
 * A git repository where two annotators tagged one source: theirs committed on branch `bob`, mine
 * on `main` (checked out), for the editor's comparison tests (integration and UI). The sidecars
 * are written with the core, as the editor writes them; git runs for real.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTarget, PreparedText } from '../../src/core/anchoring/anchoring';
import type { Annotation } from '../../src/core/sidecar/model';
import { addAnnotation, newSidecarDocument, sidecarFileText } from '../../src/core/sidecar/sidecar-io';
import { sourceHash } from '../../src/core/sidecar/source-hash';

/** The git user of the repository: who decides in the tests. */
export const DECIDER = 'Cleo Adjudicator';
export const THEIR_BRANCH = 'bob';

/** A tag of `quote` (its first occurrence in `text`), as `author` made it. */
export function tagOf(text: string, id: string, category: string, quote: string, author: string): Annotation {
  const prepared = new PreparedText(text);
  const start = prepared.toCodePoint(text.indexOf(quote));
  return { id, category, target: createTarget(prepared, start, start + [...quote].length), author, status: 'proposed' };
}

export function sidecarTextOf(source: string, text: string, annotations: readonly Annotation[]): string {
  let doc = newSidecarDocument(source, sourceHash(text));
  for (const a of annotations) doc = addAnnotation(doc, a);
  return sidecarFileText(doc);
}

export interface TwoAnnotators {
  source: string;
  text: string;
  mine: Annotation[];
  theirs: Annotation[];
}

/** Runs git in `folder` with a fixed committer. */
export function gitIn(folder: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
  return execFileSync('git', args, { cwd: folder, env, encoding: 'utf8' });
}

/** Makes `folder` (existing) a repository: their sidecar on `bob`, mine on `main`. Returns my sidecar's text. */
export function createTwoAnnotatorRepository(folder: string, { source, text, mine, theirs }: TwoAnnotators): string {
  const git = (...args: string[]) => gitIn(folder, ...args);
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', DECIDER);
  git('config', 'user.email', 'cleo@example.org');
  writeFileSync(join(folder, source), text);
  writeFileSync(join(folder, `${source}.ann.yaml`), sidecarTextOf(source, text, theirs));
  git('add', source, `${source}.ann.yaml`);
  git('commit', '-q', '-m', 'their tags');
  git('branch', THEIR_BRANCH);
  const original = sidecarTextOf(source, text, mine);
  writeFileSync(join(folder, `${source}.ann.yaml`), original);
  git('commit', '-q', '-am', 'my tags');
  return original;
}
