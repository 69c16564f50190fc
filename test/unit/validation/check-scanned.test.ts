/**
 * `check`'s proof of a clean sidecar from its bytes (check-scanned.ts) must never pass a file
 * the full checks report anything on: whenever scannedSidecarIsClean says clean, checkSidecar on
 * the full read of the same file with the same source finds no problem. Compared on sidecars the
 * editing functions write over sources of ASCII, Cyrillic, emoji and CRLF, then changed (seeded):
 * the sidecar's lines and values, the source's characters, the file's name and listing.
 * checkSidecarFile with `problemsOnly` gives the same problems as without, on files on disk.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createTarget } from '../../../src/core/anchoring/target';
import { readFastYaml } from '../../../src/core/sidecar/fast-yaml';
import { Utf8SourceText } from '../../../src/core/anchoring/utf8-source';
import { addAnnotation, addDismissal, newSidecarDocument, parseSidecar, sidecarFileText, SidecarEditError } from '../../../src/core/sidecar/sidecar-io';
import { scanSidecarSpans } from '../../../src/core/sidecar/sidecar-scan';
import { sourceHash } from '../../../src/core/sidecar/source-hash';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';
import { checkSidecarFile } from '../../../src/core/validation/check-file';
import { scannedSidecarIsClean } from '../../../src/core/validation/check-scanned';
import { checkSidecar } from '../../../src/core/validation/sidecar-checks';
import { useTemporaryWorkspace } from '../../support/cli';

const WORDS = ['the', 'prisoners', 'were', 'tortured', 'in', 'Olenivka', 'Україна', 'військовополонені', '🙂', 'é', ':', '"x"', "it's", '#', '\n', '\r\n', '\\'];
const CATEGORIES = DEFAULT_TAXONOMY.categories.map((c) => c.id);

interface Entry {
  from: number;
  length: number;
  category: number;
  dismissal: boolean;
}

/** A sidecar the tool would write for `entries` over `source` (entries it refuses, such as identical tags, left out). */
function written(source: string, entries: readonly Entry[]): string {
  const points = [...source];
  let doc = newSidecarDocument('r.txt', sourceHash(source));
  entries.forEach((e, i) => {
    const start = points.length === 0 ? 0 : e.from % points.length;
    const target = createTarget(source, start, Math.min(points.length, start + 1 + e.length));
    if (target.exact === '') return;
    try {
      doc = e.dismissal
        ? addDismissal(doc, { id: `d${i}`, target, reason: 'quoted' })
        : addAnnotation(doc, { id: `a${i}`, category: CATEGORIES[e.category % CATEGORIES.length], target, status: 'proposed', created: '2026-12-06T10:00:00Z' });
    } catch (error) {
      if (!(error instanceof SidecarEditError)) throw error;
    }
  });
  return sidecarFileText(doc);
}

interface Change {
  kind: string;
  at: number;
  text: string;
}

/** One change of the sidecar, its source or how it is checked; each can make the full checks report something, or nothing. */
function changed(scenario: { source: string; sidecar: string; name: string; listed?: boolean }, change: Change): void {
  const lines = scenario.sidecar.split('\n');
  // A change of a value goes to a line with that key (the `at`-th of them), any other to any line.
  const key = { category: /category: /, offset: /(start|end): /, quote: /exact: /, escape: /exact: /, 'same length': /exact: / }[change.kind];
  const candidates = lines.flatMap((line, index) => (!key || key.test(line) ? [index] : []));
  const at = candidates.length === 0 ? 0 : candidates[change.at % candidates.length];
  const line = lines[at];
  switch (change.kind) {
    case 'category':
      lines[at] = line.replace(/category: .*/, `category: ${change.text.length % 2 ? 'made-up' : CATEGORIES[change.at % CATEGORIES.length]}`);
      break;
    case 'offset':
      lines[at] = line.replace(/(start|end): (\d+)/, (_, key: string, value: string) => `${key}: ${Math.max(0, Number(value) + (change.at % 3) - 1)}`);
      break;
    case 'both offsets': {
      const shift = (change.at % 3) - 1;
      scenario.sidecar = scenario.sidecar.replace(/start: (\d+)\n(\s+)end: (\d+)/, (_, s: string, space: string, e: string) => `start: ${Math.max(0, Number(s) + shift)}\n${space}end: ${Math.max(0, Number(e) + shift)}`);
      return;
    }
    case 'quote':
      lines[at] = line.replace(/exact: (.*)/, (_, value: string) => `exact: ${change.text === '' ? value : JSON.stringify(change.text)}`);
      break;
    case 'escape':
      // The same quote, written with escapes: not compared in place.
      lines[at] = line.replace(/exact: "?(.*?)"?$/, (_, value: string) => `exact: "${[...value].map((c) => (c === 'e' ? '\\x65' : c)).join('')}"`);
      break;
    case 'same length':
      // Another quote as long as the stored one (its first character changed), plain, quoted or escaped.
      lines[at] = line.replace(/exact: (.*)/, (_, value: string) => {
        const [first, ...rest] = [...String((readFastYaml(`v: ${value}`) as { v: unknown }).v)];
        const other = first === 'x' ? 'y' : 'x';
        return `exact: ${change.text === '' ? other + rest.join('') : JSON.stringify(other + rest.join('')).replace(other, `\\x${other.charCodeAt(0).toString(16)}`)}`;
      });
      break;
    case 'rehash':
      // The source's hash as it is now: only the quotes can tell a changed source.
      scenario.sidecar = scenario.sidecar.replace(/sourceHash: .*/, `sourceHash: ${sourceHash(scenario.source)}`);
      return;
    case 'duplicate': {
      const item = scenario.sidecar.match(/ {2}- id: (\w+)\n(?: {4}.*\n)+/g);
      if (item) scenario.sidecar = scenario.sidecar.replace(item[change.at % item.length], (text) => text + text.replace(/id: (\w+)/, 'id: $1x').replace(change.text.length % 2 ? /^$/ : /category: .*/m, `category: ${CATEGORIES[change.at % CATEGORIES.length]}`));
      return;
    }
    case 'conflict':
      scenario.sidecar = scenario.sidecar.replace(/( {4}status: proposed\n)/, '$1    conflict: a9\n');
      return;
    case 'hash':
      scenario.sidecar = scenario.sidecar.replace(/sourceHash: sha256:(.)/, (_, c: string) => `sourceHash: sha256:${c === '0' ? '1' : '0'}`);
      return;
    case 'source': {
      const points = [...scenario.source];
      const where = points.length === 0 ? 0 : change.at % points.length;
      scenario.source = [...points.slice(0, where), change.text, ...points.slice(where + (change.at % 2))].join('');
      return;
    }
    case 'name':
      scenario.name = change.text.length % 2 ? 'other.txt.ann.yaml' : 'r.txt.ann.yaml';
      return;
    case 'listed':
      scenario.listed = [undefined, false, true][change.text.length % 3];
      return;
    default:
      // Characters typed into a line.
      lines[at] = line.slice(0, change.at % (line.length + 1)) + change.text + line.slice(change.at % (line.length + 1));
  }
  scenario.sidecar = lines.join('\n');
}

/** The property on one file: clean by the scan means no problem on the full read. Returns what the scan said. */
function agrees(scenario: { source: string; sidecar: string; name: string; listed?: boolean }): 'clean' | 'declined' | 'full read' {
  const input = { sidecarName: scenario.name, taxonomy: DEFAULT_TAXONOMY, source: { kind: 'text' as const, text: new Utf8SourceText(Buffer.from(scenario.source, 'utf8')) }, sourceListed: scenario.listed };
  const scan = scanSidecarSpans(Buffer.from(scenario.sidecar, 'utf8'));
  if (!scan) return 'full read';
  const clean = scannedSidecarIsClean(scan, input);
  const full = checkSidecar({ doc: parseSidecar(scenario.sidecar), ...input, source: { kind: 'text', text: scenario.source } });
  if (clean) assert.deepEqual(full.problems, [], `proven clean, but the full checks report:\n${scenario.sidecar}\nsource: ${JSON.stringify(scenario.source)}`);
  return clean ? 'clean' : 'declined';
}

describe('a clean sidecar proven from its bytes (check)', () => {
  it('proves clean what the tool writes, and declines each kind of problem the full checks report', () => {
    const source = 'The prisoners were tortured in Olenivka.\r\nВійськовополонені 🙂 were beaten: "x".\n';
    const sidecar = written(source, [{ from: 4, length: 8, category: 0, dismissal: false }, { from: 41, length: 16, category: 1, dismissal: false }, { from: 60, length: 3, category: 0, dismissal: true }]);
    const base = { source, sidecar, name: 'r.txt.ann.yaml' };
    assert.equal(agrees(base), 'clean');
    const problems: [string, Change | ((s: typeof base) => void)][] = [
      ['an unknown category', (s) => (s.sidecar = s.sidecar.replace(/category: .*/, 'category: made-up'))],
      ['a quote moved', { kind: 'source', at: 0, text: 'A ' }],
      ['a character of a quote changed', (s) => (s.source = s.source.replace('tortured', 'tortureD'))],
      ['the first character of a quote changed in the sidecar', (s) => (s.sidecar = s.sidecar.replace('exact: prisoners', 'exact: xrisoners'))],
      ['a character of an escaped quote changed, the hash as it is now', (s) => {
        s.source = s.source.replace('\nВійськ', '\nXійськ');
        s.sidecar = s.sidecar.replace(/sourceHash: .*/, `sourceHash: ${sourceHash(s.source)}`);
      }],
      ['a stale hash', { kind: 'hash', at: 0, text: '' }],
      ['a merge conflict', { kind: 'conflict', at: 0, text: '' }],
      ['a duplicate annotation', { kind: 'duplicate', at: 0, text: 'x' }],
      ['another name', { kind: 'name', at: 0, text: 'x' }],
      ['a source not listed', { kind: 'listed', at: 0, text: 'x' }],
    ];
    for (const [what, change] of problems) {
      const scenario = { ...base };
      if (typeof change === 'function') change(scenario);
      else changed(scenario, change);
      assert.notDeepEqual(scenario, base, what);
      assert.equal(agrees(scenario), 'declined', what);
    }
    // Still clean: the same quote written with escapes, a second category on the same passage.
    for (const change of [{ kind: 'escape', at: 15, text: '' }, { kind: 'duplicate', at: 3, text: '' }]) {
      const scenario = { ...base };
      changed(scenario, change);
      assert.notEqual(scenario.sidecar, base.sidecar, change.kind);
      assert.equal(agrees(scenario), 'clean', `${change.kind}:\n${scenario.sidecar}`);
    }
  });

  // 300 cases in `npm test`; `npm run fuzz` runs FC_RUNS.
  it('never proves clean a file the full checks report anything on, on written sidecars and sources changed (seeded)', function () {
    this.timeout(0);
    const entry = fc.record({ from: fc.nat(200), length: fc.nat(12), category: fc.nat(), dismissal: fc.boolean() });
    const text = fc.oneof(fc.constantFrom('', 'é', '🙂', 'x', ' ', '\n', '\r\n', '"', '\\', 'Україна', 'made-up', 'torture'), fc.string({ maxLength: 3 }));
    const change = fc.record({
      kind: fc.constantFrom('category', 'offset', 'both offsets', 'quote', 'escape', 'same length', 'duplicate', 'conflict', 'hash', 'rehash', 'source', 'name', 'listed', 'characters'),
      at: fc.nat(),
      text,
    });
    const scenario = fc.record({ words: fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), entries: fc.array(entry, { maxLength: 6 }), changes: fc.array(change, { maxLength: 3 }) });
    const said = { clean: 0, declined: 0, 'full read': 0 };
    fc.assert(fc.property(scenario, (s) => {
      const source = s.words.join(' ');
      const file = { source, sidecar: written(source, s.entries), name: 'r.txt.ann.yaml' as string, listed: undefined as boolean | undefined };
      for (const c of s.changes) changed(file, c);
      said[agrees(file)]++;
    }), { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261206) });
    // Many changes leave a clean file and many do not: a proof that always declines proves nothing.
    const runs = said.clean + said.declined + said['full read'];
    assert.ok(said.clean > runs * 0.1 && said.declined > runs * 0.1, JSON.stringify(said));
  });


  describe('checkSidecarFile with problemsOnly', () => {
    const workspace = useTemporaryWorkspace('legal-annotator-check-scanned-');

    it('gives the same problems as the full check, proving a clean file without building its entries', async () => {
      const source = 'The prisoners were tortured in Olenivka.\nВійськовополонені 🙂 were beaten.\n';
      await fs.writeFile(join(workspace.path, 'r.txt'), source);
      const sidecar = written(source, [{ from: 4, length: 8, category: 0, dismissal: false }, { from: 41, length: 16, category: 1, dismissal: true }]);
      const files: [string, string][] = [
        ['clean', sidecar],
        ['with a BOM', `\uFEFF${sidecar}`],
        ['unknown category', sidecar.replace(/category: .*/, 'category: made-up')],
        ['moved', sidecar.replace(/start: (\d+)\n(\s+)end: (\d+)/, (_, s: string, space: string, e: string) => `start: ${Number(s) + 1}\n${space}end: ${Number(e) + 1}`)],
        ['stale hash', sidecar.replace(/sha256:(.)/, (_, digit: string) => `sha256:${digit === '0' ? '1' : '0'}`)],
        ['a malformed hash', sidecar.replace(/sha256:./, 'sha256:x')],
        ['a missing source', sidecar.replace('source: r.txt', 'source: gone.txt')],
        ['not clean YAML', sidecar.replace('status: proposed', 'status: maybe')],
      ];
      for (const [what, text] of files) {
        const path = join(workspace.path, what === 'a missing source' ? 'gone.txt.ann.yaml' : 'r.txt.ann.yaml');
        await fs.writeFile(path, text);
        const options = { taxonomy: DEFAULT_TAXONOMY, blockingReads: true };
        const full = await checkSidecarFile(path, options);
        const fast = await checkSidecarFile(path, { ...options, problemsOnly: true });
        assert.deepEqual(fast.problems, full.problems, what);
        if (what === 'stale hash') assert.deepEqual(full.problems.map((p) => p.code), ['stale-source-hash'], what);
        assert.equal(fast.problems.length === 0, what === 'clean' || what === 'with a BOM', what);
        // Proven clean from the bytes: no entries were built, none are given.
        if (fast.problems.length === 0) assert.equal(fast.sidecar, undefined, what);
        else assert.ok(fast.doc, what);
        await fs.rm(path);
      }
    });
  });
});
