/**
 * A cue may hold a gap, written "…" (or "..."): "denies … the status of prisoners of war" matches
 * "denies", then up to CUE_GAP_WORDS words of any kind (the object: "Ukrainian soldiers"), then
 * "the status of prisoners of war", within one clause. The parts on either side are matched as
 * any cue is (whole words, any case).
 */
export const CUE_GAP = /\s*(?:…|\.\.\.)\s*/u;

/** How many words a gap of a cue may stand for. */
export const CUE_GAP_WORDS = 6;

/** The parts of a cue around its gap: one part for a cue without a gap, two for one with a gap (more gaps are not supported). */
export function cueParts(cue: string): string[] {
  return cue.split(CUE_GAP).filter((part) => part.trim() !== '');
}
