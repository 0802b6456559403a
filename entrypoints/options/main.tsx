import { render } from 'preact';
import Options from './Options';
import { TranslateContext } from '../../components/popup/use-t';
import { t } from '../../lib/i18n';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings/settings-store';
import '../../components/card.css';
import '../popup/popup.css';
import './options.css';

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <TranslateContext.Provider value={t}>
      <Options load={loadSettings} save={saveSettings} watch={watchSettings} />
    </TranslateContext.Provider>,
    root,
  );
}
