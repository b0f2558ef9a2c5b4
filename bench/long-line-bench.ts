import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../src/markdown/parse-markdown.ts';
import { withBenchProject } from './bench-project.ts';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, type Figure } from './figure.ts';
import { generatePlainSentence } from './generate-sentence.ts';
import { timeWithCpu } from './measure.ts';
import { createRandom } from './random.ts';
import { timedRun } from './timed-run.ts';

const section = '7 long line';
const targetMs = 5000;
const remarkGfmParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** A kind of long line: the inline markup it carries, and what else its article holds. */
interface LineKind {
  readonly name: string;
  readonly marks: readonly string[];
  readonly after: string;
}

const kinds: readonly LineKind[] = [
  { name: 'prose', marks: ['`npm install`', '[the guide](guide.md)', '**Chongqing**'], after: '' },
  // Every construct GFM tries along a line is at work: literal URLs and e-mail addresses, and a table in the article.
  { name: 'URLs, e-mail, a table', marks: ['https://example.com/guide', 'news@example.org', 'www.example.com', '**Chongqing**'], after: '\n| district | area |\n| --- | ---: |\n| Yubei | 1,452 |\n' },
];

/**
 * One article of a single 5 MB line (1 MB with --quick) with glossary terms and inline markup every forty
 * sentences, in two kinds, through the copy and the pseudo engine: every stage must stay linear in the line's
 * length. Beside each, the parse remark-gfm gives the same article.
 */
export async function benchLongLine(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const megabytes = options.isQuick ? 1 : 5;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const kind of kinds) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-long-line-'));
    try {
      const line = generateLine(options.seed, megabytes * 1_000_000, kind.marks);
      const article = `# A long line\n\n${line}\n${kind.after}`;
      await writeFile(path.join(folder, 'long.md'), article);
      const name = (what: string) => `${kind.name}: ${what}`;
      // CPU time beside wall time: on a machine shared with other work, the wall time says more about the others.
      const remarkGfmParse = await timeWithCpu(() => void remarkGfmParser.parse(article));
      const parse = await timeWithCpu(() => void parseMarkdown(article));
      figures.push(
        info(section, name('line'), line.length, `${(line.length / 1e6).toFixed(1)} MB`),
        info(section, name('remark-gfm parse'), remarkGfmParse.ms, `${seconds(remarkGfmParse.ms)} (CPU ${seconds(remarkGfmParse.cpuMs)})`),
        info(section, name("jialing's parse"), parse.ms, `${seconds(parse.ms)} (CPU ${seconds(parse.cpuMs)})`),
      );
      const runs: Record<string, unknown> = { remarkGfmParse, parse };
      for (const engine of ['copy', 'pseudo'] as const) {
        const { result: run, cpuMs } = await timeWithCpu(() => withBenchProject(folder, { engine }, ({ config }) => timedRun(config, { budgetMs: Math.max(options.runBudgetMs, targetMs * 4) })));
        const isWritten = run.isComplete && run.articlesDone === 1;
        const shown = `${isWritten ? seconds(run.ms) : `stopped after ${seconds(run.ms)}`} (CPU ${seconds(cpuMs)})`;
        figures.push(checked(section, name(`translateArticles, engine ${engine}`), run.ms, shown, `< ${seconds(targetMs)}`, isWritten && run.ms < targetMs));
        runs[engine] = { ms: run.ms, cpuMs, isComplete: run.isComplete, problems: run.report.problems };
      }
      details[kind.name] = runs;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  return { figures, details };
}

// One of the kind's marks every forty sentences: enough to exercise tags, masking and escaping along the whole line.
function generateLine(seed: number, length: number, marks: readonly string[]): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index++) {
    const sentence = index % 40 === 39 ? `See ${marks[(index / 40) % marks.length | 0]} for more.` : generatePlainSentence(random);
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return parts.join(' ');
}
