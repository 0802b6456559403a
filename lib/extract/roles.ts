/**
 * Roles as a source states them: a title written before a name ("Russian Foreign Minister
 * Sergei Lavrov", "the Kremlin's special envoy to Afghanistan, Zamir Kabulov") or an appositive
 * after it ("Abdullah Abdullah, chairman of the supreme council of national reconciliation").
 * The evidence is the verbatim span from the start of the title to the end of the name.
 */
import type { EntityType } from '../dataset/types';
import type { MentionSpan } from './mentions';

/** A role found next to a mention. */
export interface FoundRole {
  entityId: string;
  title: string;
  evidence: string;
  start: number;
  end: number;
}

const PERSON_ROLES = new Set(('minister president ambassador spokesman spokeswoman spokesperson envoy chairman chairwoman chair counterpart leader head chief diplomat official correspondent reporter secretary premier director founder commander general king queen prince deputy adviser advisor mayor governor senator representative emissary negotiator ayatollah mullah emir prosecutor judge analyst expert editor journalist professor executive officer member speaker ruler cleric').split(' '));
const ORG_ROLES = new Set(('network channel broadcaster agency newspaper outlet party movement group alliance bloc militia organisation organization council body bank company').split(' '));
const MODIFIERS = new Set(('former acting special deputy senior top interim foreign vice prime state-run state-owned then new current first chief ex').split(' '));
const CONNECTORS = new Set(['of', 'to', 'for', 'the']);
const LEADING_TRIM = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'of', 'to', 'for']);
const STOP_CAPS = new Set(('In On At By For From With As After Before During Since When While Though Although But And Meanwhile Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An').split(' '));
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

const bare = (w: string) => w.replace(/['’]s$/u, '').toLowerCase();
const isCap = (w: string) => /^\p{Lu}/u.test(w) || /^\p{Ll}+-\p{Lu}/u.test(w);

function isRoleNoun(w: string, type: EntityType): boolean {
  const b = bare(w).replace(/s$/u, '');
  return (type === 'person' ? PERSON_ROLES : ORG_ROLES).has(b) || (type === 'person' ? PERSON_ROLES : ORG_ROLES).has(bare(w));
}

/**
 * The title written right before a mention, if any: returns where the title starts and its text.
 * `floor` is the earliest offset to look at (the sentence start); `isName(offset)` tells where
 * another person's name sits, since a title never runs across one.
 */
export function titleBefore(
  text: string,
  mentionStart: number,
  floor: number,
  type: EntityType,
  isName: (offset: number) => boolean = () => false,
): { start: number; title: string } | null {
  // A bracketed first name inserted by the editor ("[Gulbuddin] Hekmatyar") belongs to the name.
  let nameStart = mentionStart;
  const bracket = /\[[^\]\n]{1,40}\]\s*$/u.exec(text.slice(Math.max(floor, mentionStart - 45), mentionStart));
  if (bracket) nameStart = mentionStart - bracket[0].length;
  let gap = text.slice(floor, nameStart);
  let appositive = false;
  if (/,\s*$/u.test(gap)) {
    appositive = true;
    gap = gap.replace(/,\s*$/u, '');
  } else if (!/\s$/u.test(gap)) return null;
  const toks = tokens(text, floor, floor + gap.length);
  let i = toks.length - 1;
  // Only white space (or the appositive comma) may separate consecutive tokens.
  let first = -1;
  for (; i >= 0; i--) {
    const t = toks[i]!;
    const nextStart = i === toks.length - 1 ? floor + gap.length : toks[i + 1]!.start;
    if (!/^\s*$/u.test(text.slice(t.end, nextStart))) break;
    const lower = t.text.toLowerCase();
    if (STOP_CAPS.has(t.text) || isName(t.start)) break;
    if (isRoleNoun(t.text, type) || MODIFIERS.has(lower) || CONNECTORS.has(lower) || DETERMINERS.has(lower) || isCap(t.text)) {
      first = i;
      continue;
    }
    break;
  }
  if (first < 0) return null;
  let from = first;
  while (from < toks.length && LEADING_TRIM.has(toks[from]!.text.toLowerCase())) from++;
  const kept = toks.slice(from);
  if (!kept.some((t) => isRoleNoun(t.text, type))) return null;
  // An appositive title ends with its role noun or that noun's complement ("envoy to Afghanistan").
  if (appositive && !kept.some((t) => isRoleNoun(t.text, type))) return null;
  const evidenceStart = toks[first]!.start;
  return { start: evidenceStart, title: text.slice(kept[0]!.start, kept[kept.length - 1]!.end) };
}

/** The appositive after a mention: "Abdullah Abdullah, chairman of the ... reconciliation". */
function titleAfter(text: string, mentionEnd: number, ceiling: number, type: EntityType): { end: number; title: string } | null {
  const m = /^,\s+((?:(?:the|a|an|former|acting|then)\s+)?[\p{L}'’ -]{3,120}?)(?=[,.;:)]|\s+(?:who|which|said|says|on|in\s+\p{Lu}))/u.exec(text.slice(mentionEnd, ceiling));
  if (!m) return null;
  const phrase = m[1]!;
  const toks = tokens(phrase, 0, phrase.length);
  if (toks.length > 12) return null;
  let i = 0;
  while (i < toks.length && (LEADING_TRIM.has(toks[i]!.text.toLowerCase()) || MODIFIERS.has(toks[i]!.text.toLowerCase()))) i++;
  // The head noun comes first ("chairman of ..."); a clause ("on Thursday") is not a title.
  if (i >= toks.length || !toks.slice(i, i + 3).some((t) => isRoleNoun(t.text, type))) return null;
  const titleStart = toks[DETERMINERS.has(toks[0]!.text.toLowerCase()) ? 1 : 0]!.start;
  const offset = mentionEnd + m[0].length - phrase.length;
  return { end: offset + phrase.length, title: phrase.slice(titleStart).trim() };
}

/** Finds roles next to person and organization mentions, one per (entity, title) in page order. */
export function findRoles(
  text: string,
  mentions: readonly MentionSpan[],
  sentenceOf: (offset: number) => { start: number; end: number } | undefined,
  typeOf: (entityId: string) => EntityType | undefined,
): FoundRole[] {
  const out: FoundRole[] = [];
  const seen = new Set<string>();
  const people = mentions.filter((m) => typeOf(m.entityId) === 'person');
  const isPersonAt = (offset: number) => people.some((p) => offset >= p.start && offset < p.end);
  for (const m of mentions) {
    const type = typeOf(m.entityId);
    if (type !== 'person' && type !== 'organization') continue;
    const sentence = sentenceOf(m.start);
    if (!sentence) continue;
    const candidates: FoundRole[] = [];
    const before = titleBefore(text, m.start, sentence.start, type, isPersonAt);
    if (before) candidates.push({ entityId: m.entityId, title: before.title, evidence: text.slice(before.start, m.end), start: before.start, end: m.end });
    const after = titleAfter(text, m.end, sentence.end, type);
    if (after) candidates.push({ entityId: m.entityId, title: after.title, evidence: text.slice(m.start, after.end), start: m.start, end: after.end });
    for (const c of candidates) {
      const key = `${c.entityId}\u0000${c.title.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}
