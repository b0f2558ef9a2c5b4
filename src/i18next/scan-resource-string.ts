import type { ResourceSyntax } from './resource-syntax.ts';

/** A piece of a resource string: words to translate, a placeholder kept whole, or one side of `Trans` markup. */
export type ResourceToken =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'atom'; readonly raw: string }
  | { readonly type: 'open'; readonly name: string; readonly raw: string }
  | { readonly type: 'close'; readonly name: string; readonly raw: string };

// react-i18next's `Trans` markup: indexed (`<0>`, `<1/>`) or named (`<strong>`, `<br/>`).
const transTag = /<(\/?)(\d+|[A-Za-z][\w.-]*)\s*(\/?)>/y;
const icuBranchSelector = /\s*(=\d+|[A-Za-z]+|offset:\s*\d+)\s*/y;

/** Splits a resource string into text and the placeholders and markup no engine may touch. */
export function scanResourceString(text: string, syntax: ResourceSyntax): ResourceToken[] {
  const tokens: ResourceToken[] = [];
  scanInto(text, 0, text.length, syntax, false, tokens);
  return tokens;
}

function scanInto(text: string, from: number, to: number, syntax: ResourceSyntax, isInPlural: boolean, tokens: ResourceToken[]): void {
  let textStart = from;
  const flushText = (end: number) => {
    if (end > textStart) pushText(tokens, text.slice(textStart, end));
  };
  let index = from;
  while (index < to) {
    const atomEnd = placeholderEnd(text, index, to, syntax);
    if (atomEnd !== undefined) {
      flushText(index);
      tokens.push({ type: 'atom', raw: text.slice(index, atomEnd) });
      index = textStart = atomEnd;
      continue;
    }
    if (text[index] === '<') {
      transTag.lastIndex = index;
      const match = transTag.exec(text);
      if (match && transTag.lastIndex <= to) {
        flushText(index);
        const [raw, slash, name, selfClosing] = match;
        tokens.push(selfClosing ? { type: 'atom', raw } : slash ? { type: 'close', name: name!, raw } : { type: 'open', name: name!, raw });
        index = textStart = transTag.lastIndex;
        continue;
      }
    }
    if (syntax.icu && text[index] === '{') {
      const argumentEnd = matchingBrace(text, index, to);
      if (argumentEnd !== undefined) {
        flushText(index);
        scanIcuArgument(text, index, argumentEnd, syntax, tokens);
        index = textStart = argumentEnd;
        continue;
      }
    }
    if (syntax.icu && isInPlural && text[index] === '#') {
      flushText(index);
      tokens.push({ type: 'atom', raw: '#' });
      index = textStart = index + 1;
      continue;
    }
    index++;
  }
  flushText(to);
}

/** End of an interpolation (`{{name}}`, `{{- raw}}`, `{{value, number}}`) or nesting (`$t(key, {…})`) starting at `index`. */
function placeholderEnd(text: string, index: number, to: number, syntax: ResourceSyntax): number | undefined {
  if (text.startsWith(syntax.prefix, index)) {
    const close = text.indexOf(syntax.suffix, index + syntax.prefix.length);
    if (close !== -1 && close + syntax.suffix.length <= to) return close + syntax.suffix.length;
  }
  if (text.startsWith(syntax.nestingPrefix, index)) return nestingEnd(text, index + syntax.nestingPrefix.length, to, syntax.nestingSuffix);
  return undefined;
}

// The options of `$t(key, { "count": 2 })` may hold the suffix inside quotes or braces.
function nestingEnd(text: string, from: number, to: number, suffix: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let index = from; index < to; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (depth === 0 && text.startsWith(suffix, index)) return index + suffix.length;
  }
  return undefined;
}

function matchingBrace(text: string, open: number, to: number): number | undefined {
  let depth = 0;
  for (let index = open; index < to; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index + 1;
  }
  return undefined;
}

// `{name}` and `{n, number}` are kept whole; in `{n, plural, one {…} other {…}}` (and select, selectordinal)
// everything but the branches' texts is kept, and the texts are translated.
function scanIcuArgument(text: string, start: number, end: number, syntax: ResourceSyntax, tokens: ResourceToken[]): void {
  const head = /^\{\s*[\w.]+\s*,\s*(plural|selectordinal|select)\s*,/.exec(text.slice(start, end));
  if (!head) {
    tokens.push({ type: 'atom', raw: text.slice(start, end) });
    return;
  }
  const isPlural = head[1] !== 'select';
  let kept = start;
  let index = start + head[0].length;
  while (index < end - 1) {
    icuBranchSelector.lastIndex = index;
    const selector = icuBranchSelector.exec(text);
    if (!selector || text[icuBranchSelector.lastIndex] !== '{' && !selector[1]!.startsWith('offset')) break;
    index = icuBranchSelector.lastIndex;
    if (selector[1]!.startsWith('offset')) continue;
    const branchEnd = matchingBrace(text, index, end - 1);
    if (branchEnd === undefined) break;
    tokens.push({ type: 'atom', raw: text.slice(kept, index + 1) });
    scanInto(text, index + 1, branchEnd - 1, syntax, isPlural, tokens);
    kept = branchEnd - 1;
    index = branchEnd;
  }
  tokens.push({ type: 'atom', raw: text.slice(kept, end) });
}

function pushText(tokens: ResourceToken[], value: string): void {
  const last = tokens.at(-1);
  if (last?.type === 'text') tokens[tokens.length - 1] = { type: 'text', value: last.value + value };
  else tokens.push({ type: 'text', value });
}
