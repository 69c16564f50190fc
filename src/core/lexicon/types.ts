/** Shapes of the lexicon: the data the scanner and the generated grammar are built from. */

/** Sub-kinds of legal terms in the glossary. */
export type TermKind = 'instrument' | 'institution' | 'violation' | 'status';

export const TERM_KINDS: readonly TermKind[] = ['instrument', 'institution', 'violation', 'status'];

/** One entry of the IHL/IHRL glossary. */
export interface GlossaryTerm {
  /** Stable kebab-case id, e.g. `third-geneva-convention`. */
  id: string;
  kind: TermKind;
  /** Canonical label shown in hovers. */
  label: string;
  /** One-line definition, written by us. */
  definition: string;
  /**
   * Surface forms matched in text, the label included: plurals, abbreviations, common variants.
   * Words are separated by single spaces; the scanner tolerates any run of whitespace
   * (line breaks included) between them.
   */
  variants: string[];
  /**
   * True for proper names and abbreviations (`OSCE`, `Rome Statute`): matched case-sensitively.
   * False for common nouns (`war crimes`, `torture`): matched case-insensitively.
   */
  properName: boolean;
}

/** Demonym adjectives and nouns of one state, linked to it by its ISO 3166-1 alpha-2 code. */
export interface DemonymEntry {
  code: string;
  /** English forms: adjective and plural noun, e.g. `Ukrainian`, `Ukrainians`. */
  forms: string[];
}

/** Extra names of a state that `i18n-iso-countries` does not carry. */
export interface StateAliasEntry {
  code: string;
  names: string[];
}
