import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { highlightRulesOnRoot } from './scripts/lib/highlight-rules';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Backstory',
    // public/_locales/en holds the UI strings; Chrome refuses to load an extension with _locales but no default_locale.
    default_locale: 'en',
    description: 'Context on hover for news readers: who is this, what did they say, how each outlet described them.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'unlimitedStorage'],
    commands: {
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next marked name',
      },
      'prev-mark': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the card of the previous marked name',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Backstory collects nothing: everything stays in the browser.
            gecko: { id: 'backstory@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: (env) => ({
    plugins: [preact(), highlightRulesOnRoot(env.browser)],
  }),
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', '.tmp/**', 'docs/**', '.output/**'],
  },
});
