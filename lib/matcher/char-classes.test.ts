import { describe, expect, it } from 'vitest';
import { normalizeAlias } from './char-classes';

/** The definition: NFC, trimmed, inner white space collapsed to one space. */
const full = (text: string): string => text.normalize('NFC').trim().replace(/\s+/gu, ' ');

describe('normalizeAlias', () => {
  it('collapses white space and composes accents', () => {
    expect(normalizeAlias('  Sergei \t Lavrov\n')).toBe('Sergei Lavrov');
    expect(normalizeAlias('Jose\u0301')).toBe('José');
    expect(normalizeAlias('Hamid\u00a0Karzai')).toBe('Hamid Karzai');
  });

  it('returns plain ASCII aliases as they are, and agrees with the full normalisation on any text', () => {
    expect(normalizeAlias('Moscow format')).toBe('Moscow format');
    const alphabet = ['a', 'Z', ' ', '  ', '\t', '\n', '\u00a0', 'e\u0301', 'é', '’', '-', '.', '\u3000', 'Ж'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (n % 9) }, () => alphabet[next()]).join('');
      expect(normalizeAlias(text)).toBe(full(text));
    }
  });
});
