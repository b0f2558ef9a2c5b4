/**
 * How alike two plain texts are, from 0 to 1: one minus their Levenshtein distance (over code points,
 * case-sensitive) divided by the longer length. Returns 0 early once the result must fall below `minimum`.
 */
export function similarity(a: string, b: string, minimum = 0): number {
  const left = codePoints(a);
  const right = codePoints(b);
  const longer = Math.max(left.length, right.length);
  if (longer === 0) return 1;
  const maxDistance = Math.floor((1 - minimum) * longer + 1e-9);
  const distance = editDistance(left, right, maxDistance);
  return distance > maxDistance ? 0 : 1 - distance / longer;
}

/** Levenshtein distance, or `maxDistance + 1` as soon as it is known to be larger. */
function editDistance(left: Uint32Array, right: Uint32Array, maxDistance: number): number {
  if (Math.abs(left.length - right.length) > maxDistance) return maxDistance + 1;
  let previous = Uint32Array.from({ length: right.length + 1 }, (_, index) => index);
  let current = new Uint32Array(right.length + 1);
  for (let row = 1; row <= left.length; row++) {
    current[0] = row;
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column++) {
      const substitution = previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1);
      const value = Math.min(substitution, previous[column]! + 1, current[column - 1]! + 1);
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // Every later row is at least this row's minimum, so the distance can only grow past the cap.
    if (rowMinimum > maxDistance) return maxDistance + 1;
    [previous, current] = [current, previous];
  }
  return previous[right.length]!;
}

function codePoints(text: string): Uint32Array {
  return Uint32Array.from(text, (character) => character.codePointAt(0)!);
}
