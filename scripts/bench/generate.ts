/** Generated news-like pages and dictionaries for the benchmark (deterministic). */
import type { DictionaryTerm } from '../../lib/dataset/types';
import { seededRandom } from '../../lib/testing/seeded-random';

/** Real names from the seed articles, used when data/dataset.json is absent. */
export const SEED_TERMS: DictionaryTerm[] = [
  ['Sergei Lavrov', 'lavrov'], ['Lavrov', 'lavrov'], ['Zamir Kabulov', 'kabulov'], ['Kabulov', 'kabulov'],
  ['Taliban', 'taliban'], ['Moscow', 'moscow'], ['Moscow format', 'moscow-format'], ['Kabul', 'kabul'],
  ['Afghanistan', 'afghanistan'], ['Russia', 'russia'], ['China', 'china'], ['Pakistan', 'pakistan'],
  ['India', 'india'], ['Iran', 'iran'], ['United States', 'usa'], ['Washington', 'washington'],
  ['Ashraf Ghani', 'ghani'], ['Ghani', 'ghani'], ['Hamid Karzai', 'karzai'], ['Karzai', 'karzai'],
  ['Abdullah Abdullah', 'abdullah'], ['Gulbuddin Hekmatyar', 'hekmatyar'], ['Hekmatyar', 'hekmatyar'],
  ['Najla Mangoush', 'mangoush'], ['Zabihullah Mujahid', 'mujahid'], ['Dmitry Zhirnov', 'zhirnov'],
  ['Kremlin', 'kremlin'], ['Kaliningrad', 'kaliningrad'], ['Central Asia', 'central-asia'], ['Tajikistan', 'tajikistan'],
  ['Uzbekistan', 'uzbekistan'], ['Sputnik', 'sputnik'], ['China Daily', 'china-daily'], ['Rossiya 24', 'rossiya-24'],
  ['Islamic Renaissance Party', 'irp'], ['Soviet Union', 'ussr'], ['Libya', 'libya'], ['Ren Qi', 'ren-qi'],
  ['Сергей Лавров', 'lavrov'], ['Лавров', 'lavrov'], ['Замир Кабулов', 'kabulov'], ['Талибан', 'taliban'],
  ['Москва', 'moscow'], ['Кабул', 'kabul'], ['Russian Embassy', 'ru-embassy'], ['Vladimir Putin', 'putin'],
  ['Putin', 'putin'], ['Joe Biden', 'biden'], ['Biden', 'biden'], ['Pentagon', 'pentagon'], ['United Nations', 'un'],
  ['Security Council', 'unsc'], ['Doha', 'doha'], ['Qatar', 'qatar'], ['Panjshir', 'panjshir'], ['Herat', 'herat'],
  ...([] as [string, string][]),
].map(([text, entityId]) => ({ text: text!, entityId: entityId!, case: 'name' as const }));
SEED_TERMS.push(
  { text: 'NATO', entityId: 'nato', case: 'exact' },
  { text: 'US', entityId: 'usa', case: 'exact' },
  { text: 'U.S.', entityId: 'usa', case: 'exact' },
  { text: 'UN', entityId: 'un', case: 'exact' },
  { text: 'Hamid Karzai International Airport', entityId: null, case: 'name' },
);

const SYLLABLES = ['ka', 'ro', 'mi', 'tan', 'vel', 'dor', 'si', 'lu', 'ber', 'an', 'ov', 'ich', 'za', 'mar', 'en', 'ta', 'gor', 'li', 'ne', 'sha', 'ul', 'rev', 'os', 'ki', 'pa', 'dre', 'mon', 'ha', 'ze', 'vin'];

function word(r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

/** `count` terms: the real ones first, then generated people, places and organisations. */
export function dictionary(real: DictionaryTerm[], count: number): DictionaryTerm[] {
  const terms = real.slice(0, count);
  const r = seededRandom(count);
  const seen = new Set(terms.map((t) => t.text));
  for (let i = 0; terms.length < count; i++) {
    const kind = i % 4;
    const text =
      kind === 3 ? `${word(r, 2, 3)} ${['Institute', 'Council', 'Party', 'Front', 'Agency'][i % 5]}` : kind === 2 ? word(r, 2, 4) : `${word(r, 1, 2)} ${word(r, 2, 3)}`;
    if (seen.has(text)) continue;
    seen.add(text);
    terms.push({ text, entityId: `gen-${i}`, case: 'name' });
  }
  return terms;
}

const FILLER = (
  'the of and to in a that said for on with as was at by from officials government talks would after ' +
  'statement minister foreign week country security forces meeting capital spokesman agreement leaders ' +
  'reported according its their which also have been new people former president national state'
).split(' ');

/**
 * A news-like page of about `bytes` characters of text: headline, byline, paragraphs with links and
 * emphasis, asides and lists; about one name in 25 words, drawn from `names` (none: made-up words instead).
 */
export function newsPage(bytes: number, names: string[], seed = 1): string {
  const r = seededRandom(seed);
  const name = () => (names.length ? names[Math.floor(r() * names.length)]! : word(r, 2, 3));
  const out: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>Bench</title>',
    '<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:2em auto} aside{color:#555}</style></head><body>'];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    out.push(`<article><h2>${word(r, 2, 3)} ${FILLER[n % FILLER.length]} ${name()}</h2>`);
    out.push(`<p class="byline">By ${word(r, 1, 2)} ${word(r, 2, 3)} | Updated 19.08.2021</p>`);
    for (let p = 0; p < 6; p++) {
      const words: string[] = [];
      const len = 40 + Math.floor(r() * 60);
      for (let w = 0; w < len; w++) {
        if (r() < 0.04) {
          const who = name();
          const x = r();
          words.push(x < 0.15 ? `<a href="#">${who}</a>` : x < 0.25 ? `${who}’s` : x < 0.3 ? `<em>${who}</em>` : who);
        } else words.push(FILLER[Math.floor(r() * FILLER.length)]!);
      }
      const text = words.join(' ');
      size += text.length;
      out.push(p === 3 ? `<aside><p>${text}.</p></aside>` : `<p>${text[0]!.toUpperCase()}${text.slice(1)}.</p>`);
    }
    out.push('<ul><li>Related: ' + word(r, 2, 3) + '</li><li>' + word(r, 2, 3) + '</li></ul></article>');
    n++;
  }
  out.push('</body></html>');
  return out.join('\n');
}
