import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, isEnabledFor, parseSiteSettings, siteKey, withSiteEnabled } from './site-settings';

describe('site settings', () => {
  it('normalises host names into site keys', () => {
    expect(siteKey('https://WWW.Sputniknews.com./world/1.html?x=1')).toBe('sputniknews.com');
    expect(siteKey('http://news.example.org:8080/a')).toBe('news.example.org');
    expect(siteKey('chrome://extensions')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });

  it('is on everywhere by default and off everywhere when switched off globally', () => {
    expect(isEnabledFor(DEFAULT_SITE_SETTINGS, 'https://example.com/')).toBe(true);
    expect(isEnabledFor({ enabled: false, disabledSites: [] }, 'https://example.com/')).toBe(false);
    expect(isEnabledFor(DEFAULT_SITE_SETTINGS, 'about:blank')).toBe(false);
  });

  it('switches a site off, with its subdomains, and back on', () => {
    const off = withSiteEnabled(DEFAULT_SITE_SETTINGS, 'https://www.example.com/a', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(isEnabledFor(off, 'https://example.com/b')).toBe(false);
    expect(isEnabledFor(off, 'https://news.example.com/b')).toBe(false);
    expect(isEnabledFor(off, 'https://notexample.com/b')).toBe(true);
    expect(withSiteEnabled(off, 'https://news.example.com/', false)).toBe(off);
    const on = withSiteEnabled(off, 'https://news.example.com/', true);
    expect(isEnabledFor(on, 'https://news.example.com/')).toBe(true);
    expect(DEFAULT_SITE_SETTINGS.disabledSites).toEqual([]);
  });

  it('reads malformed stored values as defaults', () => {
    expect(parseSiteSettings(null)).toEqual({ enabled: true, disabledSites: [] });
    expect(parseSiteSettings({ enabled: 'no', disabledSites: ['a.com', 3, 'a.com'] })).toEqual({ enabled: true, disabledSites: ['a.com'] });
  });
});
