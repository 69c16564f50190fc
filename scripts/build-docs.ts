/**
 * Writes the generated part of the documentation: the table of problem codes in docs/cli.md,
 * rendered from src/core/problems/problem-codes.ts between the markers
 * `<!-- problem-codes:start -->` and `<!-- problem-codes:end -->`; the rest of the file is prose
 * and is kept byte for byte. `--check` writes nothing and exits 1 when the committed table differs
 * from a fresh rendering.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES, type ProblemCodeInfo } from '../src/core/problems/problem-codes';

export const CLI_DOC = join(__dirname, '..', 'docs', 'cli.md');
const START_MARKER = '<!-- problem-codes:start -->';
const END_MARKER = '<!-- problem-codes:end -->';

/** A Markdown table cell: a `|` would end the cell, a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function row(info: ProblemCodeInfo): string {
  return `| \`${info.code}\` | ${info.severity} | **${cell(info.short)}.** ${cell(info.full)} |`;
}

/** The table of every problem code, in the order of problem-codes.ts (grouped by what is read). */
export function problemCodesTable(): string {
  return ['| code | default severity | meaning and what to do |', '| --- | --- | --- |', ...[...PROBLEM_CODES.values()].map(row)].join('\n');
}

/** `doc` with the text between the markers replaced by a fresh table; throws when a marker is missing. */
export function withProblemCodesTable(doc: string): string {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`docs/cli.md lacks the markers ${START_MARKER} ... ${END_MARKER} around the problem-codes table`);
  return `${doc.slice(0, start + START_MARKER.length)}\n${problemCodesTable()}\n${doc.slice(end)}`;
}

function main(): number {
  const committed = readFileSync(CLI_DOC, 'utf8');
  const fresh = withProblemCodesTable(committed);
  if (committed === fresh) return 0;
  if (process.argv.includes('--check')) {
    console.error(`${CLI_DOC}: the problem-codes table is out of date with src/core/problems/problem-codes.ts: run npm run build:docs and commit it.`);
    return 1;
  }
  writeFileSync(`${CLI_DOC}.tmp`, fresh);
  renameSync(`${CLI_DOC}.tmp`, CLI_DOC);
  console.log(`wrote the problem-codes table of ${CLI_DOC} (${PROBLEM_CODES.size} codes)`);
  return 0;
}

if (require.main === module) process.exitCode = main();
