/** A deterministic source of random numbers (mulberry32), so a failing document can be made again from its seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const words = ['The', 'city', 'is', 'big', 'bridge', 'river', 'old', 'house', 'red', 'road', 'long', 'café', 'naïve', '東京', 'Ελλάδα', 'موقع', '🙂', 'v2.1', '42', 'x_y', 'a*b'];
const markup = ['*', '**', '_', '__', '[', ']', '(', ')', '`', '```', '~~', '<div>', '</div>', '<!--', '-->', '# ', '> ', '- ', '1. ', '|', '---', '\n', '\n\n', '![', '](', 'https://example.com/a_b', '\\', '&amp;', '&#0;', '&#xD800;', '<', '>', '[^1]', '[x]: /u', '$$', ':', '"', "'", '\t', '    ', '===', '+++', '<br/>', '{#id}', '<script>'];
const controls = ['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\r\n', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff'];

function sentence(random: Random, length = between(random, 3, 12)): string {
  return Array.from({ length }, () => pick(random, words)).join(' ');
}

const generators: Record<string, (random: Random) => string | Uint8Array> = {
  unbalanced: (random) => Array.from({ length: between(random, 5, 200) }, () => (random() < 0.5 ? pick(random, markup) : `${sentence(random, between(random, 1, 4))} `)).join(''),
  controls: (random) => Array.from({ length: between(random, 5, 100) }, () => (random() < 0.3 ? pick(random, controls) : random() < 0.2 ? pick(random, markup) : `${sentence(random, 2)} `)).join(''),
  randomBytes: (random) => Uint8Array.from({ length: between(random, 1, 2000) }, () => between(random, 1, 255)),
  randomCharacters: (random) => Array.from({ length: between(random, 1, 2000) }, () => String.fromCodePoint(random() < 0.7 ? between(random, 1, 0x7f) : between(random, 0xa0, 0xd7ff))).join(''),
  deepQuotes: (random) => `${'>'.repeat(deepOrNot(random))} ${sentence(random)}\n`,
  deepLists: (random) => Array.from({ length: deepOrNot(random, 400) }, (_, depth) => `${'  '.repeat(depth)}${pick(random, ['-', '*', '1.'])} ${sentence(random, 3)}\n`).join(''),
  deepEmphasis: (random) => {
    const depth = deepOrNot(random);
    return `${Array.from({ length: depth }, () => `${pick(random, ['*', '_', '**', '['])}${pick(random, words)} `).join('')}x${' y*'.repeat(depth)}\n`;
  },
  mixedNesting: (random) => Array.from({ length: between(random, 1, 20) }, () => `${'> '.repeat(between(random, 0, 5))}${'- '.repeat(between(random, 0, 5))}${'*'.repeat(between(random, 0, 6))}${sentence(random)}\n`).join(''),
  structured: (random) =>
    Array.from({ length: between(random, 1, 12) }, () =>
      pick(random, [
        () => `# ${sentence(random, 3)}`,
        () => `${sentence(random)} *${sentence(random, 2)}* [${pick(random, words)}](https://example.com/${pick(random, words)}) \`code\`.`,
        () => `- ${sentence(random, 3)}\n- ${sentence(random, 3)}\n  - ${sentence(random, 2)}`,
        () => `| a | b |\n| - | - |\n| ${sentence(random, 2)} | ${sentence(random, 2)} |`,
        () => '```js\nconst x = "*not emphasis*";\n```',
        () => `> ${sentence(random)}\n> > ${sentence(random)}`,
        () => `---\n\n${sentence(random)}`,
        () => `<div>${sentence(random, 3)}</div>`,
        () => `![${pick(random, words)}](img.png "${sentence(random, 2)}")`,
      ])(),
    ).join('\n\n'),
};

// Most nesting stays under the limit jialing reads; some goes far past it, as a hostile article would.
function deepOrNot(random: Random, far = 3000): number {
  return random() < 0.15 ? between(random, 150, far) : between(random, 1, 12);
}

/** A long line (tens of kilobytes) of ordinary words with some markup in it. */
export function longLine(random: Random, kilobytes: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < kilobytes * 1024) {
    const part = random() < 0.1 ? `*${pick(random, words)}* ` : random() < 0.05 ? `[${pick(random, words)}](u) ` : `${pick(random, words)} `;
    parts.push(part);
    length += part.length;
  }
  return `${parts.join('')}\n`;
}

/** A hostile document of a kind chosen by the random source, with the kind's name. */
export function hostileDocument(random: Random): { readonly kind: string; readonly content: string | Uint8Array } {
  const kind = pick(random, Object.keys(generators));
  return { kind, content: generators[kind]!(random) };
}
