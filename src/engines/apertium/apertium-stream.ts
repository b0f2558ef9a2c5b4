import { escapeTaggedText, parseTaggedText, type TaggedNode } from '../../markdown/tagged-text.ts';

// Apertium's stream format: `\` escapes its special characters, `[…]` is a superblank kept in
// place, and a word-bound blank `[[…]]word[[/]]` travels with its word when transfer reorders words.
// Formatted words carry the ids of their enclosing tags as a word-bound blank; tags with no words
// and atoms travel as superblanks.
const special = /[\\[\]^$/@{}<>]/g;

/** A run of text from Apertium with the tag ids enclosing it, outermost first. */
interface Token {
  readonly value: string;
  readonly stack: readonly number[];
  readonly atom?: number;
  readonly marker?: string;
}

/** Encodes tagged text as an Apertium stream (without the frame's closing `.[]`). */
export function taggedToApertium(text: string): string {
  return encodeNodes(parseTaggedText(text).nodes, []);
}

function encodeNodes(nodes: readonly TaggedNode[], stack: readonly number[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'atom') return `[<x${node.id}/>]`;
      if (node.type === 'pair') {
        const inner = [...stack, node.id];
        return hasWords(node.children) ? encodeNodes(node.children, inner) : `[<g${node.id}>]${encodeNodes(node.children, inner)}[</g${node.id}>]`;
      }
      const escaped = node.value.replace(special, (char) => `\\${char}`);
      if (stack.length === 0) return escaped;
      // Blanks stay outside the word-bound blank so that only words carry it.
      const [, leading, words, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
      return words ? `${leading}[[${stack.join(';')}]]${words}[[/]]${trailing}` : escaped;
    })
    .join('');
}

function hasWords(nodes: readonly TaggedNode[]): boolean {
  return nodes.some((node) => (node.type === 'text' ? /\S/.test(node.value) : node.type === 'pair' && hasWords(node.children)));
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
  const flush = () => {
    if (text) tokens.push({ value: text, stack });
    text = '';
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
      // Transfer can repeat an id when it merges two words of one tag (`[[1; 1]]`).
      stack = [...new Set(stream.slice(index + 2, close).split(';').map((id) => Number(id.trim())))].filter(Number.isInteger);
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

