/**
 * Demonyms: the adjectives and nouns that name a state's people or things ("Ukrainian",
 * "Ukrainians", "Swiss"), each linked to the state by its ISO 3166-1 alpha-2 code.
 *
 * `DEMONYMS` holds the English forms of every UN member state, the two UN observer states
 * and Kosovo (XK). `DEMONYMS_BY_LANGUAGE` holds the adjectives of the states most cited in
 * reports on the war against Ukraine in six more languages, with their common inflections.
 *
 * Forms are written in their natural case. The scanner matches demonyms case-sensitively,
 * but accepts upper case where the form has lower case, so `російські` also matches
 * `Російські` at a sentence start, while `Russische` (Dutch) does not match `russische`.
 *
 * Choices for ambiguous forms (see also `AMBIGUOUS_DEMONYM_CHOICES`):
 * - "Congolese" -> CD (DR Congo, the larger state and the one in most reports); the
 *   Republic of the Congo (CG) has no demonym of its own here.
 * - "Dominican" -> DO (Dominican Republic); Dominica (DM) has no demonym of its own here.
 * - "Guinean" -> GN; Guinea-Bissau and Equatorial Guinea have their own longer forms
 *   ("Bissau-Guinean", "Equatorial Guinean"), and the scanner prefers the longest match.
 * - Bare "Korean" is left out: "South Korean" -> KR, "North Korean" -> KP.
 * - "Sudanese" -> SD, "South Sudanese" -> SS (longest match wins).
 * - The Holy See (VA) has no demonym: "Vatican" is listed as a name in state-aliases.ts.
 * - Left out on purpose: "Soviet" (not a state today), "Russian" in the sense of
 *   Russian-speaking (Russian `русский` is not listed: it names a language and an
 *   ethnicity, not the state; `российский` is the state adjective).
 * Known false friends kept because they are rare in this domain: "Georgian" (US state,
 * architecture), "Pole" ("North Pole"), "Indian" (indigenous peoples of the Americas),
 * "American" (of the Americas), "Macedonian" (Greek region), "Turks" (Turks and Caicos
 * Islands), "Finn" and "Dane" (first names, "Great Dane"), ethnic names such as "Serbs",
 * "Croats", "Albanians", "Kazakh" (members of a people, not citizens of a state).
 */
import type { DemonymEntry } from './types';

/** Languages other than English that have demonym lists. */
export type DemonymLanguage = 'uk' | 'ru' | 'pl' | 'fr' | 'de' | 'nl';

export const DEMONYM_LANGUAGES: readonly DemonymLanguage[] = ['uk', 'ru', 'pl', 'fr', 'de', 'nl'];

function entry(code: string, ...forms: string[]): DemonymEntry {
  return { code, forms };
}

/** English demonyms: adjective first, then nouns, where they differ. */
export const DEMONYMS: readonly DemonymEntry[] = [
  entry('AF', 'Afghan', 'Afghans'),
  entry('AL', 'Albanian', 'Albanians'),
  entry('DZ', 'Algerian', 'Algerians'),
  entry('AD', 'Andorran', 'Andorrans'),
  entry('AO', 'Angolan', 'Angolans'),
  entry('AG', 'Antiguan', 'Antiguans', 'Barbudan', 'Barbudans'),
  entry('AR', 'Argentine', 'Argentines', 'Argentinian', 'Argentinians'),
  entry('AM', 'Armenian', 'Armenians'),
  entry('AU', 'Australian', 'Australians'),
  entry('AT', 'Austrian', 'Austrians'),
  entry('AZ', 'Azerbaijani', 'Azerbaijanis', 'Azeri', 'Azeris'),
  entry('BS', 'Bahamian', 'Bahamians'),
  entry('BH', 'Bahraini', 'Bahrainis'),
  entry('BD', 'Bangladeshi', 'Bangladeshis'),
  entry('BB', 'Barbadian', 'Barbadians'),
  entry('BY', 'Belarusian', 'Belarusians'),
  entry('BE', 'Belgian', 'Belgians'),
  entry('BZ', 'Belizean', 'Belizeans'),
  entry('BJ', 'Beninese'),
  entry('BT', 'Bhutanese'),
  entry('BO', 'Bolivian', 'Bolivians'),
  entry('BA', 'Bosnian', 'Bosnians', 'Herzegovinian', 'Herzegovinians'),
  entry('BW', 'Botswanan', 'Motswana', 'Batswana'),
  entry('BR', 'Brazilian', 'Brazilians'),
  entry('BN', 'Bruneian', 'Bruneians'),
  entry('BG', 'Bulgarian', 'Bulgarians'),
  entry('BF', 'Burkinabé', 'Burkinabe'),
  entry('BI', 'Burundian', 'Burundians'),
  entry('CV', 'Cabo Verdean', 'Cabo Verdeans', 'Cape Verdean', 'Cape Verdeans'),
  entry('KH', 'Cambodian', 'Cambodians'),
  entry('CM', 'Cameroonian', 'Cameroonians'),
  entry('CA', 'Canadian', 'Canadians'),
  entry('CF', 'Central African', 'Central Africans'),
  entry('TD', 'Chadian', 'Chadians'),
  entry('CL', 'Chilean', 'Chileans'),
  entry('CN', 'Chinese'),
  entry('CO', 'Colombian', 'Colombians'),
  entry('KM', 'Comorian', 'Comorians'),
  // "Congolese" is claimed by CD (see the header); no unambiguous form is in common use.
  entry('CG'),
  entry('CR', 'Costa Rican', 'Costa Ricans'),
  entry('CI', 'Ivorian', 'Ivorians'),
  entry('HR', 'Croatian', 'Croatians', 'Croat', 'Croats'),
  entry('CU', 'Cuban', 'Cubans'),
  entry('CY', 'Cypriot', 'Cypriots'),
  entry('CZ', 'Czech', 'Czechs'),
  entry('KP', 'North Korean', 'North Koreans'),
  entry('CD', 'Congolese'),
  entry('DK', 'Danish', 'Dane', 'Danes'),
  entry('DJ', 'Djiboutian', 'Djiboutians'),
  // "Dominican" is claimed by DO (see the header).
  entry('DM'),
  entry('DO', 'Dominican', 'Dominicans'),
  entry('EC', 'Ecuadorian', 'Ecuadorians'),
  entry('EG', 'Egyptian', 'Egyptians'),
  entry('SV', 'Salvadoran', 'Salvadorans', 'Salvadorian', 'Salvadorians'),
  entry('GQ', 'Equatorial Guinean', 'Equatorial Guineans', 'Equatoguinean', 'Equatoguineans'),
  entry('ER', 'Eritrean', 'Eritreans'),
  entry('EE', 'Estonian', 'Estonians'),
  entry('SZ', 'Swazi', 'Swazis'),
  entry('ET', 'Ethiopian', 'Ethiopians'),
  entry('FJ', 'Fijian', 'Fijians'),
  entry('FI', 'Finnish', 'Finn', 'Finns'),
  entry('FR', 'French'),
  entry('GA', 'Gabonese'),
  entry('GM', 'Gambian', 'Gambians'),
  entry('GE', 'Georgian', 'Georgians'),
  entry('DE', 'German', 'Germans'),
  entry('GH', 'Ghanaian', 'Ghanaians'),
  entry('GR', 'Greek', 'Greeks'),
  entry('GD', 'Grenadian', 'Grenadians'),
  entry('GT', 'Guatemalan', 'Guatemalans'),
  entry('GN', 'Guinean', 'Guineans'),
  entry('GW', 'Bissau-Guinean', 'Bissau-Guineans'),
  entry('GY', 'Guyanese'),
  entry('HT', 'Haitian', 'Haitians'),
  entry('HN', 'Honduran', 'Hondurans'),
  entry('HU', 'Hungarian', 'Hungarians'),
  entry('IS', 'Icelandic', 'Icelander', 'Icelanders'),
  entry('IN', 'Indian', 'Indians'),
  entry('ID', 'Indonesian', 'Indonesians'),
  entry('IR', 'Iranian', 'Iranians'),
  entry('IQ', 'Iraqi', 'Iraqis'),
  entry('IE', 'Irish'),
  entry('IL', 'Israeli', 'Israelis'),
  entry('IT', 'Italian', 'Italians'),
  entry('JM', 'Jamaican', 'Jamaicans'),
  entry('JP', 'Japanese'),
  entry('JO', 'Jordanian', 'Jordanians'),
  entry('KZ', 'Kazakhstani', 'Kazakhstanis', 'Kazakh', 'Kazakhs'),
  entry('KE', 'Kenyan', 'Kenyans'),
  entry('KI', 'I-Kiribati'),
  entry('KW', 'Kuwaiti', 'Kuwaitis'),
  entry('KG', 'Kyrgyzstani', 'Kyrgyzstanis', 'Kyrgyz'),
  entry('LA', 'Lao', 'Laotian', 'Laotians'),
  entry('LV', 'Latvian', 'Latvians'),
  entry('LB', 'Lebanese'),
  entry('LS', 'Basotho', 'Mosotho'),
  entry('LR', 'Liberian', 'Liberians'),
  entry('LY', 'Libyan', 'Libyans'),
  entry('LI', 'Liechtensteiner', 'Liechtensteiners'),
  entry('LT', 'Lithuanian', 'Lithuanians'),
  entry('LU', 'Luxembourgish', 'Luxembourger', 'Luxembourgers'),
  entry('MG', 'Malagasy'),
  entry('MW', 'Malawian', 'Malawians'),
  entry('MY', 'Malaysian', 'Malaysians'),
  entry('MV', 'Maldivian', 'Maldivians'),
  entry('ML', 'Malian', 'Malians'),
  entry('MT', 'Maltese'),
  entry('MH', 'Marshallese'),
  entry('MR', 'Mauritanian', 'Mauritanians'),
  entry('MU', 'Mauritian', 'Mauritians'),
  entry('MX', 'Mexican', 'Mexicans'),
  entry('FM', 'Micronesian', 'Micronesians'),
  entry('MC', 'Monégasque', 'Monégasques', 'Monegasque', 'Monegasques'),
  entry('MN', 'Mongolian', 'Mongolians'),
  entry('ME', 'Montenegrin', 'Montenegrins'),
  entry('MA', 'Moroccan', 'Moroccans'),
  entry('MZ', 'Mozambican', 'Mozambicans'),
  entry('MM', 'Burmese'),
  entry('NA', 'Namibian', 'Namibians'),
  entry('NR', 'Nauruan', 'Nauruans'),
  entry('NP', 'Nepali', 'Nepalis', 'Nepalese'),
  entry('NL', 'Dutch'),
  entry('NZ', 'New Zealander', 'New Zealanders'),
  entry('NI', 'Nicaraguan', 'Nicaraguans'),
  entry('NE', 'Nigerien', 'Nigeriens'),
  entry('NG', 'Nigerian', 'Nigerians'),
  entry('MK', 'North Macedonian', 'North Macedonians', 'Macedonian', 'Macedonians'),
  entry('NO', 'Norwegian', 'Norwegians'),
  entry('OM', 'Omani', 'Omanis'),
  entry('PK', 'Pakistani', 'Pakistanis'),
  entry('PW', 'Palauan', 'Palauans'),
  entry('PA', 'Panamanian', 'Panamanians'),
  entry('PG', 'Papua New Guinean', 'Papua New Guineans'),
  entry('PY', 'Paraguayan', 'Paraguayans'),
  entry('PE', 'Peruvian', 'Peruvians'),
  entry('PH', 'Philippine', 'Filipino', 'Filipinos', 'Filipina', 'Filipinas'),
  entry('PL', 'Polish', 'Pole', 'Poles'),
  entry('PT', 'Portuguese'),
  entry('QA', 'Qatari', 'Qataris'),
  entry('KR', 'South Korean', 'South Koreans'),
  entry('MD', 'Moldovan', 'Moldovans'),
  entry('RO', 'Romanian', 'Romanians'),
  entry('RU', 'Russian', 'Russians'),
  entry('RW', 'Rwandan', 'Rwandans'),
  entry('KN', 'Kittitian', 'Kittitians', 'Nevisian', 'Nevisians'),
  entry('LC', 'Saint Lucian', 'Saint Lucians'),
  entry('VC', 'Vincentian', 'Vincentians'),
  entry('WS', 'Samoan', 'Samoans'),
  entry('SM', 'Sammarinese'),
  entry('ST', 'São Toméan', 'São Toméans', 'Santomean', 'Santomeans'),
  entry('SA', 'Saudi', 'Saudis', 'Saudi Arabian', 'Saudi Arabians'),
  entry('SN', 'Senegalese'),
  entry('RS', 'Serbian', 'Serbians', 'Serb', 'Serbs'),
  entry('SC', 'Seychellois'),
  entry('SL', 'Sierra Leonean', 'Sierra Leoneans'),
  entry('SG', 'Singaporean', 'Singaporeans'),
  entry('SK', 'Slovak', 'Slovaks', 'Slovakian', 'Slovakians'),
  entry('SI', 'Slovenian', 'Slovenians', 'Slovene', 'Slovenes'),
  entry('SB', 'Solomon Islander', 'Solomon Islanders'),
  entry('SO', 'Somali', 'Somalis', 'Somalian', 'Somalians'),
  entry('ZA', 'South African', 'South Africans'),
  entry('SS', 'South Sudanese'),
  entry('ES', 'Spanish', 'Spaniard', 'Spaniards'),
  entry('LK', 'Sri Lankan', 'Sri Lankans'),
  entry('SD', 'Sudanese'),
  entry('SR', 'Surinamese'),
  entry('SE', 'Swedish', 'Swede', 'Swedes'),
  entry('CH', 'Swiss'),
  entry('SY', 'Syrian', 'Syrians'),
  entry('TJ', 'Tajikistani', 'Tajikistanis', 'Tajik', 'Tajiks'),
  entry('TH', 'Thai'),
  entry('TL', 'Timorese', 'East Timorese'),
  entry('TG', 'Togolese'),
  entry('TO', 'Tongan', 'Tongans'),
  entry('TT', 'Trinidadian', 'Trinidadians', 'Tobagonian', 'Tobagonians'),
  entry('TN', 'Tunisian', 'Tunisians'),
  entry('TR', 'Turkish', 'Turk', 'Turks'),
  entry('TM', 'Turkmen', 'Turkmens', 'Turkmenistani'),
  entry('TV', 'Tuvaluan', 'Tuvaluans'),
  entry('UG', 'Ugandan', 'Ugandans'),
  entry('UA', 'Ukrainian', 'Ukrainians'),
  entry('AE', 'Emirati', 'Emiratis'),
  entry('GB', 'British', 'Briton', 'Britons', 'Brits'),
  entry('TZ', 'Tanzanian', 'Tanzanians'),
  entry('US', 'American', 'Americans'),
  entry('UY', 'Uruguayan', 'Uruguayans'),
  entry('UZ', 'Uzbekistani', 'Uzbekistanis', 'Uzbek', 'Uzbeks'),
  entry('VU', 'Ni-Vanuatu'),
  entry('VE', 'Venezuelan', 'Venezuelans'),
  entry('VN', 'Vietnamese'),
  entry('YE', 'Yemeni', 'Yemenis'),
  entry('ZM', 'Zambian', 'Zambians'),
  entry('ZW', 'Zimbabwean', 'Zimbabweans'),
  // UN observer states.
  // "Vatican" is a name of the Holy See (state-aliases.ts), so it is not repeated here.
  entry('VA'),
  entry('PS', 'Palestinian', 'Palestinians'),
  // Not a UN member; i18n-iso-countries carries it as XK.
  entry('XK', 'Kosovar', 'Kosovars', 'Kosovan', 'Kosovans'),
];

/** A demonym form that more than one state could claim, and the state we link it to. */
export interface AmbiguousDemonymChoice {
  form: string;
  /** The code the form is linked to in `DEMONYMS`, or `null` when the form is left out. */
  chosen: string | null;
  alsoUsedFor: string[];
}

/** Documented choices, for the limits in docs/scanner.md and the tests. */
export const AMBIGUOUS_DEMONYM_CHOICES: readonly AmbiguousDemonymChoice[] = [
  { form: 'Congolese', chosen: 'CD', alsoUsedFor: ['CG'] },
  { form: 'Dominican', chosen: 'DO', alsoUsedFor: ['DM'] },
  { form: 'Guinean', chosen: 'GN', alsoUsedFor: ['GW', 'GQ', 'PG'] },
  { form: 'Korean', chosen: null, alsoUsedFor: ['KR', 'KP'] },
  { form: 'Macedonian', chosen: 'MK', alsoUsedFor: ['GR'] },
  { form: 'Vatican', chosen: null, alsoUsedFor: ['VA'] },
];

// Inflection helpers: each takes the stem shared by all forms of a regular adjective.

/** Ukrainian hard-stem adjective (`українськ` -> `український`, `українська`, ...). */
function ukAdjective(stem: string): string[] {
  return ['ий', 'а', 'е', 'і', 'ого', 'ої', 'их', 'ому', 'ій', 'у', 'им', 'ою', 'ими'].map((ending) => stem + ending);
}

/** Russian adjective on a velar stem (`украинск` -> `украинский`, `украинская`, ...). */
function ruAdjective(stem: string): string[] {
  return ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'их', 'ому', 'ую', 'им', 'ими', 'ом'].map((ending) => stem + ending);
}

/**
 * Polish adjective on a `-k` stem (`ukraińsk` -> `ukraiński`, ...), with the masculine-personal
 * plural (`ukraińscy`, `niemieccy`, `szwedzcy`).
 */
function plAdjective(stem: string): string[] {
  const forms = ['i', 'a', 'ie', 'iego', 'iej', 'ich', 'im', 'imi', 'iemu', 'ą'].map((ending) => stem + ending);
  forms.push(`${stem.slice(0, -1)}cy`);
  return forms;
}

/** German adjective (`ukrainisch` -> `ukrainisch`, `ukrainische`, `ukrainischen`, ...). */
function deAdjective(base: string): string[] {
  return ['', 'e', 'en', 'er', 'es', 'em'].map((ending) => base + ending);
}

/** Dutch adjective: the inflected `-e` form first, then the bare form. */
function nlAdjective(inflected: string, bare?: string): string[] {
  return bare ? [inflected, bare] : [inflected];
}

/** French adjective in -ien (`ukrainien` -> `ukrainienne`, `ukrainiens`, `ukrainiennes`). */
function frIen(base: string): string[] {
  return [base, `${base}ne`, `${base}s`, `${base}nes`];
}

/** French adjective with a regular -e feminine (`allemand`, `américain`). */
function frRegular(base: string): string[] {
  return [base, `${base}e`, `${base}s`, `${base}es`];
}

/** French adjective ending in -s (`français`, `polonais`): no separate masculine plural. */
function frS(base: string): string[] {
  return [base, `${base}e`, `${base}es`];
}

/** French adjective ending in -e (`russe`, `tchèque`). */
function frE(base: string): string[] {
  return [base, `${base}s`];
}

/**
 * Adjectives in six more languages for the states most cited in this domain
 * (UA, RU, BY, PL, FR, DE, NL, US, GB, GE, MD, CZ, SE), with their common inflections.
 * Nouns for people (`українці`, `Russen`, `Ukrainiens`) are not listed yet.
 * Left out: Dutch `Frans` (also a first name) and `Pools` (an English word), German `Moldau`.
 */
export const DEMONYMS_BY_LANGUAGE: Readonly<Record<DemonymLanguage, readonly DemonymEntry[]>> = {
  uk: [
    entry('UA', ...ukAdjective('українськ')),
    entry('RU', ...ukAdjective('російськ')),
    entry('BY', ...ukAdjective('білоруськ')),
    entry('PL', ...ukAdjective('польськ')),
    entry('FR', ...ukAdjective('французьк')),
    entry('DE', ...ukAdjective('німецьк')),
    entry('NL', ...ukAdjective('нідерландськ'), ...ukAdjective('голландськ')),
    entry('US', ...ukAdjective('американськ')),
    entry('GB', ...ukAdjective('британськ')),
    entry('GE', ...ukAdjective('грузинськ')),
    entry('MD', ...ukAdjective('молдовськ'), ...ukAdjective('молдавськ')),
    entry('CZ', ...ukAdjective('чеськ')),
    entry('SE', ...ukAdjective('шведськ')),
  ],
  ru: [
    entry('UA', ...ruAdjective('украинск')),
    entry('RU', ...ruAdjective('российск')),
    entry('BY', ...ruAdjective('белорусск'), ...ruAdjective('беларусск')),
    entry('PL', ...ruAdjective('польск')),
    entry('FR', ...ruAdjective('французск')),
    entry('DE', ...ruAdjective('немецк'), ...ruAdjective('германск')),
    entry('NL', ...ruAdjective('нидерландск'), ...ruAdjective('голландск')),
    entry('US', ...ruAdjective('американск')),
    entry('GB', ...ruAdjective('британск')),
    entry('GE', ...ruAdjective('грузинск')),
    entry('MD', ...ruAdjective('молдавск'), ...ruAdjective('молдовск')),
    entry('CZ', ...ruAdjective('чешск')),
    entry('SE', ...ruAdjective('шведск')),
  ],
  pl: [
    entry('UA', ...plAdjective('ukraińsk')),
    entry('RU', ...plAdjective('rosyjsk')),
    entry('BY', ...plAdjective('białorusk')),
    entry('PL', ...plAdjective('polsk')),
    entry('FR', ...plAdjective('francusk')),
    entry('DE', ...plAdjective('niemieck')),
    entry('NL', ...plAdjective('niderlandzk'), ...plAdjective('holendersk')),
    entry('US', ...plAdjective('amerykańsk')),
    entry('GB', ...plAdjective('brytyjsk')),
    entry('GE', ...plAdjective('gruzińsk')),
    entry('MD', ...plAdjective('mołdawsk')),
    entry('CZ', ...plAdjective('czesk')),
    entry('SE', ...plAdjective('szwedzk')),
  ],
  fr: [
    entry('UA', ...frIen('ukrainien')),
    entry('RU', ...frE('russe')),
    entry('BY', ...frE('biélorusse'), ...frIen('bélarussien')),
    entry('PL', ...frS('polonais')),
    entry('FR', ...frS('français')),
    entry('DE', ...frRegular('allemand')),
    entry('NL', ...frS('néerlandais'), ...frS('hollandais')),
    entry('US', ...frRegular('américain')),
    entry('GB', ...frE('britannique')),
    entry('GE', ...frIen('géorgien')),
    entry('MD', ...frE('moldave')),
    entry('CZ', ...frE('tchèque')),
    entry('SE', ...frS('suédois')),
  ],
  de: [
    entry('UA', ...deAdjective('ukrainisch')),
    entry('RU', ...deAdjective('russisch')),
    entry('BY', ...deAdjective('belarussisch'), ...deAdjective('weißrussisch')),
    entry('PL', ...deAdjective('polnisch')),
    entry('FR', ...deAdjective('französisch')),
    entry('DE', ...deAdjective('deutsch')),
    entry('NL', ...deAdjective('niederländisch'), ...deAdjective('holländisch')),
    entry('US', ...deAdjective('amerikanisch'), ...deAdjective('US-amerikanisch')),
    entry('GB', ...deAdjective('britisch')),
    entry('GE', ...deAdjective('georgisch')),
    entry('MD', ...deAdjective('moldauisch'), ...deAdjective('moldawisch')),
    entry('CZ', ...deAdjective('tschechisch')),
    entry('SE', ...deAdjective('schwedisch')),
  ],
  nl: [
    entry('UA', ...nlAdjective('Oekraïense', 'Oekraïens')),
    entry('RU', ...nlAdjective('Russische', 'Russisch')),
    entry('BY', ...nlAdjective('Belarussische', 'Belarussisch'), ...nlAdjective('Wit-Russische', 'Wit-Russisch')),
    entry('PL', ...nlAdjective('Poolse')),
    entry('FR', ...nlAdjective('Franse')),
    entry('DE', ...nlAdjective('Duitse', 'Duits')),
    entry('NL', ...nlAdjective('Nederlandse', 'Nederlands')),
    entry('US', ...nlAdjective('Amerikaanse', 'Amerikaans')),
    entry('GB', ...nlAdjective('Britse', 'Brits')),
    entry('GE', ...nlAdjective('Georgische', 'Georgisch')),
    entry('MD', ...nlAdjective('Moldavische', 'Moldavisch')),
    entry('CZ', ...nlAdjective('Tsjechische', 'Tsjechisch')),
    entry('SE', ...nlAdjective('Zweedse', 'Zweeds')),
  ],
};
