/** Small datasets and helpers for database tests (not shipped code). */
import type { IDBPDatabase } from 'idb';
import type { Dataset } from '../dataset/types';
import { closeBackstoryDB, openBackstoryDB } from './open';
import type { BackstoryDB } from './schema';

/** A tiny two-source dataset about Lavrov and the Taliban. */
export function smallDataset(version = 'v-1'): Dataset {
  return {
    schema: 1,
    version,
    sources: [
      { id: 'sputnik', publisher: 'Sputnik', title: 'Lavrov on Afghanistan', published: '2021-08-19T10:05:00Z', language: 'en', origin: 'bundled' },
      { id: 'chinadaily', publisher: 'China Daily', title: 'Beijing urges Taliban', published: '2021-08-19T08:00:00Z', language: 'en', origin: 'bundled' },
    ],
    entities: [
      {
        id: 'sergei-lavrov',
        type: 'person',
        name: 'Sergei Lavrov',
        aliases: ['Lavrov', 'Sergey Lavrov', 'Сергей Лавров'],
        roles: [{ title: 'Russian Foreign Minister', sourceId: 'sputnik', evidence: 'Russian Foreign Minister Sergei Lavrov', start: 0, end: 38 }],
      },
      { id: 'taliban', type: 'organization', name: 'Taliban', aliases: ['the Taliban'], roles: [] },
      { id: 'kabul', type: 'place', name: 'Kābul', aliases: [], roles: [] },
    ],
    quotes: [
      { id: 'q1', speakerId: 'sergei-lavrov', speaker: 'Lavrov', sourceId: 'sputnik', text: 'We are in no hurry to recognise the Taliban', start: 100, end: 143, partial: false, mentions: ['taliban'] },
      { id: 'q2', speakerId: null, speaker: null, sourceId: 'chinadaily', text: 'make a clean break with terrorist groups', start: 50, end: 90, partial: true, mentions: [] },
    ],
    mentions: [{ entityId: 'sergei-lavrov', sourceId: 'sputnik', text: 'Sergei Lavrov', start: 25, end: 38 }],
    context: [
      { entityId: 'sergei-lavrov', sourceId: 'sputnik', sentences: [{ sourceId: 'sputnik', text: 'Russian Foreign Minister Sergei Lavrov said...', start: 0, end: 46 }], roles: [], quoteIds: ['q1'] },
      { entityId: 'taliban', sourceId: 'chinadaily', sentences: [], roles: [], quoteIds: [] },
    ],
    claims: [
      {
        id: 'c1',
        topic: 'Recognition of the Taliban',
        kind: 'differ',
        entityIds: ['taliban'],
        sides: [
          { sourceId: 'sputnik', evidence: 'no hurry', start: 0, end: 8 },
          { sourceId: 'chinadaily', evidence: 'urged', start: 0, end: 5 },
        ],
      },
    ],
    dictionary: [
      { text: 'Sergei Lavrov', entityId: 'sergei-lavrov', case: 'name' },
      { text: 'Taliban', entityId: 'taliban', case: 'name' },
    ],
  };
}

/** A fresh, empty database with a unique name, and a function that closes it. */
export async function freshDB(): Promise<{ db: IDBPDatabase<BackstoryDB>; name: string; close: () => Promise<void> }> {
  const name = `test-${crypto.randomUUID()}`;
  const db = await openBackstoryDB(name);
  return { db, name, close: () => closeBackstoryDB(name) };
}
