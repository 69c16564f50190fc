/**
 * Every problem code the core reports, in one place: its default severity, a short description
 * (a SARIF rule's `shortDescription`, the table in docs/cli.md) and a full one saying what it means and
 * what to do (`fullDescription`). A code that is reported must be listed here; a unit test
 * greps the sources for `code: '...'` to keep it so.
 */
import type { Severity } from './problem';

export interface ProblemCodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly short: string;
  readonly full: string;
}

const entries: ProblemCodeInfo[] = [
  // Reading a file at all.
  { code: 'encoding', severity: 'error', short: 'File is not UTF-8 text', full: 'A sidecar, config or taxonomy file could not be decoded as UTF-8. Save it as UTF-8; it is never written while it cannot be read.' },
  { code: 'unreadable-file', severity: 'error', short: 'File cannot be read', full: 'The file exists but could not be read (permissions, a directory in its place). Fix the permissions or the path.' },
  { code: 'yaml-syntax', severity: 'error', short: 'YAML syntax error', full: 'The file is not valid YAML. Fix the syntax at the position shown; nothing else in the file is checked until it parses.' },
  { code: 'yaml-alias', severity: 'error', short: 'YAML alias in a sidecar', full: 'The sidecar uses a YAML alias (`*name`) to repeat a value. The editor and the CLI edit entries one by one as text, and an alias would tie two entries together, so a sidecar must spell every value out: replace the alias with the value. Nothing writes the file until then.' },
  { code: 'yaml-duplicate-key', severity: 'error', short: 'Duplicate key in a YAML mapping', full: 'A key appears twice in one mapping; YAML readers disagree on which one wins. Remove or rename one of them.' },
  // Schema errors (Ajv keywords); the message names the property and what was expected.
  { code: 'schema-required', severity: 'error', short: 'Required property missing', full: 'A property the schema requires is missing. Add it.' },
  { code: 'schema-additional-properties', severity: 'error', short: 'Unknown property', full: 'A property the schema does not know (often a typo; the message suggests the nearest name). Rename or remove it; custom fields of a sidecar go under keys starting with `x-`.' },
  { code: 'schema-type', severity: 'error', short: 'Value of the wrong type', full: 'A value has the wrong type (a string where a number is expected, a mapping where a list is expected). Correct the value.' },
  { code: 'schema-const', severity: 'error', short: 'Value must be a fixed constant', full: 'A value must be exactly one constant (e.g. `version: 1`). Set it to the value the message names.' },
  { code: 'schema-enum', severity: 'error', short: 'Value not among the allowed ones', full: 'A value must be one of a fixed list (e.g. `status`: proposed, confirmed, disputed). Use one of the listed values.' },
  { code: 'schema-pattern', severity: 'error', short: 'Value does not match its pattern', full: 'A string does not have the required form (kebab-case ids, `sha256:` hashes, `#rrggbb` colours). Correct it as the message explains.' },
  { code: 'schema-format', severity: 'error', short: 'Value is not in the required format', full: 'A string is not in the required format, e.g. an RFC 3339 date-time with a time zone such as 2025-10-01T14:30:00Z.' },
  { code: 'schema-minimum', severity: 'error', short: 'Number too small', full: 'A number is below its minimum (offsets are never negative). Correct it.' },
  { code: 'schema-maximum', severity: 'error', short: 'Number too large', full: 'A number is above its maximum. Correct it.' },
  { code: 'schema-min-length', severity: 'error', short: 'Empty string', full: 'A string that must not be empty is empty. Fill it in or remove the property.' },
  { code: 'schema-max-length', severity: 'error', short: 'String too long', full: 'A string is longer than the schema allows. Shorten it.' },
  { code: 'schema-min-items', severity: 'error', short: 'Empty list', full: 'A list that must have entries is empty. Add entries or remove the property.' },
  { code: 'schema-if', severity: 'error', short: 'Conditional schema not met', full: 'A value does not satisfy a rule that depends on another value (e.g. a category of a `replace` taxonomy needs a `label`).' },
  { code: 'schema-any-of', severity: 'error', short: 'Value matches none of the allowed forms', full: 'A value matches none of the forms the schema allows. See the schema description of the property.' },
  { code: 'schema-one-of', severity: 'error', short: 'Value does not match exactly one allowed form', full: 'A value must match exactly one of the forms the schema allows. See the schema description of the property.' },
  // Content of a sidecar the schema cannot see (sidecar-io.ts).
  { code: 'duplicate-id', severity: 'error', short: 'Id used more than once', full: 'Two entries of one sidecar (annotations and dismissed claims share the id space) have the same id. Give one of them a new id.' },
  { code: 'target-range', severity: 'error', short: 'Target ends before it starts', full: 'A target\'s `end` is smaller than its `start`. Correct the offsets, or delete both and let the quote anchor it (run check --fix-anchors after setting them to any valid range).' },
  { code: 'target-length', severity: 'warning', short: 'Quote length differs from end - start', full: 'The number of characters of `exact` is not `end - start`: the offsets or the quote were edited by hand. Correct whichever is wrong.' },
  // Semantic checks against the taxonomy and the source (sidecar-checks.ts).
  { code: 'unknown-category', severity: 'error', short: 'Category not in the taxonomy', full: 'An annotation\'s category is not in the workspace taxonomy (the default one, extended or replaced by .legal-annotator.yaml). Use one of the suggested ids or add the category to the taxonomy.' },
  { code: 'target-out-of-range', severity: 'error', short: 'Offsets outside the source text', full: 'A target\'s `start` or `end` is beyond the end of the source text, so the offsets do not refer to this text. If the quote is found elsewhere, check --fix-anchors rewrites them; otherwise fix them by hand.' },
  { code: 'annotation-moved', severity: 'warning', short: 'Annotation\'s quote moved', full: 'The annotation\'s quote is no longer at its stored offsets but was found exactly elsewhere, in its own context (the source was edited around it). Run check --fix-anchors to store the new offsets.' },
  { code: 'annotation-fuzzy', severity: 'warning', short: 'Annotation only anchors approximately', full: 'Only an approximate copy of the quote was found (the quoted passage itself was edited), or an exact copy whose context differs from the stored one (the same words in another passage). Check the text it now covers and re-tag it; check --fix-anchors never rewrites these.' },
  { code: 'orphaned-annotation', severity: 'error', short: 'Annotation\'s quote not found', full: 'The quote of an annotation is not in the source, exactly in its own context or approximately. The annotation is kept, never dropped: fix its quote and offsets, or remove it.' },
  { code: 'dismissal-moved', severity: 'warning', short: 'Dismissed claim\'s quote moved', full: 'The quote of a dismissed claim was found exactly elsewhere, in its own context. Run check --fix-anchors to store the new offsets.' },
  { code: 'dismissal-fuzzy', severity: 'warning', short: 'Dismissed claim only anchors approximately', full: 'Only an approximate copy of a dismissed claim\'s quote was found. Check that the passage still is not a claim, then dismiss it again.' },
  { code: 'orphaned-dismissal', severity: 'error', short: 'Dismissed claim\'s quote not found', full: 'The quote of a dismissed claim is not in the source. It is kept: fix its quote or remove the entry.' },
  { code: 'merge-conflict', severity: 'error', short: 'Two versions of one entry from a git merge', full: 'Two branches changed the same annotation or dismissal differently, and the merge driver (`legal-annotator merge-driver`) kept both: ours, and theirs under a new id (status `disputed`), each naming the other in `conflict`. Adjudicate: keep one, remove the other, and remove the `conflict` field of the one kept.' },
  { code: 'duplicate-annotation', severity: 'warning', short: 'Same tag twice', full: 'An annotation has the same category and the same passage (stored offsets and quote) as an earlier one, so the passage is counted twice (the evidence matrix, exports). The later entry is reported, naming the earlier one. Remove it (the editor\'s quick fix "Remove duplicate"), after keeping anything its note or status adds. When the two are the two versions of a merge conflict (each naming the other in `conflict`), resolve the conflict (merge-conflict) instead: removing one as a copy would take a side.' },
  { code: 'duplicate-dismissal', severity: 'warning', short: 'Same claim dismissed twice', full: 'A dismissed claim has the same passage (stored offsets and quote) as an earlier one. The later entry is reported, naming the earlier one. Remove it (the editor\'s quick fix "Remove duplicate"), after keeping anything its reason adds. When the two are the two versions of a merge conflict, resolve the conflict (merge-conflict) instead.' },
  { code: 'missing-source', severity: 'error', short: 'Source file not found', full: 'The file named by `source` does not exist next to the sidecar. Restore or rename the source, correct `source`, or delete the sidecar.' },
  { code: 'source-outside-folder', severity: 'error', short: 'Source outside the sidecar\'s folder', full: '`source` uses `..`, is absolute, or resolves through a symbolic link outside the sidecar\'s folder. A sidecar annotates the file next to it: move the sidecar next to its source and set `source` to its file name.' },
  { code: 'fix-outside-workspace', severity: 'error', short: '--fix-anchors would write outside the workspace', full: 'check --fix-anchors found moved anchors in a sidecar whose real folder lies outside the workspace root (or outside the current folder it was named under): it was reached through a folder linked out of the workspace. Nothing was written. Re-anchor it from the workspace it really belongs to.' },
  { code: 'source-not-text', severity: 'error', short: 'Source cannot be read as UTF-8 text', full: 'The source could not be read as UTF-8 text: it is binary, UTF-16 or holds invalid bytes, it is larger than the size bound for sources, or it is no regular file (a named pipe, a device). Its offsets cannot be checked. Save it as UTF-8, or raise the bound (--max-file-size, the legalAnnotator.sources.maxFileSizeMB setting).' },
  { code: 'stale-source-hash', severity: 'info', short: 'Source changed since the annotations were saved', full: 'The source\'s hash differs from `sourceHash`: it was edited after the annotations were last saved, but every annotation still anchors. Run check --fix-anchors to record the new hash (and any moved offsets).' },
  { code: 'source-name-mismatch', severity: 'warning', short: '`source` differs from the sidecar\'s name', full: '`source` is not the sidecar\'s file name minus `.ann.yaml` (a copied or renamed sidecar), so the editor will not pair them: `tag`, `untag`, `status` and the editor refuse to write it, and `export` and `report` skip it (exit 1) rather than count another file\'s tags twice. Rename the sidecar to SOURCE.ann.yaml or correct `source`.' },
  { code: 'source-not-listed', severity: 'info', short: 'Source not matched by the config\'s `sources`', full: 'The annotated source is matched by none of the `sources` globs of .legal-annotator.yaml, so the editor does not scan it for claims. Add a glob if it should be; the sidecar is checked anyway.' },
  // Claims in sources (check --claims, the editor's diagnostics).
  { code: 'untagged-claim', severity: 'warning', short: 'Sentence reports a violation but has no tag', full: 'A sentence of a source reports a violation (a cue of a taxonomy category, such as "tortured" or "shot dead") and no annotation overlaps it. Tag it with the suggested category, or record it as not a claim (a dismissal in the sidecar). Its severity is the config\'s `claims.severity` (default warning); low-confidence claims (negated, hypothetical, bare mentions) are reported as info. Reported by check --claims and in the editor.' },
  // The incidents file (incidents.yaml; incident-checks.ts).
  { code: 'duplicate-incident-id', severity: 'error', short: 'Incident id used more than once', full: 'Two incidents of the incidents file have the same id, so evidence, exports and the case matrix cannot tell them apart. Give one of them a new id.' },
  { code: 'incident-date-range', severity: 'error', short: 'Date range ends before it starts', full: 'An incident\'s `date: { from, to }` has `to` before `from`. Swap them.' },
  { code: 'unknown-element', severity: 'error', short: 'Element not in the taxonomy', full: 'Evidence names an element id that no category of the taxonomy has (`legal-annotator categories --elements` lists them). Use one of the suggested ids, or add the element to its category in the taxonomy.' },
  { code: 'element-not-in-categories', severity: 'error', short: 'Element of another category', full: 'Evidence names an element of a category the incident does not list in `categories`. Add that category to the incident, or cite an element of one of its categories.' },
  { code: 'element-not-in-incident', severity: 'warning', short: 'Evidence of an element the incident leaves out', full: 'The incident lists the elements it is to establish (`elements`) and evidence names another one, which the case matrix does not show. Add it to the incident\'s `elements`, or cite one of them.' },
  { code: 'evidence-source-missing', severity: 'error', short: 'Evidence cites a source that is not there', full: 'An evidence entry\'s `source` is not a file of the workspace (paths are relative to the workspace root, the folder of .legal-annotator.yaml, with `/` between folders). Correct the path or restore the source.' },
  { code: 'evidence-annotation-missing', severity: 'error', short: 'Evidence cites a tag that is not there', full: 'An evidence entry\'s `annotation` is not the id of a tag in its source\'s sidecar (or the source has no sidecar): the tag was removed or the id mistyped. Correct the id, or remove the evidence entry.' },
  // What an incidents file still lacks (incident-coverage.ts; the editor's diagnostics on incidents.yaml).
  { code: 'element-without-evidence', severity: 'info', short: 'Element of an incident with no evidence', full: 'No counted evidence (a tag that exists and is not disputed) supports this element of one of the incident\'s categories: a gap in the case. Link a tagged passage to it (in the editor: "Evidence of element…" on the tag), or accept the gap.' },
  { code: 'single-origin-incident', severity: 'info', short: 'Incident supported by a single origin', full: 'All the counted evidence of the incident comes from one origin (one source, or sources whose sidecar `origin` or the config\'s `origins` name one origin, such as copies of one wire report). Corroborate it with an independent source. The editor shows it as a hint.' },
  // Workspace config and taxonomy files (config/).
  { code: 'taxonomy-not-found', severity: 'error', short: 'Taxonomy file not found', full: 'The config\'s `taxonomy` names a file that does not exist (paths are relative to the folder of .legal-annotator.yaml). Fix the path; until then the default taxonomy is used.' },
  { code: 'taxonomy-outside-workspace', severity: 'error', short: 'Taxonomy file outside the workspace', full: 'The config\'s `taxonomy` path leaves the workspace (the folder of .legal-annotator.yaml). Keep the taxonomy file inside the workspace so every checkout has it.' },
  { code: 'incidents-outside-workspace', severity: 'error', short: 'Incidents file outside the workspace', full: 'The config\'s `incidents` path leaves the workspace (the folder of .legal-annotator.yaml). Keep the incidents file inside the workspace so every checkout has it; until then `incidents.yaml` at the root is used.' },
  { code: 'incidents-not-found', severity: 'warning', short: 'Incidents file not found', full: 'The config\'s `incidents` names a file that does not exist (paths are relative to the folder of .legal-annotator.yaml), so no incident is checked. Fix the path, or create the file (the editor\'s "Add tag to incident…" does).' },
  { code: 'sources-glob-unsafe', severity: 'error', short: 'A `sources` glob that could hang matching', full: 'A glob of `sources` has more than three `*` wildcards in one path segment, an extglob such as `+(...)`, or more than 500 characters: compiled to a regular expression, it can take seconds or hours to match one file name. It is ignored; split it into simpler globs.' },
];

export const PROBLEM_CODES: ReadonlyMap<string, ProblemCodeInfo> = new Map(entries.map((entry) => [entry.code, entry]));

/** Metadata for a code; an unlisted code (a bug) still gets a generic entry rather than none. */
export function problemCodeInfo(code: string): ProblemCodeInfo {
  return PROBLEM_CODES.get(code) ?? { code, severity: 'error', short: code, full: `Problem ${code}.` };
}
