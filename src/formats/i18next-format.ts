import type { ResolvedConfig } from '../config/resolve-config.ts';
import { checkResource } from '../i18next/check-resource.ts';
import { comparableResource } from '../i18next/comparable-resource.ts';
import { rebuildResource } from '../i18next/rebuild-resource.ts';
import { repairResourceTranslation, taggedToResource } from '../i18next/resource-text.ts';
import { segmentResource } from '../i18next/segment-resource.ts';
import { segmentResourceOutput } from '../i18next/segment-resource-output.ts';
import type { DocumentFormat } from './document-format.ts';

/** i18next JSON resource files: a segment per string, plurals per target language, placeholders kept whole. */
export function createI18nextFormat(config: Pick<ResolvedConfig, 'sourceLanguage' | 'resources' | 'qaSeverities'>): DocumentFormat {
  const { syntax, extraKeys } = config.resources;
  const { sourceLanguage } = config;
  const segment = (text: string, file: string) => segmentResource(text, syntax, file);
  return {
    name: 'i18next',
    parse: async (text, file) => segment(text, file),
    segment,
    segmentOutput: (text, sourceSegments, output) => segmentResourceOutput(text, sourceSegments, { syntax, sourceLanguage, ...output }),
    rebuild: (source, translations, language, current) => rebuildResource(source, translations, { sourceLanguage, language, extraKeys, current }),
    check: (source, output, language) => checkResource(source, output, { sourceLanguage, language, syntax, severities: config.qaSeverities }),
    // Interface strings are short and stand alone: no title to lend them.
    renderSegment(segment, translations) {
      const written = taggedToResource(translations.get(segment.index) ?? segment.text, segment.tags);
      if ('value' in written) return { text: written.value, isBroken: false };
      const source = taggedToResource(segment.text, segment.tags);
      return { text: 'value' in source ? source.value : '', isBroken: true };
    },
    repairTranslation: repairResourceTranslation,
    context: () => undefined,
    // The file is written whole from the source's structure, so a hand edit lives on through the memory.
    keepsEditedFile: false,
    comparableOutput: (output, source, language) => comparableResource(output, source, { sourceLanguage, language }),
  };
}
