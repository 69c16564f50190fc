/**
 * How a report says who made it and when, and how a Markdown report is known again as one this
 * tool wrote and nobody changed since: `report --out` may replace such a report, though the
 * sources globs (every `.md` by default) match it, and never any other Markdown file.
 */
import { createHash } from 'node:crypto';

/** The time a report was generated, to the minute, in UTC: `2026-12-06 23:11 UTC`. */
export function generatedAt(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The words that end a Markdown report's summary line: ` (generated 2026-12-06 23:11 UTC by Legal Annotator)`, or none. */
export function generatedNote(generated: string | undefined): string {
  return generated ? ` (generated ${generated} by Legal Annotator)` : '';
}

const SEAL_PREFIX = '<!-- Legal Annotator report; SHA-256 of the text above: ';
const SEAL_LINE = /<!-- Legal Annotator report; SHA-256 of the text above: ([0-9a-f]{64}) -->\r?\n?$/;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A Markdown report with a last line (an HTML comment, which Markdown does not show) that seals the text above it. */
export function sealedMarkdownReport(text: string): string {
  const sealed = text.endsWith('\n') ? text : `${text}\n`;
  return `${sealed}${SEAL_PREFIX}${sha256(sealed)} -->\n`;
}

/** Whether `content` is a Markdown report of this tool's, as sealedMarkdownReport wrote it: its text not changed since. */
export function isSealedMarkdownReport(content: string): boolean {
  const match = SEAL_LINE.exec(content);
  return match !== null && sha256(content.slice(0, match.index)) === match[1];
}
