/**
 * How alike two plain texts are, from 0 to 1: one minus their Levenshtein distance (over code points,
 * case-sensitive) divided by the longer length. Returns 0 early once the result must fall below `minimum`,
 * and for texts so long that measuring them would cost more than `maxCells` steps (see `maxSimilarityCells`).
 */
export function similarity(a: string, b: string, minimum = 0, maxCells = maxSimilarityCells): number {
  return similarityTo(a)(b, minimum, maxCells);
}

/** `similarity` of one text to others, its code points read once for all of them. */
export function similarityTo(a: string): (b: string, minimum?: number, maxCells?: number) => number {
  const left = codePoints(a);
  return (b, minimum = 0, maxCells = maxSimilarityCells) => {
    if (a === b) return 1;
    const right = codePoints(b);
    const longer = Math.max(left.length, right.length);
    const maxDistance = Math.floor((1 - minimum) * longer + 1e-9);
    if (left.length * Math.min(right.length, 2 * maxDistance + 1) > maxCells) return 0;
    const distance = editDistance(left, right, maxDistance);
    return distance > maxDistance ? 0 : 1 - distance / longer;
  };
}

/**
 * The most steps one comparison may take: a few tens of milliseconds. Two paragraphs of some thousand characters
 * are compared in full; a paragraph of a hundred thousand characters (a long single line) would take minutes.
 */
export const maxSimilarityCells = 20_000_000;

/**
 * Levenshtein distance, or `maxDistance + 1` as soon as it is known to be larger. Only the cells within
 * `maxDistance` of the diagonal can hold a smaller distance, so only those are computed.
 */
function editDistance(left: Uint32Array, right: Uint32Array, maxDistance: number): number {
  if (Math.abs(left.length - right.length) > maxDistance) return maxDistance + 1;
  const beyond = maxDistance + 1;
  let previous = new Uint32Array(right.length + 1);
  for (let index = 0; index <= right.length; index++) previous[index] = Math.min(index, beyond);
  let current = new Uint32Array(right.length + 1).fill(beyond);
  for (let row = 1; row <= left.length; row++) {
    const first = Math.max(1, row - maxDistance);
    const last = Math.min(right.length, row + maxDistance);
    current[first - 1] = first === 1 ? Math.min(row, beyond) : beyond;
    let rowMinimum = current[first - 1]!;
    for (let column = first; column <= last; column++) {
      const substitution = previous[column - 1]! + (left[row - 1] === right[column - 1] ? 0 : 1);
      const value = Math.min(substitution, previous[column]! + 1, current[column - 1]! + 1, beyond);
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (last < right.length) current[last + 1] = beyond;
    // Every later row is at least this row's minimum, so the distance can only grow past the cap.
    if (rowMinimum > maxDistance) return beyond;
    [previous, current] = [current, previous];
  }
  return previous[right.length]!;
}

// A plain loop: `Uint32Array.from` with a mapping function was most of the time spent ranking suggestions.
function codePoints(text: string): Uint32Array {
  const points = new Uint32Array(text.length);
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const point = text.codePointAt(index)!;
    points[count++] = point;
    if (point > 0xffff) index++;
  }
  return count === text.length ? points : points.subarray(0, count);
}
