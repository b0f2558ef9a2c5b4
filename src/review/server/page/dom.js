// Every piece of article text reaches the page as a text node: nothing here parses strings as HTML.

/** Builds an element: `text` sets its text, `class` its classes, `on<event>` adds listeners, other props become attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

/** Replaces an element's children. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}

/** Text with the glossary terms the server found (`ranges`, by the glossary's matching rules) wrapped in `<mark>`. */
export function highlightTerms(text, ranges, terms) {
  const parts = [];
  let at = 0;
  for (const { start, end, termId } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    const term = terms.find((candidate) => candidate.termId === termId);
    const title = term ? [`glossary: ${term.source} → ${term.target}`, ...term.notes].join('\n') : 'glossary term';
    parts.push(text.slice(at, start));
    parts.push(el('mark', { class: 'term', title, text: text.slice(start, end) }));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter((part) => part !== '');
}
