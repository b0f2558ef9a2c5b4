import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/**
 * One article of a single 5 MB line (1 MB with --quick) of prose with glossary terms and now and then a code span, a
 * link or strong text, through the copy and the pseudo engine: every stage must stay linear in the line's length.
 */
export async function benchLongLine(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const megabytes = options.isQuick ? 1 : 5;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-long-line-'));
  try {
    const line = generateLine(options.seed, megabytes * 1_000_000);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'long.md'), `# A long line\n\n${line}\n`);
    // CPU time beside wall time: on a machine shared with other work, the wall time says more about the others.
    const parse = await timeWithCpu(() => void parseMarkdown(line));
    const figures: Figure[] = [info(section, 'line', line.length, `${(line.length / 1e6).toFixed(1)} MB`), info(section, 'bare remark parse', parse.ms, `${seconds(parse.ms)} (CPU ${seconds(parse.cpuMs)})`)];
    const details: Record<string, unknown> = { parse };
    for (const engine of ['copy', 'pseudo'] as const) {
      const { result: run, cpuMs } = await timeWithCpu(() => withBenchProject(folder, { engine }, ({ config }) => timedRun(config, { budgetMs: Math.max(options.runBudgetMs, targetMs * 4) })));
      const isWritten = run.isComplete && run.articlesDone === 1;
      const shown = `${isWritten ? seconds(run.ms) : `stopped after ${seconds(run.ms)}`} (CPU ${seconds(cpuMs)})`;
      figures.push(checked(section, `translateArticles, engine ${engine}`, run.ms, shown, `< ${seconds(targetMs)}`, isWritten && run.ms < targetMs));
      details[engine] = { ms: run.ms, cpuMs, isComplete: run.isComplete, problems: run.report.problems };
    }
    return { figures, details };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// Inline markup every forty sentences or so: enough to exercise tags, masking and escaping along the whole line.
function generateLine(seed: number, length: number): string {
  const random = createRandom(seed);
  const marks = ['`npm install`', '[the guide](guide.md)', '**Chongqing**'];
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index++) {
    const sentence = index % 40 === 39 ? `See ${marks[(index / 40) % marks.length | 0]} for more.` : generatePlainSentence(random);
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return parts.join(' ');
}
