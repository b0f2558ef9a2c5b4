import { escapeTaggedText } from '../../markdown/tagged-text.ts';
import { nameTranslation, wordCharacter } from './tagged-to-apertium.ts';
import { readSourceLayout, type SpanEdges } from './source-layout.ts';

/** A run of text from Apertium with the tag ids enclosing it, outermost first. */
interface Token {
  readonly value: string;
  readonly stack: readonly number[];
  readonly atom?: number;
  readonly marker?: string;
  /** An atom whose tags are known (from the source, or from a name's word-bound blank), not guessed from its neighbours. */
  readonly isPlaced?: boolean;
}

/**
 * Decodes an Apertium reply back into tagged text, regrouping words into their tags. Given the `source` the reply
 * translates, atoms go back inside the tags that enclosed them there, and the symbols Apertium keeps apart from
 * words (`@`, `#`, `{`, `_`…) go back inside a tag they began or ended.
 */
export function apertiumToTagged(stream: string, source?: string): string {
  // A source without tags or atoms has no layout to keep.
  const layout = source?.includes('<') ? readSourceLayout(source) : undefined;
  const tokens = readTokens(stream, layout?.atomStacks);
  return tidySpacing(tokensToTagged(inheritStacks(layout ? keepEdgesInSpans(tokens, layout.edges) : tokens)));
}

// Words Apertium drops (the genitive `'s`, an unknown article) leave their blanks behind.
function tidySpacing(text: string): string {
  return text.replace(/([^\s]) {2,}(?=[^\s])/g, '$1 ').replace(/(\p{L}) +([.,;:!?])(?=\s|$)/gu, '$1$2');
}

function readTokens(stream: string, atomStacks?: ReadonlyMap<number, readonly number[]>): Token[] {
  const tokens: Token[] = [];
  let text = '';
  // Transfer may move a superblank inside a word-bound blank, so the enclosing ids apply until `[[/]]`.
  let stack: number[] = [];
  let names: number[] = [];
  const flush = () => {
    tokens.push(...splitNames(text, stack, names));
    text = '';
    names = [];
  };
  for (let index = 0; index < stream.length; index++) {
    const char = stream[index]!;
    if (char === '\\') {
      text += stream[++index] ?? '';
    } else if (stream.startsWith('[[/]]', index)) {
      flush();
      stack = [];
      index += 4;
    } else if (stream.startsWith('[[', index)) {
      const close = stream.indexOf(']]', index);
      flush();
      const ids = stream.slice(index + 2, close).split(';').map((id) => id.trim());
      // Transfer can repeat an id when it merges two words of one tag (`[[1; 1]]`).
      stack = [...new Set(ids.map(Number))].filter(Number.isInteger);
      names = [...new Set(ids.filter((id) => /^n\d+$/.test(id)).map((id) => Number(id.slice(1))))];
      index = close + 1;
    } else if (char === '[') {
      const end = findUnescaped(stream, ']', index);
      flush();
      const content = stream.slice(index + 1, end);
      const atom = /^<x(\d+)\/>$/.exec(content);
      const placed = atom && atomStacks?.get(Number(atom[1]));
      if (placed) tokens.push({ value: '', stack: placed, atom: Number(atom[1]), isPlaced: true });
      else if (atom) tokens.push({ value: '', stack: [], atom: Number(atom[1]) });
      else if (/^<\/?g\d+>$/.test(content)) tokens.push({ value: '', stack: [], marker: content });
      index = end;
    } else {
      text += char;
    }
  }
  flush();
  return tokens;
}

// Transfer may move words (a preposition, an article) into a name's word-bound blank: only the stand-in is the name.
function splitNames(text: string, stack: readonly number[], names: readonly number[]): Token[] {
  if (names.length === 0) return text ? [{ value: text, stack }] : [];
  const tokens: Token[] = [];
  let rest = text;
  for (const name of names) {
    const found = nameTranslation.exec(rest);
    const before = found ? rest.slice(0, found.index) : rest;
    if (before) tokens.push({ value: before, stack });
    // The name's word-bound blank says its tags, as a word's does.
    tokens.push({ value: '', stack, atom: name, isPlaced: true });
    rest = found ? rest.slice(found.index + found[0].length) : '';
  }
  if (rest) tokens.push({ value: rest, stack });
  return tokens;
}

// Apertium keeps symbols that are not words (`@`, `#`, `{`, `_`) out of word-bound blanks, so those a span begins
// or ends with come back just outside it: they are moved back in when the source span began or ended with them.
function keepEdgesInSpans(tokens: readonly Token[], edges: ReadonlyMap<number, SpanEdges>): Token[] {
  return tokens.flatMap((token, index) => {
    if (token.atom !== undefined || token.marker || token.value === '') return [token];
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    const head = before?.marker ? undefined : findEdge(token, before?.stack ?? [], edges, 'trailing');
    let rest = head ? token.value.slice(head.value.length) : token.value;
    const tail = after?.marker ? undefined : findEdge({ ...token, value: rest }, after?.stack ?? [], edges, 'leading');
    if (tail) rest = rest.slice(0, rest.length - tail.value.length);
    return [head, rest ? { ...token, value: rest } : undefined, tail].filter((part): part is Token => part !== undefined);
  });
}

// The part of a text token that a span beside it (closing before it, or opening after it) began or ended with.
function findEdge(token: Token, neighbour: readonly number[], edges: ReadonlyMap<number, SpanEdges>, side: keyof SpanEdges): Token | undefined {
  const shared = commonPrefix(token.stack, neighbour).length;
  for (let depth = neighbour.length - 1; depth >= shared; depth--) {
    const edge = edges.get(neighbour[depth]!)?.[side];
    if (!edge) continue;
    for (let length = Math.min(edge.length, token.value.length); length > 0; length--) {
      const part = side === 'trailing' ? token.value.slice(0, length) : token.value.slice(-length);
      if (side === 'trailing' ? edge.endsWith(part) : edge.startsWith(part)) return { value: part, stack: neighbour.slice(0, depth + 1) };
    }
  }
  return undefined;
}

// Blanks, symbols and atoms between two words of the same tag belong inside it.
function inheritStacks(tokens: Token[]): Token[] {
  return tokens.map((token, index) => {
    if (token.stack.length > 0 || token.marker || isAnchor(token)) return token;
    const before = findAnchor(tokens, index, -1);
    const after = findAnchor(tokens, index, 1);
    return { ...token, stack: commonPrefix(before?.stack ?? [], after?.stack ?? []) };
  });
}

function findAnchor(tokens: readonly Token[], from: number, step: 1 | -1): Token | undefined {
  for (let index = from + step; index >= 0 && index < tokens.length; index += step) {
    const token = tokens[index]!;
    if (token.marker) return undefined;
    if (isAnchor(token)) return token;
  }
  return undefined;
}

// A token whose place in the tags is known: a word, or a placed atom.
function isAnchor(token: Token): boolean {
  return token.atom === undefined ? wordCharacter.test(token.value) : token.isPlaced === true;
}

function tokensToTagged(tokens: readonly Token[]): string {
  let output = '';
  let open: number[] = [];
  // A tag without words travels as superblanks around its atoms, which know the tag too: it is opened once.
  const openByMarker = new Set<number>();
  for (const token of tokens) {
    if (token.marker) {
      output += token.marker;
      const id = Number(token.marker.replace(/\D/g, ''));
      if (token.marker.startsWith('</')) openByMarker.delete(id);
      else openByMarker.add(id);
      continue;
    }
    const stack = openByMarker.size === 0 ? token.stack : token.stack.filter((id) => !openByMarker.has(id));
    const shared = commonPrefix(open, stack).length;
    for (const id of open.slice(shared).reverse()) output += `</g${id}>`;
    for (const id of stack.slice(shared)) output += `<g${id}>`;
    open = [...stack];
    output += token.atom !== undefined ? `<x${token.atom}/>` : escapeTaggedText(token.value);
  }
  for (const id of open.reverse()) output += `</g${id}>`;
  return output;
}

function commonPrefix(a: readonly number[], b: readonly number[]): number[] {
  const prefix: number[] = [];
  for (let index = 0; index < Math.min(a.length, b.length) && a[index] === b[index]; index++) prefix.push(a[index]!);
  return prefix;
}

function findUnescaped(stream: string, char: string, from: number): number {
  for (let index = from + 1; index < stream.length; index++) {
    if (stream[index] === '\\') index++;
    else if (stream[index] === char) return index;
  }
  return stream.length;
}

