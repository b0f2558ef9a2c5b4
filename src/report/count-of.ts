/** An amount with its noun, in the plural unless it is one: `1 warning`, `0 errors`, `2 entries` (given the plural). */
export function countOf(amount: number, noun: string, plural = `${noun}s`): string {
  return `${amount} ${amount === 1 ? noun : plural}`;
}
