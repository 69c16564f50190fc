/**
 * What the line-based TextMate grammar cannot colour, though the scanner finds it: the editor
 * fills these gaps with semantic tokens. The grammar sees one line at a time and only the
 * default lexicon, so it misses
 * - entities that wrap across a line break ("prisoners of\nwar"),
 * - workspace glossary terms and extra state aliases (`lexiconExtensions` of the config),
 * - weekday references resolved against the document's date ("on Saturday"),
 * - state names and demonyms that need evidence from their context ("Indien", "Chad", "US",
 *   "French": lexicon/ambiguous-names.ts), which the grammar leaves out,
 * - the ends of a date range: the grammar has no "between ... and" form, no month range
 *   ("March–May 2023"), and colours a range as one token where it has one.
 * Reporting a few entities the grammar does colour too is harmless (same colour); missing one is not.
 */
import { namesNeedingEvidence, type LexiconExtensions } from '../lexicon/lexicon';
import type { Entity } from '../scanner/types';

export type GapReason = 'wrapped' | 'workspace-term' | 'workspace-state-alias' | 'weekday' | 'date-range' | 'needs-evidence';

/** Why the grammar cannot colour `entity`, or undefined when it can. */
export function grammarGap(entity: Entity, extensions: LexiconExtensions = {}, workspace = workspaceNames(extensions)): GapReason | undefined {
  if (/[\r\n]/.test(entity.text)) return 'wrapped';
  switch (entity.kind) {
    case 'term':
      return workspace.termIds.has(entity.id) ? 'workspace-term' : undefined;
    case 'state': {
      const lower = entity.text.toLowerCase();
      if (workspace.stateAliases.has(lower)) return 'workspace-state-alias';
      return namesNeedingEvidence().has(lower) ? 'needs-evidence' : undefined;
    }
    case 'date':
      if (entity.range !== undefined) return 'date-range';
      return entity.resolvedFrom !== undefined ? 'weekday' : undefined;
  }
}

/** The entities of `entities` the grammar cannot colour, in their order. */
export function beyondGrammar(entities: readonly Entity[], extensions: LexiconExtensions = {}): Entity[] {
  const workspace = workspaceNames(extensions);
  return entities.filter((entity) => grammarGap(entity, extensions, workspace) !== undefined);
}

interface WorkspaceNames {
  termIds: ReadonlySet<string>;
  /** Lower-cased: the scanner may match a name written in capitals. */
  stateAliases: ReadonlySet<string>;
}

function workspaceNames(extensions: LexiconExtensions): WorkspaceNames {
  return {
    termIds: new Set((extensions.terms ?? []).map((term) => term.id)),
    stateAliases: new Set((extensions.stateAliases ?? []).flatMap((alias) => alias.names.map((name) => name.toLowerCase()))),
  };
}
