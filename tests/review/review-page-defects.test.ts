import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { launchChromium } from './launch-chromium.ts';
import { startReview, type ReviewProcess } from './review-process.ts';

const timeout = 120_000;

describe('the review page keeps a reviewer’s work intact', () => {
  let browser: Browser;
  let dir: string | undefined;
  let review: ReviewProcess | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  }, timeout);
  afterAll(() => browser?.close());
  afterEach(async () => {
    await page?.close();
    await review?.stop();
    await removeTempDir(dir);
    page = review = dir = undefined;
  });

  /** A translated project, its review server and a page on one article's review. */
  async function open(files: Record<string, string>, file: string, language = 'es'): Promise<Page> {
    dir = await makeTempDir('jialing-review-defects-');
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: [language], engine: 'copy', frontmatter: ['title'] }), ...files });
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
    review = await startReview(dir);
    page = await browser.newPage();
    await page.goto(review.url);
    await page.goto(`${new URL(review.url).origin}/#/article?${new URLSearchParams({ file, language })}`);
    await expect.poll(() => page!.locator('#segments > li.segment').count()).toBeGreaterThan(0);
    return page;
  }

  const output = (file: string, language = 'es') => readFile(path.join(dir!, 'articles', language, file), 'utf8');
  const segment = (index: number) => page!.locator('#segments > li.segment').nth(index);

  it(
    'approves a quoted frontmatter value unchanged without quoting it again',
    async () => {
      await open({ 'articles/en/a.md': '---\ntitle: "Design Centres in Chongqing"\n---\n\nThe city has many studios.\n' }, 'a.md');
      const before = await output('a.md');
      expect(await segment(0).locator('textarea').inputValue()).toBe('Design Centres in Chongqing');
      for (let approval = 0; approval < 2; approval++) {
        await segment(0).locator('textarea').focus();
        await page!.keyboard.press('Control+Enter');
        await expect.poll(() => segment(0).getAttribute('class')).toContain('state-reviewed');
      }
      expect(await output('a.md')).toBe(before);
    },
    timeout,
  );

  it(
    'says an empty translation is empty, and takes a line that starts with a number and a full stop as text',
    async () => {
      await open({ 'articles/en/a.md': 'In 2022. This guide was written.\n' }, 'a.md');
      const editor = segment(0).locator('textarea');
      await editor.fill('');
      await editor.press('Control+Enter');
      await expect.poll(() => segment(0).locator('.problems').textContent()).toContain('empty');
      expect(await segment(0).locator('.problems').textContent()).not.toContain('paragraph');

      await editor.fill('2022. Esta guía se escribió.');
      await editor.press('Control+Enter');
      await expect.poll(() => segment(0).getAttribute('class')).toContain('state-reviewed');
      expect(await output('a.md')).toBe('2022\\. Esta guía se escribió.\n');
    },
    timeout,
  );

  it(
    'refuses a save made for a source that changed since the page was loaded, and says to reload',
    async () => {
      await open({ 'articles/en/a.md': 'The museum opens at nine.\n\nThe studio closes at six.\n' }, 'a.md');
      await writeProject(dir!, { 'articles/en/a.md': 'A new first paragraph.\n\nThe museum opens at nine.\n\nThe studio closes at six.\n' });
      const before = await output('a.md');
      const editor = segment(1).locator('textarea');
      await editor.fill('El estudio cierra a las seis.');
      await editor.press('Control+Enter');
      await expect.poll(() => segment(1).locator('.problems').textContent()).toMatch(/source of segment 2 changed.*reload the page/);
      expect(await segment(1).getAttribute('class')).not.toContain('state-reviewed');
      expect(await output('a.md')).toBe(before);
      expect((await readMemoryEntries(path.join(dir!, '.jialing', 'memory.db'))).filter((entry) => entry.status === 'reviewed')).toEqual([]);
    },
    timeout,
  );

  it(
    'shows a hand edit that cannot be lined up with the source as soon as the article opens',
    async () => {
      dir = await makeTempDir('jialing-review-defects-');
      await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }), 'articles/en/a.md': 'The museum opens at nine.\n\nThe studio closes at six.\n' });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      await writeProject(dir, { 'articles/es/a.md': 'The museum opens at nine.\n\nUn párrafo nuevo.\n\nThe studio closes at six.\n' });
      review = await startReview(dir);
      page = await browser.newPage();
      await page.goto(review.url);
      await page.goto(`${new URL(review.url).origin}/#/article?file=a.md&language=es`);
      await expect.poll(() => page!.locator('#article-alerts').textContent()).toMatch(/edited by hand and cannot be lined up.*approving is refused/);
      expect(await page.locator('#article-alerts').isVisible()).toBe(true);
    },
    timeout,
  );

  it(
    'shows each finding on its own segment when a paragraph and its image share a line',
    async () => {
      await open({ 'articles/en/a.md': 'The museum has 12 rooms ![A map of 3 floors](map.png) to visit.\n' }, 'a.md');
      await writeProject(dir!, { 'articles/es/a.md': 'El museo tiene 15 salas ![A map of 3 floors](map.png) para visitar.\n' });
      await page!.reload();
      await expect.poll(() => page!.locator('#segments > li.segment').count()).toBe(2);
      await expect.poll(() => segment(0).locator('.findings').textContent()).toContain('number');
      await expect.poll(() => segment(1).locator('.findings').textContent()).toContain('untranslated');
      expect(await segment(1).locator('.findings').textContent()).not.toContain('number');
      expect(await segment(0).locator('.findings').textContent()).not.toContain('untranslated');
    },
    timeout,
  );

  it(
    'highlights glossary terms by the glossary’s rules, never inside a URL, and finds a form holding < in the translation',
    async () => {
      await open(
        {
          'articles/en/a.md': 'Visit Chongqing, see https://example.org/chongqing/visit today.\n',
          'locales/en/glossary.json': JSON.stringify({ chongqing: { term: 'Chongqing', note: 'The city, not the municipality.' } }),
          'locales/es/glossary.json': JSON.stringify({ chongqing: 'Chongqing <CQ>' }),
        },
        'a.md',
      );
      const marks = segment(0).locator('.source mark.term');
      await expect.poll(() => marks.allTextContents()).toEqual(['Chongqing']);
      expect(await marks.first().getAttribute('title')).toContain('The city, not the municipality.');
      expect(await segment(0).locator('textarea').inputValue()).toContain('Chongqing \\<CQ>');
      expect(await segment(0).locator('.terms').textContent()).toContain('✓ in the translation');
      expect(await segment(0).locator('.terms').textContent()).toContain('The city, not the municipality.');
    },
    timeout,
  );

  it(
    'shows the list when the reviewer goes back before a slow article arrives',
    async () => {
      await open({ 'articles/en/a.md': 'The museum opens at nine.\n' }, 'a.md');
      await page!.goto(`${new URL(review!.url).origin}/#/`);
      await expect.poll(() => page!.locator('#list-view').isVisible()).toBe(true);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let isAsked = false;
      await page!.route('**/api/article?*', async (route) => {
        isAsked = true;
        await held;
        await route.continue();
      });
      await page!.locator('a.open-article').first().click();
      // Back only once the page has asked for the article: on a busy machine the click's own navigation may
      // otherwise be handled after the way back, and the article never be asked for.
      await expect.poll(() => isAsked).toBe(true);
      await page!.goBack();
      await expect.poll(() => page!.evaluate(() => location.hash)).toBe('#/');
      await expect.poll(() => page!.locator('#list-view').isVisible()).toBe(true);
      const answered = page!.waitForResponse('**/api/article?*');
      release();
      await answered;
      await page!.waitForTimeout(300);
      expect(await page!.locator('#list-view').isVisible()).toBe(true);
      expect(await page!.locator('#article-view').isVisible()).toBe(false);
    },
    timeout,
  );

  it(
    'runs the quality checks before saving: a wrong number is refused until the reviewer saves anyway',
    async () => {
      await open({ 'articles/en/a.md': 'The museum has 12 rooms.\n' }, 'a.md');
      const before = await output('a.md');
      const editor = segment(0).locator('textarea');
      await editor.fill('El museo tiene 21 salas.');
      await editor.press('Control+Enter');
      await expect.poll(() => segment(0).locator('.problems').textContent()).toMatch(/QA error: number: .*12/);
      expect(await segment(0).getAttribute('class')).not.toContain('state-reviewed');
      expect(await output('a.md')).toBe(before);

      await editor.press('Control+Enter');
      await expect.poll(() => segment(0).getAttribute('class')).toContain('state-reviewed');
      expect(await output('a.md')).toBe('El museo tiene 21 salas.\n');
      await expect.poll(() => segment(0).locator('.findings').textContent()).toContain('number');
    },
    timeout,
  );
});
