/** An amount with its noun, in the plural unless it is one: `1 warning`, `0 errors`. */
export function countOf(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}
