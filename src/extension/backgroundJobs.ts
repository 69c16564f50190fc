/**
 * The extension's heavy pure work, which runs on the background worker's thread
 * (backgroundWorker.ts) so the extension host's own thread stays free to answer VS Code: reading
 * and parsing a sidecar, editing one in a batch, detecting claims, computing semantic tokens. Each job takes and returns
 * plain data (structured clone). Never imports vscode: the worker has no such module.
 */
import { detectClaims } from '../core/claims';
import type { Claim, ClaimSummary } from '../core/claims/types';
import { compileLexicon, getDefaultLexicon, type Lexicon, type LexiconExtensions } from '../core/lexicon/lexicon';
import { readSidecarFile } from '../core/sidecar/sidecar-file';
import { editSidecar, type SidecarEdit } from '../core/sidecar/sidecar-batch';
import { parseSidecar, sidecarFromParts, sidecarParts, type SidecarDocument, type SidecarParts } from '../core/sidecar/sidecar-io';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../core/taxonomy/taxonomy';
import { semanticTokenData, type TokenRequest } from './semanticTokenData';

export const JOBS = {
  /** The sidecar at `path` read and parsed; undefined when there is none. */
  async readSidecar(input: { path: string }): Promise<PackedSidecar | undefined> {
    const doc = await readSidecarFile(input.path);
    return doc && packSidecar(doc);
  },
  /** The sidecar whose file text is `fileText` with `edits` applied in one batch (editSidecar). */
  editSidecar(input: { fileText: string; edits: readonly SidecarEdit[] }): PackedSidecar {
    return packSidecar(editSidecar(parseSidecar(input.fileText), input.edits));
  },
  /**
   * Claims of `text` in UTF-16 offsets, summed up (a 1 MB source holds about 9,000: their texts
   * and cue lists would only cost the extension host time to receive and collect); no taxonomy:
   * the default one.
   */
  detectClaims(input: { text: string; taxonomy?: Taxonomy }): ClaimSummary[] {
    return detectClaims(input.text, { taxonomy: input.taxonomy ?? DEFAULT_TAXONOMY, offsets: 'utf16' }).map(summary);
  },
  semanticTokens(input: TokenRequest): Uint32Array {
    return semanticTokenData(input, lexiconFor(input.lexiconExtensions));
  },
};

/**
 * A sidecar as a job returns it: its parts, the content as JSON text. The extension host's
 * JSON.parse of 10,000 entries takes about half the time of receiving them as a structured clone.
 */
export interface PackedSidecar extends Omit<SidecarParts, 'sidecar'> {
  sidecarJson?: string;
}

function packSidecar(doc: SidecarDocument): PackedSidecar {
  const { sidecar, ...parts } = sidecarParts(doc);
  return sidecar ? { ...parts, sidecarJson: JSON.stringify(sidecar) } : parts;
}

/** The document a job's PackedSidecar stands for (on the extension host). */
export function unpackSidecar({ sidecarJson, ...parts }: PackedSidecar): SidecarDocument {
  return sidecarFromParts(sidecarJson === undefined ? parts : { ...parts, sidecar: JSON.parse(sidecarJson) });
}

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;

export function runJob<N extends JobName>(name: N, input: JobInput<N>): Promise<JobOutput<N>> {
  const job = JOBS[name] as (input: JobInput<N>) => JobOutput<N> | Promise<JobOutput<N>>;
  return Promise.resolve().then(() => job(input));
}

function summary(claim: Claim): ClaimSummary {
  return {
    start: claim.start,
    end: claim.end,
    confidence: claim.confidence,
    ...(claim.reason === undefined ? {} : { reason: claim.reason }),
    categories: claim.categories.map(({ id, cues }) => ({ id, cues: cues.slice(0, 1) })),
  };
}

/** The last lexicon compiled with extensions, by their JSON: a config's glossary arrives cloned with every request. */
let extended: { key: string; lexicon: Lexicon } | undefined;

function lexiconFor(extensions: LexiconExtensions): Lexicon {
  if ((extensions.terms?.length ?? 0) === 0 && (extensions.stateAliases?.length ?? 0) === 0) return getDefaultLexicon();
  const key = JSON.stringify(extensions);
  if (extended?.key !== key) extended = { key, lexicon: compileLexicon(extensions) };
  return extended.lexicon;
}
