// What GitHub's renderer drops from a heading's text: everything but letters, marks, numbers, connector
// punctuation (`_`), `-` and the space.
const droppedCharacters = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

/** Makes heading ids as GitHub does: lowercase, punctuation dropped, spaces to `-`, repeats numbered `-1`, `-2`, … */
export function createSlugger(): (text: string) => string {
  const occurrences = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(droppedCharacters, '').replaceAll(' ', '-');
    let slug = base;
    while (occurrences.has(slug)) {
      const count = occurrences.get(base)! + 1;
      occurrences.set(base, count);
      slug = `${base}-${count}`;
    }
    occurrences.set(slug, 0);
    return slug;
  };
}
