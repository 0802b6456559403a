import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../messages/entities';
import { buildSavedArticle } from '../notes/saved-article';
import { createDatasetExtractor, toArticleInput } from './article-extractor';

const dictionary: Dictionary = {
  version: 'v-1',
  terms: [
    { text: 'Sergei Lavrov', entityId: 'sergei-lavrov', case: 'name' },
    { text: 'Lavrov', entityId: 'sergei-lavrov', case: 'name' },
    { text: 'Taliban', entityId: 'taliban', case: 'name' },
  ],
  entities: [
    { id: 'sergei-lavrov', name: 'Sergei Lavrov', type: 'person' },
    { id: 'taliban', name: 'Taliban', type: 'organization' },
  ],
};

const request = {
  url: 'https://reader.example/story',
  title: 'Moscow in no hurry',
  site: 'Reader Times',
  byline: 'A. Writer',
  text: 'Moscow in no hurry\n\n   Russian Foreign Minister Sergei Lavrov spoke on Thursday.  \n"We are in no hurry to recognise the Taliban," Lavrov said.\n',
};

describe('saving with the dataset extractor', () => {
  it('turns the page text into title, byline and paragraph blocks', () => {
    expect(toArticleInput(request).blocks).toEqual([
      { kind: 'title', text: 'Moscow in no hurry' },
      { kind: 'byline', text: 'A. Writer' },
      { kind: 'body', text: 'Russian Foreign Minister Sergei Lavrov spoke on Thursday.' },
      { kind: 'body', text: '"We are in no hurry to recognise the Taliban," Lavrov said.' },
    ]);
  });

  it('uses the blocks the page sent, keeping paragraph boundaries', () => {
    const input = toArticleInput({
      url: 'https://r.example/',
      title: 'Headline',
      site: 'R',
      blocks: [
        { kind: 'title', text: 'Page headline' },
        { kind: 'body', text: 'First  paragraph.' },
        { kind: 'caption', text: 'A photo.' },
        { kind: 'body', text: '   ' },
      ],
    });
    expect(input.blocks).toEqual([
      { kind: 'title', text: 'Headline' },
      { kind: 'body', text: 'First paragraph.' },
      { kind: 'caption', text: 'A photo.' },
    ]);
  });

  it('finds mentions and the attributed quote, with offsets into its own text', async () => {
    const extraction = await createDatasetExtractor()(request, dictionary);
    const article = buildSavedArticle(request, extraction, 0);
    for (const m of article.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
    expect(article.entityIds.sort()).toEqual(['sergei-lavrov', 'taliban']);
    const quote = article.quotes.find((q) => q.text.startsWith('We are in no hurry'));
    expect(quote).toMatchObject({ speakerId: 'sergei-lavrov' });
    expect(article.text.slice(quote!.start, quote!.end)).toBe(quote!.text);
    expect(article.context.find((c) => c.entityId === 'sergei-lavrov')!.sentences.length).toBeGreaterThan(0);
  });
});
