import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EntityType, Source } from '../../lib/dataset/types';
import type { EntitySummary } from '../../lib/messages/entities';
import ResultList from './ResultList';
import { ENTITY_TYPES, typePluralKey } from './labels';
import { moveFocus } from './move-focus';
import { useT } from './use-t';

/** Narrowing of a search; absent means any. */
export interface SearchFilters {
  types?: EntityType[];
  sourceIds?: string[];
}

/** Props of {@link SearchView}. */
export interface SearchViewProps {
  /** Runs one search; an empty query browses every entity. */
  search: (query: string, filters: SearchFilters) => Promise<EntitySummary[]>;
  /** Sources to filter by; the source filter is hidden when there are none. */
  sources?: readonly Source[];
  /** Opens an entity's detail view. */
  onOpen: (id: string) => void;
  /** Focus the search field when the view first appears. */
  autoFocus?: boolean;
}

type TypeChoice = 'all' | EntityType;

type State = { status: 'loading'; results: readonly EntitySummary[] } | { status: 'done'; results: readonly EntitySummary[] } | { status: 'error'; error: string };

/**
 * The library: a search field with results as you type, filters by type and by source, and
 * arrow-key movement from the field through the results (Enter opens one).
 */
export default function SearchView({ search, sources = [], onOpen, autoFocus = false }: SearchViewProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<TypeChoice>('all');
  const [sourceId, setSourceId] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: 'loading', results: [] });
  const field = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const typeGroup = useRef<HTMLDivElement>(null);
  const latest = useRef(0);
  const ids = { field: useId(), results: useId(), source: useId(), types: useId() };

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    // Answers can arrive out of order while typing: only the newest request may update the list.
    const ticket = ++latest.current;
    setState((previous) => ({ status: 'loading', results: previous.status === 'error' ? [] : previous.results }));
    const filters: SearchFilters = {};
    if (type !== 'all') filters.types = [type];
    if (sourceId) filters.sourceIds = [sourceId];
    search(query, filters).then(
      (results) => ticket === latest.current && setState({ status: 'done', results }),
      (error: unknown) => ticket === latest.current && setState({ status: 'error', error: error instanceof Error ? error.message : String(error) }),
    );
  }, [query, type, sourceId, attempt, search]);

  function onFieldKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      moveFocus(event, resultsRef.current, '[data-result]');
    } else if (event.key === 'Enter' && state.status !== 'error') {
      const first = state.results[0];
      if (first) onOpen(first.id);
    }
  }

  function onResultsKey(event: KeyboardEvent) {
    if (moveFocus(event, resultsRef.current, '[data-result]') === -1) field.current?.focus();
  }

  function onTypeKey(event: KeyboardEvent) {
    const choices: TypeChoice[] = ['all', ...ENTITY_TYPES];
    const next = moveFocus(event, typeGroup.current, '[role="radio"]', { vertical: false, wrap: true });
    if (next !== null && next >= 0) setType(choices[next] ?? 'all');
  }

  const filtered = type !== 'all' || sourceId !== '';
  const results = state.status === 'error' ? [] : state.results;
  const browsing = query.trim() === '';

  return (
    <div class="view search-view">
      <div class="search-box">
        <label for={ids.field} class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input
          ref={field}
          id={ids.field}
          class="search-field"
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-controls={ids.results}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onFieldKey}
        />
      </div>

      <div class="filters">
        <div ref={typeGroup} class="chips" role="radiogroup" aria-label={t('filterTypeLabel')} onKeyDown={onTypeKey}>
          {(['all', ...ENTITY_TYPES] as TypeChoice[]).map((choice) => (
            <button
              key={choice}
              type="button"
              role="radio"
              class="chip"
              aria-checked={type === choice}
              tabIndex={type === choice ? 0 : -1}
              onClick={() => setType(choice)}
            >
              {choice === 'all' ? t('filterAll') : t(typePluralKey[choice])}
            </button>
          ))}
        </div>
        {sources.length > 0 && (
          <div class="source-filter">
            <label for={ids.source}>{t('filterSourceLabel')}</label>
            <select id={ids.source} value={sourceId} onChange={(event) => setSourceId(event.currentTarget.value)}>
              <option value="">{t('filterSourceAll')}</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {`${source.publisher}: ${source.title}`}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <p class="visually-hidden" role="status">
        {state.status === 'done' && !browsing ? (results.length === 1 ? t('resultsOne') : t('resultsCount', String(results.length))) : ''}
      </p>

      <div ref={resultsRef} id={ids.results} class="results" aria-busy={state.status === 'loading'} onKeyDown={onResultsKey}>
        <h2 id={`${ids.results}-label`} class="visually-hidden">
          {t('resultsLabel')}
        </h2>
        {state.status === 'error' ? (
          <div class="notice error" role="alert">
            <p>{t('searchError', state.error)}</p>
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('retry')}
            </button>
          </div>
        ) : results.length > 0 ? (
          <ResultList results={results} onOpen={onOpen} grouped={browsing && type === 'all'} labelledBy={`${ids.results}-label`} />
        ) : state.status === 'done' ? (
          <div class="empty">
            {browsing && !filtered ? (
              <>
                <p class="empty-title">{t('libraryEmpty')}</p>
                <p>{t('libraryEmptyHint')}</p>
              </>
            ) : (
              <>
                {!browsing && <p class="empty-title">{t('resultsNone', query.trim())}</p>}
                <p>{t('resultsNoneHint')}</p>
              </>
            )}
          </div>
        ) : (
          <p class="loading">{t('searching')}</p>
        )}
      </div>
      {results.length > 0 && <p class="hint" aria-hidden="true">{t('keyboardHint')}</p>}
    </div>
  );
}
