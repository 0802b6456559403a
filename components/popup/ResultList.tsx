import type { EntityType } from '../../lib/dataset/types';
import type { EntitySummary } from '../../lib/messages/entities';
import { ENTITY_TYPES, typeKey, typePluralKey } from './labels';
import { useT } from './use-t';

/** Props of {@link ResultList}. */
export interface ResultListProps {
  /** Entities to list, best first. */
  results: readonly EntitySummary[];
  /** Opens an entity's detail view. */
  onOpen: (id: string) => void;
  /** Group under one heading per type (browsing) instead of one ranked list (searching). */
  grouped?: boolean;
  /** Id of the element naming the list. */
  labelledBy?: string;
}

function ResultItem({ result, onOpen }: { result: EntitySummary; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <li class="result-item">
      <button type="button" class="result" data-result data-entity-id={result.id} onClick={() => onOpen(result.id)}>
        <span class="result-name" dir="auto">
          {result.name}
        </span>
        <span class={`type-badge type-${result.type}`}>{t(typeKey[result.type])}</span>
        {result.role && (
          <span class="result-role" dir="auto">
            {result.role}
          </span>
        )}
      </button>
    </li>
  );
}

/**
 * Entities as list items, each a button that opens the entity. Arrow keys are handled by
 * the surrounding view, which knows about the search field above.
 */
export default function ResultList({ results, onOpen, grouped = false, labelledBy }: ResultListProps) {
  const t = useT();
  if (!grouped) {
    return (
      <ul class="result-list" aria-labelledby={labelledBy}>
        {results.map((result) => (
          <ResultItem key={result.id} result={result} onOpen={onOpen} />
        ))}
      </ul>
    );
  }
  const groups = new Map<EntityType, EntitySummary[]>();
  for (const result of results) groups.set(result.type, [...(groups.get(result.type) ?? []), result]);
  return (
    <div class="result-groups" role="group" aria-labelledby={labelledBy}>
      {ENTITY_TYPES.filter((type) => groups.has(type)).map((type) => (
        <section key={type} class="result-group" aria-label={t(typePluralKey[type])}>
          <h3 class="group-heading">{t(typePluralKey[type])}</h3>
          <ul class="result-list">
            {groups.get(type)!.map((result) => (
              <ResultItem key={result.id} result={result} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
