/**
 * Words that introduce reported speech, and pronouns that can stand for a speaker. Kept apart
 * from the quote rules so the lexicon can grow without touching them.
 */

/** Verbs (and verb phrases) of saying, in the forms news English uses around quotes. */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding',
  'stressed', 'stresses', 'stressing', 'noted', 'noting', 'explained', 'explains', 'explaining',
  'declared', 'declares', 'insisted', 'insists', 'insisting', 'warned', 'warns', 'warning',
  'argued', 'argues', 'arguing', 'asked', 'replied', 'wrote', 'writes', 'claimed', 'announced',
  'stated', 'remarked', 'emphasized', 'emphasised', 'emphasizing', 'emphasising', 'underlined',
  'underscored', 'acknowledged', 'admitted', 'suggested', 'recalled', 'continued', 'commented',
  'observed', 'reiterated', 'confirmed', 'promised', 'vowed', 'urged', 'assured', 'pointed out',
  'pointing out', 'points out', 'according to', 'went on', 'quoted as saying',
];

/** Matches a speech verb as a whole word (longest forms first). */
export const SPEECH_VERB = new RegExp(
  `(?<![\\p{L}-])(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).map((v) => v.replace(/ /gu, '\\s+')).join('|')})(?![\\p{L}-])`,
  'giu',
);

/** Personal pronouns that can be the subject of a speech verb. */
export const SUBJECT_PRONOUN = /(?<![\p{L}-])(he|she|they)(?![\p{L}-])/giu;

/** Words before a quotation that make it a name or a scare quote, not someone's words. */
export const NAMING_CUE = /(?<![\p{L}-])(?:so-called|so called|dubbed|termed|known as|called|nicknamed|labell?ed|branded|the (?:word|term|phrase|slogan))\s*(?:(?:an?|the)\s+)?$/iu;

/** Whether a pronoun can refer to one person (he/she) or not (they). */
export function isSingularPersonPronoun(word: string): boolean {
  return /^(he|she)$/iu.test(word);
}
