import { describe, expect, it } from 'vitest';
import type { Note } from '../messages/notes';
import { annotationsToNotes, exportAnnotations, isAnnotationDocument, noteIdFromIri, noteIri, noteToAnnotation, notesToCollection } from './web-annotation';

const passage: Note = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  url: 'https://news.example/a',
  title: 'Story',
  site: 'News',
  text: 'Telling choice of words',
  entityIds: ['sergei-lavrov'],
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'no hurry', prefix: 'is in ', suffix: ' to' },
    position: { type: 'TextPositionSelector', start: 10, end: 18 },
  },
  createdAt: Date.UTC(2024, 0, 1),
  updatedAt: Date.UTC(2024, 0, 2),
};
const articleNote: Note = { id: 'legacy id/1', url: 'https://news.example/b', title: 'B', site: 'News', text: 'Read later', entityIds: [], createdAt: 5, updatedAt: 5 };

describe('W3C Web Annotation export', () => {
  it('writes a passage note with its selectors, text and entity links', () => {
    expect(noteToAnnotation(passage)).toEqual({
      id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-02T00:00:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Telling choice of words', format: 'text/plain', purpose: 'commenting' },
        { type: 'SpecificResource', source: 'urn:backstory:entity:sergei-lavrov', purpose: 'linking' },
      ],
      target: {
        source: 'https://news.example/a',
        'dcterms:title': 'Story',
        'dcterms:publisher': 'News',
        selector: [passage.target!.quote, passage.target!.position],
      },
    });
  });

  it('writes a collection of live notes only', () => {
    const collection = notesToCollection([passage, articleNote, { ...articleNote, id: 'gone', deletedAt: 9 }], 0);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage', startIndex: 0 } });
    expect(collection.first.items.map((a) => a.id)).toEqual([noteIri(passage.id), 'urn:backstory:note:legacy%20id%2F1']);
    expect(collection.first.items[1]!.target.selector).toBeUndefined();
  });

  it('marks a passage note without text as a highlight', () => {
    expect(noteToAnnotation({ ...passage, text: '' })).toMatchObject({ motivation: 'highlighting', body: [{ type: 'SpecificResource' }] });
  });

  it('round-trips notes through JSON-LD text', () => {
    const json: unknown = JSON.parse(exportAnnotations([passage, articleNote]));
    expect(isAnnotationDocument(json)).toBe(true);
    expect(annotationsToNotes(json)).toEqual([passage, articleNote]);
    expect(noteIdFromIri('https://elsewhere.example/anno/1')).toBe('https://elsewhere.example/anno/1');
  });

  it('reads annotations made elsewhere, ignoring what it does not know', () => {
    const [note] = annotationsToNotes(
      [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'https://annotations.example/1',
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'Hmm', language: 'en' },
          target: { source: { id: 'https://news.example/c' }, selector: [{ type: 'CssSelector', value: '#x' }, { type: 'TextQuoteSelector', exact: 'quoted' }] },
          creator: 'someone',
        },
      ],
      42,
    );
    expect(note).toEqual({
      id: 'https://annotations.example/1',
      url: 'https://news.example/c',
      title: '',
      site: '',
      text: 'Hmm',
      entityIds: [],
      createdAt: 42,
      updatedAt: 42,
      target: { quote: { type: 'TextQuoteSelector', exact: 'quoted' } },
    });
  });

  it('names the offending annotation when one is malformed', () => {
    expect(() => annotationsToNotes({ type: 'AnnotationCollection', first: { items: [{ type: 'Annotation', id: 'x', target: {} }] } })).toThrow('first.items[0].target.source');
    expect(() => annotationsToNotes({ type: 'AnnotationCollection', first: 'https://x.example/page1' })).toThrow(/embedded first page/);
    expect(() => annotationsToNotes({ type: 'AnnotationPage', items: [{ type: 'Annotation', id: 'x', target: 'https://a.example/', created: 'yesterday' }] })).toThrow('items[0].created');
  });
});
