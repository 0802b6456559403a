/** "Open in Backstory" from a card: the popup's entity view, or a tab when no popup can open. */
import { browser } from 'wxt/browser';

/** Opens the popup on the entity; falls back to a tab with the same view. */
export async function openEntity(id: string): Promise<{ opened: 'popup' | 'tab' }> {
  const page = `popup.html?entity=${encodeURIComponent(id)}` as const;
  try {
    await browser.action.setPopup({ popup: page });
    await browser.action.openPopup();
    return { opened: 'popup' };
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${page}`) });
    return { opened: 'tab' };
  } finally {
    await browser.action.setPopup({ popup: 'popup.html' }).catch(() => {});
  }
}
