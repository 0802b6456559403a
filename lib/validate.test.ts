import { describe, expect, it } from 'vitest';
import { array, boolean, literal, nullable, number, object, optional, string, url, ValidationError } from './validate';

describe('validate', () => {
  const note = object({
    url: url(),
    text: string({ min: 1, max: 10 }),
    tags: optional(array(string(), { max: 2 })),
    pinned: optional(boolean),
    score: nullable(number({ min: 0, max: 1 })),
    kind: literal('article', 'passage'),
  });

  it('accepts a well-formed value and drops absent optionals', () => {
    expect(note({ url: 'https://a.example/x', text: 'hi', score: null, kind: 'article' })).toEqual({
      url: 'https://a.example/x',
      text: 'hi',
      score: null,
      kind: 'article',
    });
  });

  it.each([
    [null, 'value: expected an object'],
    [[], 'value: expected an object'],
    [{ url: 'javascript:alert(1)', text: 'a', score: 0, kind: 'article' }, 'url: expected an http(s) URL'],
    [{ url: 'not a url', text: 'a', score: 0, kind: 'article' }, 'url: expected a URL'],
    [{ url: 'https://a.example', text: '', score: 0, kind: 'article' }, 'text: expected a string of at least 1 characters'],
    [{ url: 'https://a.example', text: 'x'.repeat(11), score: 0, kind: 'article' }, 'text: expected a string of at most 10 characters'],
    [{ url: 'https://a.example', text: 'a', score: 2, kind: 'article' }, 'score: expected a number from 0 to 1'],
    [{ url: 'https://a.example', text: 'a', score: NaN, kind: 'article' }, 'score: expected a finite number'],
    [{ url: 'https://a.example', text: 'a', score: 0, kind: 'other' }, 'kind: expected one of "article", "passage"'],
    [{ url: 'https://a.example', text: 'a', score: 0, kind: 'article', tags: ['a', 'b', 'c'] }, 'tags: expected an array of at most 2 items'],
    [{ url: 'https://a.example', text: 'a', score: 0, kind: 'article', tags: [1] }, 'tags[0]: expected a string'],
    [{ url: 'https://a.example', text: 'a', score: 0, kind: 'article', extra: 1 }, 'extra: expected no such field'],
  ])('rejects %j with a message naming the field', (value, message) => {
    expect(() => note(value)).toThrow(ValidationError);
    expect(() => note(value)).toThrow(message);
  });

  it('checks integers', () => {
    expect(() => number({ integer: true })(1.5)).toThrow('expected an integer');
    expect(number({ integer: true })(3)).toBe(3);
  });
});
