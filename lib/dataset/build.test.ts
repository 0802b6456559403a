import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, serializeDataset } from './build';
import { DATASET_PATH, loadDatasetInputs } from './inputs';
import type { Dataset } from './types';
import { datasetProblems, validateDataset } from './validate-dataset';

const { articles, registry } = loadDatasetInputs();
const built = buildDataset(articles, registry);
const committed = readFileSync(DATASET_PATH, 'utf8');
const d: Dataset = JSON.parse(committed) as Dataset;
const sourceText = (id: string) => d.sources.find((s) => s.id === id)!.text!;

describe('the generated dataset', () => {
  it('is committed exactly as a fresh build writes it (run npm run dataset after changing inputs)', () => {
    expect(committed).toBe(serializeDataset(built));
  });

  it('is deterministic: the same input gives the same bytes, in any article order', () => {
    expect(serializeDataset(buildDataset([...articles].reverse(), registry))).toBe(serializeDataset(built));
  });

  it('passes the schema and every invariant', () => {
    expect(() => validateDataset(JSON.parse(committed))).not.toThrow();
    expect(datasetProblems(d)).toEqual([]);
  });

  it('keeps both articles with their metadata and provenance', () => {
    expect(d.sources.map((s) => [s.id, s.publisher, s.published, s.byline ?? null, s.dateline ?? null, s.language])).toEqual([
      ['chinadaily-2021-08-19-russia', 'China Daily Global', '2021-08-19T09:36:00+08:00', 'Ren Qi', 'Moscow', 'en'],
      ['sputnik-2021-08-19-lavrov', 'Sputnik', '2021-08-19T10:05:00Z', null, null, 'en'],
    ]);
    for (const s of d.sources) {
      expect(s.provenance?.sha256).toMatch(/^[0-9a-f]{64}$/u);
      expect(s.stripped?.length).toBeGreaterThan(0);
      expect(s.text).not.toMatch(/Subscribe|©|Copyright|BACK TO THE TOP/u);
    }
  });

  it('has every quote, mention, role, sentence and claim side verbatim at its offsets', () => {
    for (const q of d.quotes) expect(sourceText(q.sourceId).slice(q.start, q.end)).toBe(q.text);
    for (const m of d.mentions) expect(sourceText(m.sourceId).slice(m.start, m.end)).toBe(m.text);
    for (const e of d.entities) for (const r of e.roles) expect(sourceText(r.sourceId).slice(r.start, r.end)).toBe(r.evidence);
    for (const c of d.context) for (const s of c.sentences) expect(sourceText(s.sourceId).slice(s.start, s.end)).toBe(s.text);
    for (const c of d.claims) for (const s of c.sides) expect(sourceText(s.sourceId).slice(s.start, s.end)).toBe(s.evidence);
  });

  it('has unique ids and only references ids that exist', () => {
    for (const list of [d.sources, d.entities, d.quotes, d.claims]) expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    const entities = new Set(d.entities.map((e) => e.id));
    const quotes = new Set(d.quotes.map((q) => q.id));
    for (const q of d.quotes) if (q.speakerId) expect(entities.has(q.speakerId)).toBe(true);
    for (const c of d.context) for (const q of c.quoteIds) expect(quotes.has(q)).toBe(true);
    for (const c of d.claims) for (const e of c.entityIds) expect(entities.has(e)).toBe(true);
  });

  it('mentions every entity at least once', () => {
    const mentioned = new Set(d.mentions.map((m) => m.entityId));
    expect(d.entities.filter((e) => !mentioned.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('attributes the known quotes to the right speakers and takes no scare quote', () => {
    const speaker = (start: string) => d.quotes.find((q) => q.text.startsWith(start))?.speakerId;
    expect(speaker('I consider it a positive signal')).toBe('sergei-lavrov');
    expect(speaker('We support the beginning')).toBe('sergei-lavrov');
    expect(speaker('We also welcomed')).toBe('sergei-lavrov');
    expect(speaker("It's not for nothing")).toBe('zamir-kabulov');
    expect(speaker('The meeting was positive')).toBe('dmitry-zhirnov');
    expect(speaker('invites all groups')).toBe('ebrahim-raisi');
    expect(d.quotes.filter((q) => ['Moscow format', 'positive signal'].includes(q.text))).toEqual([]);
  });

  it('says what each source says of an entity: sentences, roles and quotes', () => {
    const lavrov = d.context.filter((c) => c.entityId === 'sergei-lavrov');
    expect(lavrov.map((c) => c.sourceId)).toEqual(['chinadaily-2021-08-19-russia', 'sputnik-2021-08-19-lavrov']);
    for (const c of lavrov) {
      expect(c.sentences.length).toBeGreaterThan(0);
      expect(c.roles.map((r) => r.title)).toContain('Russian Foreign Minister');
      expect(c.quoteIds.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reports claims both sources make and where they differ, with evidence from each', () => {
    const claim = (id: string) => d.claims.find((c) => c.id === id)!;
    const designation = claim('claim-terrorist-designation');
    expect(designation.kind).toBe('agree');
    expect(designation.sides.map((s) => s.anchor?.text)).toEqual(['Moscow made the designation in 2003', 'Russia designated the Taliban as a terrorist organization in 2003']);
    expect(claim('claim-inclusive-dialogue').kind).toBe('agree');
    expect(claim('claim-where-lavrov-spoke').kind).toBe('differ');
    expect(claim('claim-us-role').kind).toBe('differ');
    for (const c of d.claims) expect(new Set(c.sides.map((s) => s.sourceId)).size).toBe(2);
  });

  it('fails the build when a claim anchor is not in its source', () => {
    const broken = { ...registry, claims: [{ ...registry.claims[0]!, sides: [{ sourceId: 'sputnik-2021-08-19-lavrov', anchor: 'not in the article' }] }] };
    expect(() => buildDataset(articles, broken)).toThrow(/anchor not found/u);
  });
});
