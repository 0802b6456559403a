import { describe, expect, it, vi } from 'vitest';
import { addNote, deleteNote, listAllNotes, TRASH_MS } from './notes';
import { closeBackstoryDB } from './open';
import { prepareDatabase } from './prepare';
import { storedDatasetVersion } from './seed';
import { smallDataset } from './test-fixtures';

describe('prepareDatabase', () => {
  it('opens, seeds and purges old trash; reopening with the same dataset keeps everything', async () => {
    const name = `prep-${crypto.randomUUID()}`;
    const db = await prepareDatabase(smallDataset('v-1'), name);
    expect(await storedDatasetVersion(db)).toBe('v-1');
    const keep = await addNote(db, { url: 'https://a.example/', title: '', site: '', text: 'keep' });
    const old = await addNote(db, { url: 'https://a.example/', title: '', site: '', text: 'old trash' });
    await deleteNote(db, old.id, Date.now() - TRASH_MS - 1);
    await closeBackstoryDB(name);

    const again = await prepareDatabase(async () => smallDataset('v-1'), name);
    expect((await listAllNotes(again, { includeDeleted: true })).map((n) => n.id)).toEqual([keep.id]);
    await closeBackstoryDB(name);
  });

  it('still opens when the dataset cannot be stored', async () => {
    const name = `prep-${crypto.randomUUID()}`;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = smallDataset('v-2');
    broken.sources.push({} as (typeof broken.sources)[number]);
    const db = await prepareDatabase(broken, name);
    expect(await storedDatasetVersion(db)).toBeNull();
    expect(log).toHaveBeenCalled();
    await closeBackstoryDB(name);
  });
});
