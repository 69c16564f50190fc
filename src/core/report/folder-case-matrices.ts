/**
 * The case matrices of a workspace of several folders on one page (the editor's evidence matrix):
 * one per folder with an incidents file, each in a block of its own, headed by its folder's name
 * when there are several. The page's sources have paths relative to the page's root (the first
 * folder's); a folder's incidents cite sources relative to its own config's root, so each
 * folder's matrix reads the sources by those paths, and its passages link back to the page's.
 */
import { resolve } from 'node:path';
import type { OriginOf } from '../incidents/corroboration';
import type { Incident } from '../incidents/model';
import { workspacePath } from '../interop/annotated-sources';
import type { ResolvedSource } from '../interop/export-input';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { buildCaseMatrix, type CaseMatrix, type CasePassage } from './case-matrix';
import { caseMatrixSections } from './case-matrix-html';
import type { HtmlLink } from './html';

/** A folder's incidents file and what its config says about reading it. */
export interface FolderIncidents {
  /** The workspace folder's name. */
  folder: string;
  /** The root of the folder's config, which the incidents' source paths count from. */
  root: string;
  /** The incidents file as its matrix names it. */
  incidentsFile: string;
  incidents: readonly Incident[];
  taxonomy: Taxonomy;
  originOf: OriginOf;
}

export interface FolderCaseMatrix {
  folder: string;
  root: string;
  matrix: CaseMatrix;
}

/** Each folder's case matrix over `resolved`, the page's sources, whose paths count from `pageRoot`. */
export function folderCaseMatrices(folders: readonly FolderIncidents[], resolved: readonly ResolvedSource[], pageRoot: string): FolderCaseMatrix[] {
  return folders.map(({ folder, root, incidentsFile, incidents, taxonomy, originOf }) => {
    const fromRoot = root === pageRoot ? resolved : resolved.map((entry) => ({ ...entry, source: { ...entry.source, path: workspacePath(root, resolve(pageRoot, entry.source.path)) } }));
    return { folder, root, matrix: buildCaseMatrix(incidents, taxonomy, fromRoot, originOf, incidentsFile) };
  });
}

/**
 * The page's blocks of case matrices (`<div class="case-matrix">` each), headed "Case matrix:
 * <folder>" when there are several; `link` gets each passage with its source's path on the page.
 */
export function caseMatrixBlocks(matrices: readonly FolderCaseMatrix[], pageRoot: string, link: (passage: CasePassage) => HtmlLink): string[] {
  return matrices.flatMap(({ folder, root, matrix }) => {
    const onPage = (passage: CasePassage): HtmlLink => link(root === pageRoot ? passage : { ...passage, source: workspacePath(pageRoot, resolve(root, passage.source)) });
    const title = matrices.length > 1 ? `Case matrix: ${folder}` : undefined;
    return ['<div class="case-matrix">', ...caseMatrixSections(matrix, { linkFor: () => '#', link: onPage, ...(title ? { title } : {}) }), '</div>'];
  });
}
