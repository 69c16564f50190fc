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

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Orders problems by position, then by code, so output is stable across runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
