/**
 * How large a file of each kind may be before it is refused unread: a source or an import input
 * the user brought, a sidecar, a config or taxonomy. A bound keeps a stray file (a disk image
 * named .txt, a log) from taking the memory of the editor or a CI job. The CLI sets it with
 * `--max-file-size MB` (sources and import inputs), the editor with the
 * `legalAnnotator.maxFileSizeMB` setting; each run starts from the defaults.
 */
export type FileKind = 'source' | 'sidecar' | 'config' | 'import';

export const MIB = 1024 * 1024;

/** Defaults in MiB: a 200 MB source is still read; configs are small by nature. */
export const DEFAULT_MAX_FILE_MB: Readonly<Record<FileKind, number>> = { source: 256, sidecar: 256, config: 4, import: 1024 };

const NAMES: Readonly<Record<FileKind, string>> = { source: 'sources', sidecar: 'sidecars', config: 'configs and taxonomies', import: 'import files' };

let currentMb: Record<FileKind, number> = { ...DEFAULT_MAX_FILE_MB };

export function maxBytesFor(kind: FileKind): number {
  return currentMb[kind] * MIB;
}

/** Sets the bound of the files a user brings (sources and import inputs), in MiB; undefined restores the defaults of every kind. */
export function setUserFileLimitMb(mb: number | undefined): void {
  currentMb = { ...DEFAULT_MAX_FILE_MB };
  if (mb !== undefined) {
    currentMb.source = mb;
    currentMb.import = mb;
  }
}

/** The reason a file over its kind's bound is not read. */
export function tooLargeReason(kind: FileKind, bytes: number): string {
  const mb = (bytes / MIB).toFixed(1);
  const raise = kind === 'source' || kind === 'import' ? ' (raise it with --max-file-size MB, or the legalAnnotator.maxFileSizeMB setting)' : '';
  return `is ${mb} MiB, over the ${currentMb[kind]} MiB limit for ${NAMES[kind]}${raise}; it is not read`;
}
