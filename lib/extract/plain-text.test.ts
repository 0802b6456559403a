import { describe, expect, it } from 'vitest';
import { seedText } from '../dataset/test-helpers';
import { parsePrintedDate } from './dates';
import { parsePlainTextArticle } from './plain-text';

describe('parsePlainTextArticle on the seeds', () => {
  it('reads the Sputnik header and strips its photo credits and subscribe prompt', () => {
    const a = parsePlainTextArticle(seedText('sputnik-2021-08-19-lavrov.txt'));
    expect(a).toMatchObject({
      title: 'Lavrov: Russia Calls for Nationwide Dialogue in Afghanistan Involving All Political Actors',
      published: '2021-08-19T10:05:00Z',
      publishedAsPrinted: '10:05 GMT 19.08.2021',
      updated: '2021-08-19T11:09:00Z',
      updatedAsPrinted: '11:09 GMT 19.08.2021',
    });
    expect(a.stripped).toEqual([
      { text: '10:05 GMT 19.08.2021 (Updated: 11:09 GMT 19.08.2021)', reason: 'date line (kept as metadata)' },
      { text: '© Sputnik / Стрингер / Go to the mediabank', reason: 'photo credit' },
      { text: '© Sputnik / Стрингер', reason: 'photo credit' },
      { text: '/ Subscribe', reason: 'subscribe prompt' },
    ]);
    // The credit is removed, the caption it credited is kept.
    expect(a.blocks[1]).toEqual({ kind: 'caption', text: 'Taliban spokesman Zabihullah Mujahid arrives for the group\'s first official news conference at a media centre in Kabul, Afghanistan.' });
    expect(a.blocks.some((b) => /Subscribe|©/u.test(b.text))).toBe(false);
  });

  it('reads the China Daily byline and strips navigation and the copyright footer', () => {
    const a = parsePlainTextArticle(seedText('chinadaily-2021-08-19-russia.txt'), { timeZone: '+08:00' });
    expect(a).toMatchObject({
      title: "Russia sees 'positive signal' from constructive meeting",
      byline: 'Ren Qi',
      dateline: 'Moscow',
      publisher: 'China Daily Global',
      published: '2021-08-19T09:36:00+08:00',
      updatedAsPrinted: 'Updated: 2021-08-19 09:36',
    });
    expect(a.blocks[1]).toEqual({ kind: 'byline', text: 'By REN QI in Moscow' });
    expect(a.blocks[2]).toEqual({ kind: 'caption', text: 'Russian Foreign Minister Sergei Lavrov.' });
    const reasons = a.stripped.map((s) => `${s.reason}: ${s.text.slice(0, 20)}`);
    expect(reasons).toEqual(
      expect.arrayContaining(['navigation: xi\'s moments', 'navigation: Home | Europe', 'photo credit: [Photo/Agencies]', 'navigation: BACK TO THE TOP', 'copyright footer: Copyright 1995 - . A', 'site notice: Registration Number:']),
    );
    expect(a.blocks.at(-1)!.text).toMatch(/^"The meeting was positive and constructive,"/u);
  });

  it('keeps a time printed without a zone out of ISO fields unless the zone is known', () => {
    expect(parsePlainTextArticle(seedText('chinadaily-2021-08-19-russia.txt')).published).toBeUndefined();
  });
});

describe('parsePrintedDate', () => {
  it('reads day.month.year with a zone, year-month-day with a default zone, and ISO', () => {
    expect(parsePrintedDate('10:05 GMT 19.08.2021')).toBe('2021-08-19T10:05:00Z');
    expect(parsePrintedDate('2021-08-19 09:36', '+08:00')).toBe('2021-08-19T09:36:00+08:00');
    expect(parsePrintedDate('2021-08-23 14:20 GMT')).toBe('2021-08-23T14:20:00Z');
    expect(parsePrintedDate('2021-08-23T14:20:00+0300')).toBe('2021-08-23T14:20:00+03:00');
    expect(parsePrintedDate('19.13.2021 10:05')).toBeUndefined();
  });
});
