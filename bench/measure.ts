/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs an action and returns its result with the wall-clock milliseconds it took. */
export async function timeIt<T>(action: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

/**
 * Times several actions `repeats` times each, after one untimed warm-up of each, and returns the median
 * per action. Rounds interleave the actions (rotating who goes first) so that drift in machine load
 * (other processes, CPU frequency) falls on all of them alike instead of biasing the ratio.
 */
export async function compareMedians<K extends string>(actions: Readonly<Record<K, () => unknown>>, repeats: number, warmUp?: Readonly<Record<K, () => unknown>>): Promise<Record<K, { median: number; samples: number[] }>> {
  const names = Object.keys(actions) as K[];
  for (const name of names) await (warmUp ?? actions)[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < repeats; round++) {
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) samples[name].push((await timeIt(actions[name])).ms);
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }])) as Record<K, { median: number; samples: number[] }>;
}
