import { describe, expect, it, vi } from 'vitest';
import type { PageInfo } from '../../lib/page/page-info';
import { createSightingRecorder, type SightingBatch } from './sightings';

function recorder(start: PageInfo) {
  let page = start;
  const batches: SightingBatch[] = [];
  const record = vi.fn(async (batch: SightingBatch) => void batches.push(batch));
  const r = createSightingRecorder(() => page, record);
  return { r, batches, record, go: (next: PageInfo) => (page = next) };
}

const a: PageInfo = { url: 'https://news.example/a', title: 'Article A', site: 'News' };
const b: PageInfo = { url: 'https://news.example/b', title: 'Article B', site: 'News' };

describe('createSightingRecorder', () => {
  it('reports each entity once per page, in batches of the new ones', async () => {
    const { r, batches } = recorder(a);
    r.seen(['lavrov', 'kabul']);
    r.seen(['lavrov', 'kabul', 'taliban']);
    r.seen(['kabul']);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(batches).toEqual([
      { ...a, entityIds: ['lavrov', 'kabul'] },
      { ...a, entityIds: ['taliban'] },
    ]);
  });

  it('reports again, under the new address and title, when a single-page app moves to another article', async () => {
    const { r, batches, go } = recorder(a);
    r.seen(['lavrov', 'kabul']);
    go(b);
    r.seen(['lavrov', 'moscow']);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(batches[1]).toEqual({ ...b, entityIds: ['lavrov', 'moscow'] });
  });

  it('records nothing for pages that are not on the web, and keeps going after a failed report', async () => {
    const { r, record, go } = recorder({ url: 'file:///tmp/a.html', title: 'Local', site: 'tmp' });
    r.seen(['lavrov']);
    expect(record).not.toHaveBeenCalled();
    go(a);
    record.mockRejectedValueOnce(new Error('background asleep'));
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    r.seen(['lavrov']);
    r.seen(['lavrov', 'kabul']);
    await vi.waitFor(() => expect(record).toHaveBeenCalledTimes(2));
    expect(record.mock.calls[1]![0]).toEqual({ ...a, entityIds: ['kabul'] });
    expect(debug).toHaveBeenCalled();
  });
});
