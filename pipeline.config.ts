import { defineConfig } from './src/config/define-config.ts';

export default defineConfig({
  sourceLanguage: 'en',
  targetLanguages: ['es', 'ca'],
  articles: 'articles/en',
  output: 'articles/{lang}',
  locales: 'locales',
  engine: 'apertium',
  frontmatter: ['title', 'description'],
});
