import { protectRuleNames, protectRules, type ProtectRule } from './protect-rules.ts';

/** What to keep from engines besides markup: built-in kinds switched on or off, and the config's own. */
export interface ProtectOptions {
  /** Built-in kinds switched off by name (see `protectRules`). */
  readonly off: readonly string[];
  /** Words and phrases kept as written wherever they stand alone (`cross-env`). */
  readonly words: readonly string[];
  /** Regular expressions (JavaScript syntax, Unicode mode) whose matches are kept. */
  readonly patterns: readonly string[];
}

/** A protected token in a text: where it is, and which rule found it. */
export interface ProtectedToken {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly isName: boolean;
}

/** Every rule switched on, no words or patterns of the config's own. */
export const defaultProtectOptions: ProtectOptions = { off: [], words: [], patterns: [] };

interface CompiledRule extends ProtectRule {
  readonly name: string;
}

// Options cross into the segmenting thread as plain data, a new object per article there: the rules compiled
// from them are kept by their content, and by the object for the calls of one article.
const compiled = new Map<string, readonly CompiledRule[]>();
const compiledFor = new WeakMap<ProtectOptions, readonly CompiledRule[]>();

/** Finds the protected tokens of a text, in order, never overlapping: the earliest wins, then the longest. */
export function findProtected(text: string, options: ProtectOptions): ProtectedToken[] {
  const rules = compileRules(options);
  const found: ProtectedToken[] = [];
  for (const rule of rules) {
    if (!rule.mayMatch(text)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      if (match[0] === '' || (rule.accepts && !rule.accepts(match[0]))) continue;
      found.push({ start: match.index, end: match.index + match[0].length, rule: rule.name, isName: rule.isName });
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ProtectedToken[] = [];
  for (const token of found) if (token.start >= (kept.at(-1)?.end ?? 0)) kept.push(token);
  return kept;
}

function compileRules(options: ProtectOptions): readonly CompiledRule[] {
  const known = compiledFor.get(options);
  if (known) return known;
  const key = JSON.stringify(options);
  let rules = compiled.get(key);
  if (rules) {
    compiledFor.set(options, rules);
    return rules;
  }
  const builtIn = protectRuleNames.filter((name) => !options.off.includes(name)).map((name): CompiledRule => ({ name, ...protectRules[name] }));
  const own: CompiledRule[] = [
    ...(options.words.length > 0 ? [{ name: 'words', isName: true, pattern: wordsPattern(options.words), mayMatch: () => true }] : []),
    ...options.patterns.map((pattern) => ({ name: 'patterns', isName: true, pattern: new RegExp(pattern, 'gu'), mayMatch: () => true })),
  ];
  rules = [...own, ...builtIn];
  compiled.set(key, rules);
  compiledFor.set(options, rules);
  return rules;
}

// One alternation, longest first; a word only counts where it stands alone, so only its word-character ends
// need a boundary (`~` in `~9x` is a word of its own, `env` in `cross-env` is not).
function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => `${isWordCharacter(word[0]!) ? '(?<![\\p{L}\\p{N}_-])' : ''}${escapeRegExp(word)}${isWordCharacter(word.at(-1)!) ? '(?![\\p{L}\\p{N}_-])' : ''}`);
  return new RegExp(alternatives.join('|'), 'gu');
}

function isWordCharacter(char: string): boolean {
  return /[\p{L}\p{N}_]/u.test(char);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
