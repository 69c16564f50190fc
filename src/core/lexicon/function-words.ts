/**
 * Function words of the seven languages the lexicon covers: the short, frequent words
 * (articles, conjunctions, prepositions, auxiliaries) that tell a paragraph's language from a
 * handful of its words. Used only where a name needs evidence (ambiguous-names.ts), so the
 * lists favour words that separate close languages (Dutch "het", "een", "niet" against German
 * "das", "ein", "nicht"; Ukrainian "що", "та", "це" against Russian "что", "это").
 * A word shared by two languages ("die", "en", "в") counts for both.
 */
export type StateLanguage = 'en' | 'uk' | 'ru' | 'pl' | 'fr' | 'de' | 'nl';

export const FUNCTION_WORDS: Readonly<Record<StateLanguage, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'is', 'was', 'that', 'with', 'for', 'which', 'shall', 'be', 'by', 'are', 'have', 'has', 'this', 'from', 'or', 'not', 'it', 'on', 'been', 'were', 'their', 'such', 'any', 'who', 'an'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'zijn', 'voor', 'met', 'op', 'worden', 'wordt', 'die', 'deze', 'aan', 'bij', 'tot', 'ook', 'als', 'indien', 'of', 'te', 'door', 'om', 'naar', 'zal', 'zullen', 'hun', 'zij', 'er', 'geen', 'welke', 'dan'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'von', 'den', 'dem', 'des', 'zu', 'ein', 'eine', 'einer', 'eines', 'sich', 'auf', 'für', 'wird', 'werden', 'auch', 'als', 'bei', 'nach', 'oder', 'im', 'sind', 'wenn', 'kann', 'dass', 'wurde', 'wurden'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'que', 'qui', 'sur', 'par', 'pas', 'au', 'aux', 'sont', 'ne', 'ce', 'cette', 'il', 'elle', 'leur', 'ou', 'un', 'en', 'de'],
  pl: ['i', 'w', 'z', 'na', 'się', 'nie', 'do', 'że', 'jest', 'to', 'o', 'przez', 'od', 'oraz', 'jak', 'ich', 'dla', 'są', 'po', 'który', 'która', 'które', 'jego', 'ale', 'być', 'został', 'została'],
  uk: ['і', 'в', 'у', 'на', 'з', 'що', 'не', 'до', 'та', 'є', 'це', 'як', 'від', 'за', 'його', 'які', 'який', 'яка', 'для', 'також', 'або', 'чи', 'було', 'був', 'була', 'із', 'щодо'],
  ru: ['и', 'в', 'на', 'с', 'что', 'не', 'по', 'от', 'это', 'как', 'для', 'из', 'его', 'которые', 'который', 'которая', 'был', 'была', 'было', 'также', 'к', 'или', 'быть', 'до', 'за'],
};

export const FUNCTION_WORD_LANGUAGES = Object.keys(FUNCTION_WORDS) as StateLanguage[];
