import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/site-rules';
import SettingsView from '../../components/popup/SettingsView';
import { useT } from '../../components/popup/use-t';

/** Props of {@link Options}. */
export interface OptionsProps {
  load: () => Promise<Settings>;
  save: (settings: Settings) => Promise<Settings>;
  watch: (listener: (settings: Settings) => void) => () => void;
}

/** The options page: the popup's settings plus the list of switched-off sites. */
export default function Options({ load, save, watch }: OptionsProps) {
  const t = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    load().then(setSettings, () => undefined);
    return watch(setSettings);
  }, [load, watch]);
  return (
    <div class="app options">
      <header class="app-bar">
        <h1 class="brand">{t('optionsTitle')}</h1>
      </header>
      <main class="app-main">
        {settings && <SettingsView settings={settings} site={null} showSiteSwitch={false} showSiteList onChange={async (next) => setSettings(await save(next))} />}
      </main>
    </div>
  );
}
