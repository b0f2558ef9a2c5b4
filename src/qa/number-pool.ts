import type { ReadNumber } from './read-numbers.ts';

type Key = keyof ReadNumber;

/**
 * The source's numbers not yet found in the target, in source order, looked up by value or by spelling in
 * constant time: a long line holds thousands of numbers, and a scan of the pool per number would be quadratic.
 */
export class NumberPool {
  readonly #numbers: readonly ReadNumber[];
  readonly #isTaken: boolean[];
  /** Per key, the positions of each value in source order; taken positions are skipped when met. */
  readonly #positions = { value: new Map<string, number[]>(), written: new Map<string, number[]>() };
  readonly #counts = { value: new Map<string, number>(), written: new Map<string, number>() };

  constructor(numbers: readonly ReadNumber[]) {
    this.#numbers = numbers;
    this.#isTaken = numbers.map(() => false);
    numbers.forEach((number, index) => {
      for (const key of ['value', 'written'] as const) {
        const positions = this.#positions[key];
        (positions.get(number[key]) ?? positions.set(number[key], []).get(number[key])!).push(index);
        this.#counts[key].set(number[key], (this.#counts[key].get(number[key]) ?? 0) + 1);
      }
    });
  }


  /** Whether the pool holds every one of `numbers` (repeats counted), compared by `key`. */
  covers(numbers: readonly ReadNumber[], key: Key): boolean {
    const needed = new Map<string, number>();
    for (const number of numbers) needed.set(number[key], (needed.get(number[key]) ?? 0) + 1);
    return [...needed].every(([value, count]) => (this.#counts[key].get(value) ?? 0) >= count);
  }

  /** Takes the first number of the pool equal to `number` by `key`; false when there is none. */
  take(number: ReadNumber, key: Key): boolean {
    const positions = this.#positions[key].get(number[key]);
    while (positions && positions.length > 0) {
      const index = positions.shift()!;
      if (this.#isTaken[index]) continue;
      this.#isTaken[index] = true;
      const taken = this.#numbers[index]!;
      for (const each of ['value', 'written'] as const) this.#counts[each].set(taken[each], this.#counts[each].get(taken[each])! - 1);
      return true;
    }
    return false;
  }

  /** The numbers not taken, in source order. */
  remaining(): ReadNumber[] {
    return this.#numbers.filter((_, index) => !this.#isTaken[index]);
  }
}
