/**
 * The translator for popup views, provided once at the root. Views never call browser.i18n
 * themselves; without a provider they speak the bundled English catalog (tests).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translateEnglish, type Translate } from '../../lib/i18n';

/** Provides the translator to every popup view below it. */
export const TranslateContext = createContext<Translate>(translateEnglish);

/** The current translator. */
export function useT(): Translate {
  return useContext(TranslateContext);
}
