import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.ts';
import { checkExportPath } from '../io/check-export-path.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** `jialing memory export|import`: exchange the translation memory as TMX 1.4b. */
export function addMemoryCommand(program: Command): void {
  const memory = program.command('memory').description('Exchange the translation memory with CAT tools (TMX 1.4b)');

  memory
    .command('export')
    .description('Write the memory as TMX to a file or stdout')
    .argument('[file]', 'file to write; stdout when absent')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .addOption(new Option('--format <format>', 'exchange format').choices(['tmx']).default('tmx'))
    .option('-l, --lang <code>', 'only this target language')
    .action(async (file: string | undefined, flags: { config?: string; lang?: string }) => {
      const [{ loadConfig }, { TranslationMemory }, { exportTmx }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/translation-memory.ts'),
        import('../memory/tmx-export.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      if (file) await checkExportPath(file, { name: 'TMX', extensions: ['.tmx', '.xml'] }, config);
      const opened = TranslationMemory.open(config.memoryFile);
      try {
        const content = exportTmx(opened, { sourceLanguage: config.sourceLanguage, targetLanguage: flags.lang });
        if (file) await writeFileAtomic(path.resolve(file), content);
        else process.stdout.write(content);
      } finally {
        opened.close();
      }
    });

  memory
    .command('import')
    .description('Add the units of a TMX file to the memory; a malformed or hostile file imports nothing')
    .argument('<file>', 'TMX file')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .action(async (file: string, flags: { config?: string }) => {
      const [{ loadConfig }, { TranslationMemory }, { importTmx }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/translation-memory.ts'),
        import('../memory/tmx-import.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const content = await readFile(path.resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
      });
      const opened = TranslationMemory.open(config.memoryFile);
      try {
        const result = importTmx(opened, content, { sourceLanguage: config.sourceLanguage, file });
        process.stderr.write(`Imported ${result.imported} translation units from ${file}${result.skipped ? `, skipped ${result.skipped}` : ''}.\n`);
        for (const problem of result.problems) process.stderr.write(`warning: ${problem}\n`);
      } finally {
        opened.close();
      }
    });
}
