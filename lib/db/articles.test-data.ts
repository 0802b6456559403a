/** A saved article for database tests (not shipped code). */
import type { SavedArticle } from './schema';

/** A saved article that mentions Lavrov and quotes him. */
export function savedArticleFixture(url = 'https://reader.example/story', savedAt = 100): SavedArticle {
  const id = `saved-${url.length}`;
  return {
    id,
    url,
    source: { id, publisher: 'Reader Times', title: 'A saved story', published: '2021-08-20T00:00:00Z', language: 'und', origin: 'saved', url },
    text: 'Lavrov said "talks will go on" with the Taliban.',
    mentions: [
      { entityId: 'sergei-lavrov', sourceId: id, text: 'Lavrov', start: 0, end: 6 },
      { entityId: 'taliban', sourceId: id, text: 'Taliban', start: 40, end: 47 },
    ],
    quotes: [{ id: `${id}-q0`, speakerId: 'sergei-lavrov', speaker: 'Lavrov', sourceId: id, text: 'talks will go on', start: 13, end: 29, partial: false, mentions: [] }],
    context: [
      { entityId: 'sergei-lavrov', sourceId: id, sentences: [{ sourceId: id, text: 'Lavrov said "talks will go on" with the Taliban.', start: 0, end: 48 }], roles: [], quoteIds: [`${id}-q0`] },
      { entityId: 'taliban', sourceId: id, sentences: [{ sourceId: id, text: 'Lavrov said "talks will go on" with the Taliban.', start: 0, end: 48 }], roles: [], quoteIds: [] },
    ],
    entityIds: ['sergei-lavrov', 'taliban'],
    savedAt,
  };
}
