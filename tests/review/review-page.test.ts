import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TranslationMemory } from '../../src/memory/translation-memory.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { launchChromium } from './launch-chromium.ts';
import { startReview, type ReviewProcess } from './review-process.ts';

const timeout = 120_000;
const hostile = 'The old town is <img src=x onerror="window.pwned = 1"> near <script>window.pwned = 2</script> the river.';
const article = ['# Visiting Chongqing', '', 'Take the **metro** to the `Jiefangbei` stop.', '', hostile, ''].join('\n');
const edited = 'Toma el **metro** hasta la parada `Jiefangbei`, junto al río.';

describe('the review page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let review: ReviewProcess | undefined;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  }, timeout);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    dir = await makeTempDir('jialing-review-page-');
    await writeProject(dir, {
      'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'pseudo' }),
      'locales/en/glossary.json': JSON.stringify({ chongqing: 'Chongqing' }),
      'articles/en/visit.md': article,
    });
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
    review = await startReview(dir);
    page = await browser.newPage();
    cspViolations = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Trusted Type/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(review.url);
  }, timeout);

  afterEach(async () => {
    await page?.close();
    if (review) expect((await review.stop()).code).toBe(130);
    await removeTempDir(dir);
  });

  it(
    'lists the article with its progress and moves the token out of the address',
    async () => {
      const row = page.locator('#articles-body tr', { hasText: 'visit.md' });
      await expect.poll(() => row.textContent()).toContain('0 reviewed · 3 machine · 0 untranslated (of 3) · 0 needs review · 0 QA errors');
      expect(page.url()).not.toContain('token');
    },
    timeout,
  );

  it(
    'edits a segment with the keyboard, approves it, rewrites the markdown, stores it as reviewed, and a later run keeps it',
    async () => {
      await page.locator('a.open-article').first().click();
      const segments = page.locator('#segments > li.segment');
      await expect.poll(() => segments.count()).toBe(3);
      await expect.poll(() => segments.nth(0).locator('.source mark.term').textContent()).toBe('Chongqing');
      await expect.poll(() => segments.nth(1).locator('.tags').textContent()).toContain('`Jiefangbei`');

      await page.keyboard.press('j');
      await page.keyboard.press('e');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(edited);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => segments.nth(1).getAttribute('class')).toContain('state-reviewed');
      // Approving moves on to the next segment's editor.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-index'))).toBe('2');
      await expect.poll(() => page.locator('#article-counts').textContent()).toContain('1 reviewed · 2 machine');

      const output = path.join(dir, 'articles', 'es', 'visit.md');
      expect((await readFile(output, 'utf8')).split('\n')[2]).toBe(edited);

      const memory = TranslationMemory.open(path.join(dir, '.jialing', 'memory.db'));
      try {
        const reviewed = [...memory.entries({ targetLanguage: 'es' })].filter((entry) => entry.status === 'reviewed');
        expect(reviewed).toEqual([expect.objectContaining({ sourceText: 'Take the <g1>metro</g1> to the <x2/> stop.', targetText: 'Toma el <g1>metro</g1> hasta la parada <x2/>, junto al río.', origin: 'human' })]);
      } finally {
        memory.close();
      }

      expect((await review!.stop()).code).toBe(130);
      review = undefined;
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      expect((await readFile(output, 'utf8')).split('\n')[2]).toBe(edited);
      expect(cspViolations).toEqual([]);
    },
    timeout,
  );

  it(
    'shows markup in an article as text and runs none of it',
    async () => {
      await page.locator('a.open-article').first().click();
      const source = page.locator('#segments > li.segment').nth(2).locator('.source .text');
      await expect.poll(() => source.textContent()).toBe(hostile);
      expect(await source.isVisible()).toBe(true);
      expect(await page.locator('#segments img, #segments script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('#segments > li.segment').nth(2).locator('textarea').inputValue()).toContain('<script>');
      expect(cspViolations).toEqual([]);
    },
    timeout,
  );

  it(
    'puts a suggestion from the memory into the editor, by click or Alt+1',
    async () => {
      await writeProject(dir, { 'articles/en/hours.md': 'The design centre opens every Monday at nine in the morning.\n\nThe design centre opens every Tuesday at nine in the morning.\n' });
      expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
      await page.goto(`${new URL(review!.url).origin}/#/article?file=hours.md&language=es`);
      const segments = page.locator('#segments > li.segment');
      await expect.poll(() => segments.count()).toBe(2);
      const monday = await segments.nth(0).locator('textarea').inputValue();
      const suggestion = segments.nth(1).locator('.suggestion').first();
      await expect.poll(() => suggestion.locator('.suggestion-target').textContent()).toBe(monday);
      expect(await suggestion.locator('.suggestion-source').textContent()).toBe('for: The design centre opens every Monday at nine in the morning.');

      await segments.nth(0).locator('textarea').focus();
      await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('Alt+1');
      expect(await segments.nth(1).locator('textarea').inputValue()).toBe(monday);
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-index'))).toBe('1');

      await segments.nth(1).locator('textarea').fill('');
      await suggestion.locator('button.use-suggestion').click();
      expect(await segments.nth(1).locator('textarea').inputValue()).toBe(monday);
    },
    timeout,
  );

  it(
    'shows why an edit cannot be saved next to its segment',
    async () => {
      await page.locator('a.open-article').first().click();
      const segment = page.locator('#segments > li.segment').nth(1);
      await segment.locator('textarea').fill('Toma el metro hasta la parada.');
      await segment.locator('button.approve').click();
      await expect.poll(() => segment.locator('.problems li').count()).toBeGreaterThan(0);
      expect(await segment.getAttribute('class')).not.toContain('state-reviewed');
      expect((await readFile(path.join(dir, 'articles', 'es', 'visit.md'), 'utf8')).split('\n')[2]).not.toBe('Toma el metro hasta la parada.');
    },
    timeout,
  );
});
