/**
 * Tells the background which known entities this page shows (the reader's cross-source
 * trail). Each entity is reported once per page, in batches after scans settle.
 */
import { send } from '../../lib/messages/client';
import type { PageInfo } from '../../lib/page/page-info';

/** Collects entity ids seen on the page and reports new ones to the background. */
export function createSightingRecorder(page: () => PageInfo) {
  const reported = new Set<string>();
  let pending: Promise<unknown> = Promise.resolve();
  return {
    /** Reports the ids not reported yet; failures are logged, never thrown into the page. */
    seen(entityIds: string[]): void {
      const fresh = entityIds.filter((id) => !reported.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) reported.add(id);
      const info = page();
      if (!/^https?:/.test(info.url)) return;
      pending = pending
        .then(() => send('sightings.record', { ...info, entityIds: fresh }))
        .catch((error: unknown) => console.debug('Backstory: sightings not recorded', error));
    },
  };
}
