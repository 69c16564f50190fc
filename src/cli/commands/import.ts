import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { SIDECAR_SUFFIX, sidecarPathFor } from '../../core/sidecar/model';
import { editSidecarFile } from '../../core/sidecar/sidecar-file';
import { SidecarLockError } from '../../core/sidecar/sidecar-lock';
import { loadConfigFor } from '../../core/workspace/load-config';
import { nodeConfigFs } from '../../core/workspace/node-config-fs';
import { CONFIG_FILE_NAME } from '../../core/workspace/workspace-config';
import { parseBratAnn } from '../../core/interop/brat';
import type { ImportedAnnotation, ImportProblem } from '../../core/interop/imported';
import { annotationIri, normalizeBase, pathFromSourceIri } from '../../core/interop/iri';
import { mergeImported } from '../../core/interop/merge-import';
import { parseW3c } from '../../core/interop/w3c';
import { readTextFile, type TextFileRead } from '../../core/files/read-text-file';
import { visibleControls } from '../../core/text/visible';
import { isInsideRoot } from '../../core/files/inside-root';
import { SKIPPED_FOLDER_GLOBS } from '../../core/files/skipped-folders';
import { firstErrorNote } from '../../core/problems/problem';
import { joinPosix, shown } from '../interop/load-sources';
import { workspacePath } from '../../core/interop/annotated-sources';
import { CliError, EXIT, printNote, type CliOutput } from '../output';
import { commandLockOptions } from '../sidecar-edit';
import { statPathArgument } from '../source-paths';
import { parseCommandArgs, unknownChoice } from '../args';
import { cliAuthor } from '../author';

export const IMPORT_HELP = `Usage: legal-annotator import --format brat DIR [--sources ROOT]
       legal-annotator import --format w3c FILE... [--base URI] [--root DIR]

Turns another tool's annotations into sidecars (*.ann.yaml next to each source). Every
annotation is re-anchored against the real source text by its position and quote; one
whose text is not there, or whose type is not in the workspace taxonomy, is reported and
not imported.

Formats:
  brat  DIR is a brat folder: each <name>.ann with its <name>.txt. With --sources ROOT the
        sidecars go next to the sources in ROOT (ROOT/<name>.txt, else ROOT/<name>, as
        export --format brat named them); without it, next to the .txt files in DIR.
  w3c   FILE is a W3C Web Annotation collection, page, annotation, array or JSON Lines.
        Each target.source names the file: file:///... directly, or --base + a path
        under --root (default: the workspace root of the current folder).

Merging into an existing sidecar (nothing is deleted): an imported annotation is the same
as the entry with its id (brat has none; W3C ids exported by us are recognised), else as the
entry covering the identical range with the same category; the fields the format carries
(category, range, note, status, author) then update that entry. Anything else is added.
A sidecar with errors is never written: fix it first (legal-annotator check).

Options:
  --format brat|w3c  the input format
  --sources ROOT     brat: the folder holding the sources
  --base URI         w3c: the base the export was made with (export --base)
  --root DIR         w3c: the folder base-relative paths start from
  --author NAME      the author of added annotations that name none; default: git config
                     user.name, else the system account name, else "unknown"
  -h, --help         show this help

Exit: 0 imported; 1 some annotations or files not imported (see stderr); 2 could not run.
`;

interface SourceImport {
  /** Absolute path of the source. */
  path: string;
  imported: ImportedAnnotation[];
  exportedIri?: (id: string) => string;
}

export async function runImport(args: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    format: { type: 'string' },
    sources: { type: 'string' },
    base: { type: 'string' },
    root: { type: 'string' },
    author: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    output.out(IMPORT_HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'brat' && format !== 'w3c') {
    throw new CliError(format === undefined ? '--format is required: brat or w3c (see legal-annotator import --help)' : unknownChoice('--format', format, ['brat', 'w3c']).message);
  }
  if (format === 'brat' && (values.base !== undefined || values.root !== undefined)) throw new CliError('--base and --root are for --format w3c');
  if (format === 'w3c' && values.sources !== undefined) throw new CliError('--sources is for --format brat');
  if (positionals.length === 0) throw new CliError(format === 'brat' ? 'give the brat folder (DIR)' : 'give the W3C file(s) to import');

  const problems: ImportProblem[] = [];
  const bySource = format === 'brat'
    ? await readBrat(positionals, values.sources, problems)
    : await readW3c(positionals, values.base, values.root, problems);

  // Nothing is written outside the workspace: a W3C target elsewhere, or a source reached through a linked folder.
  const root = resolve(values.root ?? values.sources ?? (await loadConfigFor('.', nodeConfigFs)).config.root);
  const author = await cliAuthor(values.author, process.cwd());
  let failedFiles = 0;
  const totals = { added: 0, updated: 0, unchanged: 0 };
  for (const job of bySource.values()) {
    const refusal = notASource(job.path);
    if (refusal) {
      problems.push({ origin: shown(job.path), severity: 'error', message: `${refusal}; its ${job.imported.length} annotation(s) were not imported, and nothing was written` });
      failedFiles++;
      continue;
    }
    if (!(await isInsideRoot(sidecarPathFor(job.path), root))) {
      problems.push({ origin: shown(job.path), severity: 'error', message: `is outside the workspace ${shown(root)}${values.root === undefined && format === 'w3c' ? ' (give --root)' : ''}; its ${job.imported.length} annotation(s) were not imported, and nothing was written there` });
      failedFiles++;
      continue;
    }
    const result = await importIntoSidecar(job, author, problems);
    if (!result) {
      failedFiles++;
      continue;
    }
    totals.added += result.added;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
    output.out(`${visibleControls(`${shown(sidecarPathFor(job.path))}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged${result.createdSidecar && result.added > 0 ? ' (created)' : ''}`)}\n`);
  }
  for (const p of problems) printNote(output, `${p.origin}: ${p.severity}: ${p.message}`);
  const notImported = problems.filter((p) => p.severity === 'error').length;
  printNote(output, `imported into ${bySource.size - failedFiles} sidecar(s): ${totals.added} added, ${totals.updated} updated, ${totals.unchanged} unchanged${notImported > 0 ? `; ${notImported} problem(s) kept annotations or files out` : ''}`);
  return notImported > 0 || failedFiles > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Why the file a target names takes no sidecar: a sidecar or the config is never a source, so a
 * W3C target naming `r.txt.ann.yaml` (or a brat `.ann` matched to it by --sources) writes no
 * `r.txt.ann.yaml.ann.yaml`.
 */
function notASource(path: string): string | undefined {
  if (path.endsWith(SIDECAR_SUFFIX)) return 'is a sidecar, and a sidecar is never a source';
  if (basename(path) === CONFIG_FILE_NAME) return 'is the workspace config, not a source';
  return undefined;
}

async function importIntoSidecar(job: SourceImport, author: string, problems: ImportProblem[]) {
  const origin = shown(job.path);
  const decoded = await readTextFile(job.path, { kind: 'source' });
  if (!decoded.ok) {
    const reason = decoded.failure === 'missing' ? 'does not exist' : decoded.reason;
    problems.push({ origin, severity: 'error', message: `the source ${reason}; its ${job.imported.length} annotation(s) were not imported` });
    return undefined;
  }
  const sidecarPath = sidecarPathFor(job.path);
  const { config } = await loadConfigFor(job.path, nodeConfigFs);
  // Merged into the sidecar as it is under its lock: another writer's entries are kept.
  try {
    return await editSidecarFile(sidecarPath, (existing) => {
      if (existing && !existing.writable) {
        problems.push({ origin: shown(sidecarPath), severity: 'error', message: `the sidecar has errors${firstErrorNote(shown(sidecarPath), existing.problems)}; nothing was written: fix it first (legal-annotator check)` });
        return { value: undefined };
      }
      const result = mergeImported({ text: decoded.text, sourceName: basename(job.path), sidecar: existing, taxonomy: config.taxonomy, imported: job.imported, exportedIri: job.exportedIri, author });
      problems.push(...result.problems);
      return { write: result.added + result.updated > 0 ? result.doc : undefined, value: result };
    }, commandLockOptions());
  } catch (error) {
    if (!(error instanceof SidecarLockError)) throw error;
    problems.push({ origin: shown(sidecarPath), severity: 'error', message: `the sidecar ${error.detail}; its ${job.imported.length} annotation(s) were not imported` });
    return undefined;
  }
}

async function readBrat(folders: readonly string[], sourcesRoot: string | undefined, problems: ImportProblem[]): Promise<Map<string, SourceImport>> {
  if (folders.length !== 1) throw new CliError(`give one brat folder (got ${folders.length})`);
  const folder = resolve(folders[0]);
  if (!(await statPathArgument(folders[0], folder)).isDirectory()) throw new CliError(`${folders[0]}: not a folder; give the brat folder holding the .ann and .txt files`);
  const root = sourcesRoot === undefined ? undefined : resolve(sourcesRoot);
  if (sourcesRoot !== undefined && !(await statPathArgument(`--sources ${sourcesRoot}`, root)).isDirectory()) throw new CliError(`--sources ${sourcesRoot}: not a folder`);
  const annFiles = (await glob(['**/*.ann'], { cwd: folder, onlyFiles: true, ignore: [...SKIPPED_FOLDER_GLOBS] })).sort();
  if (annFiles.length === 0) throw new CliError(`${folders[0]}: no .ann files in it`);
  const bySource = new Map<string, SourceImport>();
  for (const annFile of annFiles) {
    const stem = annFile.slice(0, -'.ann'.length);
    const bratText = joinPosix(folder, `${stem}.txt`);
    const origin = shown(joinPosix(folder, annFile));
    const text = await readImportFile(bratText);
    if (!text.ok) {
      problems.push({ origin, severity: 'error', message: `${basename(bratText)} beside it: ${text.reason}; skipped` });
      continue;
    }
    const ann = await readImportFile(joinPosix(folder, annFile));
    if (!ann.ok) {
      problems.push({ origin, severity: 'error', message: `${ann.reason}; skipped` });
      continue;
    }
    let source = bratText;
    if (root) {
      const candidates = [joinPosix(root, `${stem}.txt`), joinPosix(root, stem)];
      const found = await firstFile(candidates);
      if (!found) {
        problems.push({ origin, severity: 'error', message: `no source for it in ${shown(root)} (looked for ${candidates.map(shown).join(' and ')}); skipped` });
        continue;
      }
      source = found;
    }
    const parsed = parseBratAnn(ann.text, text.text, origin);
    problems.push(...parsed.problems);
    bySource.set(source, { path: source, imported: parsed.annotations });
  }
  return bySource;
}

async function readW3c(files: readonly string[], givenBase: string | undefined, givenRoot: string | undefined, problems: ImportProblem[]): Promise<Map<string, SourceImport>> {
  let base: string | undefined;
  if (givenBase !== undefined) {
    try {
      base = normalizeBase(givenBase);
    } catch (error) {
      throw new CliError(`--base: ${(error as Error).message}`);
    }
  }
  const root = givenRoot !== undefined ? resolve(givenRoot) : (await loadConfigFor('.', nodeConfigFs)).config.root;
  const bySource = new Map<string, SourceImport>();
  // An export names a few sources many times over: each IRI is resolved once.
  const located = new Map<string, ReturnType<typeof pathFromSourceIri>>();
  const locate = (iri: string) => {
    if (!located.has(iri)) located.set(iri, pathFromSourceIri(iri, base));
    return located.get(iri);
  };
  for (const file of files) {
    const read = await readImportFile(resolve(file));
    if (!read.ok) throw new CliError(`${file}: ${read.reason}`);
    const parsed = parseW3c(read.text, shown(resolve(file)));
    problems.push(...parsed.problems);
    for (const annotation of parsed.annotations) {
      const where = locate(annotation.sourceIri);
      if (!where) {
        const hint = base ? `neither file:///... nor under --base ${base}` : 'not a file:/// IRI; give --base with the base the export used';
        problems.push({ origin: annotation.origin, severity: 'error', message: `its source ${annotation.sourceIri} is ${hint}; not imported` });
        continue;
      }
      const path = where.absolute ?? joinPosix(root, where.relative!);
      let job = bySource.get(path);
      if (!job) {
        const relativePath = workspacePath(root, path);
        job = { path, imported: [], exportedIri: (id) => annotationIri(relativePath, id, base) };
        bySource.set(path, job);
      }
      job.imported.push(annotation);
    }
  }
  return bySource;
}

function readImportFile(path: string): Promise<TextFileRead> {
  return readTextFile(path, { kind: 'import' });
}

async function firstFile(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      if ((await fs.stat(path)).isFile()) return path;
    } catch {
      // try the next
    }
  }
  return undefined;
}

