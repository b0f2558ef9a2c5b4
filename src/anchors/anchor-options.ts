import type { AnchorStyle } from '../config/schema.ts';

/** Another article of the run, heading by heading: the anchors of its source and of its translation (see `headingSlugs`). */
export interface ArticleSlugs {
  readonly sourceSlugs: readonly string[];
  readonly targetSlugs: readonly string[];
}

/** What rewriting and checking an article's anchors need besides its source and its translation. */
export interface AnchorOptions {
  readonly style: AnchorStyle;
  /** The article's path relative to the articles folder, `/`-separated: other articles' paths resolve from its folder. */
  readonly file?: string;
  /** Another article translated in the same run, by its path relative to the articles folder; undefined for any other. */
  readonly otherArticles?: (path: string) => ArticleSlugs | undefined;
}
