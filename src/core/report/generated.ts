/**
 * How a report says who made it and when, and how a file is known again as such a report: `--out`
 * may replace a Markdown report this tool wrote, though the sources globs (every `.md` by
 * default) match it, and never a Markdown source.
 */

/** The time a report was generated, to the minute, in UTC: `2026-12-06 23:11 UTC`. */
export function generatedAt(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The words that end a Markdown report's summary line: ` (generated 2026-12-06 23:11 UTC by Legal Annotator)`, or none. */
export function generatedNote(generated: string | undefined): string {
  return generated ? ` (generated ${generated} by Legal Annotator)` : '';
}

const SUMMARY_LINE = /\(generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Legal Annotator\)\.\r?$/;

/** Whether `head`, a file's first bytes as text, begins as a Markdown report of this tool does: its title, a blank line, a summary naming it. */
export function isGeneratedMarkdownReport(head: string): boolean {
  const [title = '', blank = '', summary = ''] = head.split('\n', 3);
  return title.startsWith('# ') && blank.trim() === '' && SUMMARY_LINE.test(summary);
}
