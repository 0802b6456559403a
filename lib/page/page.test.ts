import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalUrl, stripTracking } from './canonical-url';
import { pageInfo } from './page-info';

function head(tag: 'link' | 'meta', attrs: Record<string, string>): void {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.head.append(el);
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.title = '';
});

describe('stripTracking', () => {
  it('removes utm_*, click ids and the fragment, keeps real parameters', () => {
    expect(stripTracking('https://news.example/a?id=7&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2#comments')).toBe('https://news.example/a?id=7');
  });
  it('drops an emptied query entirely', () => {
    expect(stripTracking('https://news.example/a?utm_campaign=c&mc_eid=9')).toBe('https://news.example/a');
  });
  it('leaves non-http and broken URLs alone', () => {
    expect(stripTracking('about:blank')).toBe('about:blank');
    expect(stripTracking('not a url')).toBe('not a url');
  });
});

describe('canonicalUrl', () => {
  const at = 'https://www.news.example/world/story-1?utm_source=tw#top';

  it('prefers link rel=canonical, resolved and cleaned', () => {
    head('link', { rel: 'canonical', href: '/world/story-1?fbclid=abc' });
    head('meta', { property: 'og:url', content: 'https://other.example/x' });
    expect(canonicalUrl(document, at)).toBe('https://www.news.example/world/story-1');
  });
  it('accepts rel lists and odd case', () => {
    head('link', { rel: 'Canonical alternate', href: 'https://news.example/s1' });
    expect(canonicalUrl(document, at)).toBe('https://news.example/s1');
  });
  it('falls back to og:url', () => {
    head('meta', { property: 'og:url', content: 'https://news.example/world/story-1' });
    expect(canonicalUrl(document, at)).toBe('https://news.example/world/story-1');
  });
  it('falls back to the address without tracking and fragment', () => {
    expect(canonicalUrl(document, at)).toBe('https://www.news.example/world/story-1');
  });
  it('ignores a home-page canonical on an article and non-http canonicals', () => {
    head('link', { rel: 'canonical', href: 'https://www.news.example/' });
    head('meta', { property: 'og:url', content: 'javascript:alert(1)' });
    expect(canonicalUrl(document, at)).toBe('https://www.news.example/world/story-1');
  });
});

describe('pageInfo', () => {
  it('reads og:title and og:site_name', () => {
    head('meta', { property: 'og:title', content: '  Lavrov on  Afghanistan ' });
    head('meta', { property: 'og:site_name', content: 'Sputnik' });
    document.title = 'Lavrov on Afghanistan - Sputnik International';
    expect(pageInfo(document, 'https://sputniknews.example/a')).toEqual({ url: 'https://sputniknews.example/a', title: 'Lavrov on Afghanistan', site: 'Sputnik' });
  });
  it('falls back to the document title and the host name', () => {
    document.title = 'A story';
    expect(pageInfo(document, 'https://www.chinadaily.example/a#x')).toEqual({ url: 'https://www.chinadaily.example/a', title: 'A story', site: 'chinadaily.example' });
  });
  it('falls back to the first heading', () => {
    const h1 = document.createElement('h1');
    h1.append('Heading title');
    document.body.append(h1);
    expect(pageInfo(document, 'https://x.example/').title).toBe('Heading title');
  });
});
