import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';
import { formatMessage, t, translateEnglish, type CatalogEntry } from './i18n';

describe('i18n', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formats named and numbered placeholders like the browser', () => {
    const entry: CatalogEntry = { message: '$COUNT$ results for $Q$ ($$5)', placeholders: { count: { content: '$1' }, q: { content: '"$2"' } } };
    expect(formatMessage(entry, ['3', 'Kabul'])).toBe('3 results for "Kabul" ($5)');
    expect(formatMessage({ message: 'Hi $1' }, 'you')).toBe('Hi you');
    expect(formatMessage(entry, ['$1', 'x'])).toBe('$1 results for "x" ($5)');
  });

  it('falls back to English when browser.i18n is missing', () => {
    expect(t('searchLabel')).toBe('Search entities');
    expect(t('resultsCount', '4')).toBe('4 results');
    expect(translateEnglish('settingsSite', 'example.org')).toBe('On example.org');
  });

  it('prefers browser.i18n when it answers', () => {
    const spy = vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('Entitäten suchen');
    expect(t('searchLabel')).toBe('Entitäten suchen');
    spy.mockReturnValue('');
    expect(t('searchLabel')).toBe('Search entities');
  });

  it('has a valid catalog: descriptions, and every $NAME$ declared', () => {
    for (const [key, entry] of Object.entries(english as Record<string, CatalogEntry>)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.description, key).toBeTruthy();
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()), key).toContain(name!.toLowerCase());
      }
    }
  });
});
