/**
 * Code that runs inside the tested page, in a private isolated world: it shares the page's DOM,
 * highlights and performance timeline but none of its JavaScript, so a page that patches
 * `setTimeout` or `Array.prototype` cannot distort the measurement, and the page never sees us.
 *
 * Every function here is sent to the page as source text: it must be self-contained (no imports,
 * no closures over module scope).
 */

/** What the document-start observer keeps in the probe world's global `__pagesProbe`. */
export interface ProbeState {
  /** Sum of layout-shift values without recent input. */
  cls: number;
  /** Number of layout-shift entries. */
  shifts: number;
  /** Longest 'longtask' duration in ms. */
  longest: number;
  /** Number of 'longtask' entries. */
  longtasks: number;
  /** performance.now() of the last DOM mutation seen. */
  lastMutation: number;
  /** What moved in the largest layout shifts: "time ms value: node (from y to y)". */
  shiftSources: { value: number; text: string }[];
}

/** Installed at document start: buffered observers for layout shifts and long tasks, and a DOM quiet clock. */
export function installProbe(): void {
  const state: ProbeState = { cls: 0, shifts: 0, longest: 0, longtasks: 0, lastMutation: 0, shiftSources: [] };
  const describe = (node: Node | null | undefined): string => {
    if (!node) return '?';
    if (node.nodeType !== 1) return `#text in <${node.parentElement?.localName ?? '?'}>`;
    const el = node as Element;
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    return `<${el.localName}${el.id ? `#${el.id}` : ''}${cls}>`;
  };
  (globalThis as unknown as { __pagesProbe: ProbeState }).__pagesProbe = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (entry.hadRecentInput) continue;
        state.cls += entry.value;
        state.shifts++;
        const sources = (entry as unknown as { sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }).sources ?? [];
        const text = sources
          .slice(0, 2)
          .map((s) => `${describe(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`)
          .join(', ');
        state.shiftSources.push({ value: entry.value, text: `at ${Math.round(entry.startTime)} ms ${entry.value.toFixed(3)}: ${text || 'no source'}` });
        state.shiftSources.sort((a, b) => b.value - a.value);
        state.shiftSources.length = Math.min(state.shiftSources.length, 3);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // Entry type not supported: CLS stays 0 on both sides.
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.longtasks++;
        state.longest = Math.max(state.longest, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Same.
  }
  new MutationObserver(() => {
    state.lastMutation = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Options for {@link settle}. */
export interface SettleOptions {
  /** The DOM must have been quiet this long (ms). */
  quietMs: number;
  /** Give up waiting after this long (ms) and measure anyway. */
  capMs: number;
  /** Also wait for the extension's marks: a `backstory*` measure, or, once its UI is mounted, a mark count stable for `stableMs`. */
  waitForMarks: boolean;
  /** How long the mark count must stay unchanged when the scan leaves no measure (ms). */
  stableMs: number;
}

/** How a load settled. */
export interface Settled {
  /** True when the cap was reached before the conditions held. */
  capped: boolean;
  /** Time spent waiting (ms). */
  waitedMs: number;
}

/**
 * Waits until the DOM has been quiet for `quietMs` and, with the extension, until its scan has
 * finished or its mark count has stopped changing; never longer than `capMs`.
 */
export function settle(opts: SettleOptions): Promise<Settled> {
  const state = (globalThis as unknown as { __pagesProbe?: ProbeState }).__pagesProbe;
  const started = performance.now();
  const count = (): number => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory')) n += highlight.size;
    return n;
  };
  const scanned = (): boolean => performance.getEntriesByType('measure').some((m) => m.name.startsWith('backstory'));
  // The extension scans only after the page is parsed and the browser is idle (up to a second
  // later): an unchanged count means nothing until it has marked something (its UI host is then
  // mounted) or recorded its first scan.
  const extensionStarted = (): boolean => document.querySelector('backstory-popover') !== null || scanned();
  let last = -1;
  let since = started;
  return new Promise((done) => {
    const tick = (): void => {
      const now = performance.now();
      const n = count();
      if (n !== last || (opts.waitForMarks && !extensionStarted())) {
        last = n;
        since = now;
      }
      const quiet = now - (state?.lastMutation ?? 0) >= opts.quietMs;
      const marksDone = !opts.waitForMarks || scanned() || now - since >= opts.stableMs;
      if ((quiet && marksDone) || now - started >= opts.capMs) {
        done({ capped: !(quiet && marksDone), waitedMs: Math.round(now - started) });
        return;
      }
      setTimeout(tick, 100);
    };
    tick();
  });
}

/** Options for {@link snapshot}. */
export interface SnapshotOptions {
  /**
   * Tag names (lower case) of the page's own open-shadow-root hosts, from a load without the
   * extension: any other open-shadow-root host is the extension's UI and is left out. Null for a
   * load without the extension, where nothing is left out.
   */
  pageShadowTags: string[] | null;
}

/** One element the extension added and the comparison left out. */
export interface ExcludedNode {
  /** e.g. `backstory-popover` or `style[wxt-shadow-root-document-styles]`. */
  tag: string;
  /** Tag name of its parent. */
  parent: string;
}

/** What a settled page looks like. */
export interface Snapshot {
  title: string;
  /** `document.body.innerText` ('' without a body). */
  text: string;
  /** The DOM below documentElement as one token per node ("depth tag attrs" or "depth #text ..."). */
  dom: string[];
  /** Open-shadow-root host tag names present (extension UI excluded). */
  shadowTags: string[];
  /** Extension elements left out of `dom`. */
  excluded: ExcludedNode[];
  /** Total size of `backstory*` highlights. */
  marks: number;
  /** Distinct marked texts, case-folded. */
  distinct: number;
  /** The most frequent marked texts, for the report. */
  top: string[];
  /** Scan time: per `backstory*` measure name the summed durations, the largest of those; null without a measure. */
  scanMs: number | null;
  cls: number;
  /** The largest layout shifts and what moved in them. */
  shiftSources: string[];
  longestTaskMs: number;
  longTasks: number;
}

/** Measures the settled page. Never mutates the page. */
export function snapshot(opts: SnapshotOptions): Snapshot {
  const state = (globalThis as unknown as { __pagesProbe?: ProbeState }).__pagesProbe;
  const known = new Set(opts.pageShadowTags ?? []);
  const excluded: ExcludedNode[] = [];
  const shadowTags = new Set<string>();
  const isExtension = (el: Element): string | null => {
    if (!opts.pageShadowTags) return null;
    const tag = el.localName;
    if (tag.startsWith('backstory')) return tag;
    if (el.shadowRoot && !known.has(tag)) return tag;
    if (tag === 'style' && el.hasAttribute('wxt-shadow-root-document-styles')) return 'style[wxt-shadow-root-document-styles]';
    return null;
  };
  const dom: string[] = [];
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        const ext = isExtension(el);
        if (ext) {
          excluded.push({ tag: ext, parent: node.nodeType === Node.ELEMENT_NODE ? (node as Element).localName : '#document' });
          continue;
        }
        if (el.shadowRoot) shadowTags.add(el.localName);
        const attrs = [...el.attributes].map((a) => `${a.name}="${esc(a.value)}"`).join(' ');
        dom.push(`${depth} <${el.localName}${attrs ? ' ' + attrs : ''}>`);
        walk(el, depth + 1);
      } else if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
        dom.push(`${depth} #text ${esc(child.nodeValue ?? '')}`);
      } else if (child.nodeType === Node.COMMENT_NODE) {
        dom.push(`${depth} #comment ${esc(child.nodeValue ?? '')}`);
      }
    }
  };
  const root = document.documentElement;
  if (root) {
    dom.push(`0 <${root.localName}${[...root.attributes].map((a) => ` ${a.name}="${esc(a.value)}"`).join('')}>`);
    walk(root, 1);
  }

  // Highlights may hold StaticRanges, which have no toString().
  const rangeText = (r: AbstractRange): string => {
    try {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    } catch {
      return '';
    }
  };
  const counts = new Map<string, number>();
  let marks = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory')) continue;
    for (const range of highlight) {
      marks++;
      const text = rangeText(range as AbstractRange).replace(/\s+/g, ' ').trim().toLocaleLowerCase();
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([t, n]) => `${t} ×${n}`);

  const perName = new Map<string, number>();
  for (const m of performance.getEntriesByType('measure')) {
    if (m.name.startsWith('backstory')) perName.set(m.name, (perName.get(m.name) ?? 0) + m.duration);
  }
  const scanMs = perName.size ? Math.round(Math.max(...perName.values()) * 10) / 10 : null;

  return {
    title: document.title,
    text: document.body?.innerText ?? '',
    dom,
    shadowTags: [...shadowTags].sort(),
    excluded,
    marks,
    distinct: counts.size,
    top,
    scanMs,
    cls: state?.cls ?? 0,
    shiftSources: (state?.shiftSources ?? []).map((s) => s.text),
    longestTaskMs: Math.round(state?.longest ?? 0),
    longTasks: state?.longtasks ?? 0,
  };
}
