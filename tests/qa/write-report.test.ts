import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/pipeline/run-report.ts';
import { checkArticle } from '../../src/qa/check-article.ts';
import type { Finding } from '../../src/qa/finding.ts';
import { writeRunReport } from '../../src/qa/write-report.ts';
import { segmentsOf } from './helpers.ts';

const report: RunReport = {
  dryRun: false,
  articles: 1,
  languages: [{ language: 'es', engine: 'apertium', articles: 1, segments: 2, fromMemory: 0, translated: 2, characters: 80, billedCharacters: 80, failedArticles: 0, failedSegments: 0, requests: 1, seconds: 0.5 }],
  problems: [{ severity: 'warning', file: 'evil.md', message: 'frontmatter is not a YAML map <img src=x onerror=alert(1)>' }],
};

// A translation whose own text tries to inject a script into the report.
const findings: Finding[] = checkArticle(
  segmentsOf('The museum opens at noon.\n\nIt costs 5 dollars.\n'),
  segmentsOf('The museum opens at noon.\n\nCuesta <script>alert("x")</script> \\<script>alert("y")\\</script> dólares.\n'),
  { file: 'evil.md', sourceLanguage: 'en', targetLanguage: 'es', severities: {}, termsFor: () => [] },
);

describe('writeRunReport', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'jialing-report-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the summary per language and every finding as JSON', async () => {
    const { jsonPath } = await writeRunReport(folder, report, findings, { glossaryHits: { es: 3 } });
    const json = JSON.parse(await readFile(jsonPath, 'utf8'));
    expect(json.languages).toEqual({
      es: { engine: 'apertium', articles: 1, segments: 2, fromMemory: 0, translated: 2, characters: 80, billedCharacters: 80, failedArticles: 0, failedSegments: 0, requests: 1, seconds: 0.5, glossaryHits: 3, findings: { error: 2, warning: 1 } },
    });
    expect(json.findings).toEqual(findings);
    expect(json.problems).toEqual(report.problems);
    expect(findings.map((finding) => finding.check)).toEqual(['untranslated', 'markup', 'number']);
  });

  it('writes a self-contained page where article text cannot become markup', async () => {
    const { htmlPath } = await writeRunReport(folder, report, findings, { glossaryHits: { es: 3 } });
    const html = await readFile(htmlPath, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;y&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<td class="where">evil.md:3</td><td class="check">markup</td><td class="error">error</td>');
    expect(html).toContain('<td>es</td><td>apertium</td><td class="number">1</td><td class="number">2</td><td class="number">80</td><td class="number">3</td><td class="number">2</td><td class="number">1</td>');
  });

  it('lists a language that has findings but no run figures', async () => {
    const { htmlPath } = await writeRunReport(folder, { ...report, languages: [] }, findings, { glossaryHits: {} });
    expect(await readFile(htmlPath, 'utf8')).toContain('<td>es</td><td>–</td>');
  });

  it('lists 500 findings of a check per language on the page, says how many more there are, and keeps them all in the JSON', async () => {
    const many: Finding[] = Array.from({ length: 1203 }, (_, index) => ({ ...findings[0]!, line: index + 1 }));
    const { htmlPath, jsonPath } = await writeRunReport(folder, report, [...many, findings[1]!], { glossaryHits: {} });
    const html = await readFile(htmlPath, 'utf8');
    expect(html.match(/<td class="check">untranslated<\/td>/g)).toHaveLength(500);
    expect(html.match(/<td class="check">markup<\/td>/g)).toHaveLength(1);
    expect(html).toContain('Not listed here: 703 more untranslated (every finding is in report.json).');
    expect(JSON.parse(await readFile(jsonPath, 'utf8')).findings).toHaveLength(1204);
  });

  it('leaves no temporary files behind', async () => {
    await writeRunReport(folder, report, findings, { glossaryHits: {} });
    expect((await readdir(folder)).sort()).toEqual(['report.html', 'report.json']);
  });
});
