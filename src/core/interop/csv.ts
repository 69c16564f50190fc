/**
 * CSV export: one row per tag, RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled), UTF-8; `bom` prefixes U+FEFF so spreadsheet
 * programs read the file as UTF-8. Offsets are code points as in the sidecar; `line` is 1-based.
 * `quote` is always the stored quote, what the annotator tagged; `anchor` says how it anchors now
 * (anchored, moved, fuzzy, orphaned), and `start`, `end`, `line` and `current_text` say where the
 * tag sits now and what the text there reads: the quote itself unless the tag is fuzzy. An orphaned
 * tag keeps its row (with its stored quote) but has no start, end, line or current text. The
 * anchor columns come last, so that readers of the older columns by position still work.
 */
import type { Taxonomy } from '../taxonomy/taxonomy';
import { anchorWarnings, categoryIndex, type ExportWarning, type ResolvedSource } from './export-input';

export const CSV_COLUMNS = ['file', 'id', 'category', 'label', 'legal_basis', 'quote', 'start', 'end', 'line', 'note', 'author', 'status', 'created', 'anchor', 'current_text'] as const;

export interface CsvOptions {
  bom?: boolean;
}

export interface CsvExport {
  text: string;
  count: number;
  warnings: ExportWarning[];
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: CsvOptions = {}): CsvExport {
  const categories = categoryIndex(taxonomy);
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { source, annotations } of resolved) {
    const file = csvField(source.path);
    for (const { annotation, anchor, target, current, line } of annotations) {
      const category = categories.get(annotation.category);
      rows.push([
        file,
        csvField(annotation.id),
        csvField(annotation.category),
        csvField(category?.label),
        csvField(category?.legalBasis.join('; ')),
        csvField(target.exact),
        current?.start ?? '',
        current?.end ?? '',
        line ?? '',
        csvField(annotation.note),
        csvField(annotation.author),
        csvField(annotation.status),
        csvField(annotation.created),
        anchor.status,
        csvField(current?.text),
      ].join(','));
    }
  }
  return {
    text: `${options.bom ? '\uFEFF' : ''}${rows.join('\r\n')}\r\n`,
    count: rows.length - 1,
    warnings: anchorWarnings(resolved, 'its row has the stored quote and no start, end or line', 'its row has the stored quote, anchor "fuzzy" and the text now there as current_text'),
  };
}
