import { parseTaggedText, type TaggedNode } from '../../markdown/tagged-text.ts';

// Apertium's stream format: `\` escapes its special characters, `[…]` is a superblank kept in
// place, and a word-bound blank `[[…]]word[[/]]` travels with its word when transfer reorders words.
// Formatted words carry the ids of their enclosing tags as a word-bound blank; tags with no words
// and atoms travel as superblanks.
const special = /[\\[\]^$/@{}<>]/g;

// A superblank reads as a sentence break to Apertium (the next word gets a capital) and an unknown word
// is no better, so a name travels as a proper noun every English pair knows, in a word-bound blank
// `[[nN]]` that says which atom it stands for; its translation (Londres, Londono…) is replaced back.
const nameStandIn = 'London';
/** What the stand-in of a name becomes in a translation. */
export const nameTranslation = /\bLond\p{L}*/u;
/** What Apertium reads as part of a word. */
export const wordCharacter = /[\p{L}\p{N}]/u;

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
        // Between its superblanks, a tag without words needs no word-bound blanks of its own.
        return hasWords(node.children, names) ? encodeNodes(node.children, inner, names) : `[<g${node.id}>]${encodeNodes(node.children, stack, names)}[</g${node.id}>]`;
      }
      const escaped = node.value.replace(special, (char) => `\\${char}`);
      if (stack.length === 0) return escaped;
      // Blanks stay outside the word-bound blank so that only words carry it.
      const [, leading, words, trailing] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
      return words ? `${leading}[[${stack.join(';')}]]${words}[[/]]${trailing}` : escaped;
    })
    .join('');
}

// Apertium reads only letters and digits as words (and some punctuation): a word-bound blank around nothing but
// symbols such as `@` or `{}` is dropped with its tag, so such a tag travels as superblanks.
function hasWords(nodes: readonly TaggedNode[], names: ReadonlySet<number>): boolean {
  return nodes.some((node) => (node.type === 'text' ? wordCharacter.test(node.value) : node.type === 'pair' ? hasWords(node.children, names) : names.has(node.id)));
}
