import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { compileLexicon } from '../../src/core/lexicon/lexicon';
import { grammarJson, GRAMMAR_SCOPE } from '../../src/core/grammar/textmate';

const ROOT = join(__dirname, '..', '..');
const GRAMMAR_FILE = join(ROOT, 'syntaxes', 'legal-text.tmLanguage.json');

/** Loads the committed grammar into the tokenizer VS Code itself uses, run in plain Node. */
async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === GRAMMAR_SCOPE ? textmate.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const grammar = await registry.loadGrammar(GRAMMAR_SCOPE);
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** Text of each token with its innermost legal-text scope, for the tokens that have one. */
function scopedTokens(grammar: textmate.IGrammar, line: string): Array<[string, string]> {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens
    .map((token) => [line.slice(token.startIndex, token.endIndex), token.scopes[token.scopes.length - 1]] as [string, string])
    .filter(([, scope]) => scope !== GRAMMAR_SCOPE);
}

describe('generated TextMate grammar', function () {
  let grammar: textmate.IGrammar;

  before(async () => {
    grammar = await loadGrammar();
  });

  it('is the committed file, identical to a fresh generation from the lexicon', () => {
    const committed = readFileSync(GRAMMAR_FILE, 'utf8');
    assert.ok(committed === grammarJson(compileLexicon()), 'syntaxes/legal-text.tmLanguage.json is stale: run `npm run build:grammar` and commit it');
  });

  it('colours states, demonyms, dates and terms with their scopes', () => {
    const line = 'On 3 March 2022 the OSCE said Belarusian officials held Ukrainians as prisoners of war in Russia, who were tortured, a war crime under the Third Geneva Convention.';
    assert.deepEqual(scopedTokens(grammar, line), [
      ['3 March 2022', 'constant.numeric.date.legal-text'],
      ['OSCE', 'keyword.other.term.institution.legal-text'],
      ['Ukrainians', 'entity.name.type.state.demonym.legal-text'],
      ['prisoners of war', 'keyword.other.term.status.legal-text'],
      ['Russia', 'entity.name.type.state.legal-text'],
      ['tortured', 'keyword.other.term.violation.legal-text'],
      ['war crime', 'keyword.other.term.violation.legal-text'],
      ['Third Geneva Convention', 'keyword.other.term.instrument.legal-text'],
    ]);
  });

  it('colours every date format of the brief', () => {
    for (const date of ['2025-09-27', '24.07.2025', '3 March 2022', 'March 30, 2023', 'February 2022', '12 August 1949', '12 Augustus 1949', 'April 21 to August 12, 1949', '3 березня 2022',
      '14 Sept. 2022', '1 Feb 2023', 'March 3rd, 2022', '5th of April 2022', '2022-03-04T10:15:00Z', '2022-03-04T10:15:00.5+02:00', '20220304T101500Z', '1. bis 15. Oktober 2025']) {
      assert.deepEqual(scopedTokens(grammar, `on ${date} there`), [[date, 'constant.numeric.date.legal-text']], date);
    }
  });

  it('respects case and word edges as the scanner does', () => {
    assert.deepEqual(scopedTokens(grammar, 'let us talk of turkey and chad'), []);
    assert.deepEqual(scopedTokens(grammar, 'the USA and TÜRKIYE'), [
      ['USA', 'entity.name.type.state.legal-text'],
      ['TÜRKIYE', 'entity.name.type.state.legal-text'],
    ]);
    assert.deepEqual(scopedTokens(grammar, 'Russians Russianness'), [['Russians', 'entity.name.type.state.demonym.legal-text']]);
  });

  it('leaves out names that need evidence from their context; the scanner decides and semantic tokens colour them', () => {
    for (const line of ['Indien de krijgsgevangenen', 'Indien hat unterzeichnet', 'the US and Chad', 'in Jordan and Niger', 'the French text', 'French troops', 'ukrainische Soldaten']) {
      assert.deepEqual(scopedTokens(grammar, line), [], line);
    }
  });

  it('prefers the longest name', () => {
    assert.deepEqual(scopedTokens(grammar, 'Guinea-Bissau and the Geneva Conventions'), [
      ['Guinea-Bissau', 'entity.name.type.state.legal-text'],
      ['Geneva Conventions', 'keyword.other.term.instrument.legal-text'],
    ]);
  });
});
