/** A run of a word diff: text both versions share, or text only the old (`removed`) or new (`added`) one has. */
export interface DiffPart {
  readonly type: 'same' | 'removed' | 'added';
  readonly text: string;
}

/**
 * The word-level difference between two texts: words and the spaces between them are compared as tokens
 * (longest common subsequence), and neighbouring tokens of one kind are joined. Segments are short, so the
 * quadratic table is small.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const old = tokenize(before);
  const next = tokenize(after);
  // lengths[i][j]: the longest common subsequence of old[i..] and next[j..].
  const lengths = Array.from({ length: old.length + 1 }, () => new Uint32Array(next.length + 1));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      lengths[i]![j] = old[i] === next[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart['type'], text: string) => {
    const last = parts.at(-1);
    if (last?.type === type) parts[parts.length - 1] = { type, text: last.text + text };
    else parts.push({ type, text });
  };
  let i = 0;
  let j = 0;
  while (i < old.length || j < next.length) {
    if (i < old.length && j < next.length && old[i] === next[j]) {
      push('same', old[i++]!);
      j++;
    } else if (i < old.length && (j === next.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) push('removed', old[i++]!);
    else push('added', next[j++]!);
  }
  return parts;
}

function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}
