import GithubSlugger from 'github-slugger';
import type { AnchorStyle } from '../config/schema.ts';

/** The anchor styles that give headings ids from their text (`keep` gives none). */
export type SlugStyle = Exclude<AnchorStyle, 'keep'>;

// One entry per renderer: the ids it gives a document's headings, from their texts in document order.
// Another renderer's rules are another entry here and its name in `anchorStyles`.
const slugStyles: Readonly<Record<SlugStyle, (texts: readonly string[]) => string[]>> = {
  // GitHub lowercases, drops what is not a letter, mark, number, connector, space or `-`, turns spaces into `-`,
  // and numbers a repeated slug `-1`, `-2`… in document order.
  github: (texts) => {
    const slugger = new GithubSlugger();
    return texts.map((text) => slugger.slug(text));
  },
};

/** The slugs a renderer gives headings with these texts, in document order, repeats numbered. */
export function slugify(texts: readonly string[], style: SlugStyle = 'github'): string[] {
  return slugStyles[style](texts);
}
