/**
 * Checks a dataset: its shape (with lib/validate, so unknown or mistyped fields are rejected)
 * and the invariants tools rely on: unique ids, references that resolve, and provenance (every
 * quote, mention, role, sentence and claim side is the verbatim text at its offsets in its source).
 */
import { array, boolean, literal, nullable, number, object, optional, string, url, type Validator } from '../validate';
import type { Dataset } from './types';

const id = string({ min: 1, max: 200 });
const offset = number({ min: 0, integer: true });
const iso = (): Validator<string> => {
  const base = string({ min: 10, max: 40 });
  return (value, path = '') => {
    const s = base(value, path);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/u.test(s) || Number.isNaN(Date.parse(s))) throw new Error(`${path}: expected an ISO 8601 date-time with offset`);
    return s;
  };
};
const role = object({ title: string({ min: 1, max: 300 }), sourceId: id, evidence: string({ min: 1, max: 2000 }), start: offset, end: offset });
const sentence = object({ sourceId: id, text: string({ min: 1 }), start: offset, end: offset });
const span = object({ text: string({ min: 1 }), start: offset, end: offset });

/** The dataset's shape. */
export const datasetShape = object({
  schema: literal(1),
  version: string({ min: 1, max: 100 }),
  sources: array(
    object({
      id,
      publisher: string({ min: 1, max: 200 }),
      title: string({ min: 1, max: 500 }),
      published: iso(),
      updated: optional(iso()),
      publishedAsPrinted: optional(string({ max: 200 })),
      updatedAsPrinted: optional(string({ max: 200 })),
      byline: optional(string({ max: 200 })),
      dateline: optional(string({ max: 200 })),
      url: optional(url()),
      language: string({ min: 2, max: 35 }),
      origin: literal('bundled', 'saved'),
      text: optional(string({ min: 1, max: 1_000_000 })),
      stripped: optional(array(object({ text: string({ min: 1 }), reason: string({ min: 1, max: 100 }) }))),
      provenance: optional(object({ file: string({ min: 1 }), sha256: string({ min: 64, max: 64 }) })),
    }),
  ),
  entities: array(
    object({
      id,
      type: literal('person', 'organization', 'place', 'term', 'event'),
      name: string({ min: 1, max: 200 }),
      aliases: array(string({ min: 1, max: 200 })),
      description: optional(string({ max: 500 })),
      roles: array(role),
      ambiguousAliases: optional(array(string({ min: 1, max: 200 }))),
    }),
  ),
  quotes: array(
    object({
      id,
      speakerId: nullable(id),
      speaker: nullable(string({ min: 1, max: 200 })),
      sourceId: id,
      text: string({ min: 1, max: 5000 }),
      start: offset,
      end: offset,
      partial: boolean,
      mentions: array(id),
      attribution: optional(string({ min: 1, max: 50 })),
    }),
  ),
  mentions: array(object({ entityId: id, sourceId: id, text: string({ min: 1, max: 200 }), start: offset, end: offset }), { max: 100_000 }),
  context: array(object({ entityId: id, sourceId: id, sentences: array(sentence), roles: array(role), quoteIds: array(id) })),
  claims: array(
    object({
      id,
      topic: string({ min: 1, max: 300 }),
      kind: literal('agree', 'differ'),
      entityIds: array(id, { max: 50 }),
      sides: array(object({ sourceId: id, evidence: string({ min: 1 }), start: offset, end: offset, anchor: optional(span) })),
      note: optional(string({ max: 1000 })),
    }),
  ),
  dictionary: array(object({ text: string({ min: 1, max: 200 }), entityId: nullable(id), case: literal('exact', 'name', 'any'), quiet: optional(literal(true)) }), { max: 100_000 }),
});

/** A broken invariant. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid dataset:\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
  }
}

/** Lists every broken invariant of a dataset whose shape is valid (empty when sound). */
export function datasetProblems(d: Dataset): string[] {
  const problems: string[] = [];
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const i of ids) {
      if (seen.has(i)) problems.push(`duplicate ${what} id ${i}`);
      seen.add(i);
    }
    return seen;
  };
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  unique('source', d.sources.map((s) => s.id));
  const entityIds = unique('entity', d.entities.map((e) => e.id));
  const quoteIds = unique('quote', d.quotes.map((q) => q.id));
  unique('claim', d.claims.map((c) => c.id));

  const verbatim = (where: string, sourceId: string, text: string, start: number, end: number) => {
    const source = sources.get(sourceId);
    if (!source) return problems.push(`${where}: unknown source ${sourceId}`);
    if (source.text === undefined) return;
    if (end < start || source.text.slice(start, end) !== text) problems.push(`${where}: ${JSON.stringify(text.slice(0, 60))} is not the source text at ${start}-${end}`);
  };
  const entity = (where: string, eid: string | null) => {
    if (eid !== null && !entityIds.has(eid)) problems.push(`${where}: unknown entity ${eid}`);
  };

  for (const e of d.entities) {
    e.roles.forEach((r, i) => verbatim(`entity ${e.id} role ${i}`, r.sourceId, r.evidence, r.start, r.end));
    for (const a of e.ambiguousAliases ?? []) {
      if (!e.aliases.includes(a)) problems.push(`entity ${e.id}: ambiguous alias ${a} missing from aliases`);
      if (d.dictionary.some((t) => t.entityId === e.id && t.text === a)) problems.push(`entity ${e.id}: ambiguous alias ${a} is in the dictionary`);
    }
    if (!d.mentions.some((m) => m.entityId === e.id)) problems.push(`entity ${e.id} is never mentioned`);
  }
  for (const q of d.quotes) {
    verbatim(`quote ${q.id}`, q.sourceId, q.text, q.start, q.end);
    entity(`quote ${q.id}`, q.speakerId);
    q.mentions.forEach((m) => entity(`quote ${q.id} mention`, m));
  }
  d.mentions.forEach((m, i) => {
    verbatim(`mention ${i}`, m.sourceId, m.text, m.start, m.end);
    entity(`mention ${i}`, m.entityId);
  });
  for (const c of d.context) {
    entity(`context ${c.entityId}/${c.sourceId}`, c.entityId);
    c.sentences.forEach((s, i) => verbatim(`context ${c.entityId} sentence ${i}`, s.sourceId, s.text, s.start, s.end));
    c.roles.forEach((r, i) => verbatim(`context ${c.entityId} role ${i}`, r.sourceId, r.evidence, r.start, r.end));
    for (const q of c.quoteIds) if (!quoteIds.has(q)) problems.push(`context ${c.entityId}: unknown quote ${q}`);
  }
  for (const c of d.claims) {
    c.entityIds.forEach((e) => entity(`claim ${c.id}`, e));
    if (new Set(c.sides.map((s) => s.sourceId)).size < 2) problems.push(`claim ${c.id}: needs sides from at least two sources`);
    c.sides.forEach((s, i) => {
      verbatim(`claim ${c.id} side ${i}`, s.sourceId, s.evidence, s.start, s.end);
      if (s.anchor) {
        verbatim(`claim ${c.id} side ${i} anchor`, s.sourceId, s.anchor.text, s.anchor.start, s.anchor.end);
        if (s.anchor.start < s.start || s.anchor.end > s.end) problems.push(`claim ${c.id} side ${i}: anchor outside evidence`);
      }
    });
  }
  d.dictionary.forEach((t, i) => entity(`dictionary ${i}`, t.entityId));
  return problems;
}

/** Validates shape and invariants; returns the dataset typed or throws. */
export function validateDataset(value: unknown): Dataset {
  const d = datasetShape(value, 'dataset') as Dataset;
  const problems = datasetProblems(d);
  if (problems.length > 0) throw new DatasetError(problems);
  return d;
}
