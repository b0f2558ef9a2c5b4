/**
 * Whether markdown may hold a link with a fragment: it has a `#` other than those opening an ATX heading.
 * A quick look that can say yes wrongly but never no wrongly, so a document without such a link is never parsed.
 */
export function mayHoldFragmentLink(markdown: string): boolean {
  for (let index = markdown.indexOf('#'); index !== -1; index = markdown.indexOf('#', index + 1)) {
    if (!opensHeading(markdown, markdown.lastIndexOf('\n', index) + 1, index)) return true;
  }
  return false;
}

// Up to three spaces, then only `#` up to this one.
function opensHeading(markdown: string, lineStart: number, index: number): boolean {
  let position = lineStart;
  while (position < index && position - lineStart < 3 && markdown[position] === ' ') position++;
  while (position < index && markdown[position] === '#') position++;
  return position === index;
}
