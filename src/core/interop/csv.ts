/**
 * CSV export: one row per tag, RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled), UTF-8; `bom` prefixes U+FEFF so spreadsheet
 * programs read the file as UTF-8. Offsets are code points as in the sidecar; `line` is 1-based.
 * `quote` is always the stored quote, what the annotator tagged; `anchor` says how it anchors now
 * (anchored, moved, fuzzy, orphaned), and `start`, `end`, `line` and `current_text` say where the
 * tag sits now and what the text there reads: the quote itself unless the tag is fuzzy. An orphaned
 * tag keeps its row (with its stored quote) but has no start, end, line or current text. The
 * anchor columns come after the older ones, so that readers of those by position still work, and
 * last come `incident` (the ids of the incidents citing the tag as evidence, `; ` between them)
 * and `elements` (the ids of the elements it is evidence of, over those incidents).
 *
 * Formulas are neutralised (the OWASP rule for CSV injection): a text cell that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text
 * instead of running it; a quote or a note scraped from the web can hold `=HYPERLINK(...)`. `raw`
 * writes the cells as they are, for programs that read CSV as data.
 */
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { Incident } from '../incidents/model';
import { incidentsByTag } from './incident-links';
import { anchorWarnings, categoryIndex, type ExportWarning, type ResolvedSource } from './export-input';

export const CSV_COLUMNS = ['file', 'id', 'category', 'label', 'legal_basis', 'quote', 'start', 'end', 'line', 'note', 'author', 'status', 'created', 'anchor', 'current_text', 'incident', 'elements'] as const;

export interface CsvOptions {
  bom?: boolean;
  /** Write text cells as they are, formulas included (off: they are neutralised). */
  raw?: boolean;
  /** The workspace's incidents, for the `incident` and `elements` columns (empty without). */
  incidents?: readonly Incident[];
}

export interface CsvExport {
  text: string;
  count: number;
  warnings: ExportWarning[];
}

const NEEDS_QUOTES = /[",\r\n]/;

/** What a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a text neutralised against formulas unless `raw`, quoted as RFC 4180 says. */
export function csvField(value: string | number | undefined, raw = false): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' && !raw && FORMULA_START.test(value) ? `'${value}` : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(resolved: readonly ResolvedSource[], taxonomy: Taxonomy, options: CsvOptions = {}): CsvExport {
  const categories = categoryIndex(taxonomy);
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const field = (value: string | number | undefined): string => csvField(value, options.raw);
  const cited = incidentsByTag(options.incidents ?? []);
  for (const { source, annotations } of resolved) {
    const file = field(source.path);
    for (const { annotation, anchor, target, current, line } of annotations) {
      const category = categories.get(annotation.category);
      const evidence = cited(source.path, annotation.id);
      rows.push([
        file,
        field(annotation.id),
        field(annotation.category),
        field(category?.label),
        field(category?.legalBasis.join('; ')),
        field(target.exact),
        current?.start ?? '',
        current?.end ?? '',
        line ?? '',
        field(annotation.note),
        field(annotation.author),
        field(annotation.status),
        field(annotation.created),
        anchor.status,
        field(current?.text),
        field(evidence.incidents.join('; ')),
        field(evidence.elements.join('; ')),
      ].join(','));
    }
  }
  return {
    text: `${options.bom ? '\uFEFF' : ''}${rows.join('\r\n')}\r\n`,
    count: rows.length - 1,
    warnings: anchorWarnings(resolved, 'its row has the stored quote and no start, end or line', 'its row has the stored quote, anchor "fuzzy" and the text now there as current_text'),
  };
}
