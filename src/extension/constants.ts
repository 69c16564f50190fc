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
  removeDuplicate: 'legalAnnotator.removeDuplicate',
  refreshAnnotationsView: 'legalAnnotator.refreshAnnotationsView',
  revealAnnotation: 'legalAnnotator.revealAnnotation',
  dismissClaim: 'legalAnnotator.dismissClaim',
  restoreClaim: 'legalAnnotator.restoreClaim',
  reviewWorkspace: 'legalAnnotator.reviewWorkspace',
  exportAnnotations: 'legalAnnotator.exportAnnotations',
  openEvidenceMatrix: 'legalAnnotator.openEvidenceMatrix',
  addToIncident: 'legalAnnotator.addToIncident',
  evidenceOfElement: 'legalAnnotator.evidenceOfElement',
  compareWith: 'legalAnnotator.compareWith',
  stopComparing: 'legalAnnotator.stopComparing',
  adjudicate: 'legalAnnotator.adjudicate',
} as const;

/** Webview panel types (VS Code restores panels by type). */
export const VIEW_TYPES = {
  evidenceMatrix: 'legalAnnotator.evidenceMatrix',
} as const;

/** View ids (contributes.views in package.json); VS Code adds a `<id>.focus` command for each. */
export const VIEWS = {
  annotations: 'legalAnnotator.annotations',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  /** Set on activation: the workspace uses the extension (shows the Annotations view). */
  active: 'legalAnnotator.active',
  /** Set while the annotations are compared with another branch, ref or folder. */
  comparing: 'legalAnnotator.comparing',
} as const;

export const STATUS_BAR_ID = 'legalAnnotator.tagCount';
/** The claim coverage of the active source ("12 of 15 claims tagged"), right of the tag count. */
export const CLAIM_STATUS_BAR_ID = 'legalAnnotator.claimCoverage';
/** The agreement of the active source with the compared branch, ref or folder ("Compare annotations with…"). */
export const AGREEMENT_STATUS_BAR_ID = 'legalAnnotator.agreement';

/** Code of the diagnostic on a sentence that reports a violation and has no tag (as `check --claims`). */
export const UNTAGGED_CLAIM_CODE = 'untagged-claim';

/** Codes of the check core's duplicate entries (problem-codes.ts), which the "Remove duplicate" quick fix answers. */
export const DUPLICATE_CODES: ReadonlySet<string> = new Set(['duplicate-annotation', 'duplicate-dismissal']);

/** Folders a workspace-wide file search never enters (findFiles' exclude glob). */
export { SKIPPED_FOLDERS_GLOB } from '../core/files/skipped-folders';

/** Setting ids (contributes.configuration in package.json). */
export const SETTINGS = {
  showLabels: 'legalAnnotator.tags.showLabels',
  author: 'legalAnnotator.tags.author',
  showAnnotationsViewOnStartup: 'legalAnnotator.annotationsView.showOnStartup',
  plainTextAsLegalText: 'legalAnnotator.sources.plainTextAsLegalText',
  highlightMarkdown: 'legalAnnotator.sources.highlightMarkdown',
  claimsEnabled: 'legalAnnotator.claims.enabled',
  claimsSeverity: 'legalAnnotator.claims.severity',
  maxFileSizeMB: 'legalAnnotator.sources.maxFileSizeMB',
} as const;

/**
 * Semantic token types and modifiers (contributes.semanticTokenTypes/-Modifiers); package.json's
 * semanticTokenScopes maps each to the grammar's scope, so both colour an entity alike.
 */
export const SEMANTIC_TOKEN_TYPES = { state: 'legalState', date: 'legalDate', term: 'legalTerm' } as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['demonym', 'instrument', 'institution', 'violation', 'status'] as const;
