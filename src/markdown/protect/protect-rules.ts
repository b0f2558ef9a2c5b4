/** A kind of text that no engine may translate. */
export interface ProtectRule {
  readonly pattern: RegExp;
  /** Whether a token reads as a noun in the sentence around it; engines that can are told so. */
  readonly isName: boolean;
  /** A second look at a candidate the pattern alone cannot judge. */
  readonly accepts?: (token: string) => boolean;
  /** A cheap test a text must pass before the pattern is run over it: most prose has nothing to keep. */
  readonly mayMatch: (text: string) => boolean;
}

const has = (text: string) => (value: string) => value.includes(text);

// `e.g`, `i.e`, `U.S` and `3.x` are abbreviations and numbers, not names: a dotted name ends in two or more
// characters with a letter among them.
const isDottedName = (token: string): boolean => {
  const last = token.slice(token.lastIndexOf('.') + 1);
  return last.length >= 2 && /[a-z]/i.test(last);
};

/**
 * The built-in kinds, each a pattern over a text node's value; every one can be switched off in the config
 * (`protect.rules`). Matches are kept as atoms and written back byte for byte.
 */
export const protectRules = {
  /** GitHub alert markers: `[!NOTE]`, `[!WARNING]`…; translated or escaped, the callout no longer renders. */
  alert: { pattern: /\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gi, isName: false, mayMatch: has('[!') },
  /** Explicit heading ids and attribute blocks: `{#options}`, `{#id .class}`. */
  headingId: { pattern: /\{[#.][\w-]+(?:\s+[#.]?[\w-]+(?:=[^\s{}]*)?)*\}/g, isName: false, mayMatch: has('{') },
  /** URLs written as text, such as a link's text `http://example.org`. */
  url: { pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"*_~]/gi, isName: true, mayMatch: has('://') },
  /** E-mail addresses written as text. */
  email: { pattern: /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi, isName: true, mayMatch: has('@') },
  /** npm package names with a scope (`@ladjs/consolidate`) and mentions (`@google`). */
  package: { pattern: /(?<![\w@.])@[a-z0-9_][\w.-]*(?:\/[\w.-]*[\w-])?/gi, isName: true, mayMatch: has('@') },
  /** File paths: `./lib`, `../x`, `~/.npmrc`, `/usr/bin/env`. */
  path: { pattern: /(?<=^|[\s("'])(?:\.{1,2}|~)?\/[\w.@-]*[\w@-](?:\/[\w.@-]*[\w@-])*\/?/g, isName: true, mayMatch: has('/') },
  /** Version numbers: `v18.0.0`, `1.2.3-beta.1`, `v2`, `v1.x`, `16.x`. */
  version: { pattern: /(?<![\w.])(?:v\d+(?:\.(?:\d+|x))*|\d+(?:\.\d+){2,}|\d+(?:\.\d+)*\.x)(?:-[0-9a-z.-]*[0-9a-z])?(?![\w])/gi, isName: true, mayMatch: (text) => /\d\.[\dx]|v\d/i.test(text) },
  /** Dotted names: domains (`example.org`), file names (`app.js`, `docs/MIGRATION.md`, `.eslintrc.json`), dotted paths (`process.env`). */
  dotted: { pattern: /(?<![\w.\/@-])\.?[\w-]+(?:\/[\w.-]+)*(?:\.[\w-]+)+/g, isName: true, mayMatch: (text) => /[\w-]\.[\w-]/.test(text), accepts: isDottedName },
  /** Code-like identifiers: camelCase, PascalCase with an inner capital, snake_case, `$vars`, calls `run()`. */
  identifier: {
    pattern:
      /(?<![\w$])(?:[a-z][a-z0-9]*[A-Z][A-Za-z0-9$]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9$]*|[A-Za-z0-9$]*[A-Za-z0-9]_[\w$]*|_+[A-Za-z0-9][\w$]*|\$[A-Za-z_][\w$]*)(?:\(\))?(?![\w$])|(?<![\w$.])[\w$.]+\(\)/g,
    isName: true, mayMatch: (text) => /[a-z0-9][A-Z]|[A-Z][a-z0-9]+[A-Z]|_|\$|\(\)/.test(text),
  },
  /** Emoji shortcodes: `:star:`, `:heavy_check_mark:`. */
  shortcode: { pattern: /(?<![\w:]):[a-z0-9_+-]*[a-z][a-z0-9_+-]*:(?![\w:])/gi, isName: true, mayMatch: has(':') },
  /** A bare `~`, which Apertium's post-generator deletes (`~9x` → `9x`). */
  tilde: { pattern: /~/g, isName: false, mayMatch: has('~') },
} as const satisfies Record<string, ProtectRule>;

export type ProtectRuleName = keyof typeof protectRules;

export const protectRuleNames = Object.keys(protectRules) as ProtectRuleName[];
