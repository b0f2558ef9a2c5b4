import { CharacterClass, classifyCharacters } from './classify-characters.ts';
import { foldCharCode, normalizeTermForm } from './fold-term.ts';
import type { GlossaryTerm } from './glossary.ts';

/** A node of the matcher's trie, keyed by folded UTF-16 units; a space stands for any run of whitespace. */
export interface TermTrieNode {
  readonly next: Map<number, TermTrieNode>;
  readonly ends: { readonly termId: string; readonly form: string; readonly caseSensitive: boolean }[];
}

/** Every form of every term in one trie, built once per glossary by `createTermMatcher`; treat it as opaque. */
export interface TermMatcher {
  readonly root: TermTrieNode;
}

/** Where a term occurs in a text: `text` is the slice `[start, end)` as written. */
export interface TermMatch {
  readonly termId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const spaceUnit = 32;
const urlPattern = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** Builds the matcher for a glossary's terms: one trie of every source form and variant. */
export function createTermMatcher(terms: readonly GlossaryTerm[]): TermMatcher {
  const root: TermTrieNode = { next: new Map(), ends: [] };
  for (const term of terms) {
    for (const form of new Set([term.source, ...term.variants].map(normalizeTermForm))) {
      if (form === '') continue;
      let node = root;
      for (let index = 0; index < form.length; index++) {
        const unit = foldCharCode(form.charCodeAt(index));
        let child = node.next.get(unit);
        if (!child) {
          child = { next: new Map(), ends: [] };
          node.next.set(unit, child);
        }
        node = child;
      }
      if (!node.ends.some((end) => end.termId === term.id && end.form === form)) node.ends.push({ termId: term.id, form, caseSensitive: term.caseSensitive });
    }
  }
  return { root };
}

/**
 * Finds terms in plain text: longest first, never overlapping, whole words where words are spaced
 * (a letter or digit on either side stops a match) and anywhere in CJK or Thai. A possessive or a
 * plural `s`/`es` may follow a term and stays outside the match. Text inside URLs and e-mail
 * addresses is never matched.
 */
export function findTerms(matcher: TermMatcher, text: string): TermMatch[] {
  if (matcher.root.next.size === 0 || text.length === 0) return [];
  const classes = classifyCharacters(text);
  const candidates: { termId: string; start: number; end: number }[] = [];
  for (let start = 0; start < text.length; start++) {
    const startClass = classes[start];
    // A spaced-script word character right after another cannot start a whole word.
    if (startClass === CharacterClass.space || (startClass === CharacterClass.word && start > 0 && classes[start - 1] === CharacterClass.word)) continue;
    let node = matcher.root.next.get(foldCharCode(text.charCodeAt(start)));
    let index = start + 1;
    while (node) {
      if (node.ends.length > 0 && endsWord(text, classes, index)) {
        for (const end of node.ends) {
          if (!end.caseSensitive || normalizeTermForm(text.slice(start, index)) === end.form) candidates.push({ termId: end.termId, start, end: index });
        }
      }
      if (index >= text.length) break;
      if (classes[index] === CharacterClass.space) {
        node = node.next.get(spaceUnit);
        while (classes[index] === CharacterClass.space) index++;
      } else {
        node = node.next.get(foldCharCode(text.charCodeAt(index)));
        index++;
      }
    }
  }
  if (candidates.length === 0) return [];
  return chooseLongest(candidates, urlRanges(text), text.length).map(({ termId, start, end }) => ({ termId, start, end, text: text.slice(start, end) }));
}

/** Whether a term ending before `index` ends a word there, allowing a plural `s` or `es`. */
function endsWord(text: string, classes: Uint8Array, index: number): boolean {
  if (classes[index - 1] !== CharacterClass.word || classes[index] !== CharacterClass.word) return true;
  const next = foldCharCode(text.charCodeAt(index));
  if (next === 115) return classes[index + 1] !== CharacterClass.word;
  return next === 101 && foldCharCode(text.charCodeAt(index + 1)) === 115 && (index + 2 >= classes.length || classes[index + 2] !== CharacterClass.word);
}

function chooseLongest(candidates: { termId: string; start: number; end: number }[], excluded: readonly [number, number][], length: number) {
  const taken = new Uint8Array(length);
  for (const [start, end] of excluded) taken.fill(1, start, end);
  const sorted = candidates.sort((first, second) => second.end - second.start - (first.end - first.start) || first.start - second.start);
  const chosen = sorted.filter(({ start, end }) => {
    if (taken.subarray(start, end).some((isTaken) => isTaken === 1)) return false;
    taken.fill(1, start, end);
    return true;
  });
  return chosen.sort((first, second) => first.start - second.start);
}

function urlRanges(text: string): [number, number][] {
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return [];
  return [...text.matchAll(urlPattern)].map((match) => [match.index, match.index + match[0].length]);
}
