/**
 * The background's answer to 'entity.search': one search index per dataset, built on first use
 * and rebuilt only when the dataset changes (its version or the object itself).
 */
import type { Dataset, EntityType } from '../dataset/types';
import type { EntitySummary } from '../messages/entities';
import { buildEntityIndex, type EntityIndex } from '../search/entity-index';

/** The 'entity.search' request, including the optional filters the popup sends. */
export interface EntitySearchRequest {
  query: string;
  limit?: number;
  types?: EntityType[];
  sourceIds?: string[];
}

/**
 * Returns the handler for 'entity.search'. `getDataset` should resolve to everything searchable:
 * the bundled dataset with the reader's saved articles merged in.
 */
export function createSearchHandler(getDataset: () => Promise<Dataset>): (request: EntitySearchRequest) => Promise<EntitySummary[]> {
  let cached: { dataset: Dataset; version: string; index: EntityIndex } | null = null;
  return async function searchEntities(request) {
    const dataset = await getDataset();
    if (!cached || cached.dataset !== dataset || cached.version !== dataset.version) {
      cached = { dataset, version: dataset.version, index: buildEntityIndex(dataset) };
    }
    // Only the summary fields cross the message boundary.
    return cached.index
      .search(request.query, { limit: request.limit ?? 50, types: request.types, sourceIds: request.sourceIds })
      .map(({ id, type, name, role }) => ({ id, type, name, role }));
  };
}
