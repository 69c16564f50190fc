/**
 * The default taxonomy of violation categories (BRIEF section 3). Legal bases: articles of the
 * Geneva Conventions of 1949 (GC III: prisoners of war, GC IV: civilians), the Rome Statute (RS),
 * the Convention against Torture (CAT), the ICCPR and the Convention on Enforced Disappearance
 * (ICPPED). Descriptions are our own one-line summaries.
 *
 * Cues are matched case-insensitively on word boundaries by claim detection; they list the
 * inflections a text uses ("tortured", "torturing") because matching is literal, not stemmed.
 * A cue that is a plain everyday word on its own ("held", "work") is avoided: it would flag
 * sentences that claim nothing. Colours are mid-tone so that they keep a contrast of at least
 * 3:1 with both a light (#ffffff) and a dark (#1e1e1e) editor background (see the unit test).
 * The legal elements of the crimes (ICC Elements of Crimes) are in default-elements.ts.
 */
import type { Category } from './taxonomy';
import { DEFAULT_ELEMENTS } from './default-elements';

/** The categories, each given its legal elements (default-elements.ts) below. */
const CATEGORIES: readonly Omit<Category, 'elements'>[] = [
  {
    id: 'wilful-killing',
    label: 'Wilful killing, summary or arbitrary execution',
    description: 'Killing a protected person (a prisoner of war, a civilian, a person hors de combat) on purpose, including executions without trial; a grave breach and a war crime.',
    legalBasis: ['GC III 13', 'GC III 130', 'GC IV 32', 'GC IV 147', 'RS 7(1)(a)', 'RS 8(2)(a)(i)', 'ICCPR 6'],
    cues: [
      'executed', 'execution', 'executions', 'execute', 'executing', 'summarily executed', 'summary execution',
      'summary executions', 'extrajudicial execution', 'extrajudicial killing', 'extrajudicial killings',
      'killed', 'killing', 'killings', 'murdered', 'murder', 'murders', 'shot dead', 'shot and killed',
      'shot in the head', 'gunned down', 'was shot', 'were shot', 'died in custody', 'death in custody',
      'deaths in custody', 'beaten to death', 'tortured to death', 'arbitrary deprivation of life',
      'wilful killing', 'wilfully killed', 'unlawful killing', 'unlawfully killed', 'no quarter',
      'kill', 'kills', 'killers', 'killer', 'slain', 'slaying', 'slayings', 'assassinated', 'assassination', 'assassinations',
      'massacre', 'massacred', 'massacres', 'shot to death', 'stabbed to death', 'hacked to death', 'burned alive',
      'lynched', 'lynching', 'found dead', 'murdering', 'murderers', 'murderer', 'homicide', 'femicide', 'fatally shot',
      'targeted killing', 'targeted killings', 'extra-judicial killing', 'extra-judicial killings', 'extrajudicially executed',
      'slaughtered', 'slaughter', 'killed by police', 'died at the hands of', 'deaths at the hands of', 'police killings',
    ],
    color: '#e61a1a',
  },
  {
    id: 'torture',
    label: 'Torture',
    description: 'Intentionally inflicting severe physical or mental pain or suffering on a person in custody or under control, to punish, obtain information or a confession, or intimidate.',
    legalBasis: ['GC III 17', 'GC III 87', 'GC III 130', 'GC IV 32', 'GC IV 147', 'CAT 1', 'RS 7(1)(f)', 'RS 8(2)(a)(ii)'],
    cues: [
      'torture', 'tortured', 'torturing', 'tortures', 'torturer', 'torturers', 'electric shock', 'electric shocks',
      'electrocuted', 'electrocution', 'waterboarding', 'waterboarded', 'mock execution', 'mock executions',
      'suffocation', 'suffocated', 'asphyxiation', 'burned with cigarettes', 'stress positions', 'hung by the arms',
      'severe pain', 'severe beatings', 'beaten during interrogation', 'beaten during interrogations',
      'pulled out fingernails', 'threatened with death', 'threats of death', 'threats of rape',
      // Beatings in custody severe enough to meet the threshold of torture.
      'brutally beaten', 'severely beaten', 'beaten in custody', 'beaten in detention', 'beaten unconscious',
      'beaten with batons', 'beaten with sticks', 'subjected to torture', 'acts of torture',
    ],
    color: '#e82c5b',
  },
  {
    id: 'ill-treatment',
    label: 'Inhuman or degrading treatment, humiliation, exposure to public curiosity',
    description: 'Treatment that falls short of torture but is cruel, inhuman or degrading, including humiliation and parading or filming prisoners for public curiosity.',
    legalBasis: ['GC III 13', 'GC III 14', 'RS 8(2)(b)(xxi)'],
    cues: [
      'ill-treatment', 'ill-treated', 'ill treatment', 'ill treated', 'mistreatment', 'mistreated', 'maltreatment',
      'maltreated', 'abused', 'physical abuse', 'beaten', 'beating', 'beatings', 'kicked', 'punched', 'clubbed',
      'humiliated', 'humiliation', 'humiliating', 'degrading', 'degrading treatment', 'inhuman treatment',
      'cruel treatment', 'verbal abuse', 'insulted', 'paraded', 'public curiosity', 'filmed for propaganda',
      'forced to sing', 'stripped naked', 'dog bites', 'set dogs on',
    ],
    color: '#dc6a18',
  },
  {
    id: 'denial-of-pow-status',
    label: 'Denial of prisoner-of-war status',
    description: 'Refusing a captured combatant the status and protection of a prisoner of war, or treating a doubtful case without a competent tribunal deciding it.',
    legalBasis: ['GC III 4', 'GC III 5'],
    cues: [
      // "…": any object between the denial and the status ("denies Ukrainian soldiers the status of prisoners of war").
      'denies … status of prisoners of war', 'denied … status of prisoners of war', 'deny … status of prisoners of war',
      'denying … status of prisoners of war', 'refuses … status of prisoners of war', 'refused … status of prisoners of war',
      'denies … prisoner-of-war status', 'denied … prisoner-of-war status', 'refused … prisoner-of-war status',
      'denies … POW status', 'denied … POW status', 'refused … POW status',
      'not recognised as prisoners of war', 'not recognized as prisoners of war', 'refused to recognise',
      'refused to recognize', 'not considered prisoners of war', 'unlawful combatant', 'unlawful combatants',
      'illegal combatant', 'illegal combatants', 'terrorists rather than prisoners of war', 'labelled terrorists',
      'labeled terrorists', 'treated as criminals', 'competent tribunal', 'status determination',
      'without prisoner-of-war status', 'denial of POW status',
    ],
    color: '#2c7ae8',
  },
  {
    id: 'unlawful-prosecution',
    label: 'Prosecution for participation in hostilities, unfair trial, coerced confessions',
    description: 'Trying prisoners of war for lawful acts of war, or trying protected persons without the guarantees of a fair trial, including on confessions obtained by coercion.',
    legalBasis: ['GC III 87', 'GC III 99-108', 'GC III 130', 'RS 8(2)(a)(vi)'],
    cues: [
      'prosecuted', 'prosecution', 'prosecutions', 'criminal proceedings', 'criminal case', 'criminal cases',
      'charged with', 'indicted', 'tried in absentia', 'show trial', 'show trials', 'sentenced', 'convicted', 'conviction', 'death penalty',
      'trumped-up charges', 'fabricated charges', 'politically motivated charges', 'bogus charges', 'false charges', 'sham trial',
      'sentenced to death', 'coerced confession', 'coerced confessions', 'coerce confessions', 'forced confession',
      'forced confessions', 'confessions under duress', 'denied a lawyer', 'without a lawyer', 'no access to a lawyer',
      'unfair trial', 'closed trial', 'participation in hostilities',
      // A fair trial is reported only in its denial.
      'denied a fair trial', 'without a fair trial', 'no fair trial', 'refuse fair trials', 'refused a fair trial',
      // Charges, trials, convictions and sentences as reports of them name them (whose they are decides; see detect.ts).
      'charged', 'charges', 'faces charges', 'facing charges', 'pressed charges', 'trial', 'trials', 'stand trial',
      'standing trial', 'stood trial', 'on trial', 'put on trial', 'retrial', 'verdict', 'verdicts', 'guilty verdict',
      'found … guilty', 'convict', 'convictions', 'prosecute', 'life sentence', 'death sentence',
      'arraigned', 'indictment', 'court case', 'case against', 'cases against', 'treason', 'sedition', 'terrorism charges',
      'kangaroo court', 'kangaroo courts', 'behind closed doors', 'denied bail', 'refused bail', 'denial of bail',
      'judicial harassment', 'unlawful persecution', 'criminal prosecution', 'criminalised', 'criminalized',
    ],
    color: '#a92ce8',
  },
  {
    id: 'inhumane-detention-conditions',
    label: 'Inadequate quarters, food, hygiene',
    description: 'Holding prisoners or internees in quarters, with food, water, clothing or hygiene below what the Conventions require, or in places unsafe from the fighting.',
    legalBasis: ['GC III 22', 'GC III 25-29', 'GC IV 85-91'],
    cues: [
      'overcrowded', 'overcrowding', 'cramped', 'lack of food', 'insufficient food', 'inadequate food', 'starvation',
      'starved', 'starving', 'malnutrition', 'malnourished', 'weight loss', 'lost weight', 'nutrition', 'hunger',
      'lack of water', 'drinking water', 'no water', 'hygiene', 'unsanitary', 'no toilet', 'no shower', 'lice',
      'scabies', 'unheated', 'freezing cells', 'no bedding', 'sleep deprivation', 'no daylight', 'poor conditions',
      'detention conditions', 'conditions of detention', 'inhumane conditions', 'held in a basement', 'held in a pit',
    ],
    color: '#836c3f',
  },
  {
    id: 'denial-of-medical-care',
    label: 'Denial of medical care',
    description: 'Withholding or delaying the medical attention a prisoner or detainee needs, including care of wounds, chronic illness and medical examinations.',
    legalBasis: ['GC III 15', 'GC III 30-31'],
    cues: [
      'medical care', 'medical assistance', 'medical treatment', 'medical attention', 'medical help',
      'denied medical', 'refused medical', 'no medical', 'without medical', 'untreated wounds', 'untreated wound',
      'untreated injuries', 'wounds left untreated', 'left untreated', 'infected wounds', 'gangrene', 'amputation',
      'amputated', 'no medicines', 'no medication', 'medication withheld', 'denied medication', 'died of untreated',
      'medical examination', 'medical examinations', 'no doctor', 'without a doctor', 'chronic illness',
      'medical neglect',
    ],
    color: '#109367',
  },
  {
    id: 'incommunicado-detention',
    label: 'Denial of contact with family and the outside world',
    description: 'Cutting a prisoner or internee off from family and the outside world: no capture card, letters or news, or isolation in incommunicado or solitary confinement.',
    legalBasis: ['GC III 70-71', 'GC IV 106-107'],
    cues: [
      'incommunicado', 'held incommunicado', 'solitary confinement', 'isolation', 'cut off from',
      'no contact with', 'no contact with their families', 'communicate with their families', 'contact with their families',
      'contact with relatives', 'correspondence', 'capture card', 'capture cards', 'no news',
      'no word from', 'families not informed', 'family was not informed', 'relatives were not informed',
      'no phone calls', 'not allowed to call', 'outside world', 'without contact',
      // Held where no one may find the detainee: cut off from family and lawyers.
      'undisclosed location', 'undisclosed locations',
    ],
    color: '#c07c9e',
  },
  {
    id: 'denial-of-icrc-access',
    label: 'Denial of access to the ICRC or protecting powers',
    description: 'Refusing or restricting visits by the International Committee of the Red Cross or a protecting power to places of detention, or to interviews without witnesses.',
    legalBasis: ['GC III 126', 'GC IV 143'],
    cues: [
      'International Committee of the Red Cross', 'ICRC', 'Red Cross', 'protecting power', 'protecting powers',
      'access restricted', 'access denied', 'denied access to', 'restricted access',
      'no access', 'without access', 'refused access', 'refused entry', 'not allowed to visit', 'visits denied',
      'no visits', 'unimpeded access', 'interviews without witnesses', 'private interviews', 'places of detention unknown', 'independent monitors', 'international monitors',
    ],
    color: '#ae8813',
  },
  {
    id: 'forced-labour',
    label: 'Forced or dangerous labour',
    description: 'Compelling prisoners to work without regard to the Conventions: unhealthy, dangerous or humiliating work, military work, or work without pay and rest.',
    legalBasis: ['GC III 49-57', 'GC III 52'],
    cues: [
      'forced labour', 'forced labor', 'forced to work', 'made to work', 'compelled to work', 'compulsory labour',
      'compulsory labor', 'slave labour', 'slave labor', 'unpaid work', 'unpaid labour', 'without pay',
      'dangerous work', 'dangerous labour', 'hazardous work', 'dig trenches', 'digging trenches', 'dug trenches',
      'build fortifications', 'building fortifications', 'demining', 'clear mines', 'clearing mines',
      'load ammunition', 'loading ammunition', 'carry ammunition', 'unload bodies', 'work details',
    ],
    color: '#5d7e1b',
  },
  {
    id: 'compelled-service',
    label: 'Compelling a prisoner of war to serve the hostile power',
    description: 'Forcing a prisoner of war or a protected person to serve in the armed forces of the power that holds them, or to fight against their own side.',
    legalBasis: ['GC III 130', 'RS 8(2)(a)(v)'],
    cues: [
      'forced to fight', 'forced to serve', 'compelled to serve', 'compelled to fight', 'made to fight',
      'conscripted', 'conscription', 'forcibly conscripted', 'forced conscription', 'forcibly mobilised',
      'forcibly mobilized', 'mobilised into', 'mobilized into', 'drafted into', 'forced enlistment',
      'forced recruitment', 'join the armed forces', 'fight against their own', 'forced to sign a contract',
      'signed a contract under duress', 'human shield', 'human shields', 'sent to the front', 'sent to the front line',
    ],
    color: '#12a512',
  },
  {
    id: 'arbitrary-detention',
    label: 'Arbitrary or unlawful detention of civilians',
    description: 'Depriving civilians of liberty without a lawful ground or procedure: arrest without charge, internment not required by security, or detention without review.',
    legalBasis: ['GC IV 42', 'GC IV 43', 'GC IV 78', 'GC IV 147', 'ICCPR 9', 'RS 7(1)(e)', 'RS 8(2)(a)(vii)'],
    cues: [
      'arbitrarily detained', 'arbitrary detention', 'arbitrary arrest', 'arbitrary arrests', 'arbitrarily arrested',
      'unlawfully detained', 'unlawful detention', 'unlawful confinement', 'unlawfully confined', 'illegally detained',
      'illegal detention', 'detained without charge', 'arrested without charge', 'held without charge', 'without charge',
      'without trial', 'no judicial review', 'detained civilians', 'civilian detainees', 'civilians were detained',
      'filtration', 'filtration camp', 'filtration camps', 'administrative detention', 'internment', 'interned',
      'deprived of liberty', 'deprivation of liberty', 'preventive detention',
      // Deprivation of liberty as news and reports describe it; arbitrariness is the reviewer's call.
      'arrested', 'arrest', 'arrests', 'arresting', 'rearrested', 'detained', 'detain', 'detaining', 'detention', 'detentions',
      'jailed', 'jail', 'jailing', 'imprisoned', 'imprisonment', 'incarcerated', 'incarceration',
      'taken into custody', 'in custody', 'police custody', 'held in custody', 'remanded', 'remanded in custody',
      'pretrial detention', 'pre-trial detention', 'house arrest', 'rounded up', 'apprehended', 'locked up', 'behind bars',
      'political prisoner', 'political prisoners', 'prisoner of conscience', 'prisoners of conscience', 'mass arrests',
      // The penalty is a deprivation of liberty too (the trial itself is unlawful-prosecution's).
      'years in prison', 'years in jail', 'years of imprisonment', 'life imprisonment', 'prison sentence', 'prison term',
      'jail term', 'jail sentence', 'sentenced to prison',
    ],
    color: '#1795d3',
  },
  {
    id: 'enforced-disappearance',
    label: 'Enforced disappearance',
    description: 'Detention or abduction by or with the backing of a State, followed by a refusal to acknowledge it or to disclose the person\'s fate or whereabouts.',
    legalBasis: ['ICPPED 2', 'RS 7(1)(i)'],
    cues: [
      'disappeared', 'disappearance', 'disappearances', 'enforced disappearance', 'enforced disappearances',
      'forcibly disappeared', 'forced disappearance', 'went missing', 'missing persons', 'missing person',
      'whereabouts unknown', 'whereabouts remain unknown', 'fate and whereabouts', 'fate unknown', 'unacknowledged detention',
      'refused to acknowledge', 'denied holding', 'denied detaining', 'no information on', 'never seen again',
      'not seen since', 'has not been heard from', 'vanished',
      'disappear', 'whereabouts', 'secret detention', 'secretly detained', 'remains missing', 'remain missing',
      'still missing', 'reported missing', 'is missing', 'are missing', 'was missing', 'has been missing', 'have been missing',
      'gone missing', 'no trace', 'without trace', 'without a trace', 'missing since',
    ],
    color: '#bb70e1',
  },
  {
    id: 'hostage-taking',
    label: 'Abduction and hostage-taking',
    description: 'Seizing or holding persons and threatening them in order to compel a third party to act or refrain from acting, including abduction of civilians for exchange.',
    legalBasis: ['GC IV 34', 'GC IV 147', 'RS 8(2)(a)(viii)'],
    cues: [
      'hostage', 'hostages', 'taken hostage', 'held hostage', 'hostage-taking', 'hostage taking', 'kidnapped',
      'kidnapping', 'kidnappings', 'abducted', 'abduction', 'abductions', 'snatched', 'taken captive',
      'held captive', 'held for exchange', 'for exchange', 'exchange fund', 'bargaining chip', 'bargaining chips',
      'ransom', 'abducted civilians', 'civilian hostages',
      'kidnap', 'kidnappers', 'kidnapper', 'abduct', 'abducting', 'abductors', 'abductor', 'captors',
      'held for ransom', 'ransom demand', 'in exchange for his release', 'in exchange for her release',
      'in exchange for their release', 'bundled into', 'forced into a car', 'forced into a vehicle',
    ],
    color: '#c76957',
  },
  {
    id: 'deportation',
    label: 'Deportation or forcible transfer, including of children',
    description: 'Moving protected persons out of occupied territory or within it by force or coercion, including the transfer of children to the occupying power and their adoption there.',
    legalBasis: ['GC IV 49', 'GC IV 147', 'RS 6(e)', 'RS 7(1)(d)', 'RS 8(2)(a)(vii)'],
    cues: [
      'deported', 'deportation', 'deportations', 'deport', 'deporting', 'forcible transfer', 'forcibly transferred',
      'forced transfer', 'forcibly moved', 'forcibly relocated', 'forced relocation', 'forcibly displaced',
      'forced displacement', 'taken to the territory of', 'evacuated against their will',
      'children were transferred', 'transfer of children', 'deportation of children', 'placed in foster families', 'unlawful transfer', 're-education camps', 'passportization',
    ],
    color: '#e61ac3',
  },
  {
    id: 'sexual-violence',
    label: 'Rape and other sexual violence',
    description: 'Rape, sexual slavery, enforced prostitution or sterilisation, forced nudity and any other sexual violence of comparable gravity.',
    legalBasis: ['RS 7(1)(g)', 'RS 8(2)(b)(xxii)'],
    cues: [
      'rape', 'raped', 'raping', 'rapes', 'gang rape', 'gang-raped', 'sexual violence', 'sexual assault',
      'sexually assaulted', 'sexual abuse', 'sexually abused', 'sexual slavery', 'sexual torture', 'sexual humiliation',
      'forced nudity', 'forced to undress', 'genital', 'genitals', 'castration', 'threatened with rape',
      'threats of sexual violence', 'enforced prostitution', 'forced sterilisation', 'forced sterilization',
      'conflict-related sexual violence', 'CRSV',
    ],
    color: '#ed5aa3',
  },
  {
    id: 'other',
    label: 'Other violation',
    description: 'A violation of international humanitarian or human rights law that none of the other categories covers; say which in the note.',
    legalBasis: [],
    // Acts against defenders, journalists and their organisations that none of the other categories covers.
    cues: [
      'threatened', 'threats', 'death threat', 'death threats', 'threatening', 'harassed', 'harassment', 'harassing',
      'intimidated', 'intimidation', 'intimidating', 'raided', 'raid', 'raids', 'under surveillance', 'surveillance of', 'spied on', 'spying on', 'wiretapped',
      'smear campaign', 'smear campaigns', 'smeared', 'vilified', 'travel ban', 'travel bans', 'barred from leaving',
      'banned from travelling', 'banned from traveling', 'passport confiscated', 'confiscated his passport',
      'confiscated her passport', 'shut down', 'closed down', 'forced to close', 'closure of', 'deregistered', 'banned',
      'censored', 'censorship', 'assaulted', 'persecution', 'persecuted', 'crackdown', 'reprisals',
      'gag order', 'gag orders', 'summoned', 'for questioning', 'interrogated', 'fired on', 'opened fire', 'tear gas',
      'violent force', 'police brutality', 'silence critics', 'silencing', 'stifle',
      // Recruiting children into armed forces or groups (RS 8(2)(b)(xxvi), 8(2)(e)(vii)).
      'child soldiers', 'recruitment of children', 'recruiting children', 'recruited children', 'recruiting minors',
    ],
    color: '#868e96',
  },
];

export const DEFAULT_CATEGORIES: readonly Category[] = CATEGORIES.map((category) => ({ ...category, elements: (DEFAULT_ELEMENTS[category.id] ?? []).map((element) => ({ ...element })) }));
