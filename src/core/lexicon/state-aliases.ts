/**
 * Names of states that texts use but `i18n-iso-countries` (en, uk, ru, pl, fr, de, nl) does
 * not carry verbatim: short and formal forms, abbreviations, older names still in use, and,
 * for the states most cited in this domain, the case forms of Ukrainian, Russian and Polish
 * names ("Росії", "России", "Rosji") and the German dative/genitive of multi-word names.
 *
 * Names are written in their proper capitalisation with single spaces between words; the
 * scanner matches state names case-sensitively where the lower-case form is an ordinary word.
 * Typographic apostrophes need no separate entry: the scanner folds ’ into '.
 *
 * Left out on purpose:
 * - "America" (the continent), "Holland" and "Hollande" (a region; a surname in French),
 *   German "Moldau" (also the river Vltava), bare "Korea" and "Congo" (two states each).
 * - "Soviet Union", "USSR", "Czechoslovakia", "Yugoslavia": former states, not in ISO 3166-1.
 * - Polish genitive "Czech" (of "Czechy"): it is the English demonym.
 */
import type { StateAliasEntry } from './types';

function alias(code: string, ...names: string[]): StateAliasEntry {
  return { code, names };
}

export const STATE_ALIASES: readonly StateAliasEntry[] = [
  alias('UA',
    // uk: case forms of "Україна"
    'України', 'Україні', 'Україну', 'Україною',
    // ru: case forms of "Украина"
    'Украины', 'Украине', 'Украину', 'Украиной',
    // pl: case forms of "Ukraina"
    'Ukrainy', 'Ukrainie', 'Ukrainę', 'Ukrainą',
    // nl: spelling without the diaeresis
    'Oekraine',
  ),
  alias('RU',
    // uk
    'Російська Федерація', 'Російської Федерації', 'Російській Федерації', 'Російську Федерацію',
    'Російською Федерацією', 'РФ',
    'Росії', 'Росію', 'Росією',
    // ru
    'России', 'Россию', 'Россией',
    'Российской Федерации', 'Российскую Федерацию',
    // pl
    'Federacja Rosyjska', 'Federacji Rosyjskiej', 'Federację Rosyjską',
    'Rosji', 'Rosję', 'Rosją',
    // fr
    'Fédération de Russie',
    // de
    'Russischen Föderation',
  ),
  alias('BY',
    'Republic of Belarus', 'Byelorussia', 'Belorussia',
    // uk
    'Республіка Білорусь', 'Білорусі', 'Білоруссю',
    // ru
    'Белоруссия', 'Республика Беларусь', 'Беларуси', 'Белоруссии',
    // pl
    'Republika Białorusi', 'Białorusi', 'Białorusią',
    // fr
    'Bélarus',
    // de
    'Weißrussland',
  ),
  alias('PL',
    'Republic of Poland',
    // uk
    'Польщі', 'Польщу', 'Польщею',
    // ru
    'Польши', 'Польше', 'Польшу', 'Польшей',
    // pl
    'Rzeczpospolita Polska', 'Rzeczypospolitej Polskiej', 'Polski', 'Polsce', 'Polskę', 'Polską',
  ),
  alias('FR',
    'French Republic',
    // uk
    'Франції', 'Францію', 'Францією',
    // ru
    'Франции', 'Францию', 'Францией',
    // pl
    'Francji', 'Francję', 'Francją',
    // fr
    'République française',
    // de
    'Französische Republik',
  ),
  alias('DE',
    'Federal Republic of Germany',
    // uk
    'Німеччини', 'Німеччині', 'Німеччину', 'Німеччиною',
    // ru
    'Германии', 'Германию', 'Германией', 'ФРГ',
    // pl
    'Niemiec', 'Niemczech', 'Niemcom', 'Niemcami',
    // fr
    "République fédérale d'Allemagne",
    // de
    'Bundesrepublik Deutschland',
  ),
  alias('NL',
    'Kingdom of the Netherlands',
    // uk
    'Нідерландів', 'Нідерландам', 'Нідерландах', 'Нідерландами',
    // ru
    'Нидерландов', 'Нидерландам', 'Нидерландах', 'Нидерландами',
    // pl
    'Niderlandy', 'Holandii', 'Holandię', 'Holandią',
    // de
    'Königreich der Niederlande',
  ),
  alias('US',
    // uk
    'Сполучені Штати Америки', 'Сполучених Штатів Америки', 'Сполучені Штати', 'Сполучених Штатів',
    // ru
    'Соединённые Штаты Америки', 'Соединенные Штаты Америки', 'Соединённых Штатов Америки',
    'Соединенных Штатов Америки', 'Соединённые Штаты', 'Соединенные Штаты',
    // pl
    'Stany Zjednoczone Ameryki', 'Stanów Zjednoczonych', 'Stanach Zjednoczonych', 'Stanami Zjednoczonymi',
    // fr
    'États-Unis', 'Etats-Unis',
    // de
    'Vereinigten Staaten', 'Vereinigten Staaten von Amerika',
  ),
  alias('GB',
    'U.K.', 'Britain', 'Great Britain and Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland',
    // uk
    'Сполучене Королівство', "Об'єднане Королівство", 'Велика Британія',
    'Великобританії', 'Великобританію', 'Великобританією', 'Великої Британії',
    // ru
    'Соединённое Королевство', 'Соединенное Королевство', 'Великобритании', 'Великобританию',
    // pl
    'Zjednoczone Królestwo', 'Wielkiej Brytanii', 'Wielką Brytanię', 'Wielką Brytanią',
    // fr
    'Grande-Bretagne',
    // de
    'Vereinigten Königreich', 'Vereinigten Königreichs',
    // nl
    'Groot-Brittannië',
  ),
  alias('GE',
    // uk
    'Грузії', 'Грузію', 'Грузією',
    // ru
    'Грузии', 'Грузию', 'Грузией',
    // pl
    'Gruzji', 'Gruzję', 'Gruzją',
  ),
  alias('MD',
    'Moldova', 'Republic of Moldova',
    // uk
    'Республіка Молдова', 'Молдови', 'Молдові', 'Молдову', 'Молдовою',
    // ru
    'Республика Молдова', 'Молдавии', 'Молдовы', 'Молдове',
    // pl
    'Mołdowa', 'Republika Mołdawii', 'Mołdawii', 'Mołdawię',
    // fr
    'République de Moldavie', 'République de Moldova',
    // de
    'Republik Moldau',
  ),
  alias('CZ',
    // uk
    'Чеська Республіка', 'Чехії', 'Чехію',
    // ru
    'Чешская Республика', 'Чехии', 'Чехию',
    // pl
    'Republika Czeska', 'Czechach', 'Czechami',
    // fr
    'République tchèque', 'Tchéquie',
  ),
  alias('SE',
    'Kingdom of Sweden',
    // uk
    'Швеції', 'Швецію', 'Швецією',
    // ru
    'Швеции', 'Швецию', 'Швецией',
    // pl
    'Szwecji', 'Szwecję', 'Szwecją',
  ),
  alias('TR',
    'Turkiye', 'Republic of Türkiye', 'Republic of Turkey',
    // uk
    'Туреччини', 'Туреччині', 'Туреччину', 'Туреччиною',
    // ru
    'Турции', 'Турцию', 'Турцией',
    // pl
    'Turcji', 'Turcję',
  ),
  alias('CH', 'Swiss Confederation'),
  alias('MK', 'Macedonia', 'Republic of North Macedonia'),
  alias('KP',
    'DPRK', "Democratic People's Republic of Korea",
    // uk
    'КНДР', 'Північна Корея',
    // fr
    'République populaire démocratique de Corée',
  ),
  alias('KR',
    // uk
    'Південна Корея',
    // ru
    'Южная Корея',
  ),
  alias('CN',
    // ru: the package only has "КНР (Китайская Народная Республика)"; "Китай" comes from uk
    'КНР',
  ),
  alias('CD',
    'DR Congo', 'DRC', 'Democratic Republic of Congo',
    // de: the package only has "Kongo", which it also gives CG in Polish
    'Demokratische Republik Kongo',
  ),
  alias('CG', 'Republic of Congo'),
  alias('CI',
    // uk: the package writes "Кот-Д'Івуар"
    "Кот-д'Івуар",
  ),
  alias('SZ', 'Kingdom of Eswatini'),
  alias('MM', 'Burma'),
  alias('CV', 'Cabo Verde'),
  alias('TL', 'East Timor'),
  alias('VA',
    'Holy See', 'Vatican', 'Vatican City', 'Vatican City State',
    // uk, ru
    'Святий Престол', 'Святой Престол',
    // pl
    'Stolica Apostolska',
    // fr
    'Saint-Siège',
    // de
    'Heiliger Stuhl', 'Vatikan',
    // nl
    'Heilige Stoel',
  ),
  alias('PS',
    // de
    'Palästina',
  ),
  alias('SY',
    // de: the package only has "Syrien, Arabische Republik"
    'Syrien',
  ),
  alias('LA', 'Lao PDR'),
  alias('VN', 'Viet Nam'),
  alias('BO', 'Plurinational State of Bolivia'),
  alias('VE', 'Bolivarian Republic of Venezuela'),
  alias('FM', 'Micronesia', 'Federated States of Micronesia'),
  alias('BA', 'Bosnia', 'Bosnia-Herzegovina'),
  alias('KG', 'Kyrgyz Republic',
    // ru: the package only has "Киргизия"
    'Кыргызстан',
  ),
  alias('SK', 'Slovak Republic'),
  alias('ST', 'São Tomé and Príncipe'),
  alias('KN', 'St Kitts and Nevis', 'St. Kitts and Nevis'),
  alias('LC', 'St Lucia'),
  alias('VC', 'St Vincent and the Grenadines', 'St. Vincent and the Grenadines'),
  alias('GN',
    // nl: the package writes "Guinea"
    'Guinee',
  ),
  alias('AE',
    // ru: the package only has "ОАЭ"
    'Объединённые Арабские Эмираты', 'Объединенные Арабские Эмираты',
    // fr: the package capitalises "Arabes Unis"
    'Émirats arabes unis',
  ),
  alias('ZA',
    // ru: the package only has "ЮАР"
    'Южно-Африканская Республика',
  ),
  alias('DO', 'République dominicaine'),
  alias('CF', 'République centrafricaine'),
  alias('SA', 'Arabie saoudite'),
];
