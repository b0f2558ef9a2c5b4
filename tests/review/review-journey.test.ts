import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { readMemoryEntries } from '../support/memory-entries.ts';
import { ReviewWorkspace } from '../../src/review/review-workspace.ts';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { deeplKey } from '../support/deepl-project.ts';
import { startDeeplTestServer, type DeeplTestServer } from '../support/deepl-test-server.ts';
import { launchChromium } from './launch-chromium.ts';
import { startReview, type ReviewProcess } from './review-process.ts';

const timeout = 180_000;
const before = '# Visiting the museum\n\nThe Liangjiang museum opens at 9 and has 10 rooms.\n\nThe studio closes at six.\n';
const after = before.replace('has 10 rooms', 'has 12 rooms');
const fixed = 'El museo de Liangjiang (ES) abre a las 9 y tiene 12 salas.';

describe('reviewing by keyboard the segments that need it', () => {
  let browser: Browser;
  let deepl: DeeplTestServer;
  let dir: string;
  let review: ReviewProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    browser = await launchChromium();
    // The engine gets one number wrong, as engines sometimes do.
    deepl = await startDeeplTestServer({ rewrite: (translation) => translation.replace('12', '21') });
    env = { DEEPL_AUTH_KEY: deeplKey, DEEPL_SERVER_URL: deepl.url };
    dir = await makeTempDir('jialing-review-journey-');
    await writeProject(dir, {
      'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'de'], engine: 'deepl' }),
      'locales/en/glossary.json': JSON.stringify({ liangjiang: { term: 'Liangjiang', note: 'The new district, not the river.' } }),
      'locales/es/glossary.json': JSON.stringify({ liangjiang: 'Liangjiang (ES)' }),
      'articles/en/museum.md': before,
    });
    expect((await runCli(['translate', '-q'], { cwd: dir, env })).code).toBe(0);
    // A reviewer corrected the paragraph once; then its source changed.
    const workspace = await ReviewWorkspace.open(await loadConfig(undefined, dir), { env });
    try {
      const article = await workspace.article('museum.md', 'es');
      const paragraph = article.segments[1]!;
      await workspace.save('museum.md', 'es', [{ index: paragraph.index, id: paragraph.id, markdown: 'El museo de Liangjiang (ES) abre a las 9 y tiene 10 salas.' }]);
    } finally {
      workspace.close();
    }
    await writeProject(dir, { 'articles/en/museum.md': after });
    expect((await runCli(['translate', '-q'], { cwd: dir, env })).code).toBe(0);
    review = await startReview(dir, [], env);
  }, timeout);

  afterAll(async () => {
    await review?.stop();
    await deepl?.close();
    await browser?.close();
    await removeTempDir(dir);
  });

  it(
    'filters to them in one language, shows the source diff and the wrong number, and approves the fix',
    async () => {
      const page: Page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
      await page.goto(review!.url);
      const list = page.locator('#articles-body tr', { hasText: 'museum.md' });
      await expect.poll(() => list.locator('td').first().textContent()).toContain('1 needs review · 1 QA error');

      // Keyboard only from here: Tab to the Spanish review, open it, filter, read, fix, approve.
      for (let presses = 0; presses < 30; presses++) {
        if (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.language === 'es')) break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#segments > li.segment').count()).toBe(3);
      await page.keyboard.press('f');
      await page.keyboard.press('n');
      await expect.poll(() => page.locator('#filter').inputValue()).toBe('needs-review');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#finder-count').textContent()).toBe('1 of 3 segments shown');

      const shown = page.locator('#segments > li.segment:not([hidden])');
      await expect.poll(() => shown.getAttribute('data-index')).toBe('1');
      expect(await shown.locator('.source-diff del').allTextContents()).toEqual(['10']);
      expect(await shown.locator('.source-diff ins').allTextContents()).toEqual(['12']);
      expect(await shown.locator('.earlier-target').textContent()).toBe('El museo de Liangjiang (ES) abre a las 9 y tiene 10 salas.');
      expect(await shown.locator('.findings').textContent()).toMatch(/error · number.*12/);
      expect(await shown.locator('.terms').textContent()).toContain('Liangjiang → Liangjiang (ES)');
      expect(await shown.locator('.terms').textContent()).toContain('The new district, not the river.');
      expect(await shown.locator('textarea').inputValue()).toContain('21');
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-index'))).toBe('1');
      await page.screenshot({ path: process.env.REVIEW_SCREENSHOT ?? path.join(dir, 'review-page.png') });

      await page.keyboard.press('Alt+C');
      expect(await shown.locator('textarea').inputValue()).toBe('The Liangjiang museum opens at 9 and has 12 rooms.');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+R');
      expect(await shown.locator('textarea').inputValue()).toBe('El museo de Liangjiang (ES) abre a las 9 y tiene 10 salas.');
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(fixed);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('#finder-count').textContent()).toBe('0 of 3 segments shown');
      await expect.poll(() => page.locator('#article-counts').textContent()).toContain('0 needs review · 0 QA errors');
      await page.keyboard.press('n');
      await expect.poll(() => page.locator('#status').textContent()).toContain('No segment');

      expect((await readFile(path.join(dir, 'articles', 'es', 'museum.md'), 'utf8')).split('\n')[2]).toBe(fixed);
      const reviewed = (await readMemoryEntries(path.join(dir, '.jialing', 'memory.db'), { targetLanguage: 'es' })).filter((entry) => entry.status === 'reviewed').map((entry) => entry.targetText);
      expect(reviewed).toContain('El museo de <x1/> abre a las 9 y tiene 12 salas.');
      const check = await runCli(['check', '--lang', 'es'], { cwd: dir, env });
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect((await stat(process.env.REVIEW_SCREENSHOT ?? path.join(dir, 'review-page.png'))).size).toBeGreaterThan(10_000);
      await page.close();
    },
    timeout,
  );
});
