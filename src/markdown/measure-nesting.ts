/** How deep an article nests, as far as can be told without parsing it, and on which line. */
export interface Nesting {
  readonly depth: number;
  readonly line: number;
  readonly kind: 'blocks' | 'inline';
}

/**
 * Estimates the deepest nesting of an article from its lines, before it is parsed. The parser is what cannot
 * cope with thousands of levels (a nested list costs it time cubic in its depth; 5,000 nested quotes overflow
 * its stack), so this guard has to look at the text itself. It errs on the deep side: block quotes and list
 * markers count per line, and every emphasis, strong or link delimiter of a paragraph that may open counts
 * until one that closes follows, in code too.
 */
export function measureNesting(text: string): Nesting {
  let deepest: Nesting = { depth: 0, line: 1, kind: 'blocks' };
  const listIndents: number[] = [];
  let inlineDepth = 0;
  // The run that opened the code fence the lines are in: only a run of its character at least as long closes it.
  let fence: string | undefined;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const { indent, quotes, lists, rest } = readContainers(line);
    const run = /^(`{3,}|~{3,})(.*)$/.exec(rest);
    if (fence === undefined && run && !(run[1]![0] === '`' && run[2]!.includes('`'))) {
      fence = run[1];
      continue;
    }
    if (fence !== undefined) {
      if (run && run[1]![0] === fence[0] && run[1]!.length >= fence.length && run[2]!.trim() === '') fence = undefined;
      continue;
    }
    if (rest.trim() === '') inlineDepth = 0;
    if (lists > 0) {
      while (listIndents.length > 0 && listIndents.at(-1)! >= indent) listIndents.pop();
      listIndents.push(indent);
    } else if (rest.trim() !== '') {
      // A line indented less than a list item's marker is outside that item.
      while (listIndents.length > 0 && listIndents.at(-1)! >= indent) listIndents.pop();
    }
    const blocks = quotes + listIndents.length + Math.max(lists - 1, 0);
    if (blocks > deepest.depth) deepest = { depth: blocks, line: index + 1, kind: 'blocks' };
    const inline = followDelimiters(rest, inlineDepth);
    inlineDepth = inline.depth;
    if (inline.deepest > deepest.depth) deepest = { depth: inline.deepest, line: index + 1, kind: 'inline' };
  }
  return deepest;
}

const containerMarker = /(>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*/y;

/** The container markers a line starts with: block quotes (`>`) and list items (`-`, `*`, `+`, `1.`). */
function readContainers(line: string): { indent: number; quotes: number; lists: number; rest: string } {
  const indent = line.length - line.trimStart().length;
  let quotes = 0;
  let lists = 0;
  containerMarker.lastIndex = indent;
  let end = indent;
  for (let marker = containerMarker.exec(line); marker; marker = containerMarker.exec(line)) {
    if (marker[1] === '>') quotes++;
    else lists++;
    end = containerMarker.lastIndex;
  }
  return { indent, quotes, lists, rest: line.slice(end) };
}

/** Follows the emphasis and link delimiters through a line, telling openers from closers as CommonMark does. */
function followDelimiters(text: string, start: number): { depth: number; deepest: number } {
  let depth = start;
  let deepest = start;
  const delimiters = /`+|\*+|_+|\[|\]/g;
  for (let run = delimiters.exec(text); run; run = delimiters.exec(text)) {
    const end = run.index + run[0].length;
    if (run[0][0] === '`') {
      // Nothing nests in a code span: skip to its closing run, when there is one.
      const close = text.indexOf(run[0], end);
      if (close !== -1) delimiters.lastIndex = close + run[0].length;
      continue;
    }
    const before = text[run.index - 1] ?? ' ';
    const after = text[end] ?? ' ';
    if (run[0] === '[') depth++;
    else if (run[0] === ']') depth--;
    else if (isWordCharacter(before) && isWordCharacter(after)) continue;
    else {
      const opens = mayOpen(before, after);
      const closes = mayOpen(after, before);
      // One that may do both closes what is open, as the parser pairs it.
      depth += opens && !(closes && depth > 0) ? run[0].length : -run[0].length;
    }
    depth = Math.max(depth, 0);
    deepest = Math.max(deepest, depth);
  }
  return { depth, deepest };
}

const space = /\s/u;
const punctuation = /[\p{P}\p{S}]/u;

// Inside a word (`snake_case`, `2*3*4`) a delimiter opens nothing worth counting.
function isWordCharacter(character: string): boolean {
  return !space.test(character) && !punctuation.test(character);
}

// Left-flanking; with the sides swapped, right-flanking (may close).
function mayOpen(before: string, after: string): boolean {
  if (space.test(after)) return false;
  return !punctuation.test(after) || space.test(before) || punctuation.test(before);
}
