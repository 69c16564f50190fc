/**
 * How large a file of each kind may be before it is refused unread: a source or an import input
 * the user brought, a sidecar, a config or taxonomy. A bound keeps a stray file (a disk image
 * named .txt, a log) from taking the memory of the editor or a CI job. The CLI sets it with
 * `--max-file-size MB` (sources and import inputs), the editor with the
 * `legalAnnotator.sources.maxFileSizeMB` setting; each run starts from the defaults.
 */
export type FileKind = 'source' | 'sidecar' | 'config' | 'import';

export const MIB = 1024 * 1024;

/** Defaults in MiB: a 200 MB source is still read; configs are small by nature. */
export const DEFAULT_MAX_FILE_MB: Readonly<Record<FileKind, number>> = { source: 256, sidecar: 256, config: 4, import: 1024 };

const NAMES: Readonly<Record<FileKind, string>> = { source: 'sources', sidecar: 'sidecars', config: 'configs and taxonomies', import: 'import files' };

let currentMb: Record<FileKind, number> = { ...DEFAULT_MAX_FILE_MB };
/** How the user raises the bound of sources and import files where this runs, named in the reason. */
let raisedWith: string | undefined;
/** What setUserFileLimitMb was last given: a worker thread starts from the defaults and is handed it. */
let userLimit: UserFileLimit = {};

export interface UserFileLimit {
  mb?: number;
  raise?: string;
}

/** The bound the user set where this runs (setUserFileLimitMb's arguments), to set the same in a worker thread. */
export function userFileLimit(): UserFileLimit {
  return { ...userLimit };
}

export function maxBytesFor(kind: FileKind): number {
  return currentMb[kind] * MIB;
}

/**
 * Sets the bound of the files a user brings (sources and import inputs), in MiB; undefined
 * restores the defaults of every kind. `raise`: what raises it where this runs (the CLI's option,
 * the editor's setting), for the reason a file is refused to name.
 */
export function setUserFileLimitMb(mb: number | undefined, raise?: string): void {
  userLimit = { ...(mb !== undefined ? { mb } : {}), ...(raise !== undefined ? { raise } : {}) };
  currentMb = { ...DEFAULT_MAX_FILE_MB };
  raisedWith = raise;
  if (mb !== undefined) {
    currentMb.source = mb;
    currentMb.import = mb;
  }
}

/** The reason a file over its kind's bound is not read. */
export function tooLargeReason(kind: FileKind, bytes: number): string {
  const raise = raisedWith !== undefined && (kind === 'source' || kind === 'import') ? ` (raise it with ${raisedWith})` : '';
  return `is ${sizeText(bytes)}, over the ${sizeText(maxBytesFor(kind))} limit for ${NAMES[kind]}${raise}; it is not read`;
}

/**
 * A size in the unit that shows it: bytes below 1 KiB, then KiB, then MiB, with one decimal
 * when it has one ("10 bytes", "1.5 KiB", "256 MiB"), never a small file as "0.0 MiB".
 */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${Math.floor(bytes)} bytes`;
  const [value, unit] = bytes < MIB ? [bytes / 1024, 'KiB'] : [bytes / MIB, 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
