import * as assert from 'node:assert/strict';
import { scan } from '../../../src/core/scanner/scan';
import { compileLexicon } from '../../../src/core/lexicon/lexicon';
import type { Entity, StateEntity, TermEntity } from '../../../src/core/scanner/types';

const states = (text: string): string[] =>
  scan(text, { kinds: ['state'] }).map((e) => `${e.text}=${(e as StateEntity).code}${(e as StateEntity).subKind === 'demonym' ? '*' : ''}`);
const terms = (text: string): string[] => scan(text, { kinds: ['term'] }).map((e) => `${e.text}=${(e as TermEntity).id}`);

describe('scanner: states', () => {
  it('finds short, official and alias names with their ISO code', () => {
    assert.deepEqual(states('Russia and the Russian Federation; Türkiye or Turkey; Czechia, the Czech Republic.'), [
      'Russia=RU', 'Russian Federation=RU', 'Türkiye=TR', 'Turkey=TR', 'Czechia=CZ', 'Czech Republic=CZ',
    ]);
    assert.deepEqual(states('the United Kingdom (UK) and the United States of America (USA)'), [
      'United Kingdom=GB', 'UK=GB', 'United States of America=US', 'USA=US',
    ]);
  });

  it('finds names in Ukrainian, Russian, Polish, French, German and Dutch', () => {
    for (const [text, code] of [['Україна', 'UA'], ['Российская Федерация', 'RU'], ['Polska', 'PL'], ['Allemagne', 'DE'], ['Frankreich', 'FR'], ['Oekraïne', 'UA']]) {
      assert.deepEqual(states(`— ${text} —`), [`${text}=${code}`], text);
    }
  });

  it('finds demonyms as their own entity linked to the state', () => {
    const [demonym] = scan('Ukrainian prisoners of war', { kinds: ['state'] }) as StateEntity[];
    assert.equal(demonym.text, 'Ukrainian');
    assert.equal(demonym.code, 'UA');
    assert.equal(demonym.subKind, 'demonym');
    assert.equal(demonym.name, 'Ukraine');
  });

  it('does not take common words for states', () => {
    assert.deepEqual(states('let us go; a chad of paper; turkey for dinner; guinea pigs'), []);
    assert.deepEqual(states('the US and US forces'), ['US=US', 'US=US']);
  });

  it('prefers the longest name', () => {
    assert.deepEqual(states('Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea'), [
      'Guinea-Bissau=GW', 'Equatorial Guinea=GQ', 'Papua New Guinea=PG', 'Guinea=GN',
    ]);
  });

  it('matches names in upper-case headings', () => {
    assert.deepEqual(states('REPORT ON UKRAINE'), ['UKRAINE=UA']);
  });

  it('accepts extra aliases from the workspace', () => {
    const lexicon = compileLexicon({ stateAliases: [{ code: 'UA', names: ['Ukrayina'] }] });
    assert.deepEqual(scan('in Ukrayina', { lexicon, kinds: ['state'] }).map((e) => (e as StateEntity).code), ['UA']);
  });
});

describe('scanner: legal terms', () => {
  it('prefers the longest match', () => {
    assert.deepEqual(terms('the Third Geneva Convention and the Geneva Conventions'), [
      'Third Geneva Convention=third-geneva-convention', 'Geneva Conventions=geneva-conventions',
    ]);
  });

  it('matches common nouns in any case and proper names only as written', () => {
    const found = terms('War crimes and war crimes; the osce is not the OSCE');
    assert.equal(found.filter((t) => t.startsWith('War crimes') || t.startsWith('war crimes')).length, 2);
    assert.equal(found.filter((t) => t.startsWith('OSCE=')).length, 1);
    assert.equal(found.filter((t) => t.startsWith('osce=')).length, 0);
  });

  it('finds a term wrapped across a line break or with several spaces', () => {
    const found = scan('violations of international\n   humanitarian  law and', { kinds: ['term'] }) as TermEntity[];
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'international\n   humanitarian  law');
    assert.equal(found[0].subKind, 'status');
  });

  it('gives each term its glossary id, sub-kind and label', () => {
    const [term] = scan('International Committee of the Red Cross', { kinds: ['term'] }) as TermEntity[];
    assert.equal(term.subKind, 'institution');
    assert.ok(term.id.length > 0 && term.label.length > 0);
  });

  it('accepts workspace glossary terms', () => {
    const lexicon = compileLexicon({
      terms: [{ id: 'filtration-camp', kind: 'institution', label: 'filtration camp', definition: 'x', variants: ['filtration camp', 'filtration camps'], properName: false }],
    });
    assert.deepEqual(scan('two Filtration Camps', { lexicon, kinds: ['term'] }).map((e) => (e as TermEntity).id), ['filtration-camp']);
  });
});

describe('scanner: the whole pass', () => {
  it('returns code-point offsets on text with emoji and astral characters', () => {
    const text = '🇺🇦📌 𝔄 On 3 March 2022 Russia 😀 committed war crimes.';
    const codePoints = [...text];
    for (const entity of scan(text)) {
      assert.equal(codePoints.slice(entity.start, entity.end).join(''), entity.text, JSON.stringify(entity));
    }
    const russia = scan(text).find((e) => e.text === 'Russia') as Entity;
    assert.equal(russia.start, codePoints.indexOf('R'));
  });

  it('lets entities of different kinds nest but not of the same kind', () => {
    const found = scan('the UN Human Rights Monitoring Mission in Ukraine reported');
    assert.deepEqual(found.map((e) => e.kind), ['term', 'state']);
  });

  it('returns entities sorted by position', () => {
    const found = scan('On 24.07.2025 the OSCE and Poland invoked the Moscow Mechanism.');
    assert.deepEqual(found.map((e) => e.kind), ['date', 'term', 'state', 'term']);
    const starts = found.map((e) => e.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('finds only the kinds asked for', () => {
    assert.deepEqual(new Set(scan('Poland, 3 March 2022, torture', { kinds: ['date'] }).map((e) => e.kind)), new Set(['date']));
  });

  it('never throws and keeps ranges inside the text on odd input', () => {
    for (const text of ['', ' ', '\uD800', '3', '12 ', 'March', '1–', 'from 1 to', '\u0000\u0000', '2022-', 'É'.repeat(1000)]) {
      for (const entity of scan(text)) assert.ok(entity.start >= 0 && entity.end <= [...text].length && entity.start < entity.end);
    }
  });
});
