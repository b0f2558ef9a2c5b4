// Patterns of tokens that text must carry through translation unchanged. They read the text a reader sees
// (text nodes), never markdown source. Each is global; alternatives are tried left to right at each place.

const urlChar = String.raw`[^\s<>()[\]{}"'\`]`;
const urlEnd = String.raw`[^\s<>()[\]{}"'\`.,;:!?*]`;
// Top-level domains written in prose often enough to matter, leaving out those that are also file
// extensions (`.md`, `.sh`, `.py`, `.rs`), which the file-name pattern reads instead.
const topLevelDomains = 'com|org|net|io|dev|me|co|edu|gov|info|ai|app|xyz|so|ly|gg|tv|us|uk|de|fr|jp|cn|ru|eu|page|tech|cloud|site';

/** URLs, `www.` hosts, e-mail addresses and domain names. */
export const urlPattern = new RegExp(
  [
    String.raw`\b(?:https?|ftp)://${urlChar}*${urlEnd}`,
    String.raw`\bwww\.[\w-]+(?:\.[\w-]+)+(?:/${urlChar}*${urlEnd})?`,
    String.raw`(?<![\w.+-])[\w.+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-z]{2,}\b`,
    String.raw`(?<![\w@./-])(?:[a-zA-Z0-9](?:[\w-]*[a-zA-Z0-9])?\.)+(?:${topLevelDomains})(?:/${urlChar}*${urlEnd})?(?![\w-]|\.\w)`,
  ].join('|'),
  'g',
);

const fileExtensions = [
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'json', 'jsonc', 'json5', 'md', 'mdx', 'markdown', 'css', 'scss', 'less', 'html', 'htm',
  'yml', 'yaml', 'toml', 'xml', 'svg', 'png', 'jpg', 'gif', 'txt', 'csv', 'sh', 'py', 'rs', 'go', 'c', 'h', 'cc', 'cpp', 'wasm', 'node',
  'map', 'lock', 'gz', 'tgz', 'zip', 'vue', 'svelte', 'ini', 'env', 'log', 'sql', 'db', 'exe', 'bin',
].join('|');

/** File names with an extension, `@scope/name` packages, versions and code-like identifiers. */
export const techTokenPattern = new RegExp(
  [
    // @scope/name
    String.raw`(?<![\w@.])@[a-z0-9][\w.-]*/[a-z0-9][\w.-]*[a-z0-9]`,
    // 1.2.3, v18.0.0, v2, 2.x, 1.2.3-beta.1
    String.raw`(?<![\w.])v?\d+(?:\.\d+){2,}(?:-[\w.]*\w)?(?![\w])`,
    String.raw`(?<![\w.])v\d+(?:\.\d+)?(?![\w.]|\.\d)`,
    String.raw`(?<![\w.])\d+(?:\.\d+)*\.x(?![\w])`,
    // file names and paths: app.js, ./lib/index.mjs, .eslintrc.json
    String.raw`(?<![\w@/-])(?:\.{1,2}/)?(?:[\w-]+/)*\.?[\w-]+(?:\.[\w-]+)*\.(?:${fileExtensions})(?![\w-])`,
    // dotted paths: process.env.NODE_ENV, fs.readFile()
    String.raw`(?<![\w$.@/-])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?(?![\w$])`,
    // snake_case and SCREAMING_CASE: max_age, NODE_ENV, __dirname
    String.raw`(?<![\w$])_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*(?:\(\))?(?![\w$])`,
    String.raw`(?<![\w$])__[A-Za-z0-9]+(?:_*[A-Za-z0-9]+)*(?![\w$])`,
    // camelCase: nestedCommands, onResult. Not PascalCase: it is the shape of brand names (JavaScript, GitHub)
    // as much as of class names, and class names in prose are mostly written as inline code.
    String.raw`(?<![\w$])[a-z]+[0-9]*[A-Z][A-Za-z0-9]*(?:\(\))?(?![\w$])`,
    // a call: debug(), require()
    String.raw`(?<![\w$.])[A-Za-z_$][\w$]*\(\)`,
  ].join('|'),
  'g',
);

/** Emoji shortcodes: `:heavy_check_mark:`, `:+1:`. */
export const shortcodePattern = /(?<![\w:]):(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):(?![\w:])/g;
