/** A piece of source markup kept as written, or the place where a nested segment's translation goes. */
export type MarkupPart = string | { readonly segment: number };

/** A token of text kept from engines as an atom. */
export interface ProtectedText {
  /** The token as text (its markup may hold escapes or character references). */
  readonly text: string;
  readonly rule: string;
  /** Whether it reads as a noun in its sentence, so engines that can may treat it as a name. */
  readonly isName: boolean;
}

/** Inline formatting around words (emphasis, strong, delete, link): `<gN>…</gN>` in tagged text. */
export interface PairTag {
  readonly kind: 'pair';
  readonly id: number;
  readonly open: readonly MarkupPart[];
  readonly close: readonly MarkupPart[];
  readonly isLink: boolean;
  /** For `[text]` and `[text][]` references: the close to use once the text no longer matches the label. */
  readonly labelClose?: string;
  /** The source markdown inside the tag, written as is while the reference's text is unchanged. */
  readonly sourceInner?: string;
  /** The source tagged text inside the tag, to tell whether a reference's text still matches its label. */
  readonly sourceTagged?: string;
}

/** Inline content the engine must not touch (inline code, image, break, HTML): `<xN/>` in tagged text. */
export interface AtomTag {
  readonly kind: 'atom';
  readonly id: number;
  readonly markup: readonly MarkupPart[];
  /** Text kept from engines (a URL, a version…): what it reads, and which protect rule found it. */
  readonly protected?: ProtectedText;
}

export type Tag = PairTag | AtomTag;

export type SegmentKind = 'heading' | 'paragraph' | 'table-cell' | 'alt' | 'title' | 'frontmatter' | 'resource';

/** How a translation is written back into the source. */
export type SegmentSink =
  | { readonly type: 'inline'; readonly isTableCell: boolean; readonly isHeading: boolean }
  | { readonly type: 'alt' }
  | { readonly type: 'title'; readonly delimiter: string }
  | { readonly type: 'yaml'; readonly style: 'plain' | 'single' | 'double' }
  /** A string of an i18next resource file at `path`; a plural form names its group and category. */
  | { readonly type: 'resource'; readonly path: readonly (string | number)[]; readonly plural?: ResourcePlural };

/** Where a plural form of a resource stands in its group: `items_one` is base `items`, cardinal, `one`. */
export interface ResourcePlural {
  readonly base: string;
  readonly type: 'cardinal' | 'ordinal';
  readonly category: 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
}

/** One translatable unit of an article: a block's text with its inline formatting as tags. */
export interface Segment {
  /** Position in the article's segment list. */
  readonly index: number;
  /** Content identity: a hash of the normalised source text, the same wherever the text appears. */
  readonly id: string;
  readonly kind: SegmentKind;
  /** Source text as tagged text: XML-escaped, formatting as `<gN>`/`<xN/>`. */
  readonly text: string;
  readonly tags: readonly Tag[];
  readonly sink: SegmentSink;
  /** Offsets of the source range the translation replaces. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Container prefixes (`> `, indentation) of each line after the first, re-added after every line break. */
  readonly linePrefixes: readonly string[];
  /** Index of the segment whose markup embeds this one (alt text, titles); such segments are not spliced alone. */
  readonly parent?: number;
  /**
   * Characters the source wrote as character references (`&nbsp;` for U+00A0), so a translation writes them so
   * too instead of as invisible or look-alike characters.
   */
  readonly references?: Readonly<Record<string, string>>;
  /** Whether the text holds words worth sending to an engine. */
  readonly isTranslatable: boolean;
  /** In an output: the language has no place for this segment (a plural form it does not use), so nothing is checked. */
  readonly isOmitted?: boolean;
}
