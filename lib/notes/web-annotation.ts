/**
 * Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): export as one
 * JSON-LD AnnotationCollection, and read such a collection back into notes.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { Note } from '../messages/notes';

/** The Web Annotation JSON-LD context. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** How an entity link is written as a body resource. */
export const ENTITY_IRI_PREFIX = 'urn:backstory:entity:';
const NOTE_IRI_PREFIX = 'urn:backstory:note:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One annotation as Backstory writes it. */
export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body: ({ type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' } | { type: 'SpecificResource'; source: string; purpose: 'linking' })[];
  target: {
    source: string;
    /** The article's title and outlet when the note was written (Dublin Core terms, in the anno.jsonld context). */
    'dcterms:title': string;
    'dcterms:publisher': string;
    selector?: (TextQuoteSelector | TextPositionSelector)[];
  };
}

/** The exported collection. */
export interface AnnotationCollection {
  '@context': string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { type: 'Software'; name: string };
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The annotation IRI of a note id. */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${NOTE_IRI_PREFIX}${encodeURIComponent(id)}`;
}

/** The note id of an annotation IRI (the IRI itself for annotations made elsewhere). */
export function noteIdFromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith(NOTE_IRI_PREFIX)) {
    try {
      return decodeURIComponent(iri.slice(NOTE_IRI_PREFIX.length));
    } catch {
      return iri;
    }
  }
  return iri;
}

/** One note as a Web Annotation. A passage note without text is a highlight. */
export function noteToAnnotation(note: Note): WebAnnotation {
  const body: WebAnnotation['body'] = [];
  if (note.text) body.push({ type: 'TextualBody', value: note.text, format: 'text/plain', purpose: 'commenting' });
  for (const id of note.entityIds) body.push({ type: 'SpecificResource', source: `${ENTITY_IRI_PREFIX}${id}`, purpose: 'linking' });
  const target: WebAnnotation['target'] = { source: note.url, 'dcterms:title': note.title, 'dcterms:publisher': note.site };
  if (note.target) target.selector = note.target.position ? [note.target.quote, note.target.position] : [note.target.quote];
  return {
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: note.text || !note.target ? 'commenting' : 'highlighting',
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    body,
    target,
  };
}

/** Live notes as an AnnotationCollection (deleted notes are left out). */
export function notesToCollection(notes: Note[], now: number = Date.now()): AnnotationCollection {
  const items = notes.filter((n) => n.deletedAt === undefined).map(noteToAnnotation);
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Backstory notes',
    total: items.length,
    generated: new Date(now).toISOString(),
    generator: { type: 'Software', name: 'Backstory' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The collection as JSON-LD text. */
export function exportAnnotations(notes: Note[], now: number = Date.now()): string {
  return JSON.stringify(notesToCollection(notes, now), null, 2);
}

/** True when a parsed JSON value looks like a Web Annotation collection, page or list. */
export function isAnnotationDocument(json: unknown): boolean {
  if (Array.isArray(json)) return json.length > 0 && json.every((a) => typeof a === 'object' && a !== null && (a as { type?: unknown }).type === 'Annotation');
  const type = (json as { type?: unknown } | null)?.type;
  return type === 'AnnotationCollection' || type === 'AnnotationPage' || type === 'Annotation';
}

/** A problem in an annotation document, with the path of the offending value. */
export class AnnotationFormatError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'AnnotationFormatError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function items(json: unknown): { list: unknown[]; path: string } {
  if (Array.isArray(json)) return { list: json, path: '' };
  const doc = json as Json;
  if (doc.type === 'Annotation') return { list: [doc], path: '' };
  if (doc.type === 'AnnotationPage') return { list: asList(doc.items), path: 'items' };
  const first = doc.first;
  if (first === undefined && doc.total === 0) return { list: [], path: 'first.items' };
  if (!isObject(first)) throw new AnnotationFormatError('first', 'the collection must include its annotations (an embedded first page)');
  if (first.next !== undefined) throw new AnnotationFormatError('first.next', 'collections split over several pages are not supported');
  return { list: asList(first.items), path: 'first.items' };
}

function time(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new AnnotationFormatError(path, 'expected a date and time');
  return ms;
}

/**
 * Notes from an annotation document (Backstory's export, or similar annotations made
 * elsewhere: unknown properties are ignored). The notes still need the strict note
 * validation before anything is written.
 */
export function annotationsToNotes(json: unknown, now: number = Date.now()): unknown[] {
  const { list, path: base } = items(json);
  return list.map((raw, i) => {
    const path = `${base}[${i}]`;
    if (!isObject(raw) || raw.type !== 'Annotation') throw new AnnotationFormatError(path, 'expected an Annotation');
    if (typeof raw.id !== 'string' || !raw.id) throw new AnnotationFormatError(`${path}.id`, 'expected an id');
    const texts: string[] = [];
    const entityIds: string[] = [];
    for (const body of asList(raw.body)) {
      if (typeof body === 'string') continue; // A bare IRI body: nothing Backstory can show.
      if (!isObject(body)) throw new AnnotationFormatError(`${path}.body`, 'expected a body object');
      if (body.type === 'TextualBody' && typeof body.value === 'string' && (body.purpose === undefined || body.purpose === 'commenting')) texts.push(body.value);
      if (typeof body.source === 'string' && body.source.startsWith(ENTITY_IRI_PREFIX)) entityIds.push(body.source.slice(ENTITY_IRI_PREFIX.length));
    }
    const target = asList(raw.target)[0];
    const t: Json = typeof target === 'string' ? { source: target } : isObject(target) ? target : {};
    const source = isObject(t.source) ? t.source.id : t.source;
    if (typeof source !== 'string') throw new AnnotationFormatError(`${path}.target.source`, "expected the annotated page's address");
    let quote: TextQuoteSelector | undefined;
    let position: TextPositionSelector | undefined;
    for (const s of asList(t.selector)) {
      if (!isObject(s)) continue;
      if (s.type === 'TextQuoteSelector') quote = { type: 'TextQuoteSelector', exact: s.exact as string, ...(s.prefix !== undefined ? { prefix: s.prefix as string } : {}), ...(s.suffix !== undefined ? { suffix: s.suffix as string } : {}) };
      if (s.type === 'TextPositionSelector') position = { type: 'TextPositionSelector', start: s.start as number, end: s.end as number };
    }
    const created = time(raw.created, `${path}.created`, now);
    const note: Json = {
      id: noteIdFromIri(raw.id),
      url: source,
      title: typeof t['dcterms:title'] === 'string' ? t['dcterms:title'] : '',
      site: typeof t['dcterms:publisher'] === 'string' ? t['dcterms:publisher'] : '',
      text: texts.join('\n\n'),
      entityIds: [...new Set(entityIds)],
      createdAt: created,
      updatedAt: time(raw.modified, `${path}.modified`, created),
    };
    // A position alone cannot be checked against the page, so it only counts next to a quote.
    if (quote) note.target = position ? { quote, position } : { quote };
    return note;
  });
}
