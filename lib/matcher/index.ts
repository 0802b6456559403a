/** Backstory's dictionary matcher: compile once, find every known name in any text. */
export {
  compileMatcher,
  deserializeMatcher,
  serializeMatcher,
  transferables,
  type Matcher,
  type MatchHit,
  type SerializedMatcher,
} from './matcher';
export { decodeMatcher, encodeMatcher, type EncodedMatcher } from './encoded';
export { charTables, normalizeAlias } from './char-classes';
