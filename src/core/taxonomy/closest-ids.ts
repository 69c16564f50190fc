/**
 * "Did you mean ...?" for a mistyped category id: the closest ids by edit distance, plus ids
 * that contain the given text or are contained in it ("torture" for "torture-in-custody").
 * Used by check's unknown-category and by tag's refusal.
 */
import type { Taxonomy } from './taxonomy';
import { editDistance } from '../text/edit-distance';

export function closestCategoryIds(taxonomy: Taxonomy, given: string, limit = 3): string[] {
  const needle = given.toLowerCase();
  const scored = taxonomy.categories.map((category) => {
    const id = category.id;
    const contains = needle.length >= 3 && (id.includes(needle) || needle.includes(id));
    return { id, distance: contains ? 0 : editDistance(needle, id) };
  });
  // Beyond about a third of the id's length an edit distance suggests noise, not a typo.
  const plausible = scored.filter((s) => s.distance <= Math.max(2, Math.floor(s.id.length / 3)));
  return plausible.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id)).slice(0, limit).map((s) => s.id);
}


/** `; did you mean "a" or "b"?`, or the list of ids when nothing is close, for messages. */
export function categoryHint(taxonomy: Taxonomy, given: string): string {
  const ids = closestCategoryIds(taxonomy, given);
  if (ids.length === 0) return `; known categories: ${taxonomy.categories.map((c) => c.id).join(', ')}`;
  const quoted = ids.map((id) => `"${id}"`);
  return `; did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?`;
}
