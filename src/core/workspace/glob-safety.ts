/**
 * Which `sources` globs of a workspace config are safe to compile. picomatch turns a glob into
 * a RegExp, and some globs become patterns that backtrack catastrophically: `*a*a*a*a*a*a*a*a*b`
 * takes seconds on a 40-character file name (`[^/]*?a` repeated), and extglobs such as
 * `+(a|aa)` nest quantifiers. A config comes from the workspace, i.e. from whoever wrote the
 * repository, so the editor must not hang on opening one: such globs are refused with a reason.
 */

/** More single-`*` wildcards than this in one path segment is refused (4 cost ~40 ms on a 40-character name, 8 cost 3 s). */
export const MAX_STARS_PER_SEGMENT = 3;
export const MAX_GLOB_LENGTH = 500;

/** Why a glob is refused, or undefined when it is safe. */
export function unsafeGlobReason(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (/[@!?+*]\(/.test(glob)) return 'uses an extglob such as +(...) or @(...), which can make matching take exponential time; list the alternatives as separate globs or use {a,b}';
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.replace(/\*\*+/g, '*').split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `has ${stars} "*" wildcards in the path segment "${segment}" (at most ${MAX_STARS_PER_SEGMENT}): such a glob can make matching one file name take seconds or hours`;
    }
  }
  return undefined;
}
