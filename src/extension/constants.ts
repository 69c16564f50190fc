/** Ids shared by the manifest (package.json) and the code: one place to change them. */
export const EXTENSION_ID = 'legal-annotator.legal-annotator';
export const LANGUAGE_ID = 'legal-text';
export const OUTPUT_CHANNEL_NAME = 'Legal Annotator';
/** `source` of every diagnostic we report (the Problems panel shows it; the CLI's name). */
export const DIAGNOSTIC_SOURCE = 'legal-annotator';

export const COMMANDS = {
  scanActiveEditor: 'legalAnnotator.scanActiveEditor',
  showOutput: 'legalAnnotator.showOutput',
  tag: 'legalAnnotator.tag',
  tagAs: 'legalAnnotator.tagAs',
  changeCategory: 'legalAnnotator.changeCategory',
  editNote: 'legalAnnotator.editNote',
  setStatus: 'legalAnnotator.setStatus',
  removeTag: 'legalAnnotator.removeTag',
  undo: 'legalAnnotator.undoLastChange',
  toggleSource: 'legalAnnotator.toggleSource',
  reanchorEntry: 'legalAnnotator.reanchorEntry',
  removeEntry: 'legalAnnotator.removeEntry',
  refreshAnnotationsView: 'legalAnnotator.refreshAnnotationsView',
  revealAnnotation: 'legalAnnotator.revealAnnotation',
} as const;

/** View ids (contributes.views in package.json); VS Code adds a `<id>.focus` command for each. */
export const VIEWS = {
  annotations: 'legalAnnotator.annotations',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  /** Set on activation: the workspace uses the extension (shows the Annotations view). */
  active: 'legalAnnotator.active',
} as const;

export const STATUS_BAR_ID = 'legalAnnotator.tagCount';

/** Setting ids (contributes.configuration in package.json). */
export const SETTINGS = {
  showLabels: 'legalAnnotator.tags.showLabels',
  author: 'legalAnnotator.tags.author',
  plainTextAsLegalText: 'legalAnnotator.sources.plainTextAsLegalText',
  highlightMarkdown: 'legalAnnotator.sources.highlightMarkdown',
} as const;

/**
 * Semantic token types and modifiers (contributes.semanticTokenTypes/-Modifiers); package.json's
 * semanticTokenScopes maps each to the grammar's scope, so both colour an entity alike.
 */
export const SEMANTIC_TOKEN_TYPES = { state: 'legalState', date: 'legalDate', term: 'legalTerm' } as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['demonym', 'instrument', 'institution', 'violation', 'status'] as const;
