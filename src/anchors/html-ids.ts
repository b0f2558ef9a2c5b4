// These run over one HTML node's value, whose shape is known: tags, and comments that hide tags.
const comment = /<!--[\s\S]*?(?:-->|$)/g;
const tag = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/gi;
const attribute = /(?<=\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** The ids an HTML fragment gives a page to link to: any `id` attribute, and `name` on `<a>`. */
export function htmlIds(html: string): string[] {
  const ids: string[] = [];
  for (const [, tagName, attributes] of html.replace(comment, '').matchAll(tag)) {
    if (!attributes) continue;
    for (const [, name, ...values] of attributes.matchAll(attribute)) {
      if (name!.toLowerCase() === 'name' && tagName!.toLowerCase() !== 'a') continue;
      const value = values.find((candidate) => candidate !== undefined)!;
      if (value !== '') ids.push(value);
    }
  }
  return ids;
}
