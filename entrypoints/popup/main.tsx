import { render } from 'preact';
import { browser } from 'wxt/browser';
import App from './App';
import { createPopupServices } from './services';
import { TranslateContext } from '../../components/popup/use-t';
import { t } from '../../lib/i18n';
import '../../components/card.css';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage?.() || 'en';
const root = document.getElementById('app');
if (root) {
  render(
    <TranslateContext.Provider value={t}>
      <App services={createPopupServices()} initialEntity={new URLSearchParams(location.search).get('entity')} />
    </TranslateContext.Provider>,
    root,
  );
  // The popup is interactive once the search field has focus (DevTools and the tests read this).
  requestAnimationFrame(() => performance.mark('backstory:popup-interactive'));
}
