/**
 * The popup's services over the real extension: typed messages to the background and to the
 * content script of the active tab, and the settings store. Nothing here opens IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { Source } from '../../lib/dataset/types';
import { send } from '../../lib/messages/client';
import { sendToTab } from '../../lib/messages/tab-client';
import { readArticle } from '../../lib/page/read-article';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings/settings-store';
import type { ActiveTab, PopupServices } from './App';

/** How many results a search asks for: enough to browse a whole small library. */
const SEARCH_LIMIT = 200;

/**
 * The tab the popup acts on. `?tab=<id>` names it explicitly (the popup opened as a page,
 * for instance in end-to-end tests); otherwise it is the active tab of the current window.
 */
async function activeTab(): Promise<ActiveTab | null> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) return null;
  // Without the `tabs` permission the URL is only known when the toolbar click granted activeTab;
  // otherwise the tab's own content script says where it is.
  const url = tab.url ?? (await sendToTab(tab.id, 'page.entities', {}).catch(() => null))?.location ?? '';
  return { id: tab.id, url };
}

/** Offers text as a file download without any network request. */
function download(text: string, fileName: string): void {
  const href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Sources the reader can filter by. Saved articles are listed here; see the report on bundled ones. */
async function sources(): Promise<Source[]> {
  const saved = await send('articles.list', {});
  return saved.map((a) => ({ id: a.id, publisher: a.publisher, title: a.title, published: a.published, url: a.url, language: 'und', origin: 'saved' as const }));
}

/** Builds the services the popup uses in the extension. */
export function createPopupServices(): PopupServices {
  return {
    search: (query, filters) => send('entity.search', { query, limit: SEARCH_LIMIT, ...filters }),
    sources,
    card: (id) => send('entity.card', { id }),
    notesAbout: (entityId) => send('notes.listByEntity', { entityId }),
    notes: {
      listAll: () => send('notes.listAll', {}),
      add: (note) => send('notes.add', note),
      update: (id, text) => send('notes.update', { id, text }),
      remove: (id) => send('notes.delete', { id }),
      restore: (id) => send('notes.restore', { id }),
      exportBackup: async () => {
        const text = await send('backup.export', {});
        const fileName = `backstory-backup-${new Date().toISOString().slice(0, 10)}.json`;
        download(text, fileName);
        return fileName;
      },
      importBackup: (text) => send('backup.import', { text }),
      passageStatus: async () => {
        const tab = await activeTab();
        if (!tab) throw new Error('No tab');
        return sendToTab(tab.id, 'page.notes', {});
      },
    },
    activeTab,
    pageEntities: (tabId) => sendToTab(tabId, 'page.entities', {}),
    reveal: async (tabId, entityId) => (await sendToTab(tabId, 'page.reveal', { entityId })).ok,
    saveArticle: async (tabId) => send('articles.save', await readArticle(tabId)),
    loadSettings,
    saveSettings,
    watchSettings,
  };
}
