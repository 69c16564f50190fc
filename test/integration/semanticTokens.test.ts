import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from '../../src/extension/constants';
import { closeAllEditors, waitFor } from './helpers';
import { api, copyFixture, open } from './sourceFixtures';

interface Token {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** The document's semantic tokens, decoded from the relative encoding through the legend. */
async function tokens(document: vscode.TextDocument): Promise<Token[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
  if (!legend || !result) return [];
  const decoded: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < result.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifierBits] = result.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => modifierBits & (1 << bit));
    const text = document.lineAt(line).text.slice(character, character + length);
    decoded.push({ line, character, length, type: legend.tokenTypes[type], modifiers, text });
  }
  return decoded;
}

const brief = (list: Token[]) => list.map((t) => `${t.line}:${t.character}:${t.length} ${t.type}${t.modifiers.map((m) => `.${m}`).join('')} ${t.text}`);

describe('Semantic tokens', () => {
  afterEach(closeAllEditors);

  it('in legal-text: the wrapped term per line, the workspace glossary term and state alias, the weekday, a name that needs evidence; nothing the grammar colours', async () => {
    await api();
    const document = await open(await copyFixture('statements', 'statement.txt'));
    await waitFor('the language to become legal-text', () => document.languageId === LANGUAGE_ID);
    const found = await waitFor('semantic tokens', async () => {
      const list = await tokens(document);
      return list.length > 0 ? list : undefined;
    });
    assert.deepEqual(brief(found), [
      // A demonym that can also name a language ("the Ukrainian text") is left to the scanner, which weighs the words around it.
      '2:32:9 legalState.demonym Ukrainian',
      '2:42:12 legalTerm.status prisoners of',
      '3:0:3 legalTerm.status war',
      '3:19:15 legalTerm.institution filtration camp',
      '4:3:8 legalDate Saturday',
      '4:51:8 legalState Ukrayina',
    ]);
  });

  it('in Markdown sources: every entity outside code, wrapped terms split per line', async () => {
    await api();
    const document = await open(await copyFixture('statements', 'notes.md'));
    const found = await waitFor('semantic tokens', async () => {
      const list = await tokens(document);
      return list.length > 0 ? list : undefined;
    });
    assert.deepEqual(brief(found), [
      '0:11:6 legalState Russia',
      '2:4:23 legalTerm.instrument Third Geneva Convention',
      '2:37:12 legalTerm.status prisoners of',
      '3:0:3 legalTerm.status war',
      '3:12:6 legalState Russia',
      '3:41:15 legalTerm.institution filtration camp',
    ]);
    assert.equal(document.languageId, 'markdown');
  });

  it('gives a Markdown file that stops being a source no tokens', async () => {
    await api();
    const document = await open(await copyFixture('statements', 'notes.md'));
    await waitFor('semantic tokens', async () => (await tokens(document)).length > 0);
    await vscode.commands.executeCommand(COMMANDS.toggleSource);
    await waitFor('no semantic tokens', async () => (await tokens(document)).length === 0);
  });
});
