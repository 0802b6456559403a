import { describe, expect, it } from 'vitest';
import { extractSeed, extractWithRegistry, plain } from '../dataset/test-helpers';
import type { ExtractedArticle } from './extract-article';

const speakerOf = (a: ExtractedArticle, prefix: string) => {
  const q = a.quotes.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting ${JSON.stringify(prefix)}: ${a.quotes.map((x) => x.text.slice(0, 30)).join(' | ')}`);
  return q;
};

describe('quotes in the Sputnik seed', () => {
  const a = extractSeed('sputnik-2021-08-19-lavrov');

  it('finds the two long Lavrov quotes, named after them', () => {
    expect(speakerOf(a, 'We also welcomed the Taliban')).toMatchObject({ speakerId: 'sergei-lavrov', speaker: 'Lavrov', partial: false, attribution: 'named-after' });
    expect(speakerOf(a, 'We have not made any official proposals')).toMatchObject({ speakerId: 'sergei-lavrov', partial: false });
  });

  it("takes Raisi's two fragments inside reported speech as partial quotes", () => {
    expect(speakerOf(a, 'invites all groups in Afghanistan')).toMatchObject({ speakerId: 'ebrahim-raisi', partial: true, attribution: 'reported-speech' });
    expect(speakerOf(a, 'backs efforts to restore stability')).toMatchObject({ speakerId: 'ebrahim-raisi', partial: true });
  });

  it("does not take the 'Moscow format' and the so-called \"Moscow format\" as quotes", () => {
    expect(a.quotes.some((q) => q.text === 'Moscow format')).toBe(false);
    expect(a.ignoredQuotes.map((q) => [q.text, q.reason])).toEqual([
      ['Moscow format', 'so-called'],
      ['Moscow format', 'name'],
    ]);
    expect(a.quotes).toHaveLength(4);
  });

  it('lists the entities named inside a quote', () => {
    expect(speakerOf(a, 'We also welcomed').mentions).toEqual(expect.arrayContaining(['abdullah-abdullah', 'hamid-karzai', 'gulbuddin-hekmatyar', 'taliban']));
  });
});

describe('quotes in the China Daily seed', () => {
  const a = extractSeed('chinadaily-2021-08-19-russia');

  it('attributes a quote whose speaker is named after it with a title', () => {
    expect(speakerOf(a, 'I consider it a positive signal')).toMatchObject({ speakerId: 'sergei-lavrov', speaker: 'Sergei Lavrov', attribution: 'named-after' });
  });

  it('takes "civilized manner" after "adding that" as a partial quote by Lavrov', () => {
    expect(speakerOf(a, 'civilized manner')).toMatchObject({ speakerId: 'sergei-lavrov', partial: true, attribution: 'reported-speech' });
  });

  it('carries the speaker into a paragraph that only continues the quote', () => {
    expect(speakerOf(a, 'In particular, they said')).toMatchObject({ speakerId: 'sergei-lavrov', attribution: 'continuation' });
  });

  it('resolves "he said" to the most recent person named as a subject', () => {
    expect(speakerOf(a, 'We support the beginning of an inclusive national dialogue')).toMatchObject({ speakerId: 'sergei-lavrov', speaker: 'he', attribution: 'pronoun' });
  });

  it("attributes Kabulov's two quotes, the second from the same paragraph", () => {
    expect(speakerOf(a, "It's not for nothing")).toMatchObject({ speakerId: 'zamir-kabulov', attribution: 'named-after' });
    expect(speakerOf(a, 'We saw that this force')).toMatchObject({ speakerId: 'zamir-kabulov', attribution: 'same-paragraph' });
  });

  it("attributes Zhirnov's partial and full quotes", () => {
    expect(speakerOf(a, 'dedicated exclusively to the security of the embassy')).toMatchObject({ speakerId: 'dmitry-zhirnov', partial: true });
    expect(speakerOf(a, 'The meeting was positive and constructive,')).toMatchObject({ speakerId: 'dmitry-zhirnov', partial: false });
    expect(speakerOf(a, 'The Taliban representatives said')).toMatchObject({ speakerId: 'dmitry-zhirnov' });
  });

  it("treats 'positive signal' in the headline and lead as scare quotes, not quotations", () => {
    expect(a.quotes.some((q) => q.text === 'positive signal')).toBe(false);
    expect(a.ignoredQuotes.map((q) => [q.text, q.reason])).toEqual([
      ['positive signal', 'fragment'],
      ['positive signal', 'fragment'],
    ]);
    expect(a.quotes).toHaveLength(9);
  });
});

describe('attribution rules on other text', () => {
  const quotes = (...paragraphs: string[]) => extractWithRegistry(plain('Test', ...paragraphs)).quotes.map((q) => [q.text, q.speakerId, q.attribution, q.partial]);

  it('reads X said: "..." and X said, "..."', () => {
    expect(quotes('Lavrov said: "We are ready to talk to everyone."', 'Kabulov told reporters, "Nothing is decided yet."')).toEqual([
      ['We are ready to talk to everyone.', 'sergei-lavrov', 'named-before', false],
      ['Nothing is decided yet.', 'zamir-kabulov', 'named-before', false],
    ]);
  });

  it('reads an introduction in the preceding sentence and a short attribution in the following one', () => {
    expect(quotes('Dmitry Zhirnov was cautious. He told state television:', '"The city is calm for now."')).toEqual([['The city is calm for now.', 'dmitry-zhirnov', 'preceding-sentence', false]]);
    expect(quotes('"The embassy will stay open." Kabulov said so on Monday.')).toEqual([['The embassy will stay open.', 'zamir-kabulov', 'following-sentence', false]]);
  });

  it('skips objects when resolving a pronoun', () => {
    expect(quotes('Lavrov met his Libyan counterpart, Najla Mangoush, in Moscow.', '"We agreed on a lot," he said.')).toEqual([['We agreed on a lot,', 'sergei-lavrov', 'pronoun', false]]);
  });

  it('leaves the speaker null when no rule decides', () => {
    expect(quotes('The talks ended late.', '"Everyone is waiting to see what happens next."')).toEqual([['Everyone is waiting to see what happens next.', null, null, false]]);
  });

  it('keeps an unknown speaker as written, with no entity', () => {
    const a = extractWithRegistry(plain('Test', '"This is a turning point," said John Smith, an analyst in London.'));
    expect(a.quotes[0]).toMatchObject({ speakerId: null, speaker: 'John Smith' });
  });

  it('ignores scare quotes and quoted names', () => {
    const a = extractWithRegistry(plain('Test', 'Critics called the talks "theatre" and the so-called "Moscow format" a show.', 'He praised the "Moscow format" meetings.'));
    expect(a.quotes).toEqual([]);
    expect(a.ignoredQuotes.map((q) => q.reason)).toEqual(['fragment', 'so-called', 'name']);
  });

  it('tells apostrophes from single quotation marks', () => {
    const a = extractWithRegistry(plain('Test', "The Soviet troops' withdrawal ended what Moscow's papers dubbed 'a long war'. It's over."));
    expect(a.quotes).toEqual([]);
    expect(a.ignoredQuotes.map((q) => [q.text, q.reason])).toEqual([['a long war', 'so-called']]);
  });
});
