import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../lib/dataset/inputs';

interface CliOutput {
  articles: {
    file: string;
    title: string;
    publisher: string | null;
    published: string | null;
    mentions: { entityId: string; text: string; start: number; end: number }[];
    quotes: { text: string; speakerId: string | null; speaker: string | null; start: number; end: number }[];
  }[];
}

const run = (...files: string[]) => execFileSync('npm', ['run', '-s', 'extract', '--', ...files], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run -s extract', () => {
  // One process for all files: the CLI starts a TypeScript runtime, which takes a moment.
  const stdout = run('data/articles/sputnik-2021-08-19-lavrov.txt', 'data/articles/chinadaily-2021-08-19-russia.txt', 'tests/fixtures/articles/kabulov-follow-up.html');
  const out = JSON.parse(stdout) as CliOutput;

  it('prints only JSON, one entry per file, in the documented shape', () => {
    expect(stdout.trimStart().startsWith('{')).toBe(true);
    expect(out.articles.map((a) => a.file)).toEqual(['data/articles/sputnik-2021-08-19-lavrov.txt', 'data/articles/chinadaily-2021-08-19-russia.txt', 'tests/fixtures/articles/kabulov-follow-up.html']);
    for (const a of out.articles) {
      expect(Object.keys(a)).toEqual(['file', 'title', 'publisher', 'published', 'mentions', 'quotes']);
      for (const m of a.mentions) expect(Object.keys(m)).toEqual(['entityId', 'text', 'start', 'end']);
      for (const q of a.quotes) expect(Object.keys(q)).toEqual(['text', 'speakerId', 'speaker', 'start', 'end']);
    }
  });

  it('reads the seeds with their metadata and quotes', () => {
    const [sputnik, chinaDaily] = out.articles;
    expect(sputnik).toMatchObject({ publisher: 'Sputnik', published: '2021-08-19T10:05:00Z' });
    expect(chinaDaily).toMatchObject({ publisher: 'China Daily Global', published: '2021-08-19T09:36:00+08:00' });
    expect(sputnik!.quotes.map((q) => q.speakerId)).toEqual(['sergei-lavrov', 'sergei-lavrov', 'ebrahim-raisi', 'ebrahim-raisi']);
    expect(chinaDaily!.quotes).toHaveLength(9);
  });

  it('reads an unseen HTML article through Readability and its meta tags', () => {
    const a = out.articles[2]!;
    expect(a).toMatchObject({ title: "Kabulov: Moscow 'not in a hurry' to recognise the Taliban", publisher: 'Backstory Test Wire', published: '2021-08-23T14:20:00Z' });
    expect(a.quotes.filter((q) => q.speakerId === 'sergei-lavrov')).toHaveLength(7);
    expect(a.mentions.some((m) => m.entityId === 'zamir-kabulov')).toBe(true);
  });
});
