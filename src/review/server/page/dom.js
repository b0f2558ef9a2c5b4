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

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text with every occurrence of the given glossary terms wrapped in `<mark>`, longest term first, never overlapping. */
export function highlightTerms(text, terms) {
  const ranges = [];
  const byLength = [...terms].filter((term) => term.source).sort((a, b) => b.source.length - a.source.length);
  for (const term of byLength) {
    for (const match of text.matchAll(new RegExp(escapeRegExp(term.source), 'giu'))) {
      const start = match.index;
      const end = start + match[0].length;
      if (ranges.some((range) => start < range.end && range.start < end)) continue;
      ranges.push({ start, end, term });
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const { start, end, term } of ranges) {
    parts.push(text.slice(at, start));
    parts.push(el('mark', { class: 'term', title: `glossary: ${term.source} → ${term.target}`, text: text.slice(start, end) }));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter((part) => part !== '');
}

/** Whether `text` contains `term`, ignoring case. */
export function containsTerm(text, term) {
  return new RegExp(escapeRegExp(term), 'iu').test(text);
}
