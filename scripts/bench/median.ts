/** The median of `xs` (the upper one of an even count); `xs` is not changed. Node side only: code run in the page defines its own. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}
