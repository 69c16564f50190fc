/**
 * A sidecar read on the fast path: the fast subset reader (fast-yaml.ts), the same precompiled
 * schema validator as parseSidecar, and the same content rules (content-rules.ts). parseSidecar
 * reads a clean file through it, so clean files need no `yaml` Document. Only a file with none of
 * parseSidecar's problems comes back; a file with a warning is left to the full reader, which
 * positions it.
 */
import type { Dismissal, Sidecar } from './model';
import { contentRuleViolations } from './content-rules';
import { readFastYaml, type FastYamlLayout } from './fast-yaml';
import * as validators from './generated/validators';

/**
 * The sidecar, when the fast reader reads it, it is valid against the schema and it breaks no
 * content rule. `layout`, when given, is filled with what the reader noticed of the file's
 * indentation.
 */
export function cleanFastRead(text: string, layout?: FastYamlLayout): Sidecar | undefined {
  const value = readFastYaml(text, layout);
  if (value === undefined || !validators.sidecar(value)) return undefined;
  const raw = value as Omit<Sidecar, 'dismissed'> & { dismissed?: Dismissal[] };
  const sidecar: Sidecar = { ...raw, dismissed: raw.dismissed ?? [] };
  return contentRuleViolations(sidecar).length === 0 ? sidecar : undefined;
}
