/**
 * Writes syntaxes/legal-text.tmLanguage.json from the core lexicon.
 * `--check` writes nothing and exits 1 when the committed grammar differs from a fresh generation.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { compileLexicon } from '../src/core/lexicon/lexicon';
import { grammarJson } from '../src/core/grammar/textmate';

export const GRAMMAR_PATH = join(__dirname, '..', 'syntaxes', 'legal-text.tmLanguage.json');

function main(): number {
  const fresh = grammarJson(compileLexicon());
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(GRAMMAR_PATH, 'utf8');
    } catch {
      // missing: reported below
    }
    if (committed === fresh) return 0;
    console.error(`${GRAMMAR_PATH} is out of date with the lexicon: run npm run build:grammar and commit it.`);
    return 1;
  }
  const temporary = `${GRAMMAR_PATH}.tmp`;
  writeFileSync(temporary, fresh);
  renameSync(temporary, GRAMMAR_PATH);
  console.log(`wrote ${GRAMMAR_PATH} (${(fresh.length / 1024).toFixed(0)} KiB)`);
  return 0;
}

process.exitCode = main();
