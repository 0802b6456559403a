import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Source } from '../../lib/dataset/types';
import type { EntityCard, EntitySummary } from '../../lib/messages/entities';
import type { NewNote, Note } from '../../lib/messages/notes';
import type { PageEntities } from '../../lib/messages/page';
import type { Settings } from '../../lib/settings/site-rules';
import { siteOf } from '../../lib/settings/site-rules';
import EntityDetail from '../../components/popup/EntityDetail';
import NotesView, { type ArticleInfo, type NotesApi } from '../../components/popup/NotesView';
import OnThisPage from '../../components/popup/OnThisPage';
import SearchView, { type SearchFilters } from '../../components/popup/SearchView';
import SettingsView from '../../components/popup/SettingsView';
import { moveFocus } from '../../components/popup/move-focus';
import { useT } from '../../components/popup/use-t';
import type { MessageKey } from '../../lib/i18n';

/** The tab the popup was opened over. */
export interface ActiveTab {
  id: number;
  url: string;
}

/** Everything the popup asks of the extension; the real one sends typed messages (services.ts). */
export interface PopupServices {
  search: (query: string, filters: SearchFilters) => Promise<EntitySummary[]>;
  sources: () => Promise<Source[]>;
  card: (id: string) => Promise<EntityCard | null>;
  notesAbout: (entityId: string) => Promise<Note[]>;
  notes: Omit<NotesApi, 'saveArticle'>;
  activeTab: () => Promise<ActiveTab | null>;
  pageEntities: (tabId: number) => Promise<PageEntities>;
  reveal: (tabId: number, entityId: string) => Promise<boolean>;
  saveArticle: (tabId: number) => Promise<unknown>;
  loadSettings: () => Promise<Settings>;
  saveSettings: (settings: Settings) => Promise<Settings>;
  watchSettings: (listener: (settings: Settings) => void) => () => void;
}

/** Props of {@link App}. */
export interface AppProps {
  services: PopupServices;
  /** Open this entity's detail right away (from a card's "Open in Backstory"). */
  initialEntity?: string | null;
  /** Clock for relative dates. */
  now?: () => number;
}

type ViewName = 'search' | 'page' | 'notes' | 'settings';
const VIEWS: { name: ViewName; label: MessageKey }[] = [
  { name: 'search', label: 'tabSearch' },
  { name: 'page', label: 'tabPage' },
  { name: 'notes', label: 'tabNotes' },
  { name: 'settings', label: 'tabSettings' },
];

interface Detail {
  id: string;
  card: EntityCard | null | undefined;
  error: string | null;
  notes: Note[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The toolbar popup: the reader's library (search, on this page, notes, settings) and entity detail. */
export default function App({ services, initialEntity = null, now = Date.now }: AppProps) {
  const t = useT();
  const [view, setView] = useState<ViewName>('search');
  const [visited, setVisited] = useState<Set<ViewName>>(() => new Set(['search']));
  const [detail, setDetail] = useState<Detail | null>(null);
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [article, setArticle] = useState<ArticleInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const opener = useRef<HTMLElement | null>(null);
  const tabList = useRef<HTMLDivElement>(null);

  useEffect(() => {
    services.activeTab().then(setTab, () => setTab(null));
    services.sources().then(setSources, () => setSources([]));
    services.loadSettings().then(setSettings, () => undefined);
    return services.watchSettings(setSettings);
  }, [services]);

  // The page's canonical URL and title come from the content script, once per popup.
  const pagePromise = useRef<Promise<PageEntities> | null>(null);
  const loadPage = useCallback((): Promise<PageEntities> => {
    if (!tab) return Promise.reject(Object.assign(new Error(t('pageUnavailable')), { unavailable: true as const }));
    const pending = services.pageEntities(tab.id);
    pagePromise.current = pending;
    pending.then(
      (page) => setArticle({ url: page.url, title: page.title, site: page.site }),
      () => setArticle(null),
    );
    return pending;
  }, [services, tab, t]);

  useEffect(() => {
    if (tab) void loadPage().catch(() => undefined);
  }, [tab, loadPage]);

  const reveal = useCallback((entityId: string) => (tab ? services.reveal(tab.id, entityId) : Promise.resolve(false)), [services, tab]);

  const openEntity = useCallback(
    (id: string) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDetail({ id, card: undefined, error: null, notes: [] });
      Promise.all([services.card(id), services.notesAbout(id).catch(() => [] as Note[])]).then(
        ([card, notes]) => setDetail((d) => (d?.id === id ? { ...d, card, notes } : d)),
        (error: unknown) => setDetail((d) => (d?.id === id ? { ...d, error: errorText(error) } : d)),
      );
    },
    [services],
  );

  useEffect(() => {
    if (initialEntity) openEntity(initialEntity);
  }, [initialEntity, openEntity]);

  const refreshDetailNotes = useCallback(
    async (id: string) => {
      const notes = await services.notesAbout(id);
      setDetail((d) => (d?.id === id ? { ...d, notes } : d));
    },
    [services],
  );

  function closeDetail() {
    setDetail(null);
    // Back where the reader was: the result or page entity that opened the detail.
    requestAnimationFrame(() => {
      if (opener.current?.isConnected) opener.current.focus();
    });
  }

  function select(name: ViewName) {
    setView(name);
    setDetail(null);
    setVisited((v) => (v.has(name) ? v : new Set([...v, name])));
  }

  const notesApi: NotesApi = useMemo(
    () => ({
      ...services.notes,
      saveArticle: () => (tab ? services.saveArticle(tab.id) : Promise.reject(new Error(t('notesNoArticle')))),
    }),
    [services, tab, t],
  );

  const search = useCallback((query: string, filters: SearchFilters) => services.search(query, filters), [services]);
  const site = tab ? siteOf(tab.url) : null;

  async function addNoteAbout(entityId: string, text: string) {
    if (!article) return;
    const note: NewNote = { url: article.url, title: article.title, site: article.site, text, entityIds: [entityId] };
    await services.notes.add(note);
    await refreshDetailNotes(entityId);
  }

  return (
    <div class="app">
      <header class="app-bar">
        <h1 class="visually-hidden">{t('extName')}</h1>
        <div
          ref={tabList}
          class="tabs"
          role="tablist"
          aria-label={t('navLabel')}
          onKeyDown={(event) => {
            const index = moveFocus(event, tabList.current, '[role="tab"]', { vertical: false, wrap: true });
            const next = index !== null && index >= 0 ? VIEWS[index] : undefined;
            if (next) select(next.name);
          }}
        >
          {VIEWS.map(({ name, label }) => (
            <button
              key={name}
              id={`tab-${name}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={view === name}
              aria-controls={`panel-${name}`}
              tabIndex={view === name ? 0 : -1}
              onClick={() => select(name)}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </header>

      <main class="app-main">
        {detail && (
          <EntityDetail
            card={detail.card}
            error={detail.error}
            onRetry={() => openEntity(detail.id)}
            notes={detail.notes}
            onBack={closeDetail}
            onAddNote={article ? (text) => addNoteAbout(detail.id, text) : undefined}
            onUpdateNote={async (id, text) => {
              await services.notes.update(id, text);
              await refreshDetailNotes(detail.id);
            }}
            onDeleteNote={async (id) => {
              await services.notes.remove(id);
              await refreshDetailNotes(detail.id);
            }}
            currentUrl={article?.url}
            now={now()}
          />
        )}
        {VIEWS.map(({ name }) => (
          <section key={name} id={`panel-${name}`} role="tabpanel" aria-labelledby={`tab-${name}`} class="panel" hidden={detail !== null || view !== name}>
            {visited.has(name) && name === 'search' && <SearchView search={search} sources={sources} onOpen={openEntity} autoFocus={!initialEntity} />}
            {visited.has(name) && name === 'page' && tab !== undefined && <OnThisPage load={loadPage} reveal={reveal} onOpen={openEntity} />}
            {visited.has(name) && name === 'notes' && <NotesView api={notesApi} article={article} now={now()} />}
            {visited.has(name) && name === 'settings' && settings && (
              <SettingsView
                settings={settings}
                site={site}
                onChange={async (next) => {
                  setSettings(await services.saveSettings(next));
                }}
              />
            )}
          </section>
        ))}
      </main>
    </div>
  );
}
