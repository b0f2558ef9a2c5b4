import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { outputFolder, type ResolvedConfig } from './config/resolve-config.ts';
import { JialingError } from './errors.ts';
import { loadGlossary } from './glossary/load-glossary.ts';
import { createTermMatcher } from './glossary/match-terms.ts';
import { findArticles } from './io/find-articles.ts';
import { readArticle } from './io/read-article.ts';
import { extractSegments } from './markdown/extract-segments.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import { memoryKey } from './memory/memory-key.ts';
import { TranslationMemory } from './memory/translation-memory.ts';
import { maskArticle, textsToSend } from './pipeline/mask-article.ts';
import { engineProfile } from './pipeline/prepare-targets.ts';

/** Where one article stands in one language. */
export interface ArticleStatus {
  readonly file: string;
  readonly language: string;
  /** `missing`: no output; `stale`: segments the memory lacks (new or changed source); `up-to-date`. */
  readonly state: 'up-to-date' | 'stale' | 'missing' | 'unreadable';
  readonly segments: number;
  /** Segments a translation is needed for. */
  readonly untranslated: number;
  readonly reviewed: number;
  readonly machine: number;
}

/** Lists, per article and language, whether the output is up to date with the source and the memory; translates nothing. */
export async function readStatus(config: ResolvedConfig, languages: readonly string[]): Promise<ArticleStatus[]> {
  const glossary = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
  const matcher = createTermMatcher(glossary.terms);
  const memory = existsSync(config.memoryFile) ? TranslationMemory.open(config.memoryFile) : undefined;
  const statuses: ArticleStatus[] = [];
  try {
    for (const article of await findArticles(config.articlesDir)) {
      const file = article.relativePath;
      let masked;
      try {
        if (article.refused) throw new JialingError(article.refused);
        const text = await readArticle(article.absolutePath, file);
        masked = maskArticle(extractSegments(parseMarkdown(text), text, config.frontmatterKeys).segments, matcher);
      } catch (error) {
        if (!(error instanceof JialingError)) throw error;
        for (const language of languages) statuses.push({ file, language, state: 'unreadable', segments: 0, untranslated: 0, reviewed: 0, machine: 0 });
        continue;
      }
      const texts = textsToSend(masked);
      const termIds = new Map(masked.map((item) => [item.text, item.masks.map((mask) => mask.termId)]));
      for (const language of languages) {
        const profile = engineProfile(config.engineByLanguage[language] === 'auto' ? 'apertium' : config.engineByLanguage[language]!, config, language);
        const requests = texts.map((text) => ({
          key: memoryKey({ sourceText: text, sourceLanguage: config.sourceLanguage, targetLanguage: language, engineProfile: profile, glossaryVersion: glossary.version(termIds.get(text) ?? [], language) }),
          sourceText: text,
          sourceLanguage: config.sourceLanguage,
          targetLanguage: language,
        }));
        const found = memory?.lookup(requests) ?? new Map();
        const reviewed = [...found.values()].filter((entry) => entry.status === 'reviewed').length;
        const hasOutput = await readFile(path.join(outputFolder(config.outputPattern, language), file)).then(() => true, () => false);
        const untranslated = texts.length - found.size;
        const state = !hasOutput ? 'missing' : untranslated > 0 ? 'stale' : 'up-to-date';
        statuses.push({ file, language, state, segments: texts.length, untranslated, reviewed, machine: found.size - reviewed });
      }
    }
  } finally {
    memory?.close();
  }
  return statuses;
}
