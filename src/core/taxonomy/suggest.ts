/**
 * Which categories a passage suggests: the categories whose cues occur in it, as whole words
 * and case-insensitively, ranked by how many distinct cues fired and then by the longest cue
 * (a specific "summarily executed" beats a generic "killed"). The code actions offer them first.
 * A cue with a gap ("denies … the status of prisoners of war") counts when each of its parts occurs.
 */
import { cueParts } from './cue-gap';
import type { Category, Taxonomy } from './taxonomy';

export interface CategorySuggestion {
  category: Category;
  /** The cues found, as written in the taxonomy. */
  cues: string[];
}

const WORD = /[\p{L}\p{N}]/u;

function occursAsWords(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  for (let from = 0; ; ) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? haystack[at - 1] : '';
    const after = haystack[at + needle.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return true;
    from = at + 1;
  }
}

/** Normalises whitespace (line breaks inside a cue's words) and case. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ');
}

export function suggestCategories(passage: string, taxonomy: Taxonomy): CategorySuggestion[] {
  const text = normalise(passage);
  const suggestions: CategorySuggestion[] = [];
  for (const category of taxonomy.categories) {
    const cues = category.cues.filter((cue) => cueParts(cue).every((part) => occursAsWords(text, normalise(part))));
    if (cues.length > 0) suggestions.push({ category, cues });
  }
  const longest = (s: CategorySuggestion): number => Math.max(...s.cues.map((cue) => cue.length));
  return suggestions.sort((a, b) => b.cues.length - a.cues.length || longest(b) - longest(a));
}
