import type { Heading } from 'mdast';

// `## Options {#options}`: the attribute many renderers (kramdown, Pandoc, Hugo, Docusaurus) read as the id.
// The parser trims the heading's text, so the braces end the last text node.
const idAttribute = /(?:^|\s)\{#([^\s{}]+)\}$/u;

/** The id a heading's text sets with a trailing `{#id}`, if any. */
export function explicitHeadingId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  return last?.type === 'text' ? idAttribute.exec(last.value)?.[1] : undefined;
}
