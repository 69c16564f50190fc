/**
 * Validates YAML files against our JSON Schemas and reports each error at the line and column of
 * the offending node. The validators are precompiled by scripts/build-validators.ts (Ajv
 * standalone code): nothing is compiled at run time, so no `new Function` and no start-up cost.
 */
import type { ErrorObject } from 'ajv';
import * as YAML from 'yaml';
import * as validators from './generated/validators';
import type { GeneratedValidator } from './generated/validators';
import type { Problem } from '../problems/problem';
import { sortProblems } from '../problems/problem';
import { findKeyNode, locateNode, parseYamlSource, pointerSegments, rangeAt, TOO_DEEP, type YamlSource } from './yaml-source';
import { closestName } from '../text/edit-distance';

export type SchemaName = 'sidecar' | 'config' | 'taxonomy' | 'incidents';

const VALIDATORS: Record<SchemaName, GeneratedValidator> = {
  sidecar: validators.sidecar,
  config: validators.config,
  taxonomy: validators.taxonomy,
  incidents: validators.incidents,
};

export interface ValidatedYaml extends YamlSource {
  /** The plain value of the document; `undefined` when the YAML has syntax errors. */
  value: unknown;
  /** Syntax problems first, then schema problems, in file order. */
  problems: Problem[];
}

/** Parses `fileText` and validates it against a schema; never throws. */
export function validateYamlText(fileText: string, schema: SchemaName): ValidatedYaml {
  const source = parseYamlSource(fileText);
  if (source.problems.some((problem) => problem.severity === 'error')) return { ...source, value: undefined };
  let value: unknown;
  try {
    value = source.document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // A "billion laughs" alias bomb (maxAliasCount) or nesting too deep for the stack: refuse it like a syntax error.
    const message = error instanceof RangeError ? TOO_DEEP : (error as Error).message;
    const problem: Problem = { code: 'yaml-syntax', severity: 'error', message, line: 1, column: 1 };
    return { ...source, value: undefined, problems: [...source.problems, problem] };
  }
  if (schema === 'sidecar') {
    const aliases = aliasProblems(source);
    if (aliases.length > 0) return { ...source, value: undefined, problems: sortProblems([...source.problems, ...aliases]) };
  }
  let schemaFound: Problem[];
  try {
    schemaFound = schemaProblems(source, value, schema);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    schemaFound = [{ code: 'yaml-syntax', severity: 'error', message: TOO_DEEP, line: 1, column: 1 }];
  }
  return { ...source, value: schemaFound.some((p) => p.message === TOO_DEEP) ? undefined : value, problems: sortProblems([...source.problems, ...schemaFound]) };
}

/**
 * Each alias (`*name`) of a sidecar, as an error: the editor and the CLI rewrite entries one by
 * one as text, and an alias ties one entry's value to another's, so a sidecar must spell every
 * value out.
 */
function aliasProblems(source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  YAML.visit(source.document, {
    Alias(_key, node) {
      const [start, end] = node.range ?? [0, 0];
      problems.push({
        code: 'yaml-alias',
        severity: 'error',
        message: `the alias *${node.source} repeats another value; a sidecar spells every value out (the editor and the CLI edit entries one by one): replace it with the value`,
        ...rangeAt(source.text, source.lines, start, end),
      });
    },
  });
  return problems;
}

/** Schema problems of an already parsed value, positioned in `source`. */
export function schemaProblems(source: YamlSource, value: unknown, schema: SchemaName): Problem[] {
  const validate = VALIDATORS[schema];
  if (validate(value)) return [];
  return relevantErrors(validate.errors ?? []).map((error) => toProblem(source, error));
}

/**
 * Drops Ajv's summary errors (`if`, `anyOf`, `oneOf` say only that a branch failed) when more
 * precise ones exist, and repeated errors at one spot (a `type` error from each branch of a union).
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const summaries = new Set(['if', 'anyOf', 'oneOf']);
  const precise = errors.filter((error) => !summaries.has(error.keyword));
  const kept = precise.length > 0 ? precise : errors;
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    const typeKey = `${error.instancePath}|type`;
    if (seen.has(key) || (error.keyword === 'type' && seen.has(typeKey))) return false;
    seen.add(key);
    if (error.keyword === 'type') seen.add(typeKey);
    return true;
  });
}

function toProblem(source: YamlSource, error: ErrorObject): Problem {
  const [start, end] = errorRange(source, error);
  return {
    code: `schema-${error.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    severity: 'error',
    message: messageFor(error),
    ...rangeAt(source.text, source.lines, start, end),
  };
}

/** UTF-16 range of the node an error is about: the unknown key, the bad value, or the mapping missing a key. */
function errorRange(source: YamlSource, error: ErrorObject): [number, number] {
  const located = locateNode(source.document, error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = findKeyNode(located.node, String(error.params.additionalProperty));
    if (key?.range) return [key.range[0], key.range[1]];
  }
  // A key with no value (`note:`) has a null node or an empty scalar: point at the key instead.
  const valueRange = located.node?.range;
  const target = valueRange && valueRange[1] > valueRange[0] ? located.node : (located.key ?? located.node);
  const range = target?.range;
  if (!range) return [0, 0];
  return [range[0], firstLineEnd(source.text, range[0], range[1])];
}

/** Clamps a range to its first line: a whole annotation underlined is noise. */
function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.slice(start, end).search(/\r?\n/);
  return newline < 0 ? end : start + newline;
}

function messageFor(error: ErrorObject): string {
  const segments = pointerSegments(error.instancePath);
  const last = segments.at(-1);
  const what = last === undefined ? 'the top level' : /^\d+$/.test(last) ? `item ${last} of "${segments.at(-2) ?? ''}"` : `"${last}"`;
  const found = describeValue(error.data);
  switch (error.keyword) {
    case 'required':
      return `${what} is missing the required property "${String(error.params.missingProperty)}"`;
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = closestName(name, allowed);
      return `unknown property "${name}" in ${what}${suggestion ? `: did you mean "${suggestion}"?` : allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`;
    }
    case 'enum':
      return `${what} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${found}`;
    case 'const':
      return `${what} must be ${JSON.stringify(error.params.allowedValue)}, not ${found}`;
    case 'type':
      return `${what} must be of type ${[error.params.type].flat().join(' or ')}, not ${found}`;
    case 'pattern':
      return `${what} is ${found}, which does not match the pattern ${String(error.params.pattern)}${patternHint(String(error.params.pattern))}`;
    case 'format':
      return `${what} is ${found}, not a valid ${String(error.params.format)}${error.params.format === 'date-time' ? ' (RFC 3339 with a time zone, e.g. 2025-10-01T14:30:00Z)' : ''}`;
    case 'minimum':
      return `${what} must be at least ${String(error.params.limit)}, not ${found}`;
    case 'minLength':
    case 'minItems':
      return `${what} must not be empty`;
    default:
      return `${what} ${error.message ?? 'is invalid'}`;
  }
}

function patternHint(pattern: string): string {
  if (pattern === '^[a-z0-9]+(-[a-z0-9]+)*$') return ' (kebab-case: lower-case letters and digits joined by "-")';
  if (pattern.startsWith('^sha256:')) return ' ("sha256:" and 64 lower-case hex digits)';
  return '';
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (YAML.isNode(value)) return 'a node';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}


