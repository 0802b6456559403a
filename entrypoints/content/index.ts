import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBackstory } from './backstory';

/** Backstory on every web page: marks known names and shows their card on hover. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // The card's styles are adopted by its own shadow root; there is no content CSS file to inject.
  cssInjectionMode: 'manual',
  main: (ctx) => startBackstory(ctx),
});
