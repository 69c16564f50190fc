/** Ids shared by the manifest (package.json) and the code: one place to change them. */
export const EXTENSION_ID = 'legal-annotator.legal-annotator';
export const LANGUAGE_ID = 'legal-text';
export const OUTPUT_CHANNEL_NAME = 'Legal Annotator';

export const COMMANDS = {
  scanActiveEditor: 'legalAnnotator.scanActiveEditor',
  showOutput: 'legalAnnotator.showOutput',
} as const;
