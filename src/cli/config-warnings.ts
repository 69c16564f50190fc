import type { FileProblems } from '../core/workspace/load-config';
import { shown } from './interop/load-sources';

/**
 * The errors of a config and its taxonomy file as commands other than `check` print them: one
 * `path:line:column: warning code: message` line each. A warning, because the command goes on
 * with the defaults that stand in for what could not be read.
 */
export function configWarningLines(files: readonly FileProblems[]): string[] {
  return files.flatMap(({ path, problems }) =>
    problems.filter((p) => p.severity === 'error').map((p) => `${shown(path)}:${p.line}:${p.column}: warning ${p.code}: ${p.message}`));
}
