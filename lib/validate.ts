/**
 * A small runtime validator for untrusted input (messages, imported files).
 * Each validator returns the value typed, or throws a ValidationError naming the path.
 */

/** Thrown when input does not have the expected shape. */
export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || 'value'}: expected ${expected}`);
    this.name = 'ValidationError';
  }
}

/** Checks an unknown value and returns it typed. */
export type Validator<T> = (value: unknown, path?: string) => T;

/** The type a validator produces. */
export type Infer<V> = V extends Validator<infer T> ? T : never;

/** A string, optionally bounded in length (default at most 100,000 characters). */
export function string(opts: { min?: number; max?: number } = {}): Validator<string> {
  const { min = 0, max = 100_000 } = opts;
  return (value, path = '') => {
    if (typeof value !== 'string') throw new ValidationError(path, 'a string');
    if (value.length < min) throw new ValidationError(path, `a string of at least ${min} characters`);
    if (value.length > max) throw new ValidationError(path, `a string of at most ${max} characters`);
    return value;
  };
}

/** A finite number within bounds. */
export function number(opts: { min?: number; max?: number; integer?: boolean } = {}): Validator<number> {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE, integer = false } = opts;
  return (value, path = '') => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(path, 'a finite number');
    if (integer && !Number.isInteger(value)) throw new ValidationError(path, 'an integer');
    if (value < min || value > max) throw new ValidationError(path, `a number from ${min} to ${max}`);
    return value;
  };
}

/** A boolean. */
export const boolean: Validator<boolean> = (value, path = '') => {
  if (typeof value !== 'boolean') throw new ValidationError(path, 'a boolean');
  return value;
};

/** One of the given literal values. */
export function literal<const T extends readonly (string | number | boolean | null)[]>(...values: T): Validator<T[number]> {
  return (value, path = '') => {
    if (!values.includes(value as T[number])) throw new ValidationError(path, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
    return value as T[number];
  };
}

/** An array whose items all pass `item`, with at most `max` items (default 10,000). */
export function array<T>(item: Validator<T>, opts: { max?: number } = {}): Validator<T[]> {
  const { max = 10_000 } = opts;
  return (value, path = '') => {
    if (!Array.isArray(value)) throw new ValidationError(path, 'an array');
    if (value.length > max) throw new ValidationError(path, `an array of at most ${max} items`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** The value, or undefined. */
export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return (value, path) => (value === undefined ? undefined : inner(value, path));
}

/** The value, or null. */
export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

type Shape = Record<string, Validator<unknown>>;
type ShapeType<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>;
};

/**
 * A plain object with exactly these keys (unknown keys are rejected, so a typo
 * or an injected field never slips through).
 */
export function object<S extends Shape>(shape: S): Validator<{ [K in keyof ShapeType<S>]: ShapeType<S>[K] }> {
  return (value, path = '') => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) {
        const name = key.length > 60 ? `${key.slice(0, 60)}…` : key;
        throw new ValidationError(path ? `${path}.${name}` : name, 'no such field');
      }
    }
    for (const [key, check] of Object.entries(shape)) {
      const v = check((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (v !== undefined) out[key] = v;
    }
    return out as { [K in keyof ShapeType<S>]: ShapeType<S>[K] };
  };
}

/** An http(s) URL string. */
export function url(opts: { max?: number } = {}): Validator<string> {
  const base = string({ min: 1, max: opts.max ?? 4096 });
  return (value, path = '') => {
    const s = base(value, path);
    let parsed: URL;
    try {
      parsed = new URL(s);
    } catch {
      throw new ValidationError(path, 'a URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ValidationError(path, 'an http(s) URL');
    return s;
  };
}
