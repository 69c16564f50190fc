/**
 * The sentence around an offset, for "tag the sentence under the cursor": the sentence of
 * the segmenter (sentences.ts, which knows legal abbreviations, headings and list lines) that
 * contains the offset. Only the paragraph around the offset is segmented, and of a long one only
 * the whole lines within SENTENCE_WINDOW characters either side, so the cost does not grow with
 * the document (a source without blank lines is one paragraph, and the editor asks on every
 * cursor move). Offsets are UTF-16, as in the editor; the result is trimmed of whitespace.
 * Between two sentences, the one just ended wins, else the next one.
 */
import { paragraphAround, segmentSentences } from './sentences';

/** Far longer than a sentence: only a sentence reaching this far from the offset could be cut. */
export const SENTENCE_WINDOW = 8_000;

export function sentenceAt(text: string, offset: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const { start, end } = windowAround(text, at, paragraphAround(text, at));
  const spans = segmentSentences(text, start, end);
  const span = spans.find((s) => s.start <= at && at < s.end) ??
    spans.find((s) => s.end === at) ??
    spans.find((s) => s.start > at) ??
    spans[spans.length - 1];
  return span ? { start: span.start, end: span.end } : { start: at, end: at };
}

/** The paragraph, cut to the whole lines within SENTENCE_WINDOW of `at` (mid-line only on a line longer than that). */
function windowAround(text: string, at: number, paragraph: { start: number; end: number }): { start: number; end: number } {
  let start = paragraph.start;
  if (at - start > SENTENCE_WINDOW) {
    const lineStart = text.indexOf('\n', at - SENTENCE_WINDOW) + 1;
    start = lineStart > 0 && lineStart <= at ? lineStart : at - SENTENCE_WINDOW;
  }
  let end = paragraph.end;
  if (end - at > SENTENCE_WINDOW) {
    const lineEnd = text.lastIndexOf('\n', at + SENTENCE_WINDOW);
    end = lineEnd >= at ? lineEnd : at + SENTENCE_WINDOW;
  }
  return { start, end };
}
