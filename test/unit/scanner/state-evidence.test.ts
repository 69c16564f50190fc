import * as assert from 'node:assert/strict';
import { scan } from '../../../src/core/scanner/scan';
import { getDefaultLexicon } from '../../../src/core/lexicon/lexicon';
import { AMBIGUOUS_NAMES, LANGUAGE_DEMONYMS_EN } from '../../../src/core/lexicon/ambiguous-names';
import { ParagraphLanguages } from '../../../src/core/scanner/paragraph-language';
import type { StateEntity } from '../../../src/core/scanner/types';
import { describeGrowth, MAX_GROWTH_RATIO, measureGrowth } from '../../hostile/growth';

function states(text: string): Array<[string, string]> {
  return (scan(text, { kinds: ['state'] }) as StateEntity[]).map((state) => [state.text, state.code]);
}

/** Whether `name` is found as the state `code` in `text`. */
function found(text: string, name: string, code: string): boolean {
  return states(text).some(([t, c]) => t === name && c === code);
}

const DUTCH = 'Deze bepaling is van toepassing op de krijgsgevangenen die door de Mogendheid worden vastgehouden.';
const GERMAN = 'Die Regierung hat mit der Delegation gesprochen und das Abkommen wird nicht geändert.';
const POLISH = 'Rząd nie zgodził się na to i jest to sprawa, która dotyczy nas wszystkich w tym roku.';
const UKRAINIAN = 'Уряд заявив, що це питання не буде вирішене до кінця року, і та позиція є незмінною.';
const FRENCH = 'Le gouvernement a déclaré que la question sera réglée dans les meilleurs délais pour les victimes.';

/** For each ambiguous name: texts where it names the state, texts where it does not. */
const CASES: Record<string, { state: string[]; not: string[] }> = {
  Indien: {
    state: [`${GERMAN} Indien hat das Abkommen unterzeichnet.`, `${GERMAN} Die Delegation aus Indien ist eingetroffen.`],
    not: [`${DUTCH} Indien de krijgsgevangenen worden overgebracht, zal de Mogendheid dit melden.`],
  },
  Island: {
    state: [`${GERMAN} Die Regierung von Island hat das Abkommen unterzeichnet.`],
    not: ['Russian forces left Snake Island in June and the island was shelled again.'],
  },
  Того: {
    state: [`${UKRAINIAN} Делегація з Того прибула до Києва.`],
    not: [`${UKRAINIAN} Того ж дня делегація прибула до Києва.`],
  },
  Малі: {
    state: [`${UKRAINIAN} Уряд Малі заявив, що це не так.`],
    not: [`${UKRAINIAN} Малі діти не були евакуйовані.`],
  },
  Mali: {
    state: ['Journalists were detained in Mali in May, and the army denied it.', `${POLISH} Rząd Mali nie zgodził się na to.`],
    not: [`${POLISH} Mali chłopcy nie byli w szkole.`],
  },
  Czad: {
    state: [`${POLISH} Rząd Czad nie zgodził się na to.`],
    not: [`${POLISH} Czad w mieszkaniu był śmiertelny i to jest fakt.`],
  },
  Grenade: {
    state: [],
    not: [`${FRENCH} Grenade et les grenades de la ville ont été évoquées.`, 'Grenade attacks killed two of the protesters.'],
  },
  Chad: {
    state: ['Security forces in Chad arrested the journalist.', 'The armies of Cameroon, Chad and Niger fought the group.', 'Chad President Déby was re-elected.'],
    not: ['Special Agent Chad Yarbrough said the child was found.', 'The group operates around Lake Chad and its islands.'],
  },
  Jordan: {
    state: ['Activists in Jordan were arrested on Tuesday.', 'King Abdullah of Jordan met the delegation.'],
    not: ['The movement of Colin Jordan grew in the 1960s.', 'Jordan Peterson spoke at the event.', 'Settlers moved into the Jordan Valley.', 'They crossed the River Jordan.'],
  },
  Georgia: {
    state: ['He reported on the conflicts in Georgia, Syria and Ukraine.', 'Georgia and Armenia signed the agreement.'],
    not: ['He was killed in Brunswick, Georgia, in 2020.', 'A professor at Georgia State University said so.', 'She moved to Georgia, USA, in 1990.'],
  },
  Guinea: {
    state: ['Protesters in Guinea were shot by the police.'],
    not: ['Pirates attack ships in the Gulf of Guinea.', 'Guinea pigs were used in the tests.', 'He was held on Papua New Guinea for years.'],
  },
  Niger: {
    state: ['Two journalists in Niger were convicted of defamation.'],
    not: ['Students were kidnapped in Niger State in Nigeria.', 'Oil theft in the Niger Delta continues.', 'Boats on the River Niger were seized.'],
  },
  Turkey: {
    state: ['Turkey detained the journalists.', 'Refugees in Turkey were deported.'],
    not: ['Turkey sandwiches were served to the delegates.'],
  },
  US: {
    state: ['The US imposed sanctions.', 'THE US IMPOSED SANCTIONS', 'US TROOPS LEFT THE BASE'],
    not: ['LET US REMEMBER THE VICTIMS', 'THEY TOLD US NOTHING', 'A LETTER FOR US ALL'],
  },
};

describe('states with evidence', () => {
  it('has a case for every ambiguous name, and every name is in the lexicon with its state and a reason', () => {
    assert.deepEqual(Object.keys(CASES).sort(), AMBIGUOUS_NAMES.map((entry) => entry.name).sort());
    const lexicon = getDefaultLexicon();
    for (const entry of AMBIGUOUS_NAMES) {
      const state = lexicon.states.find((s) => s.text === entry.name);
      assert.equal(state?.code, entry.code, entry.name);
      assert.equal(state?.ambiguous, entry, entry.name);
      assert.ok(entry.reason.length > 20, entry.name);
    }
  });

  for (const entry of AMBIGUOUS_NAMES) {
    const { state, not } = CASES[entry.name];
    it(`"${entry.name}" is ${entry.code} only with evidence`, () => {
      for (const text of state) assert.ok(found(text, entry.name, entry.code), `state in: ${text} -> ${JSON.stringify(states(text))}`);
      for (const text of not) assert.ok(!found(text, entry.name, entry.code), `no state in: ${text}`);
    });
  }

  it('reads Dutch "Indien" in a treaty paragraph as "if", German "Indien" as India', () => {
    const dutch = [
      'Artikel 20',
      '',
      'Indien krijgsgevangenen worden overgebracht, geschiedt dit steeds menslievend. Indien het gevechtsfront een kamp nadert, worden zij overgebracht.',
    ].join('\n');
    assert.deepEqual(states(dutch), []);
    assert.deepEqual(states('Artikel 20\n\nIndien und Pakistan haben das Abkommen unterzeichnet, und die Regierung ist dafür.'), [['Indien', 'IN'], ['Pakistan', 'PK']]);
  });

  describe('demonyms that name a language', () => {
    const languages: string[] = [
      'Done at Geneva, in the English and French languages.',
      'The official languages of the Court shall be Arabic, Chinese, English, French, Russian and Spanish.',
      'of which the Arabic, Chinese, English, French, Russian and Spanish texts are equally authentic',
      'Both the French text and the Russian version are authentic.',
      'in English and in French. Both texts are authentic.',
      'a language other than English or French to be used by such a party',
      'in de Franse en de Engelse taal',
      'Arabisch, Chinees, Engels, Frans, Russisch en Spaans.',
      'waarvan de Arabische, Chinese, Engelse, Franse, Russische en Spaanse tekst gelijkelijk authentiek zijn',
      'die französische Fassung',
      'le texte français fait foi',
      'w języku rosyjskim',
      'російською мовою',
      'the Russian-language service and the Chinese-language press',
      'a Russian-speaking man',
      'efforts to stamp out the Mongolian language',
    ];
    for (const text of languages) {
      it(`no state in ${JSON.stringify(text)}`, () => assert.deepEqual(states(text), []));
    }

    it('keeps demonyms that qualify people and things', () => {
      assert.deepEqual(states('Russian troops shelled the town; French and Spanish diplomats protested.'), [
        ['Russian', 'RU'], ['French', 'FR'], ['Spanish', 'ES'],
      ]);
      assert.deepEqual(states('English and French soldiers'), [['French', 'FR']]);
      assert.deepEqual(states('die russische Armee'), [['russische', 'RU']]);
      assert.deepEqual(states('Russians and Ukrainians'), [['Russians', 'RU'], ['Ukrainians', 'UA']]);
    });

    it('lists English demonyms of the lexicon only', () => {
      const demonyms = new Set(getDefaultLexicon().states.filter((s) => s.subKind === 'demonym').map((s) => s.text));
      for (const form of LANGUAGE_DEMONYMS_EN) assert.ok(demonyms.has(form), form);
    });
  });

  describe('paragraph language', () => {
    it('tells the seven languages apart by their function words', () => {
      const samples: Array<[string, string]> = [
        ['en', 'The delegation said that the prisoners of war were held by the Detaining Power and that this was not lawful.'],
        ['nl', DUTCH], ['de', GERMAN], ['pl', POLISH], ['uk', UKRAINIAN], ['fr', FRENCH],
        ['ru', 'Правительство заявило, что этот вопрос не будет решён до конца года, и это позиция, которая не изменится.'],
      ];
      for (const [lang, text] of samples) assert.equal(new ParagraphLanguages(text).at(10), lang, text);
    });

    it('reads the paragraph around a position, and the text around it when the paragraph is too short', () => {
      const text = `${DUTCH}\n\n${GERMAN}\n\nIndien\n\n${GERMAN}`;
      const languages = new ParagraphLanguages(text);
      assert.equal(languages.at(5), 'nl');
      assert.equal(languages.at(DUTCH.length + 5), 'de');
      assert.equal(languages.at(text.indexOf('Indien')), 'de');
      assert.equal(new ParagraphLanguages('Indien').at(0), undefined);
    });
  });

  it('weighs the evidence in time linear in the text, on one line with no paragraph break', async function () {
    this.timeout(120_000);
    const passage = 'Indien de krijgsgevangenen worden overgebracht, zal de Mogendheid dit melden. '
      + 'The Arabic, Chinese, English, French, Russian and Spanish texts are authentic; Chad Smith went to Niger State. ';
    const growth = await measureGrowth((copies) => {
      const text = passage.repeat(copies);
      return () => scan(text, { kinds: ['state'] });
    }, 500);
    assert.ok(growth.ratio < MAX_GROWTH_RATIO, describeGrowth('scan of n passages full of names that need evidence', growth));
  });
});
