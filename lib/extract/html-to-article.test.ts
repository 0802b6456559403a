import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractWithRegistry, fixture } from '../dataset/test-helpers';
import { htmlToArticle } from './html-to-article';
import { parsePlainTextArticle } from './plain-text';

const html = fixture('kabulov-follow-up.html');

describe('htmlToArticle', () => {
  it('reads metadata from meta tags and drops navigation, credits and footers', () => {
    const { document } = parseHTML(html);
    const a = htmlToArticle(document as unknown as Document);
    expect(a).toMatchObject({
      title: "Kabulov: Moscow 'not in a hurry' to recognise the Taliban",
      publisher: 'Backstory Test Wire',
      published: '2021-08-23T14:20:00Z',
      updated: '2021-08-23T15:05:00Z',
      byline: 'Anna Petrova',
      dateline: 'Moscow',
      language: 'en',
      url: 'https://example.org/world/asia/kabulov-follow-up',
    });
    expect(a.blocks.map((b) => b.kind).slice(0, 3)).toEqual(['title', 'byline', 'caption']);
    expect(a.blocks.some((b) => /Subscribe|Copyright|Home/u.test(b.text))).toBe(false);
    expect(a.stripped).toContainEqual({ text: '[Photo/Agencies]', reason: 'photo credit' });
  });

  it("works on the browser's own DOM (a clone, as the content script passes)", () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const a = htmlToArticle(doc.cloneNode(true) as Document);
    expect(a.title).toBe("Kabulov: Moscow 'not in a hurry' to recognise the Taliban");
    expect(a.blocks.length).toBeGreaterThan(10);
    // The original document is untouched.
    expect(doc.querySelector('nav')).not.toBeNull();
  });

  it('gives the same quotes and mentions as the plain-text form of the same article', () => {
    const fromHtml = extractWithRegistry(htmlToArticle(parseHTML(html).document as unknown as Document));
    const fromText = extractWithRegistry(parsePlainTextArticle(fixture('kabulov-follow-up.txt')));
    expect(fromHtml.text).toBe(fromText.text);
    expect(fromHtml.quotes).toEqual(fromText.quotes);
    expect(fromHtml.mentions).toEqual(fromText.mentions);
  });
});

describe('the unseen article', () => {
  const a = extractWithRegistry(parsePlainTextArticle(fixture('kabulov-follow-up.txt')));
  const by = (prefix: string) => a.quotes.find((q) => q.text.startsWith(prefix));

  it('attributes every quote by its rule, and admits the one it cannot', () => {
    expect(a.quotes.map((q) => [q.text.slice(0, 24), q.speakerId, q.attribution])).toEqual([
      ['We are not in a hurry to', 'zamir-kabulov', 'named-after'],
      ['The Taliban have kept th', 'sergei-lavrov', 'named-after'],
      ['Our diplomats move aroun', 'sergei-lavrov', 'same-paragraph'],
      ['We expect the new author', 'sergei-lavrov', 'named-before'],
      ['Nobody should be exclude', 'sergei-lavrov', 'pronoun'],
      ['The Moscow format remain', 'sergei-lavrov', 'pronoun'],
      ['All five Central Asian s', 'sergei-lavrov', 'same-paragraph'],
      ['We will invite Pakistan,', 'sergei-lavrov', 'continuation'],
      ['The situation in the cit', 'dmitry-zhirnov', 'preceding-sentence'],
      ['guarantee the safety', 'dmitry-zhirnov', 'reported-speech'],
      ['We will not allow anyone', 'zabihullah-mujahid', 'named-after'],
      ['Everyone is waiting to s', null, null],
    ]);
    expect(by('guarantee the safety')?.partial).toBe(true);
  });

  it('ignores the headline fragment, the so-called name and the scare quote', () => {
    expect(a.ignoredQuotes.map((q) => [q.text, q.reason])).toEqual([
      ['not in a hurry', 'fragment'],
      ['Moscow format', 'so-called'],
      ['theatre', 'fragment'],
    ]);
  });

  it('does not mark a shared surname, a name inside a longer name, or a blocked name', () => {
    const texts = a.mentions.map((m) => m.text);
    expect(texts).toContain('Ashraf Ghani');
    expect(texts).not.toContain('Ghani');
    expect(a.mentions.some((m) => m.entityId === 'hamid-karzai')).toBe(false);
    expect(a.mentions.filter((m) => m.entityId === 'united-states').map((m) => m.text)).toEqual(['United States', 'U.S.']);
  });
});
