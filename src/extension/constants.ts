/** Ids shared by the manifest (package.json) and the code: one place to change them. */
export const EXTENSION_ID = 'legal-annotator.legal-annotator';
export const LANGUAGE_ID = 'legal-text';
export const OUTPUT_CHANNEL_NAME = 'Legal Annotator';

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
} as const;

/** Setting ids (contributes.configuration in package.json). */
export const SETTINGS = {
  showLabels: 'legalAnnotator.tags.showLabels',
  author: 'legalAnnotator.tags.author',
} as const;
