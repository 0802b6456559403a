/**
 * Build step for the page styles (lib/scan/page-styles.css) in Chromium builds.
 *
 * Any `::highlight()` rule that matches an element makes the browser work out that element's
 * highlight styles at every restyle: with the universal rules, a full restyle of a 500 KB page
 * took twice as long as without them, on every page, names or not. Chromium gives a highlight
 * pseudo-element's styles to the same highlight of every descendant (highlight inheritance, on for
 * `::highlight()` since Chromium 105, the release that shipped the Highlight API itself), so there
 * the rules can sit on `:root` alone, where one element matches them (1.2× instead of 2×).
 * Firefox does not inherit them and keeps the universal rules; so do the copies shadow roots
 * adopt (`?inline`), where `:root` matches nothing.
 */
import type { Plugin } from 'vite';

/** The page styles' rules, each anchored on `:root` (`::highlight(x)` becomes `:root::highlight(x)`). */
export function anchorHighlightRules(css: string): string {
  return css.replace(/(^|[\s,{])::highlight\(/g, '$1:root::highlight(');
}

/** Vite plugin: anchors the page styles injected by the manifest on `:root`, except for Firefox. */
export function highlightRulesOnRoot(browser: string): Plugin {
  return {
    name: 'backstory:highlight-rules-on-root',
    enforce: 'pre',
    transform(code, id) {
      if (browser === 'firefox' || !id.endsWith('/lib/scan/page-styles.css')) return null;
      return { code: anchorHighlightRules(code), map: null };
    },
  };
}
