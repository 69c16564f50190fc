/**
 * The semantic tokens of a source as flat numbers, computed without VS Code (the background
 * worker runs it, backgroundJobs.ts): five numbers per token, line, character, length, type index
 * and modifier bits, in the order of semanticTokens.ts's legend (SEMANTIC_TOKEN_TYPES,
 * SEMANTIC_TOKEN_MODIFIERS).
 */
import { beyondGrammar } from '../core/grammar/grammar-gaps';
import { lineSpans } from '../core/grammar/line-spans';
import type { Lexicon, LexiconExtensions } from '../core/lexicon/lexicon';
import { scan } from '../core/scanner/scan';
import type { Entity } from '../core/scanner/types';
import { markdownSkipRanges } from '../core/text/markdown-prose';
import { SEMANTIC_TOKEN_MODIFIERS } from './constants';

/**
 * `gaps`: a legal-text document, coloured by the grammar, gets tokens for what it misses;
 * `all` / `markdown`: a source in another language gets every entity (outside code in Markdown).
 */
export type TokenMode = 'gaps' | 'all' | 'markdown';

export const TOKEN_FIELDS = 5;
/** Index of each entity kind in the legend's token types (semanticTokens.ts lists them in this order). */
export const TYPE_INDEX = { state: 0, date: 1, term: 2 } as const;
const MODIFIER_BIT = Object.fromEntries(SEMANTIC_TOKEN_MODIFIERS.map((modifier, index) => [modifier, 1 << index])) as Record<string, number>;

export interface TokenRequest {
  text: string;
  mode: TokenMode;
  lexiconExtensions: LexiconExtensions;
  dayFirstSlashes: boolean;
}

export function semanticTokenData(request: TokenRequest, lexicon: Lexicon): Uint32Array {
  const { text, mode } = request;
  const entities = scan(text, { lexicon, dayFirstSlashes: request.dayFirstSlashes });
  const wanted = mode === 'gaps' ? beyondGrammar(entities, request.lexiconExtensions) : entities;
  const spans = lineSpans(text, wanted, mode === 'markdown' ? { skip: markdownSkipRanges(text) } : {});
  const data = new Uint32Array(spans.length * TOKEN_FIELDS);
  spans.forEach((span, i) => data.set([span.line, span.character, span.length, TYPE_INDEX[span.entity.kind], modifiers(span.entity)], i * TOKEN_FIELDS));
  return data;
}

function modifiers(entity: Entity): number {
  switch (entity.kind) {
    case 'state':
      return entity.subKind === 'demonym' ? MODIFIER_BIT.demonym : 0;
    case 'term':
      return MODIFIER_BIT[entity.subKind] ?? 0;
    case 'date':
      return 0;
  }
}
