import assert from 'node:assert/strict';
import { renderPlainEntry } from '../../../src/core/sidecar/render-entry';
import { renderBlockItem } from '../../../src/core/sidecar/yaml-splice';
import { seededRandom } from '../../../bench/support';

/** Pieces strings are made of: the words, digits, quotes and indicators that decide a scalar's style in YAML 1.2 and 1.1. */
const PIECES = [
  'a', 'Z', 'detainee', ' ', '  ', ':', ': ', '#', ' #', '-', '- ', '?', '"', "'", '\\', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`',
  '\n', '\r\n', ' \n', '\n ', 'a long enough line to be over forty characters',
  '0', '1', '42', 'e5', 'E1', '1_0', '0x1F', '0o7', '0b101', '1:20', '1.5', '.5', '1e3', '.inf', '.NaN', '+', '~', '<<', '=', '---', '...',
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'NULL', '2026-11-22', 'T10:00:00.000Z', '2026-11-22T10:00:00Z',
  'Україна', '🇺🇦', 'é', '\u00a0', '\t', '\n', '\r', '\u0085', '\u2028', '\ufeff', '\ufffe', '\uffff', '\x7f', '\x9f', '\x07',
];

function randomString(next: () => number): string {
  let text = '';
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function randomEntry(next: () => number): Record<string, unknown> {
  const scalar = () => (next() < 0.15 ? Math.floor(next() * 2000) - 100 : randomString(next));
  return {
    id: `a-${Math.floor(next() * 1e8).toString(16)}`,
    category: next() < 0.5 ? 'torture' : randomString(next),
    target: { start: Math.floor(next() * 1e6), end: Math.floor(next() * 1e6), exact: scalar(), prefix: scalar(), suffix: scalar() },
    ...(next() < 0.5 ? { note: scalar() } : {}),
    status: next() < 0.8 ? 'proposed' : scalar(),
    created: next() < 0.8 ? '2026-11-22T10:00:00.000Z' : scalar(),
  };
}

const ENTRIES = 2000;

describe('renderPlainEntry', () => {
  const layouts = [
    { dashColumn: 2, contentColumn: 4, indentStep: 2, eol: '\n' },
    { dashColumn: 0, contentColumn: 2, indentStep: 4, eol: '\r\n' },
    { dashColumn: 4, contentColumn: 8, indentStep: 3, eol: '\n' },
  ];

  it('writes exactly what renderBlockItem writes, or declines (seeded random entries)', () => {
    const next = seededRandom(20261206);
    let rendered = 0;
    for (let i = 0; i < ENTRIES; i++) {
      const entry = randomEntry(next);
      const layout = layouts[i % layouts.length];
      const fast = renderPlainEntry(entry, layout);
      if (fast === undefined) continue;
      rendered++;
      assert.equal(fast, renderBlockItem(entry, layout), JSON.stringify(entry));
    }
    assert.ok(rendered > 500, `rendered ${rendered} of ${ENTRIES}: the rest were declined`);
  });

  it('writes what renderBlockItem writes for the words YAML 1.1 or 1.2 read as something else, and words that only look like them', () => {
    const words = [
      'yes', 'Yes', 'YES', 'no', 'NO', 'on', 'On', 'off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'True', 'FALSE', 'null', 'Null', '~',
      '.inf', '-.Inf', '.NaN', 'e12', 'E-3', '1e5', '0b101', '0o17', '017', '0x1F', '1_000', '1:20', '1:20:30.5', '2026-01-01',
      '2026-1-1 10:00:00', '2026-01-01T10:00:00.000Z', '<<', '=', '12:30 pm', 'Off-site', 'yesterday', 'Nope', 'e-mail', 'E. Smith',
      "O'Brien", 'ON TIME', '1st', '3 March 2022', '+', '-', '.', '0.5', '.5', '1.', '+1', '-1',
    ];
    const layout = layouts[0];
    for (const word of words) {
      const fast = renderPlainEntry({ note: word }, layout);
      if (fast !== undefined) assert.equal(fast, renderBlockItem({ note: word }, layout), word);
    }
  });

  it('renders an ordinary annotation, and declines a tab, a float, a list and an empty mapping', () => {
    const layout = layouts[0];
    const annotation = {
      id: 'a-1', category: 'torture', status: 'proposed', created: '2026-11-22T10:00:00.000Z', note: 'GC III 17: "direct"',
      target: { start: 3, end: 11, exact: 'tortured', prefix: 'were ', suffix: ' and: beaten' },
    };
    assert.equal(renderPlainEntry(annotation, layout), renderBlockItem(annotation, layout));
    assert.match(renderPlainEntry(annotation, layout)!, /^ {2}- id: a-1\n {4}category: torture\n/);
    for (const odd of [{ note: 'a\ttab' }, { score: 0.5 }, { list: ['a'] }, { target: {} }]) {
      assert.equal(renderPlainEntry({ ...annotation, ...odd }, layout), undefined, JSON.stringify(odd));
    }
  });
});
