/**
 * Context-menu actions: "Add note to selection" opens the page's note form for the selected
 * passage; "Save this article to Backstory" reads the page's article and saves it, as the
 * popup's button does.
 */
import { browser } from 'wxt/browser';
import type { PageEnvelope, PageMessageName } from '../../lib/messages/page';
import type { Reply } from '../../lib/messages/protocol';
import { readArticle } from '../../lib/page/read-article';

/** Menu item ids. */
export const MENU_ADD_NOTE = 'backstory-add-note';
export const MENU_SAVE_ARTICLE = 'backstory-save-article';

/** Saves an article read from a page (the 'articles.save' message, validated like any other). */
export type SaveArticle = (request: unknown) => Promise<Reply<unknown>>;

/** Creates the menu items; Chrome keeps them across service-worker restarts, so this runs on install and update. */
export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ADD_NOTE, title: 'Add note to selection', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_SAVE_ARTICLE, title: 'Save this article to Backstory', contexts: ['page'] });
}

async function sendToTab<K extends PageMessageName>(tabId: number, type: K): Promise<unknown> {
  const envelope: PageEnvelope<K> = { type, request: {} as PageEnvelope<K>['request'] };
  const reply = (await browser.tabs.sendMessage(tabId, envelope)) as Reply<unknown> | undefined;
  if (!reply?.ok) throw new Error(reply ? reply.error : 'Backstory is not running on this page');
  return reply.value;
}

/** Answers a menu click on `tabId`. Failures are logged: a menu has nowhere else to show them. */
export async function onMenuClick(menuItemId: string | number, tabId: number | undefined, saveArticle: SaveArticle): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    if (menuItemId === MENU_ADD_NOTE) await sendToTab(tabId, 'page.noteSelection');
    if (menuItemId === MENU_SAVE_ARTICLE) {
      const reply = await saveArticle(await readArticle(tabId));
      if (!reply.ok) throw new Error(reply.error);
    }
  } catch (error) {
    console.warn('Backstory: the menu action failed', error);
  }
}

/** Registers the menus (on install and update) and their click listener (on every start). */
export function registerContextMenus(saveArticle: SaveArticle): void {
  if (!browser.contextMenus) return;
  browser.runtime.onInstalled.addListener(() => void createContextMenus().catch((error: unknown) => console.warn('Backstory: menus', error)));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info.menuItemId, tab?.id, saveArticle));
}
