/** How close and how many suggestions `suggest` returns. */
export interface SuggestOptions {
  /** Least similarity (0–1] a suggestion must have; 0.75 by default. */
  readonly threshold?: number;
  /** Most suggestions returned; 3 by default. */
  readonly limit?: number;
}

/** Suggest options with defaults applied; throws a TypeError naming the option and the value it got. */
export function resolveSuggestOptions(options: SuggestOptions): { threshold: number; limit: number } {
  const { threshold = 0.75, limit = 3 } = options;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new TypeError(`Expected \`threshold\` to be a number in (0, 1], got \`${String(threshold)}\` (${typeof threshold})`);
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`Expected \`limit\` to be an integer ≥ 1, got \`${String(limit)}\` (${typeof limit})`);
  }
  return { threshold, limit };
}
