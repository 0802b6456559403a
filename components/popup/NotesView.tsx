import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportSummary } from '../../lib/messages/backup';
import type { NewNote, Note } from '../../lib/messages/notes';
import type { PassageStatus } from '../../lib/messages/page';
import { foldTerm } from '../../lib/search/entity-index';
import NoteList from './NoteList';
import { useT } from './use-t';

/** The article open in the current tab, as notes remember it. */
export interface ArticleInfo {
  url: string;
  title: string;
  site: string;
}

/** What the notes view needs from the background. */
export interface NotesApi {
  /** Every live note, newest first. */
  listAll: () => Promise<Note[]>;
  add: (note: NewNote) => Promise<Note>;
  update: (id: string, text: string) => Promise<Note>;
  remove: (id: string) => Promise<Note>;
  restore: (id: string) => Promise<Note>;
  /** Writes a backup file for the reader; resolves with the file name. */
  exportBackup: () => Promise<string>;
  importBackup: (text: string) => Promise<ImportSummary>;
  /** Saves the current article to the library. */
  saveArticle: () => Promise<unknown>;
  /** Which of the open page's passage notes were found there; absent where no page can say. */
  passageStatus?: () => Promise<PassageStatus>;
}

/** Props of {@link NotesView}. */
export interface NotesViewProps {
  api: NotesApi;
  /** The article in the current tab; null when the tab is not an article Backstory can read. */
  article: ArticleInfo | null;
  /** Epoch milliseconds for relative dates. */
  now: number;
}

type Status = { kind: 'info' | 'error'; text: string; undoId?: string } | null;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The reader's notes: this article's (add, edit, delete with undo), all notes with search and a
 * site filter, "Save this article", and backup export and import.
 */
export default function NotesView({ api, article, now }: NotesViewProps) {
  const t = useT();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [articleStatus, setArticleStatus] = useState<Status>(null);
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(() => new Set());
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { article: useId(), all: useId(), draft: useId(), search: useId(), site: useId(), backup: useId() };

  useEffect(() => {
    let live = true;
    api.listAll().then(
      (all) => {
        if (!live) return;
        setNotes(all);
        setLoadError(null);
      },
      (error: unknown) => live && setLoadError(message(error)),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  // Asked again after every change, so a note just added or restored is placed on the page too.
  useEffect(() => {
    let live = true;
    if (!article || !api.passageStatus) return;
    api.passageStatus().then(
      (status) => live && setOrphans(new Set(status.orphans)),
      () => live && setOrphans(new Set()),
    );
    return () => {
      live = false;
    };
  }, [api, article, attempt]);

  const reload = () => setAttempt((n) => n + 1);

  const articleNotes = useMemo(
    () => (article && notes ? notes.filter((n) => n.url === article.url).sort((a, b) => a.createdAt - b.createdAt) : []),
    [notes, article],
  );
  const sites = useMemo(() => [...new Set((notes ?? []).map((n) => n.site).filter(Boolean))].sort((a, b) => a.localeCompare(b)), [notes]);
  const shown = useMemo(() => {
    const needle = foldTerm(query.trim());
    return (notes ?? []).filter((n) => {
      if (site && n.site !== site) return false;
      if (!needle) return true;
      return foldTerm(`${n.text}\n${n.title}\n${n.site}\n${n.target?.quote.exact ?? ''}`).includes(needle);
    });
  }, [notes, query, site]);

  async function add(event: Event) {
    event.preventDefault();
    const text = draft.trim();
    if (!article || !text) return;
    setDraftError(null);
    try {
      await api.add({ url: article.url, title: article.title, site: article.site, text });
      setDraft('');
      reload();
    } catch (error) {
      setDraftError(t('noteError', message(error)));
    }
  }

  async function update(id: string, text: string) {
    await api.update(id, text);
    reload();
  }

  async function remove(id: string) {
    try {
      await api.remove(id);
      setStatus({ kind: 'info', text: t('noteDeleted'), undoId: id });
      reload();
    } catch (error) {
      setStatus({ kind: 'error', text: t('noteError', message(error)) });
    }
  }

  async function undo(id: string) {
    try {
      await api.restore(id);
      setStatus(null);
      reload();
    } catch (error) {
      setStatus({ kind: 'error', text: t('noteError', message(error)) });
    }
  }

  async function saveArticle() {
    setArticleStatus(null);
    try {
      await api.saveArticle();
      setArticleStatus({ kind: 'info', text: t('articleSaved') });
    } catch (error) {
      setArticleStatus({ kind: 'error', text: t('articleSaveError', message(error)) });
    }
  }

  async function exportBackup() {
    try {
      const file = await api.exportBackup();
      setStatus({ kind: 'info', text: t('notesExported', file) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('notesBackupError', message(error)) });
    }
  }

  async function importBackup(file: File | undefined) {
    if (!file) return;
    try {
      const summary = await api.importBackup(await file.text());
      setStatus({ kind: 'info', text: t('notesImported', String(summary.notesAdded + summary.notesUpdated)) });
      reload();
    } catch (error) {
      setStatus({ kind: 'error', text: t('notesBackupError', message(error)) });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <div class="view notes-view">
      <div class="status-line" role="status">
        {status && status.kind === 'info' && (
          <p class="notice info">
            {status.text}
            {status.undoId && (
              <button type="button" class="button small" onClick={() => void undo(status.undoId!)}>
                {t('noteUndo')}
              </button>
            )}
          </p>
        )}
      </div>
      {status?.kind === 'error' && (
        <p class="notice error" role="alert">
          {status.text}
        </p>
      )}

      <section class="section" aria-labelledby={ids.article}>
        <h2 id={ids.article}>{t('notesThisArticle')}</h2>
        {!article ? (
          <p class="empty-inline">{t('notesNoArticle')}</p>
        ) : (
          <>
            <p class="page-title" dir="auto">
              {article.title || article.url}
            </p>
            {notes && articleNotes.length === 0 && <p class="empty-inline">{t('notesArticleEmpty')}</p>}
            {articleNotes.length > 0 && <NoteList notes={articleNotes} onUpdate={update} onDelete={remove} now={now} labelledBy={ids.article} orphans={orphans} />}
            <form class="note-new" onSubmit={add}>
              <label for={ids.draft}>{t('noteNewLabel')}</label>
              <textarea
                id={ids.draft}
                rows={3}
                value={draft}
                aria-invalid={draftError ? true : undefined}
                aria-describedby={draftError ? `${ids.draft}-error` : undefined}
                onInput={(event) => setDraft(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void add(event);
                }}
              />
              {draftError && (
                <p id={`${ids.draft}-error`} class="field-error" role="alert">
                  {draftError}
                </p>
              )}
              <div class="row">
                <button type="submit" class="button primary" disabled={draft.trim() === ''}>
                  {t('noteAdd')}
                </button>
                <button type="button" class="button" onClick={() => void saveArticle()}>
                  {t('articleSave')}
                </button>
              </div>
              {articleStatus && (
                <p class={`notice ${articleStatus.kind}`} role={articleStatus.kind === 'error' ? 'alert' : 'status'}>
                  {articleStatus.text}
                </p>
              )}
            </form>
          </>
        )}
      </section>

      <section class="section" aria-labelledby={ids.all}>
        <h2 id={ids.all}>{t('notesAll')}</h2>
        {loadError ? (
          <div class="notice error" role="alert">
            <p>{t('notesLoadError', loadError)}</p>
            <button type="button" class="button" onClick={reload}>
              {t('retry')}
            </button>
          </div>
        ) : notes === null ? (
          <p class="loading">{t('detailLoading')}</p>
        ) : notes.length === 0 ? (
          <p class="empty-inline">{t('notesAllEmpty')}</p>
        ) : (
          <>
            <div class="filters row">
              <label for={ids.search} class="visually-hidden">
                {t('notesSearchLabel')}
              </label>
              <input id={ids.search} type="search" class="grow" placeholder={t('notesSearchLabel')} value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
              <label for={ids.site} class="visually-hidden">
                {t('notesSiteLabel')}
              </label>
              <select id={ids.site} value={site} onChange={(event) => setSite(event.currentTarget.value)}>
                <option value="">{t('notesSiteAll')}</option>
                {sites.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
            {shown.length === 0 ? (
              <p class="empty-inline">{t('notesNoMatch')}</p>
            ) : (
              <NoteList notes={shown} showArticle onUpdate={update} onDelete={remove} now={now} labelledBy={ids.all} orphans={orphans} />
            )}
          </>
        )}
      </section>

      <section class="section" aria-labelledby={ids.backup}>
        <h2 id={ids.backup}>{t('backupHeading')}</h2>
        <div class="row">
          <button type="button" class="button" onClick={() => void exportBackup()}>
            {t('notesExport')}
          </button>
          <button type="button" class="button" onClick={() => fileInput.current?.click()}>
            {t('notesImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            class="visually-hidden"
            tabIndex={-1}
            aria-label={t('notesImport')}
            onChange={(event) => void importBackup(event.currentTarget.files?.[0])}
          />
        </div>
      </section>
    </div>
  );
}
