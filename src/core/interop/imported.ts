/**
 * Annotations read from another tool's format (brat, W3C), before they become sidecar entries.
 * Whatever a format gives, a position, a quote, or both, is re-anchored against the real source
 * text (merge-import.ts), so an offset that drifted or a copy of the text with other line
 * endings never puts a tag on the wrong words.
 */
import type { AnnotationStatus } from '../sidecar/model';

export interface ImportedAnnotation {
  /** Where it was read, for messages: `report.ann: T3`, `annotations.jsonld: item 4`. */
  origin: string;
  /** The sidecar id it carries, when the format kept one. */
  id?: string;
  /** Other names the annotation is known by (a W3C id): an existing entry whose exported IRI is one of them is the same annotation. */
  iri?: string;
  /** A category id or label, as the file gives it. */
  category: string;
  /** Code points of the text the format's offsets refer to, end exclusive. */
  start?: number;
  end?: number;
  /**
   * The offsets are the source's own (a W3C TextPositionSelector), not those of a copy that may
   * differ (brat's .txt): offsets beyond the source's end are then an error, not a passage to search for.
   */
  offsetsOfSource?: boolean;
  exact?: string;
  prefix?: string;
  suffix?: string;
  note?: string;
  /**
   * The format cannot hold a line break or a tab in a note (brat writes them as spaces): an
   * existing note that reads the same once flattened is the same note, and stays as it is.
   */
  noteFlattened?: boolean;
  author?: string;
  status?: AnnotationStatus;
  created?: string;
  modified?: string;
}

/** Something that kept an entry from being imported, or that the user should know about it. */
export interface ImportProblem {
  origin: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A note as a format that holds one line per note writes it: line breaks and tabs become spaces. */
export function flattenNote(note: string): string {
  return note.replace(/\r\n|[\r\n\t]/g, ' ');
}
