/**
 * A DevTools session on one tab: installs the in-page probe in a private isolated world before the
 * page's first script, runs probe functions there, and sorts every exception and console error by
 * who raised it (the page, or an extension's content script).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** Name of the isolated world the probe runs in. */
export const PROBE_WORLD = 'backstory-pages-probe';

/** One error seen in the tab. */
export interface TabError {
  /** 'exception' for uncaught errors and rejections, 'console' for console.error/assert. */
  kind: 'exception' | 'console';
  /** First line of the message, e.g. "TypeError: x is undefined". */
  message: string;
  /** Script URL when known. */
  url: string;
}

interface ContextInfo {
  origin: string;
  name: string;
  frameId: string;
  isDefault: boolean;
}

interface RemoteObject {
  type: string;
  subtype?: string;
  value?: unknown;
  description?: string;
}

interface ExceptionDetails {
  text: string;
  url?: string;
  executionContextId?: number;
  exception?: RemoteObject;
  stackTrace?: { callFrames: { url: string }[] };
}

/** Runs a function (as source) with a JSON argument; `__name` covers the helper tsx may emit. */
function expression(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0]!.slice(0, 300);
}

/** A tab under observation. */
export class PageProbe {
  /** Errors raised by the page's own scripts (main world and its frames). */
  readonly pageErrors: TabError[] = [];
  /** Errors raised by extension code running in the tab (content scripts). */
  readonly extensionErrors: TabError[] = [];
  private readonly contexts = new Map<number, ContextInfo>();
  private mainFrameId = '';

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionPrefix: string | null,
  ) {}

  private isExtension(url: string | undefined): boolean {
    return !!this.extensionPrefix && !!url && (url + '/').startsWith(this.extensionPrefix);
  }

  /**
   * Attaches to a fresh tab; call before its first navigation. `extensionOrigin` (e.g.
   * `chrome-extension://abc…`) tells which errors are the extension's; without it, none are.
   */
  static async attach(context: BrowserContext, page: Page, install: () => void, extensionOrigin?: string): Promise<PageProbe> {
    const cdp = await context.newCDPSession(page);
    const probe = new PageProbe(page, cdp, extensionOrigin ? extensionOrigin.replace(/\/?$/, '/') : null);
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
      const aux = (c.auxData ?? {}) as { frameId?: string; isDefault?: boolean };
      probe.contexts.set(c.id, { origin: c.origin, name: c.name, frameId: aux.frameId ?? '', isDefault: !!aux.isDefault });
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => probe.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => probe.contexts.clear());
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => probe.onException(exceptionDetails as ExceptionDetails));
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type !== 'error' && event.type !== 'assert') return;
      const args = event.args as RemoteObject[];
      const message = args.map((a) => (a.type === 'string' ? String(a.value) : (a.description ?? String(a.value ?? a.type)))).join(' ');
      const url = (event.stackTrace as ExceptionDetails['stackTrace'])?.callFrames[0]?.url ?? '';
      probe.record(event.executionContextId, { kind: 'console', message: firstLine(message), url });
    });
    // Browser-side messages (CSP violations, blocked requests) come through the Log domain; only
    // those raised from extension code are kept: the page's network noise is the same on both sides.
    cdp.on('Log.entryAdded', ({ entry }) => {
      const url = entry.url || entry.stackTrace?.callFrames[0]?.url || '';
      if (entry.level === 'error' && probe.isExtension(url)) probe.extensionErrors.push({ kind: 'console', message: firstLine(entry.text), url });
    });
    await cdp.send('Log.enable');
    await cdp.send('Page.enable');
    const tree = await cdp.send('Page.getFrameTree');
    probe.mainFrameId = tree.frameTree.frame.id;
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: expression(install, null), worldName: PROBE_WORLD });
    await cdp.send('Runtime.enable');
    return probe;
  }

  private onException(details: ExceptionDetails): void {
    const text = details.exception?.description ?? details.exception?.value ?? details.text;
    const url = details.url || details.stackTrace?.callFrames[0]?.url || '';
    this.record(details.executionContextId, { kind: 'exception', message: firstLine(String(text)), url });
  }

  private record(contextId: number | undefined, error: TabError): void {
    const context = contextId === undefined ? undefined : this.contexts.get(contextId);
    // The probe's own failures surface through run(); they are neither the page's nor the extension's.
    if (context?.name === PROBE_WORLD) return;
    const fromExtension = this.isExtension(context?.origin) || this.isExtension(error.url);
    (fromExtension ? this.extensionErrors : this.pageErrors).push(error);
  }

  /** Evaluates a probe function in the probe world of the main frame and returns its JSON result. */
  async run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    let contextId: number | undefined;
    for (const [id, c] of this.contexts) if (c.name === PROBE_WORLD && c.frameId === this.mainFrameId) contextId = id;
    if (contextId === undefined) {
      // The document-start script did not run (e.g. a non-HTML response): make the world now.
      const world = await this.cdp.send('Page.createIsolatedWorld', { frameId: this.mainFrameId, worldName: PROBE_WORLD });
      contextId = world.executionContextId;
    }
    const result = await this.cdp.send('Runtime.evaluate', {
      expression: expression(fn as (arg: never) => unknown, arg),
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) {
      const d = result.exceptionDetails as ExceptionDetails;
      throw new Error(`Probe failed: ${firstLine(String(d.exception?.description ?? d.text))}`);
    }
    return result.result.value as R;
  }

  /** Detaches the session. */
  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
