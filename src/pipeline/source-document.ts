import type { DocumentFormat } from '../formats/document-format.ts';
import type { MaskedSegment } from './mask-article.ts';

/** One source document, segmented and masked, shared by every target language, with the format that writes it. */
export interface SourceDocument {
  /** Path shown in reports and kept in the memory. */
  readonly file: string;
  readonly text: string;
  readonly masked: readonly MaskedSegment[];
  readonly format: DocumentFormat;
}
