import { describe, expect, it, vi } from 'vitest';
import { createSearchHandler } from './search-handler';
import { miniDataset } from '../../tests/unit/fixtures/mini-dataset';

describe('createSearchHandler', () => {
  it('answers with entity summaries only', async () => {
    const handler = createSearchHandler(async () => miniDataset());
    await expect(handler({ query: 'Kabulov' })).resolves.toEqual([
      { id: 'zamir-kabulov', type: 'person', name: 'Zamir Kabulov', role: "Kremlin's special envoy to Afghanistan" },
    ]);
  });

  it('applies limit and filters', async () => {
    const handler = createSearchHandler(async () => miniDataset());
    expect(await handler({ query: '', limit: 1 })).toHaveLength(1);
    expect((await handler({ query: '', types: ['term'] })).map((r) => r.name)).toEqual(['Moscow format']);
    expect((await handler({ query: '', sourceIds: ['chinadaily-2021-08-19-russia'], types: ['place'] })).map((r) => r.name)).toEqual(['Kabul']);
  });

  it('rebuilds the index only when the dataset changes', async () => {
    let dataset = miniDataset();
    const getDataset = vi.fn(async () => dataset);
    const handler = createSearchHandler(getDataset);
    expect(await handler({ query: 'Mangoush' })).toEqual([]);
    dataset = miniDataset();
    dataset.version = 'test-2';
    dataset.entities.push({ id: 'najla-mangoush', type: 'person', name: 'Najla Mangoush', aliases: [], roles: [] });
    expect((await handler({ query: 'Mangoush' })).map((r) => r.id)).toEqual(['najla-mangoush']);
  });
});
