/**
 * Tells the background which known entities this page shows (the reader's cross-source
 * trail). Each entity is reported once per page, in batches after scans settle. A page that
 * becomes another article without loading (a single-page app moving to a new URL) is a new
 * page: what it shows is reported again, under its own address and title.
 */
import { send } from '../../lib/messages/client';
import type { PageInfo } from '../../lib/page/page-info';

/** What is sent for one batch of sightings. */
export type SightingBatch = PageInfo & { entityIds: string[] };

/** Collects entity ids seen on the page and reports new ones to the background. */
export function createSightingRecorder(page: () => PageInfo, record: (batch: SightingBatch) => Promise<unknown> = (batch) => send('sightings.record', batch)) {
  const reported = new Set<string>();
  /** The page the reported ids were seen on. */
  let reportedOn = '';
  let pending: Promise<unknown> = Promise.resolve();
  return {
    /** Reports the ids not reported yet for this page; failures are logged, never thrown into the page. */
    seen(entityIds: string[]): void {
      const info = page();
      if (info.url !== reportedOn) {
        reportedOn = info.url;
        reported.clear();
      }
      const fresh = entityIds.filter((id) => !reported.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) reported.add(id);
      if (!/^https?:/.test(info.url)) return;
      pending = pending.then(() => record({ ...info, entityIds: fresh })).catch((error: unknown) => console.debug('Backstory: sightings not recorded', error));
    },
  };
}
