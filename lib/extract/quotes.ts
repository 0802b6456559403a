/**
 * Direct quotations and who said them. Each quoted span is first classified:
 *
 * - a name or scare quote (after "so-called", a quoted dictionary name, or a short fragment with
 *   no speech around it) is not a quotation at all;
 * - a full quotation has its speaker named right after it ("...," said X / "...," X said),
 *   right before it (X said: "..."), or stands as its own sentence, taking its speaker from the
 *   paragraph (an earlier quote, a preceding "X said:" sentence, a following "X said." sentence)
 *   or, for a paragraph that is only a quote, from the previous paragraph's quote (continuation);
 * - a partial quotation sits inside reported speech (stressed it was "..."): its speaker is the
 *   subject of the speech verb.
 *
 * Pronouns ("he said") resolve to the most recent person named as a subject before the quote.
 * When no rule decides, the speaker is null: the code says it does not know rather than guess.
 */
import type { EntityType } from '../dataset/types';
import type { PlacedBlock } from './article';
import type { MentionSpan } from './mentions';
import { findQuotedSpans, type QuotedSpan } from './quoted-spans';
import { titleBefore } from './roles';
import type { SentenceSpan } from './sentences';
import { NAMING_CUE, SPEECH_VERB, SUBJECT_PRONOUN, isSingularPersonPronoun } from './speech';

/** A quotation with its attribution. */
export interface FoundQuote {
  /** Verbatim text between the marks. */
  text: string;
  start: number;
  end: number;
  speakerId: string | null;
  /** The speaker as written near the quote ("Lavrov", "he"), or null. */
  speaker: string | null;
  partial: boolean;
  /** Which rule found the speaker; null when none did. */
  attribution: Attribution | null;
}

/** The rules that can name a speaker. */
export type Attribution =
  | 'named-after'
  | 'named-before'
  | 'pronoun'
  | 'same-paragraph'
  | 'preceding-sentence'
  | 'following-sentence'
  | 'continuation'
  | 'reported-speech';

/** A quoted span that is not a quotation, and why. */
export interface IgnoredQuote {
  text: string;
  start: number;
  end: number;
  reason: 'so-called' | 'name' | 'fragment';
}

/** What the quote finder reads. */
export interface QuoteInput {
  text: string;
  blocks: readonly PlacedBlock[];
  sentences: readonly SentenceSpan[];
  mentions: readonly MentionSpan[];
  typeOf: (entityId: string) => EntityType | undefined;
}

interface Speaker {
  id: string | null;
  text: string;
  /** Offset of the speaker words, for pronoun resolution. */
  at: number;
}

/** Fragments this short, with no speech around them, are scare quotes or echoes. */
const FRAGMENT_MAX_WORDS = 4;
const CLAUSE_WORDS = 8;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

/** Finds quotations and their speakers in an article. */
export function findQuotes(input: QuoteInput): { quotes: FoundQuote[]; ignored: IgnoredQuote[] } {
  const { text, blocks, sentences, mentions, typeOf } = input;
  const spans = findQuotedSpans(text, blocks);
  const quotes: (FoundQuote & { span: QuotedSpan; block: number })[] = [];
  const ignored: IgnoredQuote[] = [];

  const sentenceAt = (offset: number) => sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences.find((s) => offset >= s.start && offset <= s.end);
  const blockAt = (offset: number) => blocks.findIndex((b) => offset >= b.start && offset <= b.end);
  const inQuote = (offset: number) => spans.some((q) => offset >= q.open && offset < q.close && !isIgnored(q));
  const ignoredSet = new Set<QuotedSpan>();
  const isIgnored = (q: QuotedSpan) => ignoredSet.has(q);

  const speakerType = (m: MentionSpan) => typeOf(m.entityId);
  const canSpeak = (m: MentionSpan) => {
    const t = speakerType(m);
    return t === 'person' || t === 'organization' || t === 'place';
  };
  const fromMention = (m: MentionSpan): Speaker => ({ id: m.entityId, text: m.text, at: m.start });

  /** The most recent person named as a subject before `offset`, outside quotations. */
  const resolvePronoun = (offset: number): MentionSpan | undefined => {
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > offset || speakerType(m) !== 'person' || inQuote(m.start)) continue;
      const sentence = sentenceAt(m.start);
      const titled = titleBefore(text, m.start, sentence?.start ?? 0, 'person');
      const from = titled?.start ?? m.start;
      const prevWord = /([\p{L}]+)[\s,]*$/u.exec(text.slice(Math.max(0, from - 30), from))?.[1]?.toLowerCase();
      // "talks with his counterpart X": X is an object, not a subject.
      if (prevWord && /^(with|to|by|of|for|from|against|at|about|and|his|her|met)$/u.test(prevWord)) continue;
      return m;
    }
    return undefined;
  };

  const pronounSpeaker = (word: string, at: number): Speaker => {
    if (!isSingularPersonPronoun(word)) return { id: null, text: word, at };
    const m = resolvePronoun(at);
    return { id: m?.entityId ?? null, text: word, at };
  };

  /**
   * The subject of a speech verb starting at `verbStart`, looking back to `floor`: the nearest
   * person or he/she, else the nearest organization, place or "they" (places inside titles and
   * objects, "on Russian state television", must not beat the person who spoke).
   */
  const subjectBefore = (verbStart: number, floor: number): Speaker | undefined => {
    const people: Speaker[] = [];
    const others: Speaker[] = [];
    for (const m of mentions) {
      if (m.start < floor || m.end > verbStart || !canSpeak(m) || inQuote(m.start)) continue;
      (speakerType(m) === 'person' ? people : others).push(fromMention(m));
    }
    const gap = text.slice(floor, verbStart);
    for (const p of gap.matchAll(SUBJECT_PRONOUN)) {
      const at = floor + p.index;
      if (inQuote(at)) continue;
      (isSingularPersonPronoun(p[0]) ? people : others).push(pronounSpeaker(p[0], at));
    }
    const nearest = (list: Speaker[]) => list.reduce<Speaker | undefined>((best, s) => (!best || s.at > best.at ? s : best), undefined);
    const best = nearest(people) ?? nearest(others);
    if (best) return best;
    const name = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})\s+(?:\p{Ll}+ly\s+)?$/u.exec(gap);
    return name ? { id: null, text: name[1]!, at: verbStart - name[0].length } : undefined;
  };

  /** The speaker named right after a speech verb ("said Russian Foreign Minister Sergei Lavrov"). */
  const subjectAfter = (verbEnd: number, ceiling: number): Speaker | undefined => {
    const window = /^[^.;:!?]{0,120}/u.exec(text.slice(verbEnd, ceiling))![0];
    const limit = verbEnd + window.length;
    const found = mentions.filter((m) => m.start >= verbEnd && m.end <= limit && canSpeak(m));
    // Titles precede names: a person beats the places inside the title ("Ambassador to Afghanistan").
    const person = found.find((m) => speakerType(m) === 'person');
    const first = person ?? found.find((m) => speakerType(m) === 'organization') ?? found[0];
    if (first && wordCount(text.slice(verbEnd, first.start)) <= CLAUSE_WORDS) return fromMention(first);
    const pronoun = /^\s+(he|she|they)\b/iu.exec(window);
    if (pronoun) return pronounSpeaker(pronoun[1]!, verbEnd + pronoun[0].length - pronoun[1]!.length);
    const name = /^\s+(?:[\p{Ll}'’-]+\s+){0,6}?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})/u.exec(window);
    return name ? { id: null, text: name[1]!, at: verbEnd + name[0].length - name[1]!.length } : undefined;
  };

  /** "...," X said / "...," said X: attribution right after the closing mark. */
  const namedAfter = (q: QuotedSpan, sentenceEnd: number): Speaker | undefined => {
    const rest = text.slice(q.close, sentenceEnd);
    SPEECH_VERB.lastIndex = 0;
    const verb = SPEECH_VERB.exec(rest);
    if (!verb) return undefined;
    const lead = rest.slice(0, verb.index);
    // The verb must belong to the attribution clause: a few words, no new clause in between.
    if (wordCount(lead) > 5 || /[.;:!?"“”]/u.test(lead) || (/,/u.test(lead) && !/^\s*,/u.test(lead))) return undefined;
    const verbStart = q.close + verb.index;
    const verbEnd = verbStart + verb[0].length;
    if (wordCount(lead) > 0) return subjectBefore(verbStart, q.close);
    return subjectAfter(verbEnd, sentenceEnd);
  };

  /**
   * X said: "..." / X said, "...": attribution right before the opening mark. A colon alone
   * also introduces a quotation ("Kabulov put it plainly: ..."): its speaker is the clause's subject.
   */
  const namedBefore = (q: QuotedSpan, sentenceStart: number): Speaker | undefined => {
    const lead = text.slice(sentenceStart, q.open);
    const m = /([\p{L} ]+?)\s*([,:])\s*$/u.exec(lead);
    if (!m) return undefined;
    let verb: RegExpExecArray | null = null;
    SPEECH_VERB.lastIndex = 0;
    for (let v = SPEECH_VERB.exec(lead); v; v = SPEECH_VERB.exec(lead)) verb = v;
    if (!verb || wordCount(lead.slice(verb.index + verb[0].length)) > 3) {
      return m[2] === ':' ? subjectBefore(sentenceStart + lead.length - m[0].length, sentenceStart) : undefined;
    }
    const verbStart = sentenceStart + verb.index;
    return subjectBefore(verbStart, sentenceStart) ?? subjectAfter(verbStart + verb[0].length, q.open);
  };

  /** A speech verb earlier in the sentence that frames the quote as reported speech. */
  const reportedSpeech = (q: QuotedSpan, sentenceStart: number): Speaker | undefined => {
    const lead = text.slice(sentenceStart, q.open);
    let verb: RegExpExecArray | null = null;
    SPEECH_VERB.lastIndex = 0;
    for (let v = SPEECH_VERB.exec(lead); v; v = SPEECH_VERB.exec(lead)) {
      if (!inQuote(sentenceStart + v.index)) verb = v;
    }
    if (!verb) return undefined;
    const verbStart = sentenceStart + verb.index;
    return subjectBefore(verbStart, sentenceStart) ?? subjectAfter(verbStart + verb[0].length, q.open);
  };

  /** A sentence that is only an attribution: "Lavrov said." / "He added:". */
  const attributionSentence = (s: SentenceSpan): Speaker | undefined => {
    const body = text.slice(s.start, s.end);
    if (/["“”]/u.test(body) || wordCount(body) > CLAUSE_WORDS) return undefined;
    SPEECH_VERB.lastIndex = 0;
    const verb = SPEECH_VERB.exec(body);
    if (!verb) return undefined;
    return subjectBefore(s.start + verb.index, s.start) ?? subjectAfter(s.start + verb.index + verb[0].length, s.end);
  };

  /** A sentence that introduces the next one's quotation: it ends with a colon ("He told state television:"). */
  const introduction = (s: SentenceSpan): Speaker | undefined => {
    const body = text.slice(s.start, s.end);
    if (!/:\s*$/u.test(body) || /["“”]/u.test(body)) return undefined;
    return namedBefore({ start: s.end, end: s.end, open: s.end, close: s.end, mark: 'double', unclosed: false }, s.start);
  };

  for (const q of spans) {
    const inner = text.slice(q.start, q.end);
    const sentence = sentenceAt(q.open);
    const endSentence = sentenceAt(Math.max(q.open, q.close - 1)) ?? sentence;
    const block = blockAt(q.open);
    if (!sentence || !endSentence || block < 0) continue;
    const lead = text.slice(sentence.start, q.open);
    const ignore = (reason: IgnoredQuote['reason']) => {
      ignoredSet.add(q);
      ignored.push({ text: inner, start: q.start, end: q.end, reason });
    };
    if (NAMING_CUE.test(lead)) {
      ignore('so-called');
      continue;
    }
    const whole = mentions.find((m) => m.start === q.start && m.end === q.end);
    if (whole) {
      ignore('name');
      continue;
    }
    const words = wordCount(inner);
    const standalone = /^\s*$/u.test(lead);
    const after = namedAfter(q, endSentence.end);
    const before = after ? undefined : namedBefore(q, sentence.start);
    let speaker: Speaker | undefined = after ?? before;
    let attribution: Attribution | null = after ? 'named-after' : before ? 'named-before' : null;
    let partial = false;

    if (!attribution && !standalone) {
      const prev = quotes[quotes.length - 1];
      // Chained fragments share a frame: stressed that Iran "invites ..." and "backs ...".
      if (prev && prev.partial && prev.block === block && /^\s*(?:,|and|or|but|,\s*and)\s*$/u.test(text.slice(prev.span.close, q.open))) {
        quotes.push({ ...prev, text: inner, start: q.start, end: q.end, span: q });
        continue;
      }
      const frame = reportedSpeech(q, sentence.start);
      if (!frame && words <= FRAGMENT_MAX_WORDS) {
        ignore('fragment');
        continue;
      }
      if (frame) {
        speaker = frame;
        attribution = 'reported-speech';
        partial = true;
      }
    }
    if (!attribution && standalone && words <= 2 && !/[.!?,]$/u.test(inner.trim())) {
      ignore('fragment');
      continue;
    }
    if (!attribution && standalone) {
      const sameBlock = quotes.filter((p) => p.block === block && !p.partial && p.speakerId !== null);
      // The sentence before, in this paragraph or (for a quote opening a paragraph) the previous one.
      const prevSentence = sentences.filter((s) => s.end <= q.open && (s.block === sentence.block || s.block === sentence.block - 1)).at(-1);
      const nextSentence = sentences.find((s) => s.block === endSentence.block && s.start >= q.close);
      const blockStartsHere = blocks[block]!.start === q.open;
      const lastBefore = quotes.filter((p) => p.block === block - 1).at(-1);
      if (sameBlock.length > 0) {
        const p = sameBlock.at(-1)!;
        speaker = { id: p.speakerId, text: p.speaker ?? '', at: p.start };
        attribution = 'same-paragraph';
      } else if (prevSentence && (speaker = introduction(prevSentence))) {
        attribution = 'preceding-sentence';
      } else if (nextSentence && (speaker = attributionSentence(nextSentence))) {
        attribution = 'following-sentence';
      } else if (blockStartsHere && lastBefore && lastBefore.speakerId !== null) {
        speaker = { id: lastBefore.speakerId, text: lastBefore.speaker ?? '', at: lastBefore.start };
        attribution = 'continuation';
      }
    }
    if (speaker && speaker.text && /^(he|she|they)$/iu.test(speaker.text) && attribution !== 'same-paragraph' && attribution !== 'continuation') {
      attribution = attribution === 'named-after' || attribution === 'named-before' ? 'pronoun' : attribution;
    }
    quotes.push({
      text: inner,
      start: q.start,
      end: q.end,
      speakerId: speaker?.id ?? null,
      speaker: speaker?.text || null,
      partial,
      attribution: speaker?.id ? attribution : null,
      span: q,
      block,
    });
  }
  return { quotes: quotes.map(({ span: _span, block: _block, ...q }) => q), ignored };
}
