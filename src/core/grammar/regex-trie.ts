/**
 * Prefix-factored alternations for TextMate (Oniguruma) patterns. VS Code's tokenizer runs the
 * grammar's patterns on every line; an alternation of 1,500 names written one after the other
 * makes Oniguruma try each in turn at each position, while a trie (`Geneva Convention(?:s)?`)
 * lets it reject a position after one or two characters.
 */

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/** How one character of a name is written in the pattern. */
function characterPattern(ch: string): string {
  if (ch === ' ') return '\\s+';
  if (ch === "'" || ch === '’') return "['’]";
  if (ch === '-' || ch === '‐') return '[-‐]';
  return /[\\^$.*+?()[\]{}|/#\s-]/u.test(ch) ? `\\${ch}` : ch;
}

function insert(root: TrieNode, word: string): void {
  let node = root;
  // Iterate by code points so astral characters stay whole; normalise apostrophes and spaces first.
  for (const ch of word.replace(/\s+/gu, ' ').replace(/’/gu, "'")) {
    let child = node.children.get(ch);
    if (!child) node.children.set(ch, (child = { children: new Map(), terminal: false }));
    node = child;
  }
  node.terminal = true;
}

function emit(node: TrieNode): string {
  const branches = [...node.children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ch, child]) => characterPattern(ch) + emit(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  if (!node.terminal) return body;
  // A name that is a prefix of a longer one: try the longer first (greedy `?`), then stop here.
  return branches.length === 1 && isSingleAtom(body) ? `${body}?` : `(?:${body})?`;
}

function isSingleAtom(pattern: string): boolean {
  return /^(?:\\.|\[[^\]]*\]|[^\\[\]()|?*+{}])$/u.test(pattern) || /^\(\?:.*\)$/u.test(pattern) && balancedOuter(pattern);
}

/** True when the outermost parentheses of `pattern` enclose all of it. */
function balancedOuter(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0 && i < pattern.length - 1) return false;
  }
  return true;
}

/** An alternation matching exactly `words` (and preferring the longest), prefix-factored. */
export function trieAlternation(words: Iterable<string>): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  let count = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    insert(root, word);
    count++;
  }
  if (count === 0) return '(?!)';
  return emit(root);
}
