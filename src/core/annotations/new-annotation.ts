/**
 * A new annotation over a code-point range of a source text: what the editor's "Tag as" code
 * action writes (and the CLI's `tag`): a short random id, the target with its quote and
 * context, the creation time and the `proposed` status a reviewer later confirms or disputes.
 */
import { randomUUID } from 'node:crypto';
import { createTarget } from '../anchoring/target';
import type { PreparedText } from '../anchoring/prepared-text';
import type { Annotation, Dismissal } from '../sidecar/model';

export interface NewAnnotationInput {
  text: string | PreparedText;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  category: string;
  note?: string;
  author?: string;
  /** For tests; defaults to the current time. */
  now?: Date;
  /** Ids already in the sidecar: a new id never collides with one of them. */
  existingIds?: IdSet;
}

/** Ids in use: a Set, or a sidecar's entry index (entryIndex in sidecar-io.ts). */
export interface IdSet {
  has(id: string): boolean;
}

/** `a-` plus 8 hex digits: short enough to read in a diff, random enough for a team's sidecar. */
export function newEntryId(prefix: 'a' | 'd', existing: IdSet = new Set()): string {
  for (;;) {
    const id = `${prefix}-${randomUUID().slice(0, 8)}`;
    if (!existing.has(id)) return id;
  }
}

export function newAnnotation(input: NewAnnotationInput): Annotation {
  const annotation: Annotation = {
    id: newEntryId('a', input.existingIds),
    category: input.category,
    target: createTarget(input.text, input.start, input.end),
    status: 'proposed',
    created: (input.now ?? new Date()).toISOString(),
  };
  if (input.note) annotation.note = input.note;
  if (input.author) annotation.author = input.author;
  return annotation;
}

export function newDismissal(input: Omit<NewAnnotationInput, 'category' | 'note'> & { reason?: string }): Dismissal {
  const dismissal: Dismissal = {
    id: newEntryId('d', input.existingIds),
    target: createTarget(input.text, input.start, input.end),
    created: (input.now ?? new Date()).toISOString(),
  };
  if (input.author) dismissal.author = input.author;
  if (input.reason) dismissal.reason = input.reason;
  return dismissal;
}
