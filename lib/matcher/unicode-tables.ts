/**
 * The matcher's per-code-unit tables (see char-classes.ts), computed from the JavaScript engine's
 * own Unicode data, and their compact text form. Computing them takes tens of milliseconds in a
 * tab; decoding the text form a fraction of one. `npm run char-data` writes the text form to
 * char-data.ts, and a test checks that it matches a fresh computation.
 */
import { APOS, LOWER, SPACE, WORD, type CharTables } from './char-classes';

const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const APOSTROPHES = [0x27, 0x2018, 0x2019, 0x02bc, 0xff07];
const HYPHENS = [0x2010, 0x2011];

/** The tables from Unicode properties: words are letters, marks, digits and `_`; fold is lower case. */
export function computeCharTables(): CharTables {
  const fold = new Uint16Array(65536);
  const cls = new Uint8Array(65536);
  // The whole BMP as one string (surrogates as spaces).
  const units = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  const all = new TextDecoder('utf-16le').decode(units);
  const mark = (re: RegExp, bit: number) => {
    for (let m = re.exec(all); m; m = re.exec(all)) for (let c = m.index, end = c + m[0].length; c < end; c++) cls[c]! |= bit;
  };
  mark(/[\p{L}\p{M}\p{N}_]+/gu, WORD);
  mark(/\p{Ll}+/gu, LOWER);
  // One toLowerCase over all of it; U+0130 is the only character whose lower case is two units.
  const lowerAll = all.replace('\u0130', ' ').toLowerCase();
  for (let c = 0; c < 65536; c++) fold[c] = c === 0x130 || (c >= 0xd800 && c <= 0xdfff) ? c : lowerAll.charCodeAt(c);
  const spaces = [...SPACES];
  for (let c = 0x2000; c <= 0x200a; c++) spaces.push(c);
  for (const c of spaces) {
    fold[c] = 0x20;
    cls[c] = SPACE;
  }
  for (const c of APOSTROPHES) {
    fold[c] = 0x27;
    cls[c] = APOS;
  }
  for (const c of HYPHENS) fold[c] = 0x2d;
  // Units that fold to themselves are stored as 0 (see CharTables.fold).
  for (let c = 0; c < 65536; c++) if (fold[c] === c) fold[c] = 0;
  return { fold, cls };
}

/*
 * Text form: `cls` as runs of equal values, each a capital letter (value + 'A') then the run
 * length in base 36; then '|'; then `fold` wherever it is not the identity, as runs
 * `start,length,delta,step` (units start, start+step, ... map to unit + delta), ';'-separated,
 * numbers in base 36.
 */

/** Encodes tables into their text form. */
export function encodeCharTables({ fold, cls }: CharTables): string {
  let clsText = '';
  for (let c = 0; c < 65536; ) {
    let end = c + 1;
    while (end < 65536 && cls[end] === cls[c]) end++;
    clsText += String.fromCharCode(65 + cls[c]!) + (end - c).toString(36);
    c = end;
  }
  const runs: string[] = [];
  const done = new Uint8Array(65536);
  const to = (c: number) => fold[c] || c;
  for (let c = 0; c < 65536; c++) {
    if (to(c) === c || done[c]) continue;
    const delta = to(c) - c;
    // The longer of a run of neighbours and a run of every other unit (upper/lower pairs).
    let best = { length: 1, step: 1 };
    for (const step of [1, 2]) {
      let length = 1;
      while (c + length * step < 65536 && to(c + length * step) - (c + length * step) === delta && to(c + length * step) !== c + length * step) length++;
      if (length > best.length) best = { length, step };
    }
    for (let k = 0; k < best.length; k++) done[c + k * best.step] = 1;
    runs.push([c, best.length, delta, best.step].map((n) => n.toString(36)).join(','));
  }
  return `${clsText}|${runs.join(';')}`;
}

/** Decodes the text form; throws on a malformed one. */
export function decodeCharTables(text: string): CharTables {
  const cls = new Uint8Array(65536);
  // Zero everywhere a unit folds to itself: only the runs below are written.
  const fold = new Uint16Array(65536);
  const bar = text.indexOf('|');
  let c = 0;
  for (let i = 0; i < bar; ) {
    const value = text.charCodeAt(i++) - 65;
    // The length's base-36 digits: 0-9 and a-z (run values are capitals).
    let length = 0;
    for (let d = text.charCodeAt(i); i < bar && (d <= 0x39 || d >= 0x61); d = text.charCodeAt(++i)) length = length * 36 + (d <= 0x39 ? d - 0x30 : d - 0x57);
    if (value < 0 || value > 15 || c + length > 65536) break;
    cls.fill(value, c, c + length);
    c += length;
  }
  if (bar < 0 || c !== 65536) throw new Error('Malformed character tables');
  for (const run of text.slice(bar + 1).split(';')) {
    const [start, length, delta, step] = run.split(',').map((n) => parseInt(n, 36)) as [number, number, number, number];
    for (let k = 0; k < length; k++) fold[start + k * step] = start + k * step + delta;
  }
  return { fold, cls };
}
