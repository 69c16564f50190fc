/**
 * The rules of a sidecar's content that its JSON Schema cannot say: ids unique over annotations
 * and dismissals, `end` not before `start`, a quote as long as its range. Written once: the fast
 * reader (fast-sidecar.ts) passes a file only when none is broken, and the full reader
 * (sidecar-io.ts) positions each one in the file.
 */
import { codePointLength } from '../text/positions';
import type { Annotation, Dismissal, Sidecar } from './model';

export interface ContentRuleViolation {
  code: 'duplicate-id' | 'target-range' | 'target-length';
  severity: 'error' | 'warning';
  /** JSON Pointer to the value at fault, e.g. `/annotations/3/id`. */
  pointer: string;
  message: string;
}

/** Every broken content rule of `sidecar`, in file order (annotations, then dismissals). */
export function contentRuleViolations(sidecar: Pick<Sidecar, 'annotations' | 'dismissed'>): ContentRuleViolation[] {
  const violations: ContentRuleViolation[] = [];
  const seen = new Set<string>();
  const lists: ['annotations' | 'dismissed', readonly (Annotation | Dismissal)[]][] = [['annotations', sidecar.annotations], ['dismissed', sidecar.dismissed]];
  for (const [list, entries] of lists) {
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) violations.push({ code: 'duplicate-id', severity: 'error', pointer: pointer(list, index, 'id'), message: `id "${entry.id}" is used more than once` });
      seen.add(entry.id);
      const { start, end, exact } = entry.target;
      if (end < start) {
        violations.push({ code: 'target-range', severity: 'error', pointer: pointer(list, index, 'target/end'), message: `"end" (${end}) is before "start" (${start})` });
      } else if (codePointLength(exact) !== end - start) {
        violations.push({
          code: 'target-length',
          severity: 'warning',
          pointer: pointer(list, index, 'target/exact'),
          message: `"exact" has ${codePointLength(exact)} characters but end - start is ${end - start}: the offsets or the quote were edited by hand`,
        });
      }
    });
  }
  return violations;
}

/** The JSON Pointer of a field of an entry, made only for a violation: a clean file of 100,000 entries needs none. */
function pointer(list: string, index: number, field: string): string {
  return `/${list}/${index}/${field}`;
}
