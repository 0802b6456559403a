import { useId, useState } from 'preact/hooks';
import type { MessageKey } from '../../lib/i18n';
import { DWELL_MAX_MS, DWELL_MIN_MS, HIGHLIGHT_STYLES, isSiteDisabled, withSite, type HighlightStyle, type Settings } from '../../lib/settings/site-rules';
import { useT } from './use-t';

/** Props of {@link SettingsView}. */
export interface SettingsViewProps {
  settings: Settings;
  /** Stores new settings; a rejection is shown in place. */
  onChange: (next: Settings) => Promise<void>;
  /** The current tab's site; null hides the per-site switch (options page) or explains why it is missing. */
  site: string | null;
  /** The options page lists every switched-off site with a way to turn it back on. */
  showSiteList?: boolean;
  /** On the options page there is no tab, so no "this site" row at all. */
  showSiteSwitch?: boolean;
}

const styleKey: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  none: 'styleNone',
};

function Switch({ id, checked, disabled, label, description, onToggle }: { id: string; checked: boolean; disabled?: boolean; label: string; description?: string; onToggle: () => void }) {
  return (
    <div class="switch-row">
      <label for={id} class="switch-label" dir="auto">
        {label}
      </label>
      <button
        id={id}
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-desc` : undefined}
        onClick={onToggle}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
      {description && (
        <p id={`${id}-desc`} class="hint">
          {description}
        </p>
      )}
    </div>
  );
}

/** On/off globally and per site, highlight style and popover delay. Used by the popup and the options page. */
export default function SettingsView({ settings: stored, onChange, site, showSiteList = false, showSiteSwitch = true }: SettingsViewProps) {
  const t = useT();
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  /**
   * The change being saved, shown at once: the stored settings arrive only once it is saved, and
   * until then a redraw (or the news of an earlier change) would put the old choice back.
   */
  const [saving, setSaving] = useState<Settings | null>(null);
  const settings = saving ?? stored;
  const ids = { global: useId(), site: useId(), style: useId(), dwell: useId(), sites: useId() };

  async function change(next: Settings) {
    setStatus(null);
    setSaving(next);
    try {
      await onChange(next);
      setStatus({ kind: 'info', text: t('settingsSaved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settingsError', error instanceof Error ? error.message : String(error)) });
    } finally {
      // A later change may be on its way already: it stays shown.
      setSaving((current) => (current === next ? null : current));
    }
  }

  const siteOn = site !== null && !isSiteDisabled(settings, site);
  return (
    <div class="view settings-view">
      <Switch id={ids.global} checked={settings.enabled} label={t('settingsGlobal')} onToggle={() => void change({ ...settings, enabled: !settings.enabled })} />
      {showSiteSwitch &&
        (site === null ? (
          <p class="hint">{t('settingsSiteNone')}</p>
        ) : (
          <Switch
            id={ids.site}
            checked={settings.enabled && siteOn}
            disabled={!settings.enabled}
            label={t('settingsSite', site)}
            description={settings.enabled ? undefined : t('settingsSiteOffGlobal')}
            onToggle={() => void change(withSite(settings, site, !siteOn))}
          />
        ))}

      <fieldset class="fieldset">
        <legend>{t('settingsStyle')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class={`radio style-${style}`}>
            <input type="radio" name={ids.style} value={style} checked={settings.highlightStyle === style} onChange={() => void change({ ...settings, highlightStyle: style })} />
            <span>{t(styleKey[style])}</span>
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for={ids.dwell}>{t('settingsDwell')}</label>
        <div class="row">
          <input
            id={ids.dwell}
            type="range"
            class="grow"
            min={DWELL_MIN_MS}
            max={DWELL_MAX_MS}
            step={50}
            value={settings.dwellMs}
            aria-describedby={`${ids.dwell}-hint`}
            aria-valuetext={t('settingsDwellValue', String(settings.dwellMs))}
            onChange={(event) => void change({ ...settings, dwellMs: Number(event.currentTarget.value) })}
          />
          <output for={ids.dwell}>{t('settingsDwellValue', String(settings.dwellMs))}</output>
        </div>
        <p id={`${ids.dwell}-hint`} class="hint">
          {t('settingsDwellHint')}
        </p>
      </div>

      {showSiteList && (
        <section class="section" aria-labelledby={ids.sites}>
          <h2 id={ids.sites}>{t('settingsDisabledSites')}</h2>
          {settings.disabledSites.length === 0 ? (
            <p class="empty-inline">{t('settingsDisabledNone')}</p>
          ) : (
            <ul class="site-list" aria-labelledby={ids.sites}>
              {settings.disabledSites.map((s) => (
                <li key={s} class="row">
                  <span class="grow">{s}</span>
                  <button type="button" class="button small" onClick={() => void change(withSite(settings, s, true))}>
                    {t('settingsTurnOn', s)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <p class="hint privacy">{t('settingsPrivacy')}</p>
      <div role="status" class="status-line">
        {status?.kind === 'info' && <p class="notice info">{status.text}</p>}
      </div>
      {status?.kind === 'error' && (
        <p class="notice error" role="alert">
          {status.text}
        </p>
      )}
    </div>
  );
}
