import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The Markdown files a reader follows links between. */
const LINKED_DOCS = ['README.md', 'CHANGELOG.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => join('docs', name))];

/** Markdown without its fenced code blocks (a `](x)` in an example is not a link). */
function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** The anchors of a Markdown file's headings, as GitHub makes them: lower case, punctuation dropped, spaces as `-`. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of withoutCodeBlocks(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    anchors.add(heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-'));
  }
  return anchors;
}

/** Relative links of a Markdown file that lead nowhere: a missing file, or a missing heading. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const [, target] of withoutCodeBlocks(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [path, anchor] = target.split('#', 2);
    const linked = path ? join(dirname(file), path) : file;
    if (!existsSync(linked)) broken.push(`${file}: ${target} (no such file)`);
    else if (anchor && linked.endsWith('.md') && !headingAnchors(readFileSync(linked, 'utf8')).has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
  }
  return broken;
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

  it('every relative link of the README, the changelog and docs/ leads to a file and heading that exist', () => {
    assert.ok(LINKED_DOCS.length > 3, 'docs/ holds the reference');
    assert.deepEqual(LINKED_DOCS.flatMap(brokenLinks), []);
  });
});
