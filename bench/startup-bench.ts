import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './bench-options.ts';
import { checked, info, seconds, type Figure } from './figure.ts';
import { compareMedians } from './measure.ts';
import { runCommand } from './run-command.ts';
import { copySampleSources } from '../tests/support/sample-sources.ts';

const section = '0 start-up';
// What a person notices on every command, above Node's own start.
const maxAboveNodeMs = 300;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'bin', 'jialing.js');

/** `jialing --help` and `jialing status` on the sample project (compiled CLI), against `node -e ''`, each a fresh process. */
export async function benchStartup(options: BenchOptions): Promise<{ figures: Figure[]; details: object }> {
  const project = await sampleProject();
  try {
    const node = (args: readonly string[]) => async () => {
      const output = await runCommand(process.execPath, args, { cwd: project });
      if (output.code !== 0) throw new Error(`node ${args.join(' ')} exited with ${output.code}:\n${output.stderr}`);
    };
    await node([bin, 'translate', '--quiet'])();
    const timings = await compareMedians({ node: node(['-e', '']), help: node([bin, '--help']), status: node([bin, 'status']) }, { repeats: Math.max(5, options.repeats) });
    const above = (name: 'help' | 'status') => timings[name].median - timings.node.median;
    const figures: Figure[] = [
      info(section, "node -e ''", timings.node.median, seconds(timings.node.median)),
      checked(section, 'jialing --help, above node', above('help'), `${seconds(above('help'))} (${seconds(timings.help.median)})`, `≤ ${seconds(maxAboveNodeMs)}`, above('help') <= maxAboveNodeMs),
      checked(section, 'jialing status (sample project, up to date), above node', above('status'), `${seconds(above('status'))} (${seconds(timings.status.median)})`, `≤ ${seconds(maxAboveNodeMs)}`, above('status') <= maxAboveNodeMs),
    ];
    return { figures, details: timings };
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

// The repository's sample as a project that installed jialing: its articles, glossary, and a TypeScript config
// importing defineConfig from the package, whose bundle the project's node_modules/.cache keeps between commands.
async function sampleProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jialing-bench-sample-'));
  await copySampleSources(dir);
  await mkdir(path.join(dir, 'node_modules'));
  await symlink(repoRoot, path.join(dir, 'node_modules', 'jialing'), 'dir');
  await writeFile(
    path.join(dir, 'pipeline.config.ts'),
    `import { defineConfig } from 'jialing/config';\n\nexport default defineConfig({ targetLanguages: ['es', 'ca'], engine: 'apertium' });\n`,
  );
  return dir;
}
