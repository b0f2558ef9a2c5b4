import { escapeTaggedText, parseTaggedText, type TaggedNode } from '../../markdown/tagged-text.ts';

// Apertium's stream format: `\` escapes its special characters, `[…]` is a superblank kept in
// place, and a word-bound blank `[[…]]word[[/]]` travels with its word when transfer reorders words.
// Formatted words carry the ids of their enclosing tags as a word-bound blank; tags with no words
// and atoms travel as superblanks.
const special = /[\\[\]^$/@{}<>]/g;

// A superblank reads as a sentence break to Apertium (the next word gets a capital) and an unknown word
// is no better, so a name travels as a proper noun every English pair knows, in a word-bound blank
// `[[nN]]` that says which atom it stands for; its translation (Londres, Londono…) is replaced back.
const nameStandIn = 'London';
const nameTranslation = /\bLond\p{L}*/u;

/** A run of text from Apertium with the tag ids enclosing it, outermost first. */
interface Token {
  readonly value: string;
  readonly stack: readonly number[];
  readonly atom?: number;
  readonly marker?: string;
}

/** Encodes tagged text as an Apertium stream (without the frame's closing `.[]`); `names` are atoms that stand for names. */
export function taggedToApertium(text: string, names: readonly number[] = []): string {
  return encodeNodes(parseTaggedText(text).nodes, [], new Set(names));
}

function encodeNodes(nodes: readonly TaggedNode[], stack: readonly number[], names: ReadonlySet<number>): string {
  return nodes
    .map((node) => {
      if (node.type === 'atom') return names.has(node.id) ? `[[${[...stack, `n${node.id}`].join(';')}]]${nameStandIn}[[/]]` : `[<x${node.id}/>]`;
      if (node.type === 'pair') {
        const inner = [...stack, node.id];
        return hasWords(node.children, names) ? encodeNodes(node.children, inner, names) : `[<g${node.id}>]${encodeNodes(node.children, inner, names)}[</g${node.id}>]`;
      }
      const escaped = node.value.replace(special, (char) => `\\${char}`);
      if (stack.length === 0) return escaped;
      // Blanks stay outside the word-bound blank so that only words carry it.
      const [, leading, words, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
      return words ? `${leading}[[${stack.join(';')}]]${words}[[/]]${trailing}` : escaped;
    })
    .join('');
}

function hasWords(nodes: readonly TaggedNode[], names: ReadonlySet<number>): boolean {
  return nodes.some((node) => (node.type === 'text' ? /\S/.test(node.value) : node.type === 'pair' ? hasWords(node.children, names) : names.has(node.id)));
}

/** Decodes an Apertium reply back into tagged text, regrouping words into their tags. */
export function apertiumToTagged(stream: string): string {
  return tidySpacing(tokensToTagged(inheritStacks(readTokens(stream))));
}

// Words Apertium drops (the genitive `'s`, an unknown article) leave their blanks behind.
function tidySpacing(text: string): string {
  return text.replace(/([^\s]) {2,}(?=[^\s])/g, '$1 ').replace(/(\p{L}) +([.,;:!?])(?=\s|$)/gu, '$1$2');
}

function readTokens(stream: string): Token[] {
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
      if (atom) tokens.push({ value: '', stack: [], atom: Number(atom[1]) });
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
    tokens.push({ value: '', stack, atom: name });
    rest = found ? rest.slice(found.index + found[0].length) : '';
  }
  if (rest) tokens.push({ value: rest, stack });
  return tokens;
}

// Blanks and atoms between two words of the same tag belong inside it.
function inheritStacks(tokens: Token[]): Token[] {
  return tokens.map((token, index) => {
    if (token.stack.length > 0 || token.marker || (token.atom === undefined && /\S/.test(token.value))) return token;
    const before = findWord(tokens, index, -1);
    const after = findWord(tokens, index, 1);
    return { ...token, stack: commonPrefix(before?.stack ?? [], after?.stack ?? []) };
  });
}

function findWord(tokens: readonly Token[], from: number, step: 1 | -1): Token | undefined {
  for (let index = from + step; index >= 0 && index < tokens.length; index += step) {
    const token = tokens[index]!;
    if (token.marker) return undefined;
    if (token.atom === undefined && /\S/.test(token.value)) return token;
  }
  return undefined;
}

function tokensToTagged(tokens: readonly Token[]): string {
  let output = '';
  let open: number[] = [];
  for (const token of tokens) {
    if (token.marker) {
      output += token.marker;
      continue;
    }
    const shared = commonPrefix(open, token.stack).length;
    for (const id of open.slice(shared).reverse()) output += `</g${id}>`;
    for (const id of token.stack.slice(shared)) output += `<g${id}>`;
    open = [...token.stack];
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

