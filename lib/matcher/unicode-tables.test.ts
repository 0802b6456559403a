import { describe, expect, it } from 'vitest';
import { APOS, charTables, LOWER, SPACE, WORD } from './char-classes';
import { CHAR_DATA } from './char-data';
import { computeCharTables, decodeCharTables, encodeCharTables } from './unicode-tables';

describe('character tables', () => {
  const computed = computeCharTables();

  it('ship in a compact form that decodes to exactly what Unicode properties give (else: npm run char-data)', () => {
    expect(encodeCharTables(computed)).toBe(CHAR_DATA);
    const decoded = decodeCharTables(CHAR_DATA);
    expect(Buffer.from(decoded.cls.buffer).equals(Buffer.from(computed.cls.buffer))).toBe(true);
    expect(Buffer.from(decoded.fold.buffer).equals(Buffer.from(computed.fold.buffer))).toBe(true);
    expect(CHAR_DATA.length).toBeLessThan(10_000);
  });

  it('classify and fold as the matcher expects', () => {
    const { fold: table, cls } = charTables();
    const at = (s: string) => s.charCodeAt(0);
    const fold = new Proxy(table, { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) ? t[Number(k)] || Number(k) : Reflect.get(t, k)) });
    expect(cls[at('a')]).toBe(WORD | LOWER);
    expect(cls[at('Ж')]).toBe(WORD);
    expect(cls[at('ж')]).toBe(WORD | LOWER);
    expect(cls[at('7')]).toBe(WORD);
    expect(cls[at('\u00a0')]).toBe(SPACE);
    expect(cls[at('’')]).toBe(APOS);
    expect(cls[at('-')]).toBe(0);
    expect(fold[at('Ж')]).toBe(at('ж'));
    expect(fold[at('İ')]).toBe(at('İ'));
    expect(fold[at('\u2009')]).toBe(0x20);
    expect(fold[at('’')]).toBe(0x27);
    expect(fold[at('\u2011')]).toBe(0x2d);
    expect(fold[at('É')]).toBe(at('é'));
    expect(table[at('a')]).toBe(0);
  });

  it('refuse a malformed form', () => {
    expect(() => decodeCharTables('A1')).toThrow(/Malformed/);
    expect(() => decodeCharTables('Azz|')).toThrow(/Malformed/);
  });
});
