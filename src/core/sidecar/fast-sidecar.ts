/**
 * A sidecar read on the fast path: the fast subset reader (fast-yaml.ts), the same precompiled
 * schema validator as parseSidecar, and the content checks parseSidecar adds. `check` uses it to
 * pass clean files without the `yaml` Document API; `tag` uses it to append to a clean file as
 * text (fast-append.ts). Only a file with none of parseSidecar's problems comes back.
 */
import type { Dismissal, Sidecar } from './model';
import { codePointLength } from '../text/positions';
import { readFastYaml, type FastYamlLayout } from './fast-yaml';
import * as validators from './generated/validators';

/**
 * The sidecar, when the fast reader reads it and it has none of the problems parseSidecar
 * would report: valid against the schema, unique ids, `end` not before `start`, a quote as
 * long as its range (keep in step with contentProblems in sidecar-io.ts; the last is only a
 * warning there, but such a file is left to the full parser, which positions it).
 * `layout`, when given, is filled with what the reader noticed of the file's indentation.
 */
export function cleanFastRead(text: string, layout?: FastYamlLayout): Sidecar | undefined {
  const value = readFastYaml(text, layout);
  if (value === undefined || !validators.sidecar(value)) return undefined;
  const raw = value as Omit<Sidecar, 'dismissed'> & { dismissed?: Dismissal[] };
  const sidecar: Sidecar = { ...raw, dismissed: raw.dismissed ?? [] };
  const ids = new Set<string>();
  for (const entry of [...sidecar.annotations, ...sidecar.dismissed]) {
    if (ids.has(entry.id)) return undefined;
    ids.add(entry.id);
    const { start, end, exact } = entry.target;
    if (end < start || codePointLength(exact) !== end - start) return undefined;
  }
  return sidecar;
}
