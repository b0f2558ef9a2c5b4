/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The item whose key is the middle value; of the two middle ones for an even count, the higher (the slower run). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

/** CPU milliseconds of a `process.cpuUsage()` reading: every thread of the process, user and system. */
export function cpuMilliseconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** Runs an action and adds the process's CPU milliseconds it took to `samples`. */
export async function withCpu<T>(samples: number[], action: () => T | Promise<T>): Promise<T> {
  const before = process.cpuUsage();
  const result = await action();
  samples.push(cpuMilliseconds(process.cpuUsage(before)));
  return result;
}

/** Runs an action and returns its result with the wall-clock milliseconds it took. */
export async function timeIt<T>(action: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

/** Runs an action and returns its result with the wall-clock and process CPU milliseconds it took. */
export async function timeWithCpu<T>(action: () => T | Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const before = process.cpuUsage();
  const { result, ms } = await timeIt(action);
  return { result, ms, cpuMs: cpuMilliseconds(process.cpuUsage(before)) };
}

/** What an action may return to report its own time instead of the wall clock's (a budgeted run extrapolates). */
export interface OwnTime {
  readonly ownMs: number;
}

/** How `compareMedians` warms up and how long it may keep repeating. */
export interface CompareOptions<K extends string> {
  readonly repeats: number;
  /** Untimed first runs, e.g. on a small corpus; the actions themselves when absent. */
  readonly warmUp?: Readonly<Record<K, () => unknown>>;
  /** No new round starts after this long; at least one round always runs. */
  readonly budgetMs?: number;
}

/**
 * Times several actions over `repeats` rounds, after one warm-up of each, and returns the median per action.
 * Rounds interleave the actions (rotating who goes first) so that drift in machine load (other processes,
 * CPU frequency) falls on all of them alike instead of biasing their ratio.
 */
export async function compareMedians<K extends string>(actions: Readonly<Record<K, () => unknown>>, options: CompareOptions<K>): Promise<Record<K, { median: number; samples: number[] }>> {
  const names = Object.keys(actions) as K[];
  for (const name of names) await (options.warmUp ?? actions)[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const start = performance.now();
  for (let round = 0; round < options.repeats; round++) {
    if (round > 0 && options.budgetMs !== undefined && performance.now() - start > options.budgetMs) break;
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) {
      const { result, ms } = await timeIt(actions[name]);
      samples[name].push(isOwnTime(result) ? result.ownMs : ms);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }])) as Record<K, { median: number; samples: number[] }>;
}

function isOwnTime(value: unknown): value is OwnTime {
  return typeof value === 'object' && value !== null && typeof (value as OwnTime).ownMs === 'number';
}
