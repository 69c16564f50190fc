/**
 * The sentence around an offset, for "tag the sentence under the cursor": the sentence of
 * the segmenter (sentences.ts, which knows legal abbreviations, headings and list lines) that
 * contains the offset. Only the paragraph around the offset is segmented, so the cost does
 * not grow with the document. Offsets are UTF-16, as in the editor; the result is trimmed of
 * whitespace. Between two sentences, the one just ended wins, else the next one.
 */
import { paragraphAround, segmentSentences } from './sentences';

export function sentenceAt(text: string, offset: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const paragraph = paragraphAround(text, at);
  const spans = segmentSentences(text, paragraph.start, paragraph.end);
  const span = spans.find((s) => s.start <= at && at < s.end) ??
    spans.find((s) => s.end === at) ??
    spans.find((s) => s.start > at) ??
    spans[spans.length - 1];
  return span ? { start: span.start, end: span.end } : { start: at, end: at };
}
