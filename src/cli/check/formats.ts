/**
 * Output formats of `check`: text lines for people and editors' problem matchers, JSON for
 * scripts, SARIF 2.1.0 for code-scanning dashboards. All positions are 1-based lines and
 * columns counted in Unicode code points (the unit every position we print uses).
 */
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import type { Problem, Severity } from '../../core/problems/problem';
import { PROBLEM_CODES, problemCodeInfo } from '../../core/problems/problem-codes';
import { visibleControls } from '../../core/text/visible';
import { painter, type Paint, type Style } from '../colour';

export interface FileReport {
  /** Path as printed: relative to the current folder, with `/` separators. */
  file: string;
  problems: Problem[];
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * One line per problem; `paint` colours the path, the severity and the code on a terminal. Control
 * characters in the path and the message (from file names and sidecar values) are escaped, so each
 * problem is exactly one line.
 */
export function formatText(reports: readonly FileReport[], paint: Paint = painter(false)): string {
  let out = '';
  for (const { file, problems } of reports) {
    const path = paint('bold', visibleControls(file));
    for (const p of problems) out += `${path}:${p.line}:${p.column}: ${paint(SEVERITY_STYLE[p.severity], p.severity)} ${paint('dim', p.code)}: ${visibleControls(p.message)}\n`;
  }
  return out;
}

/**
 * A `/`-separated relative path as an RFC 3986 relative reference: each segment percent-encoded, so
 * `#`, `?`, `%` and spaces in a name stay part of the path (encodeURI would leave `#` and `?`, and a
 * reader would take the rest for a fragment or a query).
 */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(reports: readonly FileReport[], tool: { name: string; version: string }, cwd: string): string {
  // Rules for every code we can report (not only those found), so dashboards know them all.
  const codes = [...PROBLEM_CODES.keys()];
  for (const { problems } of reports) for (const p of problems) if (!codes.includes(p.code)) codes.push(p.code);
  const rules: Sarif.ReportingDescriptor[] = codes.map((code) => {
    const info = problemCodeInfo(code);
    return {
      id: code,
      shortDescription: { text: info.short },
      fullDescription: { text: info.full },
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const results: Sarif.Result[] = reports.flatMap(({ file, problems }) =>
    problems.map((p) => ({
      ruleId: p.code,
      ruleIndex: ruleIndex.get(p.code),
      level: LEVEL[p.severity],
      message: { text: p.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: p.line,
            startColumn: p.column,
            ...(p.endLine !== undefined && p.endColumn !== undefined ? { endLine: p.endLine, endColumn: p.endColumn } : {}),
          },
        },
      }],
    })),
  );
  const log: Sarif.Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      // Our columns count code points; SARIF's default would be UTF-16 code units.
      columnKind: 'unicodeCodePoints',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
