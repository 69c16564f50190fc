/**
 * The legal elements of the default categories the ICC Elements of Crimes (EoC) covers, in our
 * own words: what the evidence of an incident must establish for the conduct to be that crime.
 * Each element names its article of the EoC and its number there. Where a category has a basis
 * in both art. 8 (war crime) and art. 7 (crime against humanity) and an element is the same in
 * both (the act itself), it is listed once with both numbers; the elements proper to one of them
 * follow, the war crime's first, then the crime against humanity's with its two contextual
 * elements (the widespread or systematic attack on a civilian population, and knowledge of it).
 *
 * Element ids start with a short form of their category so that one id names one element in
 * the whole default taxonomy; a workspace may give two categories an element with the same id.
 * Categories without an EoC basis (denial of POW status, detention conditions, medical care,
 * incommunicado detention, ICRC access, forced labour, other) have no elements by default.
 */
import type { CrimeElement } from './taxonomy';

const EOC = 'EoC art.';

function at(article: string, number: number): string {
  return `${EOC} ${article}, element ${number}`;
}

/** One element that two crimes share: `EoC art. 8(2)(a)(i), element 1; art. 7(1)(a), element 1`. */
function atBoth(first: [string, number], second: [string, number]): string {
  return `${at(...first)}; art. ${second[0]}, element ${second[1]}`;
}

/**
 * The last four elements of every grave breach (art. 8(2)(a)): a victim protected by the Geneva
 * Conventions, the perpetrator's awareness of that status, the nexus with an international armed
 * conflict, and awareness of the conflict. `first` is the number of the first of them.
 */
function graveBreachContext(prefix: string, article: string, first: number): CrimeElement[] {
  return [
    { id: `${prefix}-protected-person`, label: 'The victims were protected by one or more of the Geneva Conventions of 1949 (e.g. prisoners of war, civilians in occupied territory)', basis: at(article, first) },
    { id: `${prefix}-status-known`, label: 'The perpetrator was aware of the facts that gave the victims that protected status', basis: at(article, first + 1) },
    ...armedConflictContext(prefix, article, first + 2),
  ];
}

/** The two elements closing every war crime of art. 8(2)(a) and (b): the conflict and awareness of it. */
function armedConflictContext(prefix: string, article: string, first: number): CrimeElement[] {
  return [
    { id: `${prefix}-conflict-nexus`, label: 'The conduct took place in the context of, and was associated with, an international armed conflict', basis: at(article, first) },
    { id: `${prefix}-conflict-known`, label: 'The perpetrator was aware of the facts that established the existence of an armed conflict', basis: at(article, first + 1) },
  ];
}

/** The two contextual elements closing every crime against humanity (art. 7). */
function crimeAgainstHumanityContext(prefix: string, article: string, first: number): CrimeElement[] {
  return [
    { id: `${prefix}-cah-attack`, label: 'The conduct was part of a widespread or systematic attack directed against a civilian population', basis: at(article, first) },
    { id: `${prefix}-cah-knowledge`, label: 'The perpetrator knew the conduct was part of such an attack, or meant it to be', basis: at(article, first + 1) },
  ];
}

export const DEFAULT_ELEMENTS: Readonly<Record<string, readonly CrimeElement[]>> = {
  'wilful-killing': [
    { id: 'killing-death', label: 'The perpetrator killed (caused the death of) one or more persons', basis: atBoth(['8(2)(a)(i)', 1], ['7(1)(a)', 1]) },
    ...graveBreachContext('killing', '8(2)(a)(i)', 2),
    ...crimeAgainstHumanityContext('killing', '7(1)(a)', 2),
  ],
  torture: [
    { id: 'torture-severe-pain', label: 'The perpetrator inflicted severe physical or mental pain or suffering on one or more persons', basis: atBoth(['8(2)(a)(ii)-1', 1], ['7(1)(f)', 1]) },
    { id: 'torture-purpose', label: 'The pain or suffering was inflicted for a purpose such as obtaining information or a confession, punishment, intimidation or coercion, or for a discriminatory reason', basis: at('8(2)(a)(ii)-1', 2) },
    ...graveBreachContext('torture', '8(2)(a)(ii)-1', 3),
    { id: 'torture-custody', label: 'The victims were in the custody or under the control of the perpetrator', basis: at('7(1)(f)', 2) },
    { id: 'torture-not-lawful-sanction', label: 'The pain or suffering did not arise only from, and was not inherent in or incidental to, lawful sanctions', basis: at('7(1)(f)', 3) },
    ...crimeAgainstHumanityContext('torture', '7(1)(f)', 4),
  ],
  'ill-treatment': [
    { id: 'dignity-outraged', label: 'The perpetrator humiliated, degraded or otherwise violated the dignity of one or more persons', basis: at('8(2)(b)(xxi)', 1) },
    { id: 'dignity-severity', label: 'The humiliation, degradation or violation was severe enough to be generally recognised as an outrage upon personal dignity', basis: at('8(2)(b)(xxi)', 2) },
    ...armedConflictContext('dignity', '8(2)(b)(xxi)', 3),
  ],
  'unlawful-prosecution': [
    { id: 'fair-trial-denied', label: 'The perpetrator deprived one or more persons of a fair and regular trial by denying them judicial guarantees of the Third or Fourth Geneva Convention', basis: at('8(2)(a)(vi)', 1) },
    ...graveBreachContext('fair-trial', '8(2)(a)(vi)', 2),
  ],
  'compelled-service': [
    { id: 'service-coerced', label: 'The perpetrator coerced one or more persons, by act or threat, to take part in military operations against their own country or forces, or otherwise to serve in the forces of a hostile power', basis: at('8(2)(a)(v)', 1) },
    ...graveBreachContext('service', '8(2)(a)(v)', 2),
  ],
  'arbitrary-detention': [
    { id: 'confinement', label: 'The perpetrator confined, or kept confined, one or more persons to a certain location', basis: at('8(2)(a)(vii)-2', 1) },
    ...graveBreachContext('confinement', '8(2)(a)(vii)-2', 2),
    { id: 'imprisonment', label: 'The perpetrator imprisoned one or more persons or otherwise severely deprived them of physical liberty', basis: at('7(1)(e)', 1) },
    { id: 'imprisonment-gravity', label: 'The deprivation of liberty was grave enough to violate fundamental rules of international law', basis: at('7(1)(e)', 2) },
    { id: 'imprisonment-gravity-known', label: 'The perpetrator was aware of the facts that established that gravity', basis: at('7(1)(e)', 3) },
    ...crimeAgainstHumanityContext('imprisonment', '7(1)(e)', 4),
  ],
  'enforced-disappearance': [
    { id: 'disappearance-deprivation', label: 'The perpetrator arrested, detained or abducted one or more persons, or refused to acknowledge it or to give information on their fate or whereabouts', basis: at('7(1)(i)', 1) },
    { id: 'disappearance-refusal', label: 'The deprivation of liberty was followed or accompanied by a refusal to acknowledge it or to give information on the persons\' fate or whereabouts (or the refusal was preceded or accompanied by it)', basis: at('7(1)(i)', 2) },
    { id: 'disappearance-awareness', label: 'The perpetrator was aware that the deprivation of liberty would be followed by such a refusal in the ordinary course of events (or that the refusal was preceded or accompanied by it)', basis: at('7(1)(i)', 3) },
    { id: 'disappearance-state-deprivation', label: 'The arrest, detention or abduction was carried out by, or with the authorisation, support or acquiescence of, a State or a political organisation', basis: at('7(1)(i)', 4) },
    { id: 'disappearance-state-refusal', label: 'The refusal was likewise carried out by, or with the authorisation or support of, that State or political organisation', basis: at('7(1)(i)', 5) },
    { id: 'disappearance-intent', label: 'The perpetrator intended to remove the persons from the protection of the law for a prolonged period of time', basis: at('7(1)(i)', 6) },
    ...crimeAgainstHumanityContext('disappearance', '7(1)(i)', 7),
  ],
  'hostage-taking': [
    { id: 'hostage-seized', label: 'The perpetrator seized, detained or otherwise held hostage one or more persons', basis: at('8(2)(a)(viii)', 1) },
    { id: 'hostage-threat', label: 'The perpetrator threatened to kill, injure or keep detaining them', basis: at('8(2)(a)(viii)', 2) },
    { id: 'hostage-compulsion', label: 'The perpetrator meant to compel a State, an international organisation, a person or a group to act or refrain from acting as a condition of the hostages\' safety or release', basis: at('8(2)(a)(viii)', 3) },
    ...graveBreachContext('hostage', '8(2)(a)(viii)', 4),
  ],
  deportation: [
    { id: 'deportation-removed', label: 'The perpetrator deported or transferred one or more persons to another State or another location', basis: atBoth(['8(2)(a)(vii)-1', 1], ['7(1)(d)', 1]) },
    ...graveBreachContext('deportation', '8(2)(a)(vii)-1', 2),
    { id: 'deportation-coercion', label: 'The removal was forced (expulsion or other coercive acts) and without grounds international law permits', basis: `${at('7(1)(d)', 1)} (the manner of the removal)` },
    { id: 'deportation-lawfully-present', label: 'The persons were lawfully present in the area they were removed from', basis: at('7(1)(d)', 2) },
    { id: 'deportation-lawfulness-known', label: 'The perpetrator was aware of the facts that established the lawfulness of their presence', basis: at('7(1)(d)', 3) },
    ...crimeAgainstHumanityContext('deportation', '7(1)(d)', 4),
    { id: 'children-transferred', label: 'Genocide: the perpetrator forcibly transferred one or more persons under the age of 18 from their national, ethnical, racial or religious group to another group', basis: `${EOC} 6(e), elements 1, 2, 4 and 5` },
    { id: 'children-age-known', label: 'Genocide: the perpetrator knew, or should have known, that the persons were under 18', basis: at('6(e)', 6) },
    { id: 'children-genocidal-intent', label: 'Genocide: the perpetrator intended to destroy that group, in whole or in part, as such', basis: at('6(e)', 3) },
    { id: 'children-pattern', label: 'Genocide: the conduct took place in a manifest pattern of similar conduct against the group, or could itself destroy it', basis: at('6(e)', 7) },
  ],
  'sexual-violence': [
    { id: 'rape-invasion', label: 'The perpetrator invaded the body of a person by conduct resulting in penetration, however slight, of any part of the body with a sexual organ, or of the anal or genital opening with an object or any other part of the body', basis: atBoth(['8(2)(b)(xxii)-1', 1], ['7(1)(g)-1', 1]) },
    { id: 'rape-coercion', label: 'The invasion was committed by force, threat of force or coercion, by taking advantage of a coercive environment, or against a person incapable of giving genuine consent', basis: atBoth(['8(2)(b)(xxii)-1', 2], ['7(1)(g)-1', 2]) },
    ...armedConflictContext('rape', '8(2)(b)(xxii)-1', 3),
    ...crimeAgainstHumanityContext('rape', '7(1)(g)-1', 3),
  ],
};
