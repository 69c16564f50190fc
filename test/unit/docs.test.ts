import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLI_DOC, withProblemCodesTable } from '../../scripts/build-docs';

/** The README is a newcomer's page; the reference lives in docs/. */
const README_MAX_BYTES = 15_000;

/** The commands of the first fenced code block of a Markdown text, comments removed. */
function firstCodeBlockCommands(markdown: string): string[] {
  const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(markdown);
  assert.ok(block, 'no fenced code block');
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter((line) => line.length > 0);
}

/** The command lines of a shell script: comments, blank lines and leading `VAR=value` assignments removed. */
function scriptCommands(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => line.replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ''));
}

describe('documentation', () => {
  it('docs/cli.md holds the problem-codes table of problem-codes.ts (run npm run build:docs)', () => {
    const committed = readFileSync(CLI_DOC, 'utf8');
    assert.ok(committed === withProblemCodesTable(committed), 'the problem-codes table of docs/cli.md is stale: run `npm run build:docs` and commit it');
  });

  it(`the README is at most ${README_MAX_BYTES} bytes`, () => {
    const size = readFileSync('README.md').length;
    assert.ok(size <= README_MAX_BYTES, `README.md is ${size} bytes; move reference material to docs/`);
  });

  it("the README's first commands are the two developer commands, the test one exactly as .ci/run runs it", () => {
    const commands = firstCodeBlockCommands(readFileSync('README.md', 'utf8'));
    assert.deepEqual(commands, ['npm ci && npm start', 'npm ci && npm test']);
    assert.ok(scriptCommands(readFileSync('.ci/run', 'utf8')).includes(commands[1]), `.ci/run does not run "${commands[1]}"`);
  });
});
