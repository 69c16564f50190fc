/**
 * The rest of a large source's claims, detected by `scan`'s main thread once it has printed the
 * entities while its worker thread is still reading (scan-claims-worker.ts): the second half of
 * what the worker has left, from the end of a paragraph on. The worker stops there; the two halves
 * are detected at once, on two cores, instead of the main thread waiting for the whole.
 *
 * Cutting at the end of a paragraph changes no claim (a claim is read within its paragraph), and
 * this thread reads the drafting context over the whole text. The worker may be past the cut when
 * it reads it (it reads it between sections): it stops at its next section instead, and the claims
 * found here before that are left out when unpacked.
 */
import type { ByteDetection } from '../../core/claims/byte-sections';
import { CLAIM_SECTION, detectClaimSections, sectionEnd } from '../../core/claims/detect';
import { DraftingContext } from '../../core/claims/drafting';
import { ClaimPacker, PACK_INTS, type ClaimPack } from '../../core/claims/packed-claims';
import type { Taxonomy } from '../../core/taxonomy/taxonomy';
import { OffsetConverter } from '../../core/text/positions';

/** The claims this thread detected, packed as the worker packs its own. */
export interface RestClaims {
  packs: ClaimPack[];
  /** Per article the worker read, whether it states the law: its last article may run past where it stopped. */
  statesLaw(detection: ByteDetection): readonly boolean[];
}

/** What this thread reads of the worker's progress, and how it tells the worker where to stop (UTF-16 offsets). */
export interface WorkerProgress {
  at(): number;
  stop(utf16: number): void;
}

/** Less than this left to the worker (UTF-16 units): it finishes alone. */
const MIN_LEFT = 8 * CLAIM_SECTION;
/** Claims of no article: this thread's detection reads the articles over the whole text. */
const NO_ARTICLE = -1;

/** Detects the second half of what the worker has left of `text`, or nothing when little is left. */
export function detectRest(text: string, taxonomy: Taxonomy, worker: WorkerProgress): RestClaims | undefined {
  const at = worker.at();
  if (text.length - at < MIN_LEFT) return undefined;
  const from = sectionEnd(text, at + Math.floor((text.length - at) / 2), 0);
  if (from >= text.length) return undefined;
  worker.stop(from);
  const converter = new OffsetConverter(text);
  const codePointAt = (utf16: number): number => converter.toCodePoint(utf16);
  const packer = new ClaimPacker();
  const packs: ClaimPack[] = [];
  for (const claims of detectClaimSections(text, { taxonomy, offsets: 'utf16' }, CLAIM_SECTION, from)) {
    packer.add({ claims, articles: claims.map(() => NO_ARTICLE), text, utf16Base: 0, codePointAt });
    if (packer.size >= PACK_INTS) packs.push(packer.take());
  }
  packs.push(packer.take());
  return { packs, statesLaw: (detection) => wholeTextVerdicts(text, detection) };
}

/** The worker's verdicts, its last article's read over the whole text when the worker stopped before the end. */
function wholeTextVerdicts(text: string, { end, headings, statesLaw }: ByteDetection): readonly boolean[] {
  if (end >= text.length || headings.length === 0) return statesLaw;
  const verdicts = [...statesLaw];
  verdicts[verdicts.length - 1] = new DraftingContext(text).inDraftedArticle(headings[headings.length - 1]);
  return verdicts;
}
