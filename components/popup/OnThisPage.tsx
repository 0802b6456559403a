import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PageEntities, PageEntity } from '../../lib/messages/page';
import { typeKey } from './labels';
import { moveFocus } from './move-focus';
import { useT } from './use-t';

/** Props of {@link OnThisPage}. */
export interface OnThisPageProps {
  /** Asks the current tab what Backstory found there. Reject with `unavailable: true` when no content script answers. */
  load: () => Promise<PageEntities>;
  /** Scrolls the page to the entity's first mark and opens its popover; false when there is no mark. */
  reveal: (entityId: string) => Promise<boolean>;
  /** Opens the entity's detail view in the popup. */
  onOpen: (entityId: string) => void;
}

/** An error meaning "Backstory does not run in this tab", as opposed to a failure while it does. */
export interface UnavailableError extends Error {
  unavailable: true;
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; page: PageEntities }
  | { status: 'unavailable' }
  | { status: 'error'; error: string };

function sortByCount(entities: readonly PageEntity[]): PageEntity[] {
  return [...entities].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * The entities found in the current tab with how often each appears. Choosing one shows it on
 * the page (scroll to the first mark, open its popover); the second button opens it here.
 */
export default function OnThisPage({ load, reveal, onOpen }: OnThisPageProps) {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [revealError, setRevealError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (page) => live && setState({ status: 'ready', page }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof Error && (error as Partial<UnavailableError>).unavailable) setState({ status: 'unavailable' });
        else setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);

  async function show(entity: PageEntity) {
    setRevealError(null);
    let ok = false;
    try {
      ok = await reveal(entity.entityId);
    } catch {
      ok = false;
    }
    if (!ok) setRevealError(t('pageShowFailed', entity.name));
  }

  if (state.status === 'loading') return <p class="view loading">{t('pageLoading')}</p>;
  if (state.status === 'unavailable') {
    return (
      <div class="view empty">
        <p class="empty-title">{t('pageUnavailable')}</p>
        <p>{t('pageUnavailableHint')}</p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div class="view notice error" role="alert">
        <p>{t('pageError', state.error)}</p>
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('retry')}
        </button>
      </div>
    );
  }

  const { page } = state;
  const entities = sortByCount(page.entities);
  return (
    <div class="view page-view">
      <header class="page-header">
        <h2 id={headingId}>{t('pageHeading')}</h2>
        <p class="page-title" dir="auto">
          {page.title || page.url}
        </p>
        {entities.length > 0 && <p class="page-summary">{t('pageSummary', String(entities.length))}</p>}
      </header>
      {revealError && (
        <p class="notice error" role="alert">
          {revealError}
        </p>
      )}
      {entities.length === 0 ? (
        <div class="empty">
          <p class="empty-title">{t('pageEmpty')}</p>
          <p>{t('pageEmptyHint')}</p>
        </div>
      ) : (
        <ul
          ref={list}
          class="page-list"
          aria-labelledby={headingId}
          onKeyDown={(event) => moveFocus(event, list.current, '[data-page-entity]')}
        >
          {entities.map((entity) => (
            <li key={entity.entityId} class="page-item">
              <button type="button" class="page-entity" data-page-entity title={t('pageShow')} onClick={() => void show(entity)}>
                <span class="result-name" dir="auto">
                  {entity.name}
                </span>
                <span class={`type-badge type-${entity.type}`}>{t(typeKey[entity.type])}</span>
                <span class="count" aria-label={t('pageCount', String(entity.count))}>
                  {`×${entity.count}`}
                </span>
              </button>
              <button type="button" class="icon-button" aria-label={t('pageDetails', entity.name)} onClick={() => onOpen(entity.entityId)}>
                <span aria-hidden="true">›</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
