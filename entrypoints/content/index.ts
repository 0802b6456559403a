import { defineContentScript } from 'wxt/utils/define-content-script';
import { startBackstory } from './backstory';
// The marks' styles, injected by the manifest before the page is parsed (see page-styles.css).
import '../../lib/scan/page-styles.css';

/** Backstory on every web page: marks known names and shows their card on hover. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // After the page is parsed, at the moment the browser picks for page-load speed. Evaluated at
  // document start, this script made the browser paint some pages half-parsed, and they then
  // shifted (on one, the first box's margin collapsed into <body> late: 22 px).
  runAt: 'document_idle',
  // Only the page styles go in the manifest's CSS (the browser injects it at document start,
  // whatever runAt says); the card's styles are imported inline and adopted by its shadow root.
  cssInjectionMode: 'manifest',
  // Older copies of this script are told to stop by a DOM event only, never by a message posted
  // to the page's window: the page's own message listeners never hear from Backstory, and the
  // script's first task is 15-20 ms shorter (posting that message did the page's window work).
  noScriptStartedPostMessage: true,
  main: (ctx) => startBackstory(ctx),
});
