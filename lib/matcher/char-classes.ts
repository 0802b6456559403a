/**
 * Per-code-unit tables the matcher reads in its inner loop: a length-preserving case fold
 * and a few character classes. Built once per JavaScript context (a few milliseconds) and
 * shared by every compiled matcher in it.
 */

/** A letter, mark, digit or underscore: part of a word. */
export const WORD = 1;
/** A lower-case letter (Unicode Ll): fails the `name` rule's capital first letter. */
export const LOWER = 2;
/** White space of any kind (folded to U+0020). */
export const SPACE = 4;
/** An apostrophe, straight or curly (folded to U+0027). */
export const APOS = 8;

/** Lookup tables indexed by UTF-16 code unit. */
export interface CharTables {
  /** Code unit -> folded code unit (lower case, one unit for one unit; spaces, apostrophes, hyphens unified). */
  fold: Uint16Array;
  /** Code unit -> bit set of WORD | LOWER | SPACE | APOS. */
  cls: Uint8Array;
}

let tables: CharTables | null = null;

const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const APOSTROPHES = [0x27, 0x2018, 0x2019, 0x02bc, 0xff07];
const HYPHENS = [0x2010, 0x2011];

/** Returns the shared tables, building them on first use. */
export function charTables(): CharTables {
  if (tables) return tables;
  const fold = new Uint16Array(65536);
  const cls = new Uint8Array(65536);
  // The whole BMP as one string (surrogates as spaces), decoded in one call rather than built piecewise.
  const units = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  const all = new TextDecoder('utf-16le').decode(units);
  // Runs, not single characters: a few thousand matches instead of tens of thousands. This runs
  // once per tab before the first scan, so it must stay well under a frame's worth of long task.
  const mark = (re: RegExp, bit: number) => {
    for (let m = re.exec(all); m; m = re.exec(all)) for (let c = m.index, end = c + m[0].length; c < end; c++) cls[c]! |= bit;
  };
  mark(/[\p{L}\p{M}\p{N}_]+/gu, WORD);
  mark(/\p{Ll}+/gu, LOWER);
  // One toLowerCase over all of it; U+0130 is the only character whose lower case is two units.
  const lowerAll = all.replace('\u0130', ' ').toLowerCase();
  for (let c = 0; c < 65536; c++) fold[c] = c === 0x130 || (c >= 0xd800 && c <= 0xdfff) ? c : lowerAll.charCodeAt(c);
  for (let c = 0x2000; c <= 0x200a; c++) SPACES.push(c);
  for (const c of SPACES) {
    fold[c] = 0x20;
    cls[c] = SPACE;
  }
  for (const c of APOSTROPHES) {
    fold[c] = 0x27;
    cls[c] = APOS;
  }
  for (const c of HYPHENS) fold[c] = 0x2d;
  tables = { fold, cls };
  return tables;
}

/**
 * Normalises an alias or a phrase the way the matcher sees it: NFC, trimmed, inner white space
 * collapsed to single spaces. Case is kept (case rules need it).
 */
export function normalizeAlias(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ');
}
