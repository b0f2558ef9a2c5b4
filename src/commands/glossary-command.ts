import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.ts';
import { glossaryFormats, type GlossaryFormat } from '../glossary/glossary-format.ts';
import { checkExportPath } from '../io/check-export-path.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** `jialing glossary import|export`: exchange the glossary with translators as CSV or TBX. */
export function addGlossaryCommand(program: Command): void {
  const glossary = program.command('glossary').description('Exchange the glossary (locales/{lang}/glossary.json) as CSV or TBX');
  const formatOption = () => new Option('-f, --format <format>', 'csv or tbx; default: from the file name').choices(glossaryFormats);

  glossary
    .command('export')
    .description('Write the glossary of every language to a CSV or TBX file, or to stdout')
    .argument('[file]', 'file to write; stdout when absent')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .addOption(formatOption())
    .action(async (file: string | undefined, flags: { config?: string; format?: GlossaryFormat }) => {
      const [{ loadConfig }, { loadGlossary }, { exportGlossary }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../glossary/load-glossary.ts'),
        import('../glossary/export-glossary.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const format = flags.format ?? formatOf(file) ?? 'csv';
      if (file) await checkExportPath(file, { name: format.toUpperCase(), extensions: [`.${format}`] }, config);
      const loaded = await loadGlossary(config.localesDir, config.sourceLanguage, config.targetLanguages);
      const content = exportGlossary(loaded, config.targetLanguages, format);
      if (file) {
        await writeFileAtomic(path.resolve(file), content);
        process.stderr.write(`Wrote ${loaded.terms.length} terms to ${file}\n`);
      } else {
        process.stdout.write(content);
      }
    });

  glossary
    .command('import')
    .description('Merge a CSV or TBX glossary into locales/{lang}/glossary.json; a bad file changes nothing')
    .argument('<file>', 'CSV or TBX file')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .addOption(formatOption())
    .action(async (file: string, flags: { config?: string; format?: GlossaryFormat }) => {
      const [{ loadConfig }, { importGlossary }, { writeGlossaryFiles }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../glossary/import-glossary.ts'),
        import('../glossary/write-glossary.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const format = flags.format ?? formatOf(file);
      if (!format) throw new UsageError(`Cannot tell the format of ${file}.`, { hint: 'Name it *.csv or *.tbx, or pass --format csv|tbx.' });
      const content = await readFile(path.resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
      });
      const written = await writeGlossaryFiles(config.localesDir, importGlossary(content, format, config.sourceLanguage, file));
      process.stderr.write(written.length > 0 ? `Updated ${written.map((name) => path.relative(process.cwd(), name)).join(', ')}\n` : 'Nothing changed.\n');
    });
}

function formatOf(file: string | undefined): GlossaryFormat | undefined {
  const extension = file ? path.extname(file).slice(1).toLowerCase() : '';
  return (glossaryFormats as readonly string[]).includes(extension) ? (extension as GlossaryFormat) : undefined;
}
