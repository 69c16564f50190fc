import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../src/extension/constants';
import { extension } from './helpers';

// VS Code has no public API for token scopes: the UI tests (test/e2e) check the rendered colours;
// here, that the grammar VS Code loads for legal-text is the one with the scopes the themes colour.
describe('Grammar', () => {
  it('contributes a TextMate grammar for legal-text that scopes states, dates and terms', async () => {
    const grammars: Array<{ language: string; scopeName: string; path: string }> = extension().packageJSON.contributes.grammars;
    const grammar = grammars.find((g) => g.language === LANGUAGE_ID);
    assert.ok(grammar, 'no grammar for legal-text');
    assert.equal(grammar.scopeName, 'text.legal-text');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, grammar.path));
    const text = new TextDecoder().decode(bytes);
    const json = JSON.parse(text) as { scopeName: string };
    assert.equal(json.scopeName, 'text.legal-text');
    for (const scope of ['entity.name.type.state.legal-text', 'constant.numeric.date.legal-text', 'keyword.other.term.']) {
      assert.ok(text.includes(scope), `the grammar has no ${scope} scope`);
    }
  });
});
