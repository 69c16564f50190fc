/**
 * What the anchoring evaluation scripts share: their command line (FILE... [--cases N]
 * [--seed N]), the corpus text, a seeded random source and the edits they make with it.
 */
import { readFileSync } from 'node:fs';

export interface EvalCorpus {
  /** The files joined, as ASCII: UTF-16 and code-point offsets are then equal, which the edits rely on. */
  text: string;
  cases: number;
  /** A seeded integer in [0, n). */
  random(n: number): number;
  /** `length` characters of random letters and spaces. */
  noise(length: number): string;
  /** `span` with one word of 3+ letters replaced by a random word of the corpus, or undefined if it has none. */
  replaceWord(span: string): string | undefined;
}

export function readEvalCorpus(script: string): EvalCorpus {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
  };
  const cases = option('--cases', 300);
  let seed = option('--seed', 12345);
  if (args.length === 0) {
    console.error(`usage: npx tsx scripts/${script} FILE... [--cases N] [--seed N]`);
    process.exit(2);
  }
  const text = args.map((file) => readFileSync(file, 'utf8')).join('\n').replace(/[^\x20-\x7e\n]/gu, ' ');
  const random = (n: number): number => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const words = text.match(/[A-Za-z]{3,}/gu) ?? ['word'];
  return {
    text,
    cases,
    random,
    noise: (length) => Array.from({ length }, () => 'abcdefghij klmnop'[random(17)]).join(''),
    replaceWord: (span) => {
      const found = [...span.matchAll(/[A-Za-z]{3,}/gu)];
      if (found.length === 0) return undefined;
      const word = found[random(found.length)];
      return span.slice(0, word.index) + words[random(words.length)] + span.slice((word.index ?? 0) + word[0].length);
    },
  };
}
