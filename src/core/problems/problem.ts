/**
 * A problem found in a file we read (sidecar, config, taxonomy): what the CLI prints as
 * `path:line:column: severity code: message` and the extension shows as a diagnostic.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Stable machine-readable code, e.g. `yaml-syntax`, `schema-required`, `duplicate-id`. */
  code: string;
  severity: Severity;
  message: string;
  /**
   * 1-based line and column of where the problem starts. Columns count Unicode code points,
   * as every position the CLI prints does; the text they count over has no BOM.
   */
  line: number;
  column: number;
  /** 1-based end (exclusive column), when the problem covers a range. */
  endLine?: number;
  endColumn?: number;
}

/**
 * `file:line:column: message`: one problem of a file quoted in a message (a refusal, a skipped
 * file), in the form of check's lines without their severity and code, so that a terminal or
 * an editor can follow it to the place.
 */
export function problemAt(file: string, problem: Pick<Problem, 'line' | 'column' | 'message'>): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** ` (file:line:column: message)` of the first error in `problems`, or '' when there is none. */
export function firstErrorNote(file: string, problems: readonly Problem[]): string {
  const first = problems.find((problem) => problem.severity === 'error');
  return first ? ` (${problemAt(file, first)})` : '';
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Orders problems by position, then by code, so output is stable across runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
