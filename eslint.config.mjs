// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/core and the core folders each may import. Anything else in the core is a
 * layering error: the sidecar engine and anchoring never reach up into the checks, the text and
 * lexicon layers never reach into the scanner.
 */
export const CORE_LAYERS = {
  text: [],
  problems: [],
  files: ['text'],
  taxonomy: ['text'],
  lexicon: ['text'],
  sidecar: ['text', 'problems', 'files'],
  anchoring: ['files', 'text', 'sidecar'],
  scanner: ['text', 'lexicon'],
  annotations: ['files', 'text', 'problems', 'taxonomy', 'sidecar', 'anchoring'],
  grammar: ['text', 'lexicon', 'scanner'],
  workspace: ['files', 'text', 'problems', 'taxonomy', 'lexicon', 'sidecar', 'anchoring'],
  validation: ['files', 'text', 'problems', 'taxonomy', 'sidecar', 'anchoring', 'workspace'],
  incidents: ['files', 'text', 'problems', 'taxonomy', 'sidecar', 'workspace'],
  claims: ['files', 'text', 'taxonomy', 'lexicon', 'scanner', 'sidecar', 'anchoring', 'workspace'],
  interop: ['files', 'text', 'problems', 'taxonomy', 'sidecar', 'anchoring', 'annotations', 'workspace', 'validation', 'incidents'],
  team: ['files', 'text', 'problems', 'taxonomy', 'sidecar', 'anchoring', 'annotations', 'workspace'],
  report: ['files', 'text', 'taxonomy', 'sidecar', 'anchoring', 'workspace', 'claims', 'interop', 'team', 'incidents'],
};

function coreImportRule(folder, allowed) {
  const forbidden = Object.keys(CORE_LAYERS).filter((other) => other !== folder && !allowed.includes(other));
  return {
    paths: [{ name: 'vscode', message: 'src/core must not import vscode: keep it runnable in plain Node.' }],
    patterns: [
      { group: ['**/extension/**', '**/cli/**'], message: 'src/core must not depend on the editor or the CLI.' },
      ...forbidden.map((other) => ({
        group: [`../${other}`, `../${other}/**`],
        message: `src/core/${folder} may import only ${allowed.length > 0 ? allowed.map((a) => `core/${a}`).join(', ') : 'nothing else in the core'} (eslint.config.mjs CORE_LAYERS).`,
      })),
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'syntaxes/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // The core runs in plain Node (CLI, unit tests): it never depends on the editor or the CLI, and
  // each of its folders imports only the folders below it (CORE_LAYERS), so dependencies run one way.
  ...Object.entries(CORE_LAYERS).map(([folder, allowed]) => ({
    files: [`src/core/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', coreImportRule(folder, allowed)] },
  })),
  {
    // The background worker's code runs in a worker thread, which has no vscode module (its bundle,
    // dist/worker.js, would not build with one anywhere in its imports).
    files: ['src/extension/backgroundWorker.ts', 'src/extension/backgroundJobs.ts', 'src/extension/backgroundMessages.ts', 'src/extension/semanticTokenData.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The background worker has no vscode module: keep its code pure.' }] }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // Test VS Code harness and `npm start` (Node ES modules).
    files: ['scripts/**/*.mjs', 'scripts/**/*.cjs'],
    languageOptions: { globals: { setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', __filename: 'readonly' } },
  },
);
