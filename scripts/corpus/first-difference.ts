/** Where two texts first differ, or -1 when they are the same. */
export function firstDifference(first: string, second: string): number {
  if (first === second) return -1;
  let index = 0;
  while (index < first.length && first[index] === second[index]) index += 1;
  return index;
}
