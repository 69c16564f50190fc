/**
 * The words around a cue that decide whether a sentence reports a violation. General English
 * and legal-drafting words, not lists tuned to a corpus. See detect.ts for how they are used
 * and docs/claims.md for the policy.
 */

/** Words that make a sentence a report or an allegation (they raise confidence; none is required). */
export const REPORTING_WORDS = new Set([
  'reported', 'reports', 'report', 'reporting', 'reportedly', 'documented', 'documenting', 'alleged', 'allegedly',
  'allegation', 'allegations', 'alleges', 'allege', 'testimony', 'testimonies', 'testified', 'testify', 'witness',
  'witnesses', 'witnessed', 'eyewitness', 'eyewitnesses', 'said', 'says', 'told', 'stated', 'claimed', 'claims',
  'accused', 'accuses', 'accusing', 'confirmed', 'confirms', 'recounted', 'described', 'describes', 'recorded',
  'verified', 'denounced', 'condemned', 'condemns', 'revealed', 'interviewed', 'survivor', 'survivors', 'relatives',
  'lawyer', 'lawyers', 'activists', 'monitors', 'evidence', 'according',
]);

/** Multi-word reporting phrases, as word pairs. */
export const REPORTING_PAIRS = new Set(['according to', 'found that', 'testimonies show', 'evidence shows', 'sources said']);

/** Negations whose scope reaches a cue a few words later, in the same clause. */
export const NEGATIONS = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'without', 'cannot', 'wasn', 'weren', 'didn',
  'doesn', 'don', 'isn', 'aren', 'hasn', 'haven', 'hadn', 'couldn', 'wouldn', 'shouldn', 'unfounded', 'denied', 'denies',
  'deny', 'denying', 'refuted', 'rejected',
]);

/** "not only", "no fewer than": the next word cancels the negation. */
export const NEGATION_CANCELLED_BY = new Set(['only', 'fewer', 'less', 'least', 'longer', 'doubt', 'just', 'more', 'sooner', 'matter']);

/** "denied" negates only as a denial ("denied that", "denied having"), not as "denied medical care". */
export const DENIALS = new Set(['denied', 'denies', 'deny', 'denying', 'refuted', 'rejected']);
export const DENIAL_FOLLOWERS = new Set(['that', 'having', 'any', 'all', 'reports', 'allegations', 'claims', 'the']);

/** Conditionals and modals: the cue is a possibility, a risk or a legal qualification, not a reported event. */
export const HYPOTHETICALS = new Set([
  'would', 'could', 'might', 'may', 'if', 'whether', 'unless', 'risk', 'risks', 'fear', 'fears', 'feared', 'possible',
  'possibly', 'potential', 'potentially', 'threat', 'threats', 'threaten', 'threatens', 'threatened', 'threatening', 'likely',
  'prevent', 'preventing', 'avoid', 'should', 'intend', 'intends', 'planned', 'plan', 'plans', 'attempted', 'attempt', 'tried',
  // The future and a wish are not reports: "will be transferred for prosecution", "wants to prosecute the men".
  'will', 'want', 'wants',
]);

/** Words just before a cue that make it the name of a norm or a crime, not an event ("the prohibition of torture"). */
export const CONCEPT_MARKERS = new Set([
  'prohibition', 'prohibitions', 'prohibit', 'prohibits', 'prohibiting', 'prevention', 'definition', 'defined',
  'crime', 'crimes', 'offence', 'offences', 'offense', 'offenses', 'convention', 'rapporteur', 'committee', 'freedom',
  'free', 'eradicate', 'eradication', 'abolition', 'abolish', 'ban', 'banning', 'criminalize', 'criminalise',
  'criminalizing', 'criminalising', 'punish', 'punishing', 'combat', 'combating', 'combatting', 'protection', 'protect',
  'protected', 'day', 'law', 'laws',
]);

/**
 * Words a hyphen may join before a cue that still report the act itself ("re-arrested"). Any other
 * word so joined makes the cue part of a compound that names something else: a measure against
 * the act ("anti-kidnapping squad", "counter-terrorism"), a quality ("life-threatening injury"), a
 * habit ("self-censorship").
 */
export const REPORTING_PREFIXES = new Set(['re']);

/** Words just after a cue that make it a norm ("torture is prohibited"). */
export const CONCEPT_FOLLOWERS = new Set(['prohibited', 'forbidden', 'banned', 'illegal', 'unlawful', 'punishable', 'justified', 'justify', 'justifies']);

/** Words and phrases of treaty drafting: a sentence with one states the law, not an event. */
export const NORMATIVE_WORDS = new Set(['shall']);
export const NORMATIVE_PAIRS = new Set([
  'contracting parties', 'contracting party', 'detaining power', 'detaining powers', 'occupying power', 'states parties',
  'state party', 'this statute', 'present convention', 'this convention', 'this article', 'present article',
  'this protocol', 'present protocol', 'must not', 'may not',
]);

/** Words that end a negation's or a condition's scope: a new clause starts after them. */
export const CLAUSE_BREAKS = new Set(['but', 'and', 'while', 'whereas', 'although', 'though', 'however', 'after', 'before', 'when', 'because', 'who', 'which', 'where', 'then', 'yet', 'since', 'until']);

/** Auxiliaries and irregular past forms that show a reported event ("was", "were", "shot"). */
export const EVENT_WORDS = new Set([
  'was', 'were', 'been', 'being', 'had', 'got', 'gotten', 'said', 'told', 'took', 'taken', 'held', 'kept', 'shot', 'died',
  'fled', 'went', 'gone', 'saw', 'seen', 'found', 'left', 'beat', 'beaten', 'brought', 'caught', 'sent', 'made', 'gave',
  'given', 'began', 'came', 'ran', 'fell', 'stood', 'threw', 'thrown', 'hit', 'put', 'drove', 'driven', 'stole', 'stolen',
  'led', 'lost', 'met', 'paid', 'spent', 'struck', 'slain', 'stabbed', 'remain', 'remains', 'remained', 'continue',
  'continues', 'continued',
]);

/** Words ending in -ed that are not past forms of an event. */
export const NOT_EVENT_ED = new Set(['need', 'indeed', 'united', 'red', 'bed', 'speed', 'seed', 'feed', 'breed', 'creed', 'greed', 'steed', 'naked', 'sacred', 'wicked', 'hundred', 'kindred', 'concerned', 'so-called', 'called', 'based', 'related', 'armed', 'entitled']);

/**
 * Categories of the justice process: an arrest or a trial is a violation of the person held or
 * tried, but not when it is the arrest or trial of the perpetrators of another violation
 * ("police arrested three suspects", "two men were convicted of the murder"): that is the State
 * investigating, and the sentence's claim is the other violation.
 */
export const PROCESS_CATEGORIES = new Set(['arbitrary-detention', 'unlawful-prosecution']);

/** Words naming the perpetrators of a violation: an arrest or trial of them is not a violation. */
export const PERPETRATOR_WORDS = new Set([
  'suspect', 'suspects', 'perpetrator', 'perpetrators', 'culprit', 'culprits', 'assailant', 'assailants', 'attacker',
  'attackers', 'gunman', 'gunmen', 'killer', 'killers', 'murderer', 'murderers', 'kidnapper', 'kidnappers', 'abductor',
  'abductors', 'rapist', 'rapists', 'torturer', 'torturers', 'offender', 'offenders', 'criminals', 'traffickers',
  'smugglers', 'robbers', 'bandits',
]);

/** Set phrases where a cue word means something else ("cardiac arrest"), or nothing has happened yet ("arrest warrant"). */
export const MASKING_PHRASES = ['cardiac arrest', 'respiratory arrest', 'arrest warrant', 'arrest warrants', 'warrant for his arrest', 'warrant for her arrest', 'warrant for their arrest', 'killing time', 'kill switch', 'hunger strike', 'hunger strikes', 'hunger striker', 'hunger strikers'];

/** "convicted of the murder", "arrested for the killing", "charged with kidnapping": the act is the charge. */
export const CHARGE_LINKS = new Set(['of', 'for', 'with', 'over']);

/**
 * Categories whose violation is a withholding: "the ICRC never visited", "he received no medical
 * care", "no contact with his family" report the violation by a negation, so a negation does not
 * lower the confidence of their cues.
 */
export const WITHHOLDING_CATEGORIES = new Set(['denial-of-icrc-access', 'denial-of-medical-care', 'incommunicado-detention', 'denial-of-pow-status']);

/**
 * Words between a charge link and the act charged that keep the act the charge: determiners,
 * possessives and the qualifiers of a criminal charge ("charged with first-degree kidnapping",
 * "arrested for the alleged murder", "convicted of attempted murder").
 */
export const CHARGE_QUALIFIERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 's', 'alleged', 'allegedly', 'suspected', 'attempted', 'aggravated',
  'first', 'second', 'third', 'degree', 'double', 'triple', 'multiple',
]);

/** Nouns of a criminal proceeding: an act just before one is what the proceeding is about ("the murder case", "kidnapping charges"). */
export const PROCEEDING_NOUNS = new Set([
  'case', 'cases', 'charge', 'charges', 'trial', 'trials', 'verdict', 'indictment', 'investigation', 'inquiry', 'probe',
]);

/**
 * Graver categories and the lesser ones whose elements they contain: torture is ill-treatment
 * of the gravest kind (CAT art. 1 and 16); an enforced disappearance and a hostage-taking are each
 * a deprivation of liberty with a further element (ICPPED art. 2; GC IV art. 34). When a sentence
 * suggests both, the graver, more specific one comes first.
 */
export const INCLUDED_CATEGORIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['torture', ['ill-treatment']],
  ['enforced-disappearance', ['arbitrary-detention']],
  ['hostage-taking', ['arbitrary-detention']],
]);

/**
 * Words that open a subordinate clause (relative, temporal, causal, concessive): a cue after one,
 * in the same clause, reports the background of the sentence, not its main event ("... was
 * charged, as protesters rallied against a crackdown that killed 18"). "that" right after a
 * reporting word or a verb of saying or finding opens the reported content instead ("said that he
 * was tortured", "concludes that they were tortured").
 */
export const SUBORDINATORS = new Set([
  'who', 'whom', 'whose', 'which', 'that', 'after', 'since', 'because', 'when', 'whenever', 'while', 'whereas', 'although',
  'though', 'following', 'before', 'until', 'unless',
]);

/**
 * A trial's category and the category of the deprivation of liberty it imposes or rests on: in
 * "sentenced to five years in prison" the penalty frames the trial that decided it; in
 * "imprisoned on fabricated charges" the charges frame the detention (rank.ts).
 */
export const PENALTY_FRAME = { process: 'unlawful-prosecution', penalty: 'arbitrary-detention' } as const;

/**
 * Verbs of saying, finding and knowing: a "that" after one (or after a reporting word) opens the
 * reported content, the claim itself ("the mission concludes that prisoners were tortured"), not a
 * relative clause ("a crackdown that killed 18").
 */
export const THAT_COMPLEMENT_VERBS = new Set([
  'conclude', 'concludes', 'concluded', 'find', 'finds', 'show', 'shows', 'showed', 'shown', 'indicate', 'indicates',
  'indicated', 'suggest', 'suggests', 'suggested', 'believe', 'believes', 'believed', 'know', 'knows', 'knew', 'known',
  'learn', 'learned', 'learnt', 'note', 'notes', 'noted', 'add', 'adds', 'added', 'explain', 'explains', 'explained',
  'insist', 'insists', 'insisted', 'admit', 'admits', 'admitted', 'acknowledge', 'acknowledges', 'acknowledged',
  'announce', 'announces', 'announced', 'argue', 'argues', 'argued', 'stress', 'stresses', 'stressed', 'warn', 'warns',
  'warned', 'establish', 'establishes', 'established', 'determine', 'determines', 'determined', 'assert', 'asserts',
  'asserted', 'maintain', 'maintains', 'maintained', 'say', 'state', 'states', 'tell', 'tells', 'report', 'write', 'writes',
  'wrote', 'written', 'recall', 'recalls', 'recalled', 'complain', 'complains', 'complained', 'deny', 'denies', 'denied',
]);

/** Lower-case words inside a capitalised name ("Association for Political Prisoners", "Committee against Torture"). */
export const NAME_LINKS = new Set(['of', 'for', 'against', 'on', 'the', 'and', 'in', 'to', 'de', 'del', 'la', 'des', 'du']);

/**
 * What a call asks for: a release, an investigation, accountability. "called for the release of
 * the arrested journalists", "urged the authorities to investigate the killing": the act inside
 * the call is not reported by it (a sentence that reports it says so in a clause of its own).
 */
export const CALL_OBJECTS = new Set([
  'release', 'releasing', 'free', 'freeing', 'investigation', 'investigations', 'investigate', 'investigating', 'inquiry',
  'inquiries', 'probe', 'accountability', 'accountable', 'justice', 'prosecute', 'prosecuting', 'punish', 'punishment',
]);

/** Words of a call, demand or appeal, a few words before what it asks for ("called on the authorities to release"). */
export const CALL_WORDS = new Set([
  'call', 'calls', 'called', 'calling', 'demand', 'demands', 'demanded', 'demanding', 'urge', 'urges', 'urged', 'urging',
  'appeal', 'appeals', 'appealed', 'appealing', 'press', 'pressed', 'pressing', 'push', 'pushed', 'pushing', 'need',
  'needs', 'want', 'wants', 'wanted', 'seek', 'seeks', 'sought', 'seeking', 'ask', 'asks', 'asked', 'asking', 'request',
  'requested', 'requests', 'ensure', 'ensuring',
]);

/** How many words may stand between a call word and what it asks for ("urged the Nigerian authorities to release"). */
export const CALL_REACH = 5;

/**
 * A release or an acquittal: "the court ordered the release of the detained activists", "released
 * from detention", "the kidnapped girls have since been freed". The sentence reports the end of
 * the act, which an earlier sentence reported; it is not a report of the act itself.
 */
export const RELEASE_WORDS = new Set([
  'release', 'released', 'releases', 'releasing', 'freed', 'acquitted', 'acquittal', 'acquittals', 'acquit', 'exonerated',
]);

/**
 * An acquittal said with "guilty": "found the journalists not guilty", "was not found guilty", "a
 * not guilty verdict". The word after the negation, when there is one ("not found guilty"), and the
 * words of a plea, which is no acquittal ("pleaded not guilty", "a plea of not guilty").
 */
export const GUILTY = 'guilty';
export const ACQUITTAL_NEGATIONS = new Set(['not', 'never', 'wasn', 'weren', 'isn', 'aren', 'hasn', 'haven', 'hadn']);
export const GUILTY_FINDINGS = new Set(['found', 'proven', 'proved', 'declared', 'held', 'judged']);
export const PLEA_WORDS = new Set(['plead', 'pleads', 'pleaded', 'pleading', 'pled', 'plea', 'pleas']);

/** Words before an attributive participle ("the 27 recently kidnapped students", "the arrested persons"). */
export const DETERMINERS = new Set(['the', 'these', 'those', 'all', 'both', 'his', 'her', 'their', 'our', 'its', 'some', 'several', 'many', 'other']);

/** The perpetrators named by a phrase of two words: "the prosecution of those responsible". */
export const PERPETRATOR_PAIRS = new Set(['those responsible', 'persons responsible', 'people responsible', 'individuals responsible']);

/** The category of a violation none of the others covers: suggested after any other the sentence suggests. */
export const FALLBACK_CATEGORY = 'other';

/** Words of a practice, habit or repetition: "police routinely beat detainees", "rampant killings", "arrested again". */
export const HABITUAL_WORDS = new Set([
  'routinely', 'routine', 'systematically', 'systematic', 'regularly', 'repeatedly', 'habitually', 'frequently', 'often',
  'continually', 'constantly', 'persistently', 'increasingly', 'widespread', 'rampant', 'common', 'commonplace', 'practice',
  'practices', 'pattern', 'again', 'ongoing',
]);

/** Present auxiliaries of an act in progress ("are subjecting", "is standing trial"). */
export const PRESENT_AUXILIARIES = new Set(['is', 'are', 'am']);

/**
 * Proceedings a sentence may name as a purpose: "transferred to Iraq for prosecution", "extradited
 * for trial", "evidence to be used for a death penalty prosecution". What is sought has not
 * happened: a purpose is a possibility, not a report.
 */
export const PURPOSE_PROCEEDINGS = new Set(['prosecution', 'prosecutions', 'trial', 'trials']);

/** How many words may stand between "for" and the proceeding it names ("for a death penalty prosecution"). */
export const PURPOSE_REACH = 3;
