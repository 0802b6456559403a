/** A value made on first use, e.g. a UI a page may never need. */
export interface Lazy<T> {
  /** The value once made; undefined before. */
  readonly current: T | undefined;
  /** Makes the value the first time (later calls share that promise) and resolves with it. */
  get(): Promise<T>;
}

/** Wraps `make` so that it runs at most once, and only when the value is first asked for. */
export function lazy<T>(make: () => Promise<T>): Lazy<T> {
  let current: T | undefined;
  let made: Promise<T> | null = null;
  return {
    get current() {
      return current;
    },
    get: () => (made ??= make().then((value) => (current = value))),
  };
}
