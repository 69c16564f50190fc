/**
 * Text from files (a sidecar's `source`, a quote, a path) printed in a line for a terminal or a
 * problem matcher: control characters are shown as escapes, so a sidecar cannot ring the bell,
 * recolour the terminal, or forge a diagnostic line of its own with a newline, and bidirectional
 * controls cannot reorder what the reader sees.
 */

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same but the tab, the line feed and a carriage return before one: a document's own layout,
// none of which can move the cursor back over what was printed (a lone carriage return can).
// eslint-disable-next-line no-control-regex
const INVISIBLE_IN_DOCUMENT = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as an escape (`\n`, `\x1b`, `\u2028`). */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, escaped);
}

/**
 * A document (Markdown, CSV, HTML) shown on a terminal: control characters escaped as by
 * visibleControls, but its lines and tabs left as they are.
 */
export function visibleControlsInDocument(text: string): string {
  return text.replace(INVISIBLE_IN_DOCUMENT, escaped);
}
