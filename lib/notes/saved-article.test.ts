import { describe, expect, it } from 'vitest';
import { buildSavedArticle, savedArticleId, splitSentences } from './saved-article';

const text = 'Sergei Lavrov spoke in Moscow. He said "we are in no hurry" about the Taliban.\nChina urged calm.';

describe('saved articles', () => {
  it('derives a stable id from the URL', () => {
    expect(savedArticleId('https://a.example/1')).toBe(savedArticleId('https://a.example/1'));
    expect(savedArticleId('https://a.example/1')).not.toBe(savedArticleId('https://a.example/2'));
    expect(savedArticleId('https://a.example/1')).toMatch(/^saved-[0-9a-f]{16}$/);
  });

  it('splits sentences at end punctuation and line breaks', () => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Sergei Lavrov spoke in Moscow.',
      'He said "we are in no hurry" about the Taliban.',
      'China urged calm.',
    ]);
  });

  it('builds source, mentions, quotes and per-entity context from an extraction', () => {
    const article = buildSavedArticle(
      { url: 'https://a.example/1', title: 'Talks', site: 'Reader Times', text, byline: 'A. Writer' },
      {
        mentions: [
          { entityId: 'lavrov', text: 'Sergei Lavrov', start: 0, end: 13 },
          { entityId: 'taliban', text: 'Taliban', start: 70, end: 77 },
          { entityId: 'bogus', text: 'x', start: 5000, end: 5001 },
        ],
        quotes: [{ text: 'we are in no hurry', speakerId: 'lavrov', speaker: 'He', start: 40, end: 58 }],
      },
      Date.UTC(2021, 7, 20),
    );
    expect(article.id).toBe(savedArticleId('https://a.example/1'));
    expect(article.source).toEqual({ id: article.id, publisher: 'Reader Times', title: 'Talks', published: '2021-08-20T00:00:00.000Z', url: 'https://a.example/1', language: 'und', origin: 'saved', byline: 'A. Writer' });
    expect(article.mentions).toHaveLength(2);
    expect(article.quotes[0]).toMatchObject({ id: `${article.id}-q0`, sourceId: article.id, partial: false, mentions: [] });
    expect(article.entityIds).toEqual(['lavrov', 'taliban']);
    const lavrov = article.context.find((c) => c.entityId === 'lavrov')!;
    expect(lavrov.sentences.map((s) => s.text)).toEqual(['Sergei Lavrov spoke in Moscow.']);
    expect(lavrov.quoteIds).toEqual([`${article.id}-q0`]);
    expect(article.context.find((c) => c.entityId === 'taliban')!.sentences[0]!.text).toContain('no hurry');
  });

  it('uses the text, sentences and roles extraction laid out itself', () => {
    const laidOut = 'Talks\n\nForeign Minister Sergei Lavrov spoke.';
    const article = buildSavedArticle(
      { url: 'https://a.example/2', title: 'Talks', site: 'R', text: 'raw page text' },
      {
        text: laidOut,
        mentions: [{ entityId: 'lavrov', text: 'Sergei Lavrov', start: 24, end: 37 }],
        quotes: [],
        sentences: [{ start: 7, end: 44 }],
        roles: [{ entityId: 'lavrov', title: 'Foreign Minister', evidence: 'Foreign Minister Sergei Lavrov', start: 7, end: 37 }],
      },
    );
    expect(article.text).toBe(laidOut);
    expect(article.context[0]!.sentences[0]!.text).toBe('Foreign Minister Sergei Lavrov spoke.');
    expect(article.context[0]!.roles).toEqual([{ title: 'Foreign Minister', sourceId: article.id, evidence: 'Foreign Minister Sergei Lavrov', start: 7, end: 37 }]);
  });
});
