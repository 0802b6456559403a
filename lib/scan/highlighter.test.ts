import { describe, expect, it } from 'vitest';
import { cssHighlighter } from './highlighter';
import { PAGE_STYLES_CSS } from './page-styles';

class FakeSheet {
  text = '';
  replaceSync(text: string) {
    this.text = text;
  }
}
class FakeHighlight extends Set<AbstractRange> {}

/** A document with a highlight registry (its styles come from the manifest, not from here). */
function fakeDocument() {
  const registry = new Map<string, FakeHighlight>();
  const doc = { adoptedStyleSheets: [], defaultView: { CSS: { highlights: registry }, Highlight: FakeHighlight, CSSStyleSheet: FakeSheet } };
  return { doc: doc as unknown as Document, registry };
}
const range = (n: number) => ({ startOffset: n }) as unknown as AbstractRange;
const shadowRoot = () => ({ adoptedStyleSheets: [] as FakeSheet[] }) as unknown as ShadowRoot & { adoptedStyleSheets: FakeSheet[] };

describe('cssHighlighter', () => {
  it('registers one highlight per type under the names of the reader’s style', () => {
    const { doc, registry } = fakeDocument();
    const h = cssHighlighter(doc, 'background');
    h.addAll([range(1), range(2)], 'person');
    h.addAll([range(3)], undefined);
    expect([...registry.keys()].sort()).toEqual(['backstory-entity-tint', 'backstory-person-tint']);
    expect(registry.get('backstory-person-tint')!.size).toBe(2);
  });

  it('leaves the document’s stylesheets alone, and gives shadow roots one shared copy of the page styles', () => {
    const { doc } = fakeDocument();
    const h = cssHighlighter(doc);
    h.addAll([range(1)], 'person');
    expect(doc.adoptedStyleSheets).toEqual([]);
    const a = shadowRoot();
    const b = shadowRoot();
    h.adopt(a);
    h.adopt(a);
    h.adopt(b);
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
    expect(a.adoptedStyleSheets[0]!.text).toBe(PAGE_STYLES_CSS);
  });

  it('switches style by moving the same highlights to other names, touching no stylesheet', () => {
    const { doc, registry } = fakeDocument();
    const h = cssHighlighter(doc);
    const root = shadowRoot();
    h.adopt(root);
    h.addAll([range(1)], 'place');
    const place = registry.get('backstory-place');
    const sheet = root.adoptedStyleSheets[0]!;
    h.setStyle!('none');
    expect([...registry.keys()]).toEqual(['backstory-place-plain']);
    expect(registry.get('backstory-place-plain')).toBe(place);
    h.setStyle!('underline');
    expect([...registry.keys()]).toEqual(['backstory-place']);
    h.addAll([range(2)], 'place');
    expect(registry.get('backstory-place')!.size).toBe(2);
    expect(root.adoptedStyleSheets).toEqual([sheet]);
    expect(sheet.text).toBe(PAGE_STYLES_CSS);
  });

  it('clears marks but keeps the styles; dispose removes its highlights and shadow-root styles', () => {
    const { doc, registry } = fakeDocument();
    const h = cssHighlighter(doc);
    const root = shadowRoot();
    h.adopt(root);
    h.addAll([range(1)], 'term');
    h.clear();
    expect(registry.get('backstory-term')!.size).toBe(0);
    expect(root.adoptedStyleSheets).toHaveLength(1);
    h.dispose();
    expect(registry.size).toBe(0);
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });
});
