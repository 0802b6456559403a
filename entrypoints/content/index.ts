import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBackstory } from './backstory';

/** Backstory on every web page: marks known names and shows their card on hover. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  main: (ctx) => startBackstory(ctx),
});
