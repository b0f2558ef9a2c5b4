import { Hono } from 'hono';
import { z } from 'zod';
import type { ReviewWorkspace } from '../review-workspace.ts';

/** What the routes need of a workspace. */
export type ReviewSource = Pick<ReviewWorkspace, 'listArticles' | 'article' | 'save'>;

/** What the page may review: the source language and the target languages on offer. */
export interface ReviewScope {
  readonly sourceLanguage: string;
  readonly languages: readonly string[];
}

const index = z.number().int().nonnegative();
const saveBody = z.strictObject({
  file: z.string().min(1),
  language: z.string().min(1),
  // Each edit names the source it was made for (its segment id), so a page opened before the article changed cannot store it against another text.
  edits: z.array(z.union([z.strictObject({ index, id: z.string().min(1), markdown: z.string() }), z.strictObject({ index, id: z.string().min(1), target: z.string() })])).min(1),
});

/** The page's JSON API: the list of work, one article in one language, and saving reviewed segments; articles carry `sourceLanguage` too. */
export function reviewRoutes(source: ReviewSource, scope: ReviewScope): Hono {
  const api = new Hono();
  // Saves run one at a time: each rewrites a whole article and must see the one before it.
  let saving: Promise<unknown> = Promise.resolve();

  api.get('/articles', async (c) => {
    const articles = await source.listArticles();
    const inScope = articles.map((article) => ({ ...article, languages: article.languages.filter((entry) => scope.languages.includes(entry.language)) }));
    return c.json({ sourceLanguage: scope.sourceLanguage, languages: scope.languages, articles: inScope });
  });

  api.get('/article', async (c) => {
    const file = c.req.query('file');
    const language = c.req.query('language');
    if (!file || !language) return c.json({ message: 'Expected `file` and `language` query parameters.' }, 400);
    if (!scope.languages.includes(language)) return c.json({ message: `Language "${language}" is not reviewed here (${scope.languages.join(', ')}).` }, 404);
    return c.json({ ...(await source.article(file, language)), sourceLanguage: scope.sourceLanguage });
  });

  api.post('/save', async (c) => {
    if (!c.req.header('content-type')?.startsWith('application/json')) return c.json({ message: 'Expected a JSON body (Content-Type: application/json).' }, 415);
    const parsed = saveBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ message: `Expected { file, language, edits: [{ index, id, markdown } | { index, id, target }] }: ${z.prettifyError(parsed.error)}` }, 400);
    const { file, language, edits } = parsed.data;
    if (!scope.languages.includes(language)) return c.json({ message: `Language "${language}" is not reviewed here (${scope.languages.join(', ')}).` }, 404);
    const saved = saving.then(() => source.save(file, language, edits));
    saving = saved.catch(() => undefined);
    return c.json({ ...(await saved), sourceLanguage: scope.sourceLanguage });
  });

  return api;
}
