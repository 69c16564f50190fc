import * as assert from 'node:assert/strict';
import * as countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import de from 'i18n-iso-countries/langs/de.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import { AMBIGUOUS_DEMONYM_CHOICES, DEMONYM_LANGUAGES, DEMONYMS, DEMONYMS_BY_LANGUAGE } from '../../../src/core/lexicon/demonyms';
import { STATE_ALIASES } from '../../../src/core/lexicon/state-aliases';
import type { DemonymEntry } from '../../../src/core/lexicon/types';

for (const locale of [en, uk, ru, pl, fr, de, nl]) countries.registerLocale(locale);

/** The 193 UN member states (reference list, typed independently of src/). */
const UN_MEMBERS = `
  AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA
  CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM
  GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS
  LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO
  OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO
  ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
`.trim().split(/\s+/u);

const UN_OBSERVERS = ['VA', 'PS'];

/** The 57 OSCE participating States. */
const OSCE_PARTICIPATING_STATES = `
  AL AD AM AT AZ BY BE BA BG CA HR CY CZ DK EE FI FR GE DE GR VA HU IS IE IT KZ KG LV LI LT LU MT
  MD MC MN ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB US UZ
`.trim().split(/\s+/u);

/** The states for which DEMONYMS_BY_LANGUAGE must give adjectives in every language. */
const FOCUS_STATES = ['UA', 'RU', 'BY', 'PL', 'FR', 'DE', 'NL', 'US', 'GB', 'GE', 'MD', 'CZ', 'SE'];

const LANGUAGES = ['en', 'uk', 'ru', 'pl', 'fr', 'de', 'nl'];

/** Every name the package gives, verbatim, with the codes it gives it to. */
function packageNames(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const lang of LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const codes = byName.get(name) ?? new Set<string>();
        codes.add(code);
        byName.set(name, codes);
      }
    }
  }
  return byName;
}

function allDemonymEntries(): { lang: string; entry: DemonymEntry }[] {
  return [
    ...DEMONYMS.map((entry) => ({ lang: 'en', entry })),
    ...DEMONYM_LANGUAGES.flatMap((lang) => DEMONYMS_BY_LANGUAGE[lang].map((entry) => ({ lang, entry }))),
  ];
}

function assertWellFormed(text: string, where: string): void {
  assert.notEqual(text.length, 0, `empty string in ${where}`);
  assert.equal(text, text.trim(), `leading or trailing whitespace in ${where}: ${JSON.stringify(text)}`);
  assert.ok(!/\s{2}/u.test(text), `double space in ${where}: ${JSON.stringify(text)}`);
  assert.ok(!/[\t\n\r\u00a0]/u.test(text), `whitespace other than a single space in ${where}: ${JSON.stringify(text)}`);
}

describe('lexicon data', () => {
  it('reference lists have the expected sizes', () => {
    assert.equal(UN_MEMBERS.length, 193);
    assert.equal(new Set(UN_MEMBERS).size, 193);
    assert.equal(OSCE_PARTICIPATING_STATES.length, 57);
    assert.equal(new Set(OSCE_PARTICIPATING_STATES).size, 57);
    for (const code of OSCE_PARTICIPATING_STATES) {
      assert.ok(UN_MEMBERS.includes(code) || UN_OBSERVERS.includes(code), `${code} is neither UN member nor observer`);
    }
  });

  describe('DEMONYMS', () => {
    it('uses only codes valid in i18n-iso-countries', () => {
      for (const { lang, entry } of allDemonymEntries()) {
        assert.ok(countries.isValid(entry.code), `invalid code ${entry.code} (${lang})`);
        assert.match(entry.code, /^[A-Z]{2}$/u);
      }
    });

    it('has an entry for every UN member state, UN observer state and OSCE participating State', () => {
      const codes = new Set(DEMONYMS.map((entry) => entry.code));
      for (const code of [...UN_MEMBERS, ...UN_OBSERVERS, ...OSCE_PARTICIPATING_STATES]) {
        assert.ok(codes.has(code), `no demonym entry for ${code}`);
      }
    });

    it('has one English entry per code', () => {
      const codes = DEMONYMS.map((entry) => entry.code);
      assert.equal(new Set(codes).size, codes.length);
    });

    it('gives forms to every state except the documented ones', () => {
      const documented = new Set(['CG', 'DM', 'VA']);
      for (const entry of DEMONYMS) {
        if (documented.has(entry.code)) assert.deepEqual(entry.forms, [], entry.code);
        else assert.ok(entry.forms.length > 0, `no English demonym for ${entry.code}`);
      }
    });

    it('has the forms the scanner relies on', () => {
      const codeOf = new Map(DEMONYMS.flatMap((entry) => entry.forms.map((form) => [form, entry.code] as const)));
      const expected: Record<string, string> = {
        Ukrainian: 'UA', Ukrainians: 'UA', Russian: 'RU', Russians: 'RU', British: 'GB', Briton: 'GB', Britons: 'GB',
        American: 'US', Americans: 'US', Dutch: 'NL', Swiss: 'CH', Czech: 'CZ', Czechs: 'CZ', Turkish: 'TR',
        Turks: 'TR', German: 'DE', Germans: 'DE', Polish: 'PL', Pole: 'PL', Poles: 'PL', French: 'FR',
        Swedish: 'SE', Swede: 'SE', Swedes: 'SE', Georgian: 'GE', Moldovan: 'MD', Belarusian: 'BY',
        Guinean: 'GN', Congolese: 'CD', Dominican: 'DO', 'South Korean': 'KR', 'North Korean': 'KP',
        Sudanese: 'SD', 'South Sudanese': 'SS', Irish: 'IE', Palestinian: 'PS', 'New Zealander': 'NZ',
        'South African': 'ZA', 'Sri Lankan': 'LK', Bosnian: 'BA', Herzegovinian: 'BA',
      };
      for (const [form, code] of Object.entries(expected)) assert.equal(codeOf.get(form), code, form);
      for (const absent of ['Korean', 'Soviet', 'Soviets']) assert.equal(codeOf.get(absent), undefined, absent);
    });

    it('has well-formed forms without duplicates inside an entry', () => {
      for (const { lang, entry } of allDemonymEntries()) {
        for (const form of entry.forms) assertWellFormed(form, `${lang} demonym of ${entry.code}`);
        assert.equal(new Set(entry.forms).size, entry.forms.length, `duplicate form in ${lang} ${entry.code}`);
      }
    });

    it('links no form to two states, in any language', () => {
      const owner = new Map<string, string>();
      for (const { lang, entry } of allDemonymEntries()) {
        for (const form of entry.forms) {
          const previous = owner.get(form);
          assert.ok(previous === undefined || previous === entry.code, `${form} (${lang}) is linked to ${previous} and ${entry.code}`);
          owner.set(form, entry.code);
        }
      }
    });

    it('lists no English form twice', () => {
      const forms = DEMONYMS.flatMap((entry) => entry.forms);
      assert.equal(new Set(forms).size, forms.length);
    });

    it('has adjectives for the focus states in six more languages', () => {
      for (const lang of DEMONYM_LANGUAGES) {
        const codes = DEMONYMS_BY_LANGUAGE[lang].map((entry) => entry.code);
        assert.equal(new Set(codes).size, codes.length, `duplicate code in ${lang}`);
        for (const code of FOCUS_STATES) {
          const entry = DEMONYMS_BY_LANGUAGE[lang].find((candidate) => candidate.code === code);
          assert.ok(entry && entry.forms.length > 0, `no ${lang} demonym for ${code}`);
        }
      }
      const forms = (lang: (typeof DEMONYM_LANGUAGES)[number], code: string): string[] =>
        DEMONYMS_BY_LANGUAGE[lang].find((entry) => entry.code === code)?.forms ?? [];
      for (const form of ['український', 'українська', 'українські', 'українських']) assert.ok(forms('uk', 'UA').includes(form), form);
      for (const form of ['российский', 'российская', 'российские', 'российских']) assert.ok(forms('ru', 'RU').includes(form), form);
      for (const form of ['ukraiński', 'ukraińscy']) assert.ok(forms('pl', 'UA').includes(form), form);
      for (const form of ['rosyjski', 'rosyjscy']) assert.ok(forms('pl', 'RU').includes(form), form);
      for (const form of ['niemiecki', 'niemieccy']) assert.ok(forms('pl', 'DE').includes(form), form);
      for (const form of ['ukrainisch', 'ukrainische', 'ukrainischen']) assert.ok(forms('de', 'UA').includes(form), form);
      for (const form of ['russische', 'russischen']) assert.ok(forms('de', 'RU').includes(form), form);
      for (const form of ['ukrainien', 'ukrainienne', 'ukrainiens']) assert.ok(forms('fr', 'UA').includes(form), form);
      for (const form of ['russe', 'russes']) assert.ok(forms('fr', 'RU').includes(form), form);
      assert.ok(forms('nl', 'UA').includes('Oekraïense'));
      assert.ok(forms('nl', 'RU').includes('Russische'));
    });

    it('documents ambiguous choices consistently with the data', () => {
      const codeOf = new Map(DEMONYMS.flatMap((entry) => entry.forms.map((form) => [form, entry.code] as const)));
      for (const choice of AMBIGUOUS_DEMONYM_CHOICES) {
        assert.equal(codeOf.get(choice.form) ?? null, choice.chosen, choice.form);
        for (const code of choice.alsoUsedFor) assert.ok(countries.isValid(code), code);
      }
    });

    it('uses no form that the package gives as the name of another state', () => {
      const names = packageNames();
      for (const { lang, entry } of allDemonymEntries()) {
        for (const form of entry.forms) {
          const codes = names.get(form);
          assert.ok(!codes || (codes.size === 1 && codes.has(entry.code)), `${form} (${lang}) is a package name of ${[...(codes ?? [])].join(', ')}`);
        }
      }
    });
  });

  describe('STATE_ALIASES', () => {
    it('uses only codes valid in i18n-iso-countries, one entry per code', () => {
      for (const entry of STATE_ALIASES) assert.ok(countries.isValid(entry.code), `invalid code ${entry.code}`);
      const codes = STATE_ALIASES.map((entry) => entry.code);
      assert.equal(new Set(codes).size, codes.length);
    });

    it('has well-formed names, none listed twice', () => {
      const seen = new Map<string, string>();
      for (const entry of STATE_ALIASES) {
        assert.ok(entry.names.length > 0, `no names for ${entry.code}`);
        for (const name of entry.names) {
          assertWellFormed(name, `alias of ${entry.code}`);
          assert.ok(!seen.has(name), `${name} listed for ${seen.get(name)} and ${entry.code}`);
          seen.set(name, entry.code);
        }
      }
    });

    it('only adds names the package does not already carry verbatim', () => {
      const names = packageNames();
      for (const entry of STATE_ALIASES) {
        for (const name of entry.names) {
          const codes = names.get(name);
          assert.equal(codes, undefined, `${name} (${entry.code}) is already in the package for ${[...(codes ?? [])].join(', ')}`);
        }
      }
    });

    it('does not reuse a demonym form as a name', () => {
      const forms = new Set(allDemonymEntries().flatMap(({ entry }) => entry.forms));
      for (const entry of STATE_ALIASES) {
        for (const name of entry.names) assert.ok(!forms.has(name), `${name} is both a name and a demonym`);
      }
    });

    it('has the names the brief asks for', () => {
      const codeOf = new Map(STATE_ALIASES.flatMap((entry) => entry.names.map((name) => [name, entry.code] as const)));
      const expected: Record<string, string> = {
        'U.K.': 'GB', Britain: 'GB', 'Great Britain and Northern Ireland': 'GB', Turkiye: 'TR', Macedonia: 'MK',
        Moldova: 'MD', 'Republic of Moldova': 'MD', DPRK: 'KP', 'DR Congo': 'CD', DRC: 'CD', Burma: 'MM',
        'Cabo Verde': 'CV', 'East Timor': 'TL', 'Holy See': 'VA', Vatican: 'VA', 'Vatican City': 'VA',
        'Viet Nam': 'VN', Micronesia: 'FM', России: 'RU', Россией: 'RU', Росії: 'RU', Росією: 'RU',
        Rosji: 'RU', Ukrainy: 'UA', Украины: 'UA', України: 'UA',
      };
      for (const [name, code] of Object.entries(expected)) assert.equal(codeOf.get(name), code, name);
    });
  });
});
