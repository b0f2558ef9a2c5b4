/** A node of fast-xml-parser's `preserveOrder` output: `{ name: children, ':@': attributes }` or `{ '#text': value }`. */
export type XmlNode = Readonly<Record<string, unknown>>;

/** Element name of a node, or `#text`. */
export function nodeName(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '#text';
}

/** Child nodes of an element (none for text). */
export function childNodes(node: XmlNode): readonly XmlNode[] {
  const children = node[nodeName(node)];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

/** Text of a text node. */
export function textOf(node: XmlNode): string {
  return String(node['#text'] ?? '');
}

/** Value of an attribute, as written (entities decoded). */
export function attributeOf(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[name];
  return value === undefined ? undefined : String(value);
}

/** Child elements of an element, skipping text (the whitespace between elements). */
export function childElements(node: XmlNode): XmlNode[] {
  return childNodes(node).filter((child) => nodeName(child) !== '#text');
}

/** Text content of an element and its descendants. */
export function textContent(node: XmlNode): string {
  return childNodes(node)
    .map((child) => (nodeName(child) === '#text' ? textOf(child) : textContent(child)))
    .join('');
}

/** Characters XML 1.0 cannot hold at all, not even as references. */
export const forbiddenXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
