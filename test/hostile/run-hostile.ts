/**
 * Runs the hostile-input corpus (scripts/generate-hostile.ts) through the CLI in-process
 * (`runCli`, as the unit tests do) and judges every run: it finished within the time bound when
 * one is given (`npm run reliability` gives TIME_BOUND_MS; `npm test` gives none: a busy machine
 * breaks any bound in milliseconds), did not crash (no "internal error", no exception), exited
 * with a code the case expects, said what it had to say (the file's name, a position where there is one; an escape, a
 * neutralised cell) and nothing it must not (a raw control character), wrote nothing raw that a reader refuses, and modified no file it was not
 * asked to modify (every file of the corpus, the `outside/` folder included, hashed before and
 * after). Used by test/unit/hostile.test.ts and scripts/reliability.ts.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runCli } from '../../src/cli/run';
import type { Annotation } from '../../src/core/sidecar/model';
import { parseSidecar } from '../../src/core/sidecar/sidecar-io';
import { readFastYaml } from '../../src/core/sidecar/fast-yaml';
import type { HostileCase, HostileRun } from '../../scripts/generate-hostile';

/** The bound `npm run reliability` judges: every command on every hostile file finishes within 10 s. */
export const TIME_BOUND_MS = 10_000;

export interface RunOutcome {
  case: string;
  command: string;
  exit: number;
  ms: number;
  /** Empty when the run passed; otherwise each reason it failed. */
  failures: string[];
  /** The first line of stderr (or stdout), for the report. */
  message: string;
  /** Why this run is a known limit (see HostileRun.knownLimit). */
  knownLimit?: string;
  /** Annotations a modified sidecar held before and no longer holds unchanged (must be 0). */
  lost: number;
}

/** Content hashes by path and stat, so that the large files are read once, not before and after every run. */
const hashCache = new Map<string, { stamp: string; hash: string }>();

/** Hashes of every file under `root` (symbolic links by their target, not followed). */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = relative(root, path).split(sep).join('/');
      if (stat.isSymbolicLink()) hashes.set(key, `link:${readlinkSync(path)}`);
      else if (stat.isDirectory()) walk(path);
      // A FIFO or a device is never read (a read would hang or never end): its kind stands for it.
      else if (!stat.isFile()) hashes.set(key, `special:${stat.mode}`);
      else {
        // A write (atomic rename or in place) changes the inode, the size or the change time.
        const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
        let cached = hashCache.get(path);
        if (cached?.stamp !== stamp) hashCache.set(path, (cached = { stamp, hash: createHash('sha256').update(readFileSync(path)).digest('hex') }));
        hashes.set(key, cached.hash);
      }
    }
  };
  walk(root);
  return hashes;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [path, hash] of before) if (after.get(path) !== hash) changed.add(path);
  for (const path of after.keys()) if (!before.has(path)) changed.add(path);
  return [...changed].sort();
}

/** Runs every command of a case, in order, from the case's folder. `corpusRoot` holds `workspace/` and `outside/`. */
export async function runHostileCase(corpusRoot: string, hostile: HostileCase, options: { knownLimits?: boolean; timeBoundMs?: number } = {}): Promise<RunOutcome[]> {
  const folder = join(corpusRoot, 'workspace', hostile.folder);
  const outcomes: RunOutcome[] = [];
  for (const run of hostile.runs) {
    if (run.knownLimit && !options.knownLimits) continue;
    outcomes.push({ ...(await runOne(corpusRoot, folder, hostile, run, options.timeBoundMs)), knownLimit: run.knownLimit });
  }
  return outcomes;
}

async function runOne(corpusRoot: string, folder: string, hostile: HostileCase, run: HostileRun, timeBoundMs?: number): Promise<RunOutcome> {
  const before = hashTree(corpusRoot);
  const modifiedBefore = (run.modifies ?? []).map((file) => annotationsIn(join(folder, file)));
  let out = '';
  let err = '';
  const failures: string[] = [];
  const cwd = process.cwd();
  const started = performance.now();
  let exit = -1;
  try {
    process.chdir(folder);
    // Keep the start of the output only: a 50 MB source prints hundreds of MB of JSON.
    const keep = (held: string, text: string) => (held.length < 200_000 ? held + text.slice(0, 200_000) : held);
    exit = await runCli(run.argv, { out: (text) => void (out = keep(out, text)), err: (text) => void (err = keep(err, text)) });
  } catch (error) {
    failures.push(`threw: ${(error as Error).stack ?? String(error)}`);
  } finally {
    process.chdir(cwd);
  }
  const ms = performance.now() - started;
  if (timeBoundMs !== undefined && ms > timeBoundMs) failures.push(`took ${Math.round(ms)} ms (bound ${timeBoundMs} ms)`);
  if (/internal error|RangeError|Maximum call stack/.test(err + out.slice(0, 10_000))) failures.push(`crashed: ${firstLine(err)}`);
  if (!run.exits.includes(exit)) failures.push(`exit ${exit}, expected ${run.exits.join(' or ')}: ${firstLine(err) || firstLine(out)}`);
  if (exit !== 0 && run.mentions && !run.mentions.test(err) && !run.mentions.test(out.slice(0, 100_000))) failures.push(`output does not match ${run.mentions}: ${firstLine(err) || firstLine(out)}`);
  const output = `${out}\n${err}`;
  if (run.shows && !run.shows.test(output)) failures.push(`output does not show ${run.shows}: ${firstLine(err) || firstLine(out)}`);
  if (run.hides?.test(output)) failures.push(`output holds ${run.hides}`);
  if (run.writesNo && writtenText(join(folder, run.writesNo.file))?.match(run.writesNo.pattern)) failures.push(`${run.writesNo.file} holds ${run.writesNo.pattern}`);
  const lost = lostAnnotations(modifiedBefore, folder, run.modifies ?? []);
  if (lost > 0) failures.push(`lost or changed ${lost} annotation(s)`);
  const allowed = new Set((run.modifies ?? []).map((file) => `workspace/${hostile.folder}/${file}`));
  const unexpected = changedFiles(before, hashTree(corpusRoot)).filter((path) => !allowed.has(path));
  if (unexpected.length > 0) failures.push(`modified ${unexpected.join(', ')}`);
  return { case: hostile.name, command: `legal-annotator ${run.argv.join(' ')}`, exit, ms, failures, message: firstLine(err) || firstLine(out), lost };
}

function writtenText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0];
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** The annotations of a sidecar as JSON by id (empty when it is missing or does not parse). */
function annotationsIn(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  return new Map(parseSidecarLoosely(text).map((a) => [a.id, JSON.stringify(a)]));
}

/** The fast reader first: a 23 MB sidecar takes the `yaml` package 15 s. */
function parseSidecarLoosely(text: string): Annotation[] {
  const fast = readFastYaml(text) as { annotations?: Annotation[] } | undefined;
  if (fast && Array.isArray(fast.annotations)) return fast.annotations;
  return parseSidecar(text).sidecar?.annotations ?? [];
}

/** How many annotations of the sidecars a run was allowed to modify are gone or changed. */
function lostAnnotations(before: Map<string, string>[], folder: string, files: readonly string[]): number {
  let lost = 0;
  files.forEach((file, index) => {
    const after = annotationsIn(join(folder, file));
    for (const [id, json] of before[index]) if (after.get(id) !== json) lost++;
  });
  return lost;
}
