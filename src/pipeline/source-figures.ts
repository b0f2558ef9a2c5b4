import type { FormatName } from '../formats/document-format.ts';
import { countCharacters } from './count-characters.ts';
import type { MaskedSegment } from './mask-article.ts';
import type { Target } from './prepare-targets.ts';
import type { RunContext } from './run-context.ts';

/** What a document adds to each language's summary whatever the language: figures of its source alone. */
export interface SourceFigures {
  /** Distinct translatable segments. */
  readonly segments: number;
  /** Characters of the texts with words to translate. */
  readonly characters: number;
  readonly glossaryHits: number;
}

/** The figures of a masked source whose texts to send are `texts`. */
export function sourceFiguresOf(masked: readonly MaskedSegment[], texts: readonly string[]): SourceFigures {
  return {
    segments: new Set(masked.filter((item) => item.segment.isTranslatable).map((item) => item.text)).size,
    characters: countCharacters(texts),
    glossaryHits: masked.reduce((sum, item) => sum + item.masks.length, 0),
  };
}

/** Adds a document to a language's summary: as an article or a resource file, with its source's figures. */
export function addSourceFigures(run: Pick<RunContext, 'glossaryHits'>, target: Target, figures: SourceFigures, format: FormatName): void {
  const { summary, language } = target;
  if (format === 'markdown') summary.articles++;
  else summary.resources = (summary.resources ?? 0) + 1;
  summary.segments += figures.segments;
  summary.characters += figures.characters;
  run.glossaryHits[language] = (run.glossaryHits[language] ?? 0) + figures.glossaryHits;
}
